from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerCsiCallUnsatisfied(models.TransientModel):
    """The customer is not satisfied: open a complaint, or call again until satisfied."""

    _name = "dealer.csi.call.unsatisfied"
    _description = "Customer Not Satisfied"

    call_id = fields.Many2one("dealer.csi.call", string="Call", required=True, ondelete="cascade")
    note = fields.Text(string="What the Customer Said", compute="_compute_note", store=True, readonly=False)
    next_step = fields.Selection(
        [("complaint", "Open a Complaint"), ("repeat", "Call Again")],
        string="Next Step", required=True, default="complaint",
    )
    repeat_date = fields.Date(string="Call Again On", compute="_compute_repeat_date", store=True, readonly=False)

    @api.depends("call_id")
    def _compute_note(self):
        for wizard in self:
            wizard.note = wizard.call_id.note

    @api.depends("call_id")
    def _compute_repeat_date(self):
        for wizard in self:
            wizard.repeat_date = wizard.call_id.company_id._dealer_csi_today() + relativedelta(days=1) \
                if wizard.call_id else False

    def action_confirm(self):
        self.ensure_one()
        if not self.note:
            raise UserError(self.env._("Write down what the customer is not satisfied with."))
        if self.next_step == "repeat" and not self.repeat_date:
            raise UserError(self.env._("Choose the day to call the customer again."))
        result = self.call_id._dealer_csi_record_unsatisfied(self.next_step, self.note, self.repeat_date)
        if self.next_step == "complaint":
            return {
                "type": "ir.actions.act_window",
                "res_model": "dealer.csi.complaint",
                "res_id": result.id,
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
            }
        return {"type": "ir.actions.act_window_close"}

from odoo import fields, models


class DealerInsuranceStartOverride(models.TransientModel):
    """The claims lead lets an accident repair start before the insurer's assessment."""

    _name = "dealer.insurance.start.override"
    _description = "Start Repair Before Assessment"

    case_id = fields.Many2one("dealer.insurance.case", string="Accident Case", required=True, ondelete="cascade")
    reason = fields.Text(string="Reason", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.case_id._dealer_override_start(self.reason)
        return {"type": "ir.actions.act_window_close"}

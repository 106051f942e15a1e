from odoo import api, fields, models
from odoo.fields import Command


class DealerWarrantyClaimAnswer(models.TransientModel):
    """The OEM's answer to a submitted claim, line by line: approved in full, cut, or rejected
    with the OEM's reason code."""

    _name = "dealer.warranty.claim.answer"
    _description = "OEM's Answer to a Warranty Claim"

    claim_id = fields.Many2one("dealer.warranty.claim", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="claim_id.currency_id")
    brand_id = fields.Many2one(related="claim_id.brand_id")
    line_ids = fields.One2many("dealer.warranty.claim.answer.line", "answer_id", string="Lines")
    reason_id = fields.Many2one(
        "dealer.warranty.reason", string="OEM Reason",
        domain="['|', ('brand_id', '=', False), ('brand_id', '=', brand_id)]",
        help="Required when the OEM cuts or rejects the claim.",
    )
    note = fields.Text(string="OEM's Comment")
    amount_open = fields.Monetary(string="Claimed", compute="_compute_totals", currency_field="currency_id")
    amount_approved = fields.Monetary(string="Approved", compute="_compute_totals", currency_field="currency_id")

    @api.depends("line_ids.amount_open", "line_ids.amount_approved")
    def _compute_totals(self):
        for answer in self:
            answer.amount_open = sum(answer.line_ids.mapped("amount_open"))
            answer.amount_approved = sum(answer.line_ids.mapped("amount_approved"))

    @api.model
    def _dealer_open_for(self, claim):
        claim.ensure_one()
        answer = self.create({
            "claim_id": claim.id,
            "line_ids": [Command.create({
                "claim_line_id": line.id,
                "amount_open": line.amount - line.amount_approved,
                "amount_approved": line.amount - line.amount_approved,
            }) for line in claim.line_ids if not claim.currency_id.is_zero(line.amount - line.amount_approved)],
        })
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("OEM's Answer"),
            "res_model": self._name,
            "res_id": answer.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_reject_all(self):
        self.line_ids.amount_approved = 0.0
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form",
                "views": [(False, "form")], "target": "new", "name": self.env._("OEM's Answer")}

    def action_confirm(self):
        self.ensure_one()
        self.claim_id._dealer_record_answer(
            {line.claim_line_id: line.amount_approved for line in self.line_ids}, self.reason_id, self.note)
        return {"type": "ir.actions.act_window_close"}

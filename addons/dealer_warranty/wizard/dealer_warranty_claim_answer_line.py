from odoo import fields, models


class DealerWarrantyClaimAnswerLine(models.TransientModel):
    _name = "dealer.warranty.claim.answer.line"
    _description = "OEM's Answer to a Claim Line"

    answer_id = fields.Many2one("dealer.warranty.claim.answer", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="answer_id.currency_id")
    claim_line_id = fields.Many2one("dealer.warranty.claim.line", string="Claim Line", required=True, readonly=True)
    name = fields.Text(related="claim_line_id.name")
    amount_open = fields.Monetary(string="Claimed", readonly=True, currency_field="currency_id")
    amount_approved = fields.Monetary(string="Approved", currency_field="currency_id")

from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    dealer_claim_line_id = fields.Many2one(
        "dealer.warranty.claim.line", string="Warranty Claim Line", index="btree_not_null", readonly=True,
        copy=False, ondelete="set null",
    )

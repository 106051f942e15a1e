from odoo import api, fields, models

from odoo.addons.dealer_service.sealed import check_sealed


class AccountMove(models.Model):
    _inherit = "account.move"

    dealer_warranty_claim_id = fields.Many2one(
        "dealer.warranty.claim", string="Warranty Claim", index="btree_not_null", readonly=True, copy=False,
        help="The OEM warranty claim this invoice or credit note books as a receivable from the OEM.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # only the claim's submission and the OEM's answer book a claim
        for vals in vals_list:
            check_sealed(self, vals, ("dealer_warranty_claim_id",), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, ("dealer_warranty_claim_id",))
        return super().write(vals)

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_warranty_enabled = fields.Boolean(
        string="OEM Warranty",
        default=True,
        help="Warranty appraisal, OEM claims, the old-part store and the claim ledger.",
    )

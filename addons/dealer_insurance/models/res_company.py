from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_insurance_enabled = fields.Boolean(
        string="Insurance Repairs",
        default=True,
        help="Accident cases, loss estimates, insurer approvals, receivables and renewals.",
    )

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_commission_enabled = fields.Boolean(
        string="Staff Commission",
        default=True,
        help="Commission rules and the monthly commission sheets of after-sales staff.",
    )

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_parts_enabled = fields.Boolean(
        string="Parts Discipline",
        default=True,
        help="Bin locations, stock cards, purchase plans, numbered multi-copy parts documents and scrap approval.",
    )

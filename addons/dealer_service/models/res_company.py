from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_comeback_days = fields.Integer(
        string="Comeback Window (days)",
        default=30,
        help="A repair order for the same vehicle within this many days of an "
        "earlier one can be linked to it as a comeback (rework).",
    )
    dealer_advisor_discount_limit = fields.Float(
        string="Advisor Discount Limit (%)",
        default=10.0,
        help="Highest discount a service advisor may give on a repair order line; "
        "a higher discount needs a service manager.",
    )

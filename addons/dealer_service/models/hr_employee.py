from odoo import fields, models

from .dealer_repair_order import TRADES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    dealer_trade = fields.Selection(
        TRADES, string="Workshop Trade",
        help="Set on technicians: the trade whose jobs they are dispatched. Their working "
        "schedule gives the workshop's free hours.",
    )
    dealer_team_id = fields.Many2one(
        "dealer.workshop.team", string="Workshop Team", index="btree_not_null", check_company=True,
    )

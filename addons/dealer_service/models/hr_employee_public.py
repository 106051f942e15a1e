from odoo import fields, models

from .dealer_repair_order import TRADES


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    dealer_trade = fields.Selection(TRADES, string="Workshop Trade", readonly=True)
    dealer_team_id = fields.Many2one("dealer.workshop.team", string="Workshop Team", readonly=True)

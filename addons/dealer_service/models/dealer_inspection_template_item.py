from odoo import fields, models

from .dealer_repair_order import TRADES


class DealerInspectionTemplateItem(models.Model):
    _name = "dealer.inspection.template.item"
    _description = "Health Check Template Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "dealer.inspection.template", string="Template", required=True, index=True, ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    area = fields.Char(translate=True, help="Part of the car, e.g. Under the hood, Brakes, Tyres.")
    name = fields.Char(string="Check Point", required=True, translate=True)
    trade = fields.Selection(TRADES, default="mechanical", required=True)
    estimated_hours = fields.Float(
        string="Labour Hours", help="Labour hours of the recommended work when the point is not green.",
    )

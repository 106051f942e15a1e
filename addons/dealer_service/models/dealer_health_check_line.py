from odoo import fields, models

from .dealer_repair_order import TRADES

HEALTH_RATINGS = [
    ("green", "Green"),
    ("amber", "Amber"),
    ("red", "Red"),
]


class DealerHealthCheckLine(models.Model):
    _name = "dealer.health.check.line"
    _description = "Health Check Point"
    _order = "check_id, sequence, id"

    check_id = fields.Many2one(
        "dealer.health.check", string="Health Check", required=True, index=True, ondelete="cascade",
    )
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    area = fields.Char()
    name = fields.Char(string="Check Point", required=True)
    rating = fields.Selection(
        HEALTH_RATINGS, required=True, default="green",
        help="Green: fine. Amber: needs attention soon. Red: needs work now.",
    )
    note = fields.Char(help="What was found, e.g. pad thickness 3 mm.")
    photo = fields.Image(max_width=1920, max_height=1920)
    trade = fields.Selection(TRADES, default="mechanical", required=True)
    estimated_hours = fields.Float(string="Labour Hours")
    estimated_amount = fields.Float(string="Estimated Amount", digits="Product Price")
    order_line_id = fields.Many2one(
        "dealer.repair.order.line", string="Recommended Line", readonly=True, copy=False,
        index="btree_not_null",
    )

    def _recommendation_text(self):
        self.ensure_one()
        return " - ".join(part for part in (self.name, self.note) if part)

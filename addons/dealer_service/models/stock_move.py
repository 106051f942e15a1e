from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    dealer_repair_line_id = fields.Many2one(
        "dealer.repair.order.line", string="Repair Order Line", index="btree_not_null", readonly=True, copy=False,
    )

    def _prepare_merge_moves_distinct_fields(self):
        # each repair order line keeps its own move, even for the same part
        return [*super()._prepare_merge_moves_distinct_fields(), "dealer_repair_line_id"]

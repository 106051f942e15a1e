from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    dealer_repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", readonly=True, copy=False,
    )

    def _reverse_moves(self, default_values_list=None, cancel=False):
        # a credit note correcting a repair order's invoice stays linked to the order
        if not default_values_list:
            default_values_list = [{} for _move in self]
        for move, default_values in zip(self, default_values_list, strict=True):
            if move.dealer_repair_order_id:
                default_values.setdefault("dealer_repair_order_id", move.dealer_repair_order_id.id)
        return super()._reverse_moves(default_values_list=default_values_list, cancel=cancel)

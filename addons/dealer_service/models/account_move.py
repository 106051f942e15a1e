from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    dealer_repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", readonly=True, copy=False,
    )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if self.env.context.get("include_business_fields"):
            # a credit note (and the new invoice of a correction) of a repair order's invoice stays
            # linked to the order, as its lines stay linked to the order lines
            for move, vals in zip(self, vals_list, strict=True):
                if move.dealer_repair_order_id:
                    vals.setdefault("dealer_repair_order_id", move.dealer_repair_order_id.id)
        return vals_list

    def action_view_dealer_repair_order(self):
        """The repair order an invoice bills, as billing sees it: lines, payers and settlement."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Repair Order"),
            "res_model": "dealer.repair.order",
            "res_id": self.dealer_repair_order_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("dealer_service.dealer_repair_order_view_form_billing").id, "form")],
        }

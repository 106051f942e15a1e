from odoo import api, fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    dealer_plan_line_id = fields.Many2one("dealer.parts.plan.line", string="Plan Line", readonly=True,
                                          copy=False, index="btree_not_null")

    @api.onchange("product_id")
    def _onchange_dealer_superseded_product(self):
        """An order for a superseded part number proposes the new number."""
        return self.env["product.product"]._dealer_propose_current_number(self)

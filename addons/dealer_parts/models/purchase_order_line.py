from odoo import fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    dealer_plan_line_id = fields.Many2one("dealer.parts.plan.line", string="Plan Line", readonly=True,
                                          copy=False, index="btree_not_null")

from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    dealer_paint_material = fields.Boolean(
        string="Paint Material",
        help="Products of this category are paint material: their revenue per paint labour hour adjusts the "
             "painters' commission rate.")

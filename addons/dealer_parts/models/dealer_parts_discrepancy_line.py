from odoo import api, fields, models

DISCREPANCY_KINDS = [
    ("shortage", "Shortage"),
    ("damaged", "Damaged"),
    ("wrong", "Wrong Part"),
    ("price", "Price Difference"),
]


class DealerPartsDiscrepancyLine(models.Model):
    _name = "dealer.parts.discrepancy.line"
    _description = "Parts Discrepancy Line"
    _order = "discrepancy_id, id"

    discrepancy_id = fields.Many2one("dealer.parts.discrepancy", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="discrepancy_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Part", required=True)
    kind = fields.Selection(DISCREPANCY_KINDS, string="Problem", required=True)
    quantity = fields.Float(string="Quantity", digits="Product Unit")
    price_unit = fields.Float(string="Unit Price", digits="Product Price",
                              help="Order price; for a price difference, the delivery price minus the order price.")
    amount = fields.Float(string="Amount", compute="_compute_amount", store=True, digits="Product Price")
    move_id = fields.Many2one("stock.move", string="Receipt Move", readonly=True)
    note = fields.Char(string="Remark")

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.price_unit

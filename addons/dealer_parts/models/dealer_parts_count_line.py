from odoo import api, fields, models


class DealerPartsCountLine(models.Model):
    _name = "dealer.parts.count.line"
    _description = "Parts Stock Count Line"
    _order = "count_id, location_id, product_id"
    _check_company_auto = True

    count_id = fields.Many2one("dealer.parts.count", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="count_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Part", required=True, check_company=True)
    location_id = fields.Many2one("stock.location", string="Bin", required=True, check_company=True)
    theoretical_qty = fields.Float(string="Book Quantity", digits="Product Unit", readonly=True)
    counted_qty = fields.Float(string="Counted Quantity", digits="Product Unit")
    difference_qty = fields.Float(string="Difference", compute="_compute_difference", store=True,
                                  digits="Product Unit")
    unit_cost = fields.Float(string="Unit Cost", compute="_compute_difference", store=True, digits="Product Price")
    difference_value = fields.Float(string="Difference Value", compute="_compute_difference", store=True,
                                    digits="Product Price")
    reason = fields.Char(string="Reason for the Difference")

    @api.depends("theoretical_qty", "counted_qty", "product_id")
    def _compute_difference(self):
        for line in self:
            line.difference_qty = line.counted_qty - line.theoretical_qty
            line.unit_cost = line.product_id.with_company(line.company_id).standard_price
            line.difference_value = line.difference_qty * line.unit_cost

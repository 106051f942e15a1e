from odoo import api, fields, models

from odoo.addons.dealer_service.sealed import check_sealed


class DealerPartsScrapLine(models.Model):
    _name = "dealer.parts.scrap.line"
    _description = "Parts Scrap Request Line"
    _order = "request_id, id"
    _check_company_auto = True

    request_id = fields.Many2one("dealer.parts.scrap.request", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    product_id = fields.Many2one("product.product", string="Part", required=True, check_company=True,
                                 domain="[('is_storable', '=', True)]")
    location_id = fields.Many2one("stock.location", string="Bin", required=True, check_company=True,
                                  domain="[('usage', '=', 'internal')]")
    quantity = fields.Float(string="Quantity", required=True, default=1.0, digits="Product Unit")
    unit_cost = fields.Float(string="Unit Cost", compute="_compute_unit_cost", store=True, precompute=True,
                             digits="Product Price",
                             help="The average cost until the parts are scrapped, then the stock valuation of the "
                                  "scrap moves.")
    value = fields.Float(string="Value", compute="_compute_value", store=True, digits="Product Price")
    reason = fields.Selection([
        ("damaged", "Damaged"),
        ("quality", "Quality Problem"),
        ("obsolete", "Model Discontinued"),
    ], string="Reason")
    note = fields.Char(string="Appraisal")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ("unit_cost",), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, ("unit_cost",))
        return super().write(vals)

    @api.depends("product_id")
    def _compute_unit_cost(self):
        for line in self:
            line.unit_cost = line.product_id.with_company(line.company_id).standard_price

    @api.depends("quantity", "unit_cost")
    def _compute_value(self):
        for line in self:
            line.value = line.quantity * line.unit_cost

from odoo import api, fields, models

from .dealer_repair_order import TRADES


class DealerLabourOperation(models.Model):
    """A labour operation of the catalogue (工时项目), sold as a service product."""

    _name = "dealer.labour.operation"
    _description = "Labour Operation"
    _order = "code, id"
    _check_company_auto = True

    code = fields.Char(required=True, index="trigram")
    name = fields.Char(required=True, translate=True, index="trigram")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Store", index=True,
        help="Leave empty to share the operation between all stores of the group.",
    )
    trade = fields.Selection(TRADES, required=True, default="mechanical")
    standard_hours = fields.Float(
        string="Standard Hours", required=True, default=1.0, digits=(16, 2),
        help="Flat-rate hours charged when no time is set for the vehicle's model.",
    )
    model_time_ids = fields.One2many(
        "dealer.labour.operation.time", "operation_id", string="Hours per Vehicle Model",
    )
    oem_time_ids = fields.One2many(
        "dealer.labour.operation.oem.time", "operation_id", string="OEM Warranty Hours",
        help="The hours each brand's OEM pays for this operation under its warranty.",
    )
    product_id = fields.Many2one(
        "product.product", string="Service Product", required=True, index=True,
        check_company=True, domain=[("type", "=", "service")],
        help="The service product invoiced for this operation; its category gives the income account.",
    )

    _code_company_uniq = models.Constraint(
        "unique(code, company_id)",
        "A labour operation code must be unique per store.",
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for operation in self:
            operation.display_name = f"[{operation.code}] {operation.name}" if operation.code else operation.name

    @api.model_create_multi
    def create(self, vals_list):
        category = self.env.ref("dealer_service.product_category_labour", raise_if_not_found=False)
        for vals in vals_list:
            if not vals.get("product_id"):
                vals["product_id"] = self.env["product.product"].create({
                    "name": vals.get("name"),
                    "default_code": vals.get("code"),
                    "type": "service",
                    "company_id": vals.get("company_id"),
                    "categ_id": category.id if category else False,
                }).id
        return super().create(vals_list)

    def _get_hours(self, vehicle_model):
        """Standard hours of this operation for a vehicle model."""
        self.ensure_one()
        specific = self.model_time_ids.filtered(lambda t: t.model_id == vehicle_model)[:1]
        return specific.hours if specific else self.standard_hours

    def _get_oem_hours(self, brand):
        """The hours the OEM of ``brand`` pays for this operation under warranty, or None
        where the maker has no time of its own for it."""
        self.ensure_one()
        oem_time = self.oem_time_ids.filtered(lambda t: t.brand_id == brand)[:1]
        return oem_time.hours if oem_time else None

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DealerWarrantyTerm(models.Model):
    """The maker's warranty for the vehicles of a brand (or some of its models): the basic
    warranty, longer component warranties, and the wear parts no warranty covers."""

    _name = "dealer.warranty.term"
    _description = "Warranty Terms"
    _order = "brand_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Store", index=True,
        help="Leave empty: the maker's terms apply in every store of the group.",
    )
    brand_id = fields.Many2one("fleet.vehicle.model.brand", string="Brand", required=True, index=True,
                               ondelete="cascade")
    model_ids = fields.Many2many(
        "fleet.vehicle.model", string="Vehicle Models", domain="[('brand_id', '=', brand_id)]",
        help="Models these terms are for; empty means every model of the brand without terms of its own.",
    )
    months = fields.Integer(string="Basic Warranty (months)", required=True, default=36)
    mileage = fields.Integer(string="Basic Warranty (km)", default=100000, help="0 means no mileage limit.")
    component_ids = fields.One2many("dealer.warranty.term.component", "term_id", string="Component Warranties",
                                    copy=True)
    wear_categ_ids = fields.Many2many(
        "product.category", string="Wear Part Categories",
        help="Parts of these categories wear out in use: no warranty covers them.",
    )
    wear_product_ids = fields.Many2many(
        "product.product", string="Wear Parts", domain=[("type", "=", "consu")],
        help="Parts that wear out in use (filters, wiper blades, bulbs...): no warranty covers them.",
    )

    _months_positive = models.Constraint("CHECK(months > 0)", "A warranty lasts at least one month.")
    _mileage_positive = models.Constraint("CHECK(mileage >= 0)", "A warranty's mileage cannot be negative.")

    @api.constrains("model_ids", "brand_id")
    def _check_model_brand(self):
        for term in self:
            strangers = term.model_ids.filtered(lambda model, term=term: model.brand_id != term.brand_id)
            if strangers:
                raise ValidationError(self.env._(
                    "%(models)s are not models of %(brand)s: the terms of %(term)s are the brand's.",
                    models=", ".join(strangers.mapped("name")), brand=term.brand_id.name, term=term.name,
                ))

    def _dealer_is_wear_part(self, product):
        self.ensure_one()
        if not product:
            return False
        paths = [categ.parent_path for categ in self.wear_categ_ids]
        return product in self.wear_product_ids or any(
            (product.categ_id.parent_path or "").startswith(path) for path in paths)

    def _dealer_warranties(self, vehicle, day, mileage):
        """The basic warranty then each component warranty of ``vehicle`` on ``day`` at ``mileage``:
        ``[{"name", "component", "date_end", "mileage", "inside"}]`` (no start date: never inside)."""
        self.ensure_one()
        start = vehicle.dealer_warranty_start_date
        result = []
        for component in (False, *self.component_ids):
            months, limit = (component.months, component.mileage) if component else (self.months, self.mileage)
            date_end = start and start + relativedelta(months=months, days=-1)
            result.append({
                "name": component.name if component else self.env._("Basic warranty"),
                "component": component,
                "date_end": date_end,
                "mileage": limit,
                "inside": bool(date_end and day <= date_end and (not limit or mileage <= limit)),
            })
        return result

    def _dealer_line_warranty(self, warranties, product, operation):
        """The warranty of ``warranties`` covering a part or a labour operation: the component's if
        one covers it, else the basic warranty; ``None`` for a wear part."""
        self.ensure_one()
        if self._dealer_is_wear_part(product):
            return None
        for warranty in warranties[1:]:
            if warranty["component"]._dealer_covers(product, operation):
                return warranty
        return warranties[0]

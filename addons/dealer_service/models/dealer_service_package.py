from odoo import fields, models


class DealerServicePackage(models.Model):
    """A maintenance package (e.g. the 5,000 km service) expanding into lines."""

    _name = "dealer.service.package"
    _description = "Maintenance Package"
    _order = "mileage, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Store", index=True,
        help="Leave empty to share the package between all stores of the group.",
    )
    model_ids = fields.Many2many(
        "fleet.vehicle.model", string="Vehicle Models",
        help="Models the package is meant for; empty means all models.",
    )
    mileage = fields.Integer(string="Mileage (km)", help="Mileage at which this service is due.")
    line_ids = fields.One2many("dealer.service.package.line", "package_id", string="Contents", copy=True)

from odoo import fields, models


class DealerLabourOperationOemTime(models.Model):
    """The hours a brand's OEM pays for a labour operation under its warranty (the
    maker's own labour-time catalogue), which can differ from the store's hours."""

    _name = "dealer.labour.operation.oem.time"
    _description = "OEM Warranty Hours per Brand"
    _order = "operation_id, brand_id"

    operation_id = fields.Many2one(
        "dealer.labour.operation", string="Labour Operation", required=True, index=True, ondelete="cascade",
    )
    brand_id = fields.Many2one("fleet.vehicle.model.brand", string="Brand", required=True, ondelete="cascade")
    hours = fields.Float(string="OEM Hours", required=True, digits=(16, 2))

    _operation_brand_uniq = models.Constraint(
        "unique(operation_id, brand_id)",
        "A labour operation has one OEM warranty time per brand.",
    )
    _hours_positive = models.Constraint(
        "CHECK(hours >= 0)",
        "OEM hours cannot be negative.",
    )

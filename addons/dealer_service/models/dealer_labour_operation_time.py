from odoo import fields, models


class DealerLabourOperationTime(models.Model):
    _name = "dealer.labour.operation.time"
    _description = "Labour Operation Hours per Vehicle Model"
    _order = "operation_id, model_id"

    operation_id = fields.Many2one(
        "dealer.labour.operation", string="Labour Operation", required=True, index=True, ondelete="cascade",
    )
    model_id = fields.Many2one("fleet.vehicle.model", string="Vehicle Model", required=True, ondelete="cascade")
    hours = fields.Float(string="Standard Hours", required=True, digits=(16, 2))

    _operation_model_uniq = models.Constraint(
        "unique(operation_id, model_id)",
        "A labour operation has one standard time per vehicle model.",
    )
    _hours_positive = models.Constraint(
        "CHECK(hours >= 0)",
        "Standard hours cannot be negative.",
    )

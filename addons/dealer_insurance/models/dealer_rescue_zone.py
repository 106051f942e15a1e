from odoo import fields, models


class DealerRescueZone(models.Model):
    """Where a broken-down or damaged vehicle is, and how soon the store promised to be there."""

    _name = "dealer.rescue.zone"
    _description = "Rescue Zone"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True, default=lambda self: self.env.company,
    )
    promised_minutes = fields.Integer(
        string="Promised Arrival (minutes)", required=True, default=30,
        help="Minutes from the customer's call to the rescue vehicle's arrival that the store promises.",
    )

    _promised_minutes_positive = models.Constraint(
        "CHECK(promised_minutes > 0)",
        "The promised arrival time of a rescue zone must be more than zero minutes.",
    )

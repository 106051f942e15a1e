from odoo import fields, models

from .dealer_repair_order import TRADES


class DealerLabourRate(models.Model):
    """The hourly labour rate of a trade in a store."""

    _name = "dealer.labour.rate"
    _description = "Labour Rate"
    _order = "company_id, trade"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    trade = fields.Selection(TRADES, required=True)
    rate = fields.Monetary(string="Hourly Rate", required=True, currency_field="currency_id")

    _trade_company_uniq = models.Constraint(
        "unique(company_id, trade)",
        "Each trade has one hourly rate per store.",
    )
    _rate_positive = models.Constraint(
        "CHECK(rate >= 0)",
        "An hourly rate cannot be negative.",
    )

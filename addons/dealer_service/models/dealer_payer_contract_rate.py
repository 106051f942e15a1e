from odoo import fields, models

from .dealer_repair_order import TRADES


class DealerPayerContractRate(models.Model):
    """The hourly labour rate of a trade agreed in a payer contract."""

    _name = "dealer.payer.contract.rate"
    _description = "Payer Contract Labour Rate"
    _order = "contract_id, trade"

    contract_id = fields.Many2one(
        "dealer.payer.contract", string="Contract", required=True, index=True, ondelete="cascade",
    )
    currency_id = fields.Many2one(related="contract_id.currency_id")
    trade = fields.Selection(TRADES, required=True)
    rate = fields.Monetary(string="Hourly Rate", required=True, currency_field="currency_id")

    _contract_trade_uniq = models.Constraint(
        "unique(contract_id, trade)",
        "A contract has one labour rate per trade.",
    )
    _rate_positive = models.Constraint(
        "CHECK(rate >= 0)",
        "An hourly rate cannot be negative.",
    )

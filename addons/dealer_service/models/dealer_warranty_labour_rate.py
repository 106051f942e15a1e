from odoo import fields, models


class DealerWarrantyLabourRate(models.Model):
    """The hourly labour rate a brand's OEM pays a store for warranty work. Each maker
    negotiates its rate with each dealer, so the rate is per store and brand."""

    _name = "dealer.warranty.labour.rate"
    _description = "Warranty Labour Rate"
    _order = "company_id, brand_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    brand_id = fields.Many2one("fleet.vehicle.model.brand", string="Brand", required=True, ondelete="cascade")
    rate = fields.Monetary(string="Hourly Rate", required=True, currency_field="currency_id")

    _brand_company_uniq = models.Constraint(
        "unique(company_id, brand_id)",
        "Each brand has one warranty labour rate per store.",
    )
    _rate_positive = models.Constraint(
        "CHECK(rate >= 0)",
        "An hourly rate cannot be negative.",
    )

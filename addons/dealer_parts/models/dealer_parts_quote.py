from odoo import fields, models


class DealerPartsQuote(models.Model):
    """A supplier's quote for a planned part: A-class parts compare three."""

    _name = "dealer.parts.quote"
    _description = "Parts Supplier Quote"
    _order = "price_unit, id"
    _check_company_auto = True

    plan_line_id = fields.Many2one("dealer.parts.plan.line", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_line_id.company_id", store=True, index=True)
    product_id = fields.Many2one(related="plan_line_id.product_id")
    partner_id = fields.Many2one("res.partner", string="Supplier", required=True, check_company=True)
    price_unit = fields.Float(string="Unit Price", required=True, digits="Product Price")
    lead_days = fields.Integer(string="Lead Time (days)")
    quality = fields.Char(string="Quality / Brand")
    selected = fields.Boolean(string="Chosen")

    _partner_line_uniq = models.Constraint(
        "unique(plan_line_id, partner_id)",
        "Record one quote per supplier.",
    )

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class DealerPayerContract(models.Model):
    """The terms a store agreed with a partner it bills (an insurer, a fleet customer): its
    labour rates and parts discount price the repair order lines billed to that partner while
    the contract is valid. The payer modules add their own terms (dealer_insurance: the insurer's)."""

    _name = "dealer.payer.contract"
    _description = "Payer Contract"
    _inherit = ["mail.thread"]
    _order = "company_id, partner_id, date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Contract", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Billed Partner", required=True, index=True, check_company=True, tracking=True,
        help="The partner billed for the lines these terms price: an insurer, a fleet customer.",
    )
    date_start = fields.Date(string="Valid From", tracking=True)
    date_end = fields.Date(string="Valid Until", tracking=True)
    labour_rate = fields.Monetary(
        string="Labour Rate", currency_field="currency_id", tracking=True,
        help="Hourly rate of every trade without a rate of its own below; 0 charges the store's rate.",
    )
    rate_ids = fields.One2many("dealer.payer.contract.rate", "contract_id", string="Labour Rates per Trade")
    parts_discount = fields.Float(
        string="Parts Discount (%)", digits="Discount", tracking=True,
        help="Discount on the list price of the parts billed to this partner.",
    )
    note = fields.Text(string="Terms")

    _labour_rate_positive = models.Constraint(
        "CHECK(labour_rate >= 0)",
        "A contract's labour rate cannot be negative.",
    )
    _parts_discount_range = models.Constraint(
        "CHECK(parts_discount >= 0 AND parts_discount <= 100)",
        "A contract's parts discount is between 0% and 100%.",
    )
    _dates_order = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "A contract cannot end before it starts.",
    )

    @api.constrains("partner_id", "company_id", "date_start", "date_end", "active")
    def _check_no_overlap(self):
        for contract in self.filtered("active"):
            domain = Domain([
                ("id", "!=", contract.id),
                ("company_id", "=", contract.company_id.id),
                ("partner_id", "=", contract.partner_id.id),
            ])
            if contract.date_end:
                domain &= Domain("date_start", "=", False) | Domain("date_start", "<=", contract.date_end)
            if contract.date_start:
                domain &= Domain("date_end", "=", False) | Domain("date_end", ">=", contract.date_start)
            other = self.search(domain, limit=1)
            if other:
                raise ValidationError(self.env._(
                    "%(partner)s already has the contract %(other)s in %(store)s for these dates: one contract "
                    "prices a partner's lines at a time; end or archive the other one first.",
                    partner=contract.partner_id.display_name, other=other.name,
                    store=contract.company_id.display_name,
                ))

    def _is_valid_on(self, day):
        self.ensure_one()
        return (not self.date_start or self.date_start <= day) and (not self.date_end or day <= self.date_end)

    def _get_line_price_values(self, line, values):
        """The contract's terms applied to ``values`` (the line's list price values): the labour
        rate of the line's trade, the parts discount on part lines. Override to add terms."""
        self.ensure_one()
        values = dict(values)
        if line.line_type == "labour" and line.trade:
            rate = self.rate_ids.filtered(lambda r: r.trade == line.trade)[:1].rate or self.labour_rate
            if rate:
                values["price_unit"] = rate
        elif line.line_type == "part" and self.parts_discount:
            values["discount"] = self.parts_discount
        return values

import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

RULE_TYPES = [
    ("pool", "Pool: base x rate x achievements"),
    ("band_rate", "Tiered rate per unit"),
    ("per_unit", "Fixed amount per unit"),
    ("split", "Percentage split between groups"),
    ("assessment", "Fixed / assessed split"),
    ("percent_cut", "Percentage cut by band"),
    ("band_amount", "Base x factor by band"),
    ("fund", "After-sales fund"),
]
SUBTOTAL = "subtotal"  # the measure code of the contributions of the earlier rules


class DealerCommissionRule(models.Model):
    """One rule of a store's commission scheme, valid for a period (a new scheme is a
    new set of rules). Rule types are code, their figures are data."""

    _name = "dealer.commission.rule"
    _description = "Commission Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(string="Rule", required=True, translate=True)
    sequence = fields.Integer(default=10, help="Rules apply in this order; a rule on the subtotal sees the "
                                               "contributions of the rules before it.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", string="Store", required=True, index=True,
                                 default=lambda self: self.env.company)
    group_id = fields.Many2one("dealer.commission.group", string="Group", check_company=True,
                               help="The group the rule pays or cuts; empty: every group.")
    scope = fields.Selection([("group", "Group pool"), ("employee", "Each employee")], string="Applies To",
                             required=True, default="employee",
                             help="Group pool: computed on the group's measures and shared by the members' "
                                  "coefficients. Each employee: computed on the employee's own measures.")
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To", help="Empty: until a new scheme replaces it.")
    rule_type = fields.Selection(RULE_TYPES, string="Type", required=True, default="pool")
    measure_code = fields.Char(string="Base Measure", required=True, default=SUBTOTAL,
                               help="The measure the rule applies to; 'subtotal' is the sum of the earlier rules.")
    factor_measure_code = fields.Char(
        string="Band / Score Measure",
        help="The measure that chooses the band (tiered rules, cuts) or the assessment score (0-100); "
             "empty: the base measure.")
    adjust_measure_code = fields.Char(string="Adjustment Measure",
                                      help="The measure whose band adjusts the rate (paint material per hour).")
    achievement_codes = fields.Char(string="Achievements",
                                    help="Comma-separated measures (actual / target) multiplied into a pool.")
    rate = fields.Float(string="Rate", digits=(16, 4),
                        help="Percent for pools and the fund; amount per unit for fixed amounts per unit.")
    band_percent = fields.Boolean(string="Band Rates in Percent",
                                  help="The band rate is a percent of the base (insurer assessed amount), "
                                       "not an amount per unit (labour hour).")
    fixed_percent = fields.Float(string="Fixed Part (%)", default=40.0,
                                 help="Assessment: the part paid whatever the score; the rest is cut by the "
                                      "points lost out of 100.")
    band_ids = fields.One2many("dealer.commission.rule.band", "rule_id", string="Bands", copy=True)
    share_ids = fields.One2many("dealer.commission.rule.share", "rule_id", string="Shares", copy=True)
    note = fields.Text(string="Notes", translate=True)

    @api.constrains("band_ids")
    def _check_bands(self):
        """Bands leave no gap and do not overlap: every gap the scheme leaves is a band of its own."""
        for rule in self:
            for kind in ("rate", "adjust"):
                bands = rule.band_ids.filtered(lambda b, k=kind: b.kind == k).sorted("lower")
                for band, following in zip(bands, bands[1:], strict=False):
                    if not band.upper or not math.isclose(band.upper, following.lower):
                        raise ValidationError(self.env._(
                            "The bands of %(rule)s must follow each other: the band from %(lower)s ends at "
                            "%(upper)s, the next starts at %(next)s. Give every gap a band of its own.",
                            rule=rule.name, lower=band.lower, upper=band.upper or "-", next=following.lower))

    @api.constrains("rule_type", "share_ids", "rate")
    def _check_shares(self):
        for rule in self.filtered(lambda r: r.rule_type == "split"):
            if not math.isclose(sum(rule.share_ids.mapped("percent")), rule.rate, abs_tol=1e-6):
                raise ValidationError(self.env._(
                    "The shares of %(rule)s add up to %(sum)s %%, not its rate of %(rate)s %%.",
                    rule=rule.name, sum=sum(rule.share_ids.mapped("percent")), rate=rule.rate))

    def _dealer_value(self, values, code, subtotal):
        if code == SUBTOTAL:
            return subtotal
        return values.get(code, 0.0)

    def _dealer_band(self, kind, value):
        bands = self.band_ids.filtered(lambda b: b.kind == kind and b._contains(value))
        return bands[:1]

    def _dealer_achievement(self, values):
        codes = [code.strip() for code in (self.achievement_codes or "").split(",") if code.strip()]
        return math.prod(values.get(code, 0.0) for code in codes), codes

    def _dealer_evaluate(self, values, subtotal=0.0):
        """The rule's contribution for one employee or group: ``(amount, formula)``.

        ``values`` maps measure codes to figures (achievements as ratios, 1.0 = 100 %);
        ``subtotal`` is the sum of the earlier rules' contributions. Without its score or
        count measure (not assessed this month), a cut does not apply. Split rules are
        evaluated per group with :meth:`_dealer_split`."""
        self.ensure_one()
        if self.rule_type in ("assessment", "percent_cut", "band_amount") and self.factor_measure_code \
                and self.factor_measure_code not in values:
            return 0.0, self.env._("no %(measure)s this month", measure=self.factor_measure_code)
        base = self._dealer_value(values, self.measure_code, subtotal)
        selector = self._dealer_value(values, self.factor_measure_code or self.measure_code, subtotal)
        rule_type = self.rule_type
        if rule_type == "pool":
            achievement, codes = self._dealer_achievement(values)
            amount = base * self.rate / 100 * achievement
            formula = " x ".join([f"{base:,.2f}", f"{self.rate:g}%", *(f"{values.get(c, 0.0):.4f}" for c in codes)])
        elif rule_type == "band_rate":
            band = self._dealer_band("rate", selector)
            rate = band.value if band else 0.0
            adjust = self._dealer_band("adjust", values.get(self.adjust_measure_code, 0.0)) \
                if self.adjust_measure_code else self.env["dealer.commission.rule.band"]
            # the adjustment cuts a paying rate, never below nothing (below the first band nothing is paid)
            rate = max(rate + (adjust.value if adjust else 0.0), 0.0) if rate else 0.0
            amount = base * rate / 100 if self.band_percent else base * rate
            formula = f"{base:,.2f} x {rate:g}{'%' if self.band_percent else ''}"
        elif rule_type == "per_unit":
            amount = base * self.rate
            formula = f"{base:g} x {self.rate:g}"
        elif rule_type == "assessment":
            lost = 100 - min(max(selector, 0.0), 100.0)
            amount = -base * (100 - self.fixed_percent) / 100 * lost / 100
            formula = f"-{base:,.2f} x {100 - self.fixed_percent:g}% x {lost:g}/100"
        elif rule_type == "percent_cut":
            band = self._dealer_band("rate", selector)
            cut = band.value if band else 0.0
            amount = -base * cut / 100
            formula = f"-{base:,.2f} x {cut:g}%"
        elif rule_type == "band_amount":
            band = self._dealer_band("rate", selector)
            factor = band.value if band else 0.0
            amount = base * factor
            formula = f"{base:,.2f} x {factor:g}"
        elif rule_type == "fund":
            amount = -base * self.rate / 100
            formula = f"-{base:,.2f} x {self.rate:g}%"
        else:
            raise UserError(self.env._("%(rule)s is split between groups: compute its shares.", rule=self.name))
        return amount, formula

    def _dealer_split(self, values):
        """A split rule's amount per group: ``{group: (amount, formula)}``."""
        self.ensure_one()
        base = values.get(self.measure_code, 0.0)
        achievement, codes = self._dealer_achievement(values)
        return {
            share.group_id: (base * share.percent / 100 * achievement,
                             " x ".join([f"{base:,.2f}", f"{share.percent:g}%",
                                         *(f"{values.get(c, 0.0):.4f}" for c in codes)]))
            for share in self.share_ids
        }

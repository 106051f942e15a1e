from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DealerCommissionRuleBand(models.Model):
    """A band of a tiered rule: from ``lower`` (included) to ``upper`` (excluded; 0 = no end)."""

    _name = "dealer.commission.rule.band"
    _description = "Commission Rule Band"
    _order = "kind, lower"

    rule_id = fields.Many2one("dealer.commission.rule", string="Rule", required=True, ondelete="cascade",
                              index=True)
    kind = fields.Selection([("rate", "Rate"), ("adjust", "Rate Adjustment")], string="Kind",
                            required=True, default="rate",
                            help="Rate: the rate of the band the measure falls in. Rate Adjustment: added to the "
                                 "rate when the adjustment measure falls in the band.")
    lower = fields.Float(string="From (included)", required=True)
    upper = fields.Float(string="To (excluded)", help="Leave 0 for a band without an end.")
    value = fields.Float(string="Rate", required=True, digits=(16, 4))
    note = fields.Char(string="Note", translate=True, help="Why the band is so (shown on the rule).")

    @api.constrains("lower", "upper", "kind")
    def _check_bounds(self):
        for band in self:
            if band.upper and band.upper <= band.lower:
                raise ValidationError(self.env._("A band of %(rule)s ends (%(upper)s) before it starts (%(lower)s).",
                                                 rule=band.rule_id.name, upper=band.upper, lower=band.lower))
        self.rule_id._check_bands()

    def _contains(self, value):
        self.ensure_one()
        return self.lower <= value and (not self.upper or value < self.upper)

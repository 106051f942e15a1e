from odoo import api, fields, models


class DealerCommissionRuleShare(models.Model):
    """The share of a split rule that goes to one commission group."""

    _name = "dealer.commission.rule.share"
    _description = "Commission Rule Share"
    _order = "rule_id, id"

    rule_id = fields.Many2one("dealer.commission.rule", string="Rule", required=True, ondelete="cascade",
                              index=True)
    group_id = fields.Many2one("dealer.commission.group", string="Group", required=True)
    percent = fields.Float(string="Share (%)", required=True, digits=(16, 4),
                           help="Percent of the rule's base that goes to the group.")

    @api.constrains("percent")
    def _check_percent(self):
        self.rule_id._check_shares()

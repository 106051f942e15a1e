from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_commission_enabled = fields.Boolean(
        string="Staff Commission",
        default=True,
        help="Commission rules and the monthly commission sheets of after-sales staff.",
    )
    dealer_commission_journal_id = fields.Many2one(
        "account.journal", string="Commission Journal", check_company=True,
        help="The journal of the monthly commission accruals (miscellaneous operations when empty).")
    dealer_commission_expense_account_id = fields.Many2one(
        "account.account", string="Commission Expense Account", check_company=True)
    dealer_commission_payable_account_id = fields.Many2one(
        "account.account", string="Commission Payable Account", check_company=True,
        help="Credited with each employee's commission, per employee.")
    dealer_commission_fund_account_id = fields.Many2one(
        "account.account", string="After-Sales Fund Account", check_company=True,
        help="Credited with the 5 % of every commission kept for the after-sales fund.")

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_tier_setup("_dealer_commission_tiers")
        companies._dealer_commission_default_scheme()
        return companies

    def _dealer_commission_default_scheme(self):
        """Give each store without commission groups a copy of the main store's scheme (its
        groups and rules, the seed's by default), to adapt to the store afterwards."""
        source = self.env.ref("base.main_company")
        Group = self.env["dealer.commission.group"].sudo().with_context(active_test=False)
        groups = Group.search([("company_id", "=", source.id)])
        rules = self.env["dealer.commission.rule"].sudo().search([("company_id", "=", source.id)])
        for company in self - source:
            if Group.search_count([("company_id", "=", company.id)]):
                continue
            mapping = {group: group.copy({"company_id": company.id}) for group in groups}
            for rule in rules:
                copy = rule.copy({"company_id": company.id, "group_id": mapping.get(rule.group_id, Group).id})
                for share in copy.share_ids:
                    share.group_id = mapping[share.group_id]

    @api.model
    def _dealer_commission_tier_setup_all(self):
        """At install: every store gets the commission approvals."""
        self.with_context(active_test=False).search([])._dealer_tier_setup("_dealer_commission_tiers")

    def _dealer_commission_tiers(self):
        """The seed's approvals of the monthly sheet: the station manager and finance."""
        return [
            {"model": "dealer.commission.sheet", "name": self.env._("Commission sheet: station manager"),
             "group": "dealer_service.dealer_service_group_manager", "sequence": 20},
            {"model": "dealer.commission.sheet", "name": self.env._("Commission sheet: finance"),
             "group": "account.group_account_manager", "sequence": 10},
        ]

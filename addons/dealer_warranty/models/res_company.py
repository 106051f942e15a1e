from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_warranty_enabled = fields.Boolean(
        string="OEM Warranty",
        default=True,
        help="Warranty appraisal, OEM claims, the old-part store and the claim ledger.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_tier_setup("_dealer_warranty_tiers")
        return companies

    @api.model
    def _dealer_warranty_tier_setup_all(self):
        """At install: every store gets the warranty approvals (an administrator edits them afterwards)."""
        self.with_context(active_test=False).search([])._dealer_tier_setup("_dealer_warranty_tiers")

    def _dealer_warranty_tiers(self):
        """The warranty appraiser approves goodwill (its split between OEM, store and customer);
        the service manager approves the disposal of old parts the OEM does not want back."""
        return [
            {"model": "dealer.warranty.appraisal", "name": self.env._("Goodwill: warranty appraiser"),
             "group": "dealer_warranty.dealer_warranty_group_appraiser", "sequence": 10,
             "domain": "[('decision', '=', 'goodwill')]"},
            {"model": "dealer.warranty.disposal", "name": self.env._("Old-part disposal: service manager"),
             "group": "dealer_service.dealer_service_group_manager", "sequence": 10},
        ]
    dealer_warranty_journal_id = fields.Many2one(
        "account.journal", string="Warranty Claims Journal", check_company=True,
        help="The sales journal of the invoices and credit notes of the OEM warranty claims (code WCL).",
    )
    dealer_warranty_goodwill_account_id = fields.Many2one(
        "account.account", string="Warranty Goodwill Cost Account", check_company=True,
        help="The expense account of what the store bears of warranty work: its share of goodwill and what the "
             "OEM cut from a claim when the appraiser decides the store bears it.",
    )

    def _dealer_warranty_setup_accounting(self):
        """Give each store with a chart of accounts its "Warranty Claims" sales journal (WCL) and
        its warranty goodwill cost account (a sub-account of its main expense account: on the
        China chart 640101 under 6401 main business costs), named in every installed language.
        What a store has already is kept."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        for company in self.filtered("chart_template"):
            company = company.with_context(lang="en_US")
            if not company.dealer_warranty_journal_id:
                Journal = self.env["account.journal"].with_company(company).with_context(lang="en_US")
                journal = Journal.search([*Journal._check_company_domain(company), ("code", "=", "WCL")], limit=1)
                if not journal:
                    journal = Journal.create({"name": "Warranty Claims", "code": "WCL", "type": "sale",
                                              "company_id": company.id})
                    company._dealer_translate_name(journal, langs, lambda env: env._("Warranty Claims"))
                company.dealer_warranty_journal_id = journal
            main = company.expense_account_id
            if not company.dealer_warranty_goodwill_account_id and main:
                Account = self.env["account.account"].with_company(company).with_context(lang="en_US")
                account = Account.create({
                    "code": Account._search_new_account_code(main.with_company(company).code),
                    "name": "Warranty Goodwill Cost",
                    "account_type": main.account_type,
                    "company_ids": [Command.set(company.ids)],
                })
                company._dealer_translate_name(account, langs, lambda env: env._("Warranty Goodwill Cost"))
                company.dealer_warranty_goodwill_account_id = account

    def _dealer_translate_name(self, record, langs, name):
        if langs:
            record.update_field_translations("name", {lang: name(self.with_context(lang=lang).env) for lang in langs})

    @api.model
    def _dealer_warranty_setup_all(self):
        self.search([])._dealer_warranty_setup_accounting()

    def _dealer_warranty_journal(self):
        """The store's warranty claims journal, made on first use where the store got its chart
        after this module."""
        self.ensure_one()
        if not self.dealer_warranty_journal_id:
            self.sudo()._dealer_warranty_setup_accounting()
        if not self.dealer_warranty_journal_id:
            raise UserError(self.env._(
                "%(store)s has no chart of accounts: set one up before submitting warranty claims.",
                store=self.name))
        return self.dealer_warranty_journal_id

    def _dealer_warranty_goodwill_account(self):
        self.ensure_one()
        if not self.dealer_warranty_goodwill_account_id:
            self.sudo()._dealer_warranty_setup_accounting()
        if not self.dealer_warranty_goodwill_account_id:
            raise UserError(self.env._(
                "Set the warranty goodwill cost account of %(store)s in the After-Sales settings.", store=self.name))
        return self.dealer_warranty_goodwill_account_id

    def _dealer_goodwill_cost_move(self, ref, items):
        """Post the entry of what the store bears of warranty work: the goodwill cost account
        debited, the income of the work credited, so its labour and parts revenue stay whole and
        the store's cost shows as such. ``items``: ``[(repair line or None, name, income account,
        amount)]``."""
        self.ensure_one()
        items = [item for item in items if not self.currency_id.is_zero(item[3])]
        if not items:
            return self.env["account.move"]
        Journal = self.env["account.journal"].sudo()
        journal = Journal.search([*Journal._check_company_domain(self), ("type", "=", "general")], limit=1)
        account = self._dealer_warranty_goodwill_account()
        lines = [Command.create({
            "name": name,
            "account_id": income.id,
            "credit": amount,
            "dealer_repair_line_id": repair_line.id if repair_line else False,
            "dealer_line_type": repair_line.line_type if repair_line else False,
            "dealer_trade": repair_line.trade if repair_line else False,
            "dealer_payer": repair_line.payer if repair_line else False,
        }) for repair_line, name, income, amount in items]
        lines.append(Command.create({"name": ref, "account_id": account.id,
                                     "debit": sum(item[3] for item in items)}))
        move = self.env["account.move"].sudo().with_company(self).create({
            "move_type": "entry",
            "journal_id": journal.id,
            "company_id": self.id,
            "ref": ref,
            "line_ids": lines,
        })
        move.action_post()
        return move

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.dealer_service.tests import reception_common

BUCKETS = ("current", "30_days", "60_days", "90_days", "120_days", "older")


@tagged("post_install", "-at_install")
class TestAfterSalesReceivables(reception_common.ReceptionCase):
    """Accounting > Reporting > After-Sales Receivables: account_financial_report's aged
    partner balance and open items on the suite's payers (account customers, OEMs,
    insurers), never on cash customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the demo's payers are not this test's
        cls.env["res.partner"].search([("dealer_receivable_kind", "!=", False), ("id", "!=", cls.oem.id)]).write(
            {"dealer_receivable_kind": False})
        # exactly the groups of the demo login `accountant` (Billing Administrator)
        cls.accountant = cls._make_user("h10_accountant", "account.group_account_manager")
        cls.fleet = cls.env["res.partner"].create({"name": "顺丰车队 Shunfeng Fleet (test)", "is_company": True})
        cls.fleet.dealer_receivable_kind = "customer_account"
        today = fields.Date.context_today(cls.accountant)
        # an account sale to the fleet 75 days ago at 30 days: due 45 days ago; a walk-in customer's unpaid sale
        cls.overdue = cls._invoice(cls.fleet, today - timedelta(days=75), 1000.0)
        cls.cash_sale = cls._invoice(cls.customer, today - timedelta(days=75), 500.0)
        cls.due_date = today - timedelta(days=45)

    @classmethod
    def _invoice(cls, partner, date, price):
        invoice = cls.env["account.move"].with_company(cls.store_a).create({
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "invoice_date": date,
            "invoice_payment_term_id": cls.env.ref("account.account_payment_term_30days").id,
            "invoice_line_ids": [Command.create({
                "name": "Fleet service (test)", "quantity": 1, "price_unit": price,
                "tax_ids": [Command.set(cls.tax13.ids)],
            })],
        })
        invoice.action_post()
        return invoice

    def _wizard_form(self, model, action_xmlid, **values):
        context = safe_eval(self.env.ref(action_xmlid).context)
        form = Form(self.env[model].with_user(self.accountant).with_context(**context))
        for name, value in values.items():
            setattr(form, name, value)
        return form.save()

    def test_payers_are_marked_by_the_suite(self):
        # the brand's OEM is marked by the brand, the insurer when an order is billed to it
        self.assertEqual(self.oem.dealer_receivable_kind, "oem")
        self.assertFalse(self.insurer.dealer_receivable_kind)
        order = self._make_order(self.store_a, self.advisor_a)
        order.insurer_id = self.insurer
        self.assertEqual(self.insurer.dealer_receivable_kind, "insurer")
        self.assertFalse(self.customer.dealer_receivable_kind)
        # the service manager marks an account customer on the partner's Invoicing tab
        with Form(self.env["res.partner"].with_user(self.manager_a), view="base.view_partner_form") as partner:
            partner.name = "大连出租车公司 Dalian Taxi (test)"
            partner.dealer_receivable_kind = "customer_account"
        self.assertEqual(partner.record.dealer_receivable_kind, "customer_account")

    def test_aged_balance_of_the_overdue_account_sale(self):
        self.assertEqual(self.store_a.chart_template, "cn_large_bis")
        self.assertRecordValues(self.overdue, [{"amount_total": 1130.0, "invoice_date_due": self.due_date}])
        self._make_order(self.store_a).insurer_id = self.insurer
        # the menu's wizard starts on every after-sales payer of the store: not the cash customer
        wizard = self._wizard_form("aged.partner.balance.report.wizard", "dealer_service.dealer_aged_receivable_action")
        self.assertEqual(wizard.dealer_receivable_kind, "all")
        self.assertEqual(wizard.company_id, self.store_a)
        self.assertLessEqual(self.fleet | self.oem | self.insurer, wizard.partner_ids)
        self.assertNotIn(self.customer, wizard.partner_ids)
        self.assertEqual(wizard.account_ids.mapped("account_type"), ["asset_receivable"] * len(wizard.account_ids))
        # the account customers only: the fleet's 1,130.00 is 45 days overdue, in the 31-60 days bucket
        wizard = self._wizard_form("aged.partner.balance.report.wizard", "dealer_service.dealer_aged_receivable_action",
                                   dealer_receivable_kind="customer_account")
        self.assertEqual(wizard.partner_ids, self.fleet)
        data = wizard._prepare_report_data()
        data["date_at"] = fields.Date.to_string(data["date_at"])
        values = self.env["report.account_financial_report.aged_partner_balance"].with_user(
            self.accountant)._get_report_values(wizard.ids, data)
        [account] = values["aged_partner_balance"]
        self.assertEqual(account["id"], self.fleet.with_company(self.store_a).property_account_receivable_id.id)
        [partner] = account["partners"]
        self.assertEqual(partner["name"], self.fleet.name)
        self.assertEqual({bucket: partner[bucket] for bucket in ("residual", *BUCKETS)},
                         {"residual": 1130.0, "current": 0.0, "30_days": 0.0, "60_days": 1130.0, "90_days": 0.0,
                          "120_days": 0.0, "older": 0.0})
        self.assertEqual(account["60_days"], 1130.0)
        # what the accountant's View button shows
        html = self.env["ir.actions.report"].with_user(self.accountant)._render_qweb_html(
            "account_financial_report.aged_partner_balance", wizard.ids, data)[0].decode()
        self.assertIn("Shunfeng Fleet (test)", html)
        self.assertNotIn(self.customer.name, html)

    def test_open_items_of_the_payers(self):
        wizard = self._wizard_form("open.items.report.wizard", "dealer_service.dealer_open_items_action")
        self.assertIn(self.fleet, wizard.partner_ids)
        self.assertNotIn(self.customer, wizard.partner_ids)
        data = wizard._prepare_report_data()
        values = self.env["report.account_financial_report.open_items"].with_user(
            self.accountant)._get_report_values(wizard.ids, data)
        residuals = {partner_id: amounts["residual"]
                     for account in values["total_amount"].values()
                     for partner_id, amounts in account.items() if isinstance(partner_id, int)}
        self.assertEqual(residuals.get(self.fleet.id), 1130.0)
        self.assertNotIn(self.customer.id, residuals)

    def test_payer_kind_filters_without_the_form(self):
        """Created by RPC with a kind and no partner: the report still covers that kind only."""
        Wizard = self.env["aged.partner.balance.report.wizard"].with_user(self.accountant)
        accounts = self.env["account.account"].search([
            ("company_ids", "in", self.store_a.ids), ("account_type", "=", "asset_receivable")])
        wizard = Wizard.create({"dealer_receivable_kind": "customer_account", "account_ids": accounts.ids})
        self.assertFalse(wizard.partner_ids)
        self.assertIn(self.fleet.id, wizard._prepare_report_data()["partner_ids"])
        self.assertNotIn(self.customer.id, wizard._prepare_report_data()["partner_ids"])
        (self.fleet | self.oem).dealer_receivable_kind = False
        wizard.dealer_receivable_kind = "oem"
        with self.assertRaisesRegex(UserError, "after-sales payer"):
            wizard._prepare_report_data()
        # without a kind, the OCA report works as it always did (every partner)
        wizard.dealer_receivable_kind = False
        self.assertEqual(wizard._prepare_report_data()["partner_ids"], [])

    def test_menu_is_the_accountants(self):
        menu = self.env.ref("dealer_service.dealer_receivable_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.accountant)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.advisor_a)._visible_menu_ids())

import shutil
from datetime import date

from odoo.fields import Command
from odoo.tests import Form, HttpCase, tagged

from . import common


class StatementMixin:

    def _invoice(self, amount, day, **values):
        """A posted invoice to the insurer (before VAT ``amount``, 13 % VAT)."""
        invoice = self.env["account.move"].create({
            "move_type": "out_invoice", "partner_id": self.insurer.id, "invoice_date": day, "date": day,
            "company_id": self.store_a.id,
            "invoice_line_ids": [Command.create({
                "name": "事故车维修", "quantity": 1, "price_unit": amount, "tax_ids": [Command.set(self.tax13.ids)],
            })],
            **values,
        })
        invoice.action_post()
        return invoice

    def _pay(self, invoices, amount, day):
        """The accountant registers the insurer's transfer on the invoices."""
        accountant = self._make_user("ins_accountant", "account.group_account_manager")
        wizard = Form(self.env["account.payment.register"].with_user(accountant).with_context(
            active_model="account.move", active_ids=invoices.ids))
        wizard.amount = amount
        wizard.payment_date = day
        if len(invoices) > 1:
            wizard.group_payment = True
        return wizard.save().action_create_payments()

    def _statement(self, **values):
        form = Form(self.env["dealer.insurance.statement"].with_user(self.clerk_a))
        form.insurer_id = self.insurer
        form.date_from = values.get("date_from", date(2026, 10, 1))
        form.date_to = values.get("date_to", date(2026, 10, 31))
        return form.save()


@tagged("post_install", "-at_install")
class TestInsurerStatement(StatementMixin, common.InsuranceCase):

    def test_statement_of_a_period(self):
        self._invoice(1000.0, date(2026, 9, 20))  # 1,130 before the period
        october = self._invoice(2000.0, date(2026, 10, 8))  # 2,260
        self._invoice(500.0, date(2026, 11, 2))  # after it
        self._pay(october, 2000.0, date(2026, 10, 25))
        statement = self._statement()._dealer_statement()
        self.assertEqual(statement["opening"], 1130.0)
        self.assertEqual(
            [(line["date"], line["debit"], line["credit"], line["balance"]) for line in statement["lines"]],
            [(date(2026, 10, 8), 2260.0, 0.0, 3390.0), (date(2026, 10, 25), 0.0, 2000.0, 1390.0)],
        )
        self.assertEqual((statement["debit"], statement["credit"], statement["closing"]), (2260.0, 2000.0, 1390.0))

    def test_statement_pdf_renders_store_header_and_lines(self):
        self._invoice(2000.0, date(2026, 10, 8))
        statement = self._statement()
        html = self.env["ir.actions.report"].with_user(self.clerk_a)._render_qweb_html(
            "dealer_insurance.action_report_insurer_statement", statement.ids,
        )[0].decode()
        self.assertIn('id="dealer_store_header"', html)
        self.assertIn(self.insurer.name, html)
        self.assertIn("2,260.00", html)


@tagged("post_install", "-at_install")
class TestInsurerStatementPdf(StatementMixin, common.InsuranceCase, HttpCase):

    def test_pdf_contains_chinese_text(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext is not installed")
        self.insurer.name = "中国人民财产保险 大连分公司"
        self._invoice(2000.0, date(2026, 10, 8))
        statement = self._statement()
        pdf, _type = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            "dealer_insurance.action_report_insurer_statement", statement.ids,
        )
        text = common.pdf_text(pdf)
        self.assertIn("财产保险", text)
        self.assertIn("大连分公司", text)

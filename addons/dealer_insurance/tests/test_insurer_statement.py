import io
import shutil
from datetime import date

import openpyxl

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


@tagged("post_install", "-at_install")
class TestInsurerStatementXlsx(StatementMixin, common.InsuranceCase):

    def test_statement_xlsx_has_numbers_dates_and_formulas(self):
        self._invoice(1000.0, date(2026, 9, 20))
        october = self._invoice(2000.0, date(2026, 10, 8))
        self._pay(october, 2000.0, date(2026, 10, 25))
        statement = self._statement()
        content, kind = self.env["ir.actions.report"].with_user(self.clerk_a)._render(
            "dealer_insurance.action_report_insurer_statement_xlsx", statement.ids,
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
        header = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "Date")
        self.assertEqual([sheet.cell(header, col).value for col in (2, 6, 7, 8)],
                         ["Document", "Debit", "Credit", "Balance"])
        first = header + 1
        self.assertEqual(sheet.cell(first, 1).value.date(), date(2026, 10, 8))
        self.assertEqual([sheet.cell(first, col).value for col in (6, 8)], [2260.0, 3390.0])
        self.assertEqual([sheet.cell(first + 1, col).value for col in (7, 8)], [2000.0, 1390.0])
        total = first + 2
        self.assertEqual(sheet.cell(total, 6).value, f"=SUM(F{first}:F{first + 1})")
        self.assertEqual(values.cell(total, 6).value, 2260.0)
        closing = next(row for row in range(total, sheet.max_row + 1) if sheet.cell(row, 1).value == "Closing Balance")
        self.assertEqual(sheet.cell(closing, 8).value, 1390.0)

import shutil
import subprocess
import tempfile

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.dealer_service.tests import reception_common

REPORTS = (
    "dealer_service.action_report_dealer_diagnosis_sheet",
    "dealer_service.action_report_dealer_work_order",
    "dealer_service.action_report_dealer_estimate",
    "dealer_service.action_report_dealer_settlement",
)


class ReportMixin:

    def _order_to_print(self):
        self.customer.name = "张伟"
        order = self._checked_in_order(damage_notes="左前门划痕")
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id, "payer": "warranty"}),
        ]
        return order


@tagged("post_install", "-at_install")
class TestReports(ReportMixin, reception_common.ReceptionCase):

    def test_documents_render_chinese_with_store_header_and_number(self):
        order = self._order_to_print()
        for xmlid in REPORTS:
            with self.subTest(report=xmlid):
                html = self.env["ir.actions.report"].with_user(self.advisor_a)._render_qweb_html(
                    xmlid, order.ids,
                )[0].decode()
                self.assertIn(order.name, html)
                self.assertIn('id="dealer_store_header"', html)
                self.assertIn(self.store_a.name, html)
                self.assertIn("张伟", html)
        diagnosis = self.env["ir.actions.report"]._render_qweb_html(REPORTS[0], order.ids)[0].decode()
        self.assertIn("刹车时有异响", diagnosis)
        self.assertIn("左前门划痕", diagnosis)
        settlement = self.env["ir.actions.report"]._render_qweb_html(REPORTS[3], order.ids)[0].decode()
        self.assertIn(self.oem.name, settlement)  # amount per payer
        self.assertIn("565.00", settlement)  # 339.00 + 226.00, taxes included

    def test_documents_render_in_partner_language(self):
        lang = self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = lang.code
        order = self._order_to_print()
        html = self.env["ir.actions.report"]._render_qweb_html(REPORTS[1], order.ids)[0].decode()
        self.assertIn('data-oe-lang="zh_CN"', html)


@tagged("post_install", "-at_install")
class TestReportsPdf(ReportMixin, reception_common.ReceptionCase, HttpCase):
    """Render one real PDF (wkhtmltopdf fetches the CSS from the running server)
    and read its text back: the Chinese characters must be there."""

    def test_pdf_contains_chinese_text(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext is not installed")
        order = self._order_to_print()
        pdf, report_type = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            REPORTS[0], order.ids,
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True, check=True, timeout=60,
            ).stdout.decode()
        self.assertIn("张伟", text)
        self.assertIn("左前门划痕", text)
        # pdftotext maps the glyph of 车 to the radical ⻋ (same shape): compare the rest
        self.assertIn("时有异响", text)

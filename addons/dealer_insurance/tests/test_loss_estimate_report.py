import shutil

from odoo.tests import HttpCase, tagged

from . import common

REPORT = "dealer_insurance.action_report_loss_estimate"


@tagged("post_install", "-at_install")
class TestLossEstimateReport(common.InsuranceCase):

    def test_estimate_prints_store_header_and_lines_by_trade(self):
        case = self._accident_case()
        self._send_and_assess(case, 8600.0)
        html = self.env["ir.actions.report"].with_user(self.clerk_a)._render_qweb_html(
            REPORT, case.assessment_ids.ids,
        )[0].decode()
        self.assertIn('id="dealer_store_header"', html)
        self.assertIn(self.store_a.name, html)
        self.assertIn(case.name, html)
        self.assertIn("RDAA2026210200009999", html)
        self.assertIn("大连市沙河口区黄河路", html)
        # the sections in the insurer's order: labour per trade, then parts and sublet, each with its lines
        sections = ["Labour: Body", "Labour: Paint", "Part", "Sublet"]
        positions = [html.index(title) for title in sections]
        self.assertEqual(positions, sorted(positions))
        self.assertLess(html.index("钣金修复"), html.index("Labour: Paint"))
        self.assertLess(html.index("Labour: Paint"), html.index("前保险杠喷漆"))
        self.assertNotIn("Oil change", html, "the customer's own line is not in the insurer's estimate")
        # the estimate and the assessment include VAT: 11,300 estimated, 8,600 assessed, 2,700 less
        self.assertIn("Estimated (incl. VAT)", html)
        self.assertIn("Unit Price (excl. VAT)", html)
        self.assertIn("11,300.00", html)
        self.assertIn("8,600.00", html)
        self.assertIn("2,700.00", html)


@tagged("post_install", "-at_install")
class TestLossEstimatePdf(common.InsuranceCase, HttpCase):
    """A real PDF (wkhtmltopdf fetches the CSS from the running server), read back as text."""

    def test_pdf_contains_chinese_text(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext is not installed")
        case = self._accident_case()
        case.action_send_estimate()
        pdf, report_type = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            REPORT, case.assessment_ids.ids,
        )
        self.assertEqual(report_type, "pdf")
        text = common.pdf_text(pdf)
        self.assertIn("钣金修复", text)
        self.assertIn("前保险杠喷漆", text)
        self.assertIn("大连市沙河口区", text)
        self.assertIn("王磊", text)

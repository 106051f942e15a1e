import subprocess
import tempfile
import time
import unicodedata

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsPdf(common.PartsCase, HttpCase):
    """Every parts document rendered as a real PDF (wkhtmltopdf, the CSS fetched from
    the running server) and read back with pdftotext: its copies, its number and its
    Chinese text. One PDF per document (the unpatched wkhtmltopdf renders one record
    per call); all of them in one test to keep the run short."""

    def _pdf_text(self, report, record):
        pdf, report_type = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            report, record.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True,
                                  check=True, timeout=60).stdout.decode()
        # pdftotext reads some glyphs as Kangxi radicals (⼊ for 入): NFKC maps them back; 车 stays ⻋
        return unicodedata.normalize("NFKC", text)

    def _check(self, report, record, title, copies, number=None):
        text = self._pdf_text(report, record)
        number = number or record._dealer_number()
        self.assertTrue(number)
        self.assertIn(title, text, f"{report}: title")
        for index, copy_name in enumerate(copies, start=1):
            self.assertIn(copy_name, text, f"{report}: copy {copy_name}")
            self.assertIn(f"({index}/{len(copies)})", text, f"{report}: copy {index} of {len(copies)}")
        self.assertGreaterEqual(text.count(number), len(copies), f"{report}: the number on every copy")
        return text

    def test_every_parts_document_as_pdf(self):
        start = time.monotonic()
        self._set_stock(self.filter, 30)
        self._set_stock(self.pads, 10)
        self._set_stock(self.pump, 5)
        self.customer.name = "张伟"
        # plan
        plan = self.env["dealer.parts.plan"].create({"line_ids": [Command.create({
            "product_id": self.pads.id, "quantity": 2})]})
        plan.action_submit()
        self._approve(plan, self.manager)
        self._check("dealer_parts.report_parts_plan", plan, "配件计划单",
                    ["计划员留存联", "采购员联", "内勤联(付款审批)"])
        # receipt, receiving note, discrepancy note and the supplier claim
        receipt = self._receive(self.pads, 4, counted=3)
        text = self._check("dealer_parts.report_parts_picking", receipt, "入库单",
                           ["保管员联", "计划员留存联", "财务联(附发票)", "财务联(附运单)", "财务记帐联"])
        self.assertIn("刹⻋片", text)
        self._check("dealer_parts.report_parts_receiving", receipt, "收货单", ["保管员联", "送货方联"])
        note = receipt.dealer_discrepancy_ids
        self._check("dealer_parts.report_parts_discrepancy", note, "差损单", ["计划员联", "采购员联"])
        text = self._check("dealer_parts.report_parts_claim", note, "索赔单", ["供应商联", "配件部联"])
        self.assertIn("FAW Parts Supply", text)
        # repair and warranty requisitions
        requisition = self._issue("requisition", [(self.filter, 1)])
        self._validate(requisition, user=self.clerk)
        self._check("dealer_parts.report_parts_picking", requisition, "修理领料单", ["结算员联", "维修工联"])
        warranty = self._issue("warranty_requisition", [(self.filter, 1)])
        warranty.with_user(self.warranty_sup).action_dealer_sign_warranty()
        self._validate(warranty, user=self.clerk)
        text = self._check("dealer_parts.report_parts_picking", warranty, "三包领料单", ["结算员联", "保管员联"])
        self.assertIn("机油滤清器", text)
        # counter: retail ticket, cash and account issue slips
        ticket = self._issue("retail", [(self.filter, 1)])
        self._pay(ticket)
        self._validate(ticket, user=self.clerk)
        self._check("dealer_parts.report_parts_picking", ticket, "零售销售小票",
                    ["顾客联", "保管员联", "财务联(一)", "财务联(二)"])
        cash = self._issue("cash", [(self.filter, 2)])
        self._pay(cash)
        self._validate(cash, user=self.clerk)
        self._check("dealer_parts.report_parts_picking", cash, "出库单",
                    ["保管员联", "提货人联", "调度员联", "收款员联"])
        garage = self.env["res.partner"].create({"name": "顺丰车队 Shunfeng Fleet", "credit_limit": 5000.0})
        garage.dealer_account_customer = True
        account = self._issue("account", [(self.filter, 3)], partner=garage)
        self._validate(account, user=self.clerk)
        text = self._check("dealer_parts.report_parts_picking", account, "出库单",
                           ["保管员联", "提货人联", "调度员联", "财务联", "结帐联"])
        self.assertIn("顺丰", text)
        # count report and scrap request
        count = self.env["dealer.parts.count"].create({"location_id": self.bin_1.id})
        count.action_start()
        count.action_validate()
        self._check("dealer_parts.report_parts_count", count, "盘点报表", ["配件主管联", "财务联"])
        request = self.env["dealer.parts.scrap.request"].with_user(self.clerk).create({
            "line_ids": [Command.create({"product_id": self.pump.id, "location_id": self.bin_3.id,
                                         "quantity": 1, "reason": "obsolete"})]})
        request.action_submit()
        self._approve(request, self.service_manager, self.warranty_sup, self.manager)
        text = self._check("dealer_parts.report_parts_scrap", request, "配件报损申请单", ["配件主管联", "财务联"])
        self.assertIn("水泵", text)
        for appraiser in (self.service_manager, self.warranty_sup, self.manager):
            self.assertIn(appraiser.login, text, "the appraisers are printed from the reviews")
        # printed stock card of the filter: in 30, out 1 + 1 + 1 + 2 + 3, balance 22
        text = self._pdf_text("dealer_parts.report_parts_stock_card", self.filter)
        self.assertIn("卡片帐", text)
        self.assertIn("06A115561B", text)
        for document in (requisition, warranty, ticket, cash, account):
            self.assertIn(document.dealer_number, text)
        self.assertIn("22.0", text)
        # the time spent rendering is reported in the log of the run
        self.assertLess(time.monotonic() - start, 600)

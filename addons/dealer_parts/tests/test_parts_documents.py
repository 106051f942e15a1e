from odoo.exceptions import UserError
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsDocuments(common.PartsCase):

    def _html(self, report, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(report, records.ids)
        return html.decode()

    def test_receipt_prints_five_named_copies_with_number_and_chinese(self):
        picking = self._receive(self.pads, 3)
        action = picking.with_user(self.clerk).action_dealer_print()
        self.assertEqual(action["report_name"], "dealer_parts.report_parts_picking")
        html = self._html("dealer_parts.report_parts_picking", picking)
        self.assertEqual(html.count('class="o_dealer_copy"'), 5)
        for copy_name in ("保管员联", "计划员留存联", "财务联(附发票)", "财务联(附运单)", "财务记帐联"):
            self.assertIn(copy_name, html)
        self.assertEqual(html.count(picking.dealer_number), 5)
        self.assertIn("入库单", html)
        self.assertIn("刹车片", html)
        self.assertIn("T-01-1-02", html, "the bin of the part is printed")
        self.assertNotIn("REPRINT", html)

    def test_reprint_is_marked_and_logged(self):
        picking = self._receive(self.filter, 2)
        picking.with_user(self.clerk).action_dealer_print()
        again = picking.with_user(self.clerk).action_dealer_print()
        self.assertEqual(again["res_model"], "dealer.parts.reason.wizard", "a reprint asks why")
        wizard = self.env["dealer.parts.reason.wizard"].with_user(self.clerk).with_context(again["context"]).create({
            "reason": "Finance copy lost"})
        wizard.action_confirm()
        logs = picking.dealer_print_log_ids.sorted("id")
        self.assertRecordValues(logs, [
            {"reprint": False, "reason": False, "user_id": self.clerk.id, "document": picking.dealer_number},
            {"reprint": True, "reason": "Finance copy lost", "user_id": self.clerk.id,
             "document": picking.dealer_number},
        ])
        self.assertIn("REPRINT 重印 #1", self._html("dealer_parts.report_parts_picking", picking))

    def test_void_keeps_number_prints_void_and_reverses_stock(self):
        self._set_stock(self.filter, 5)
        picking = self._issue("requisition", [(self.filter, 2)])
        self._validate(picking)
        number = picking.dealer_number
        self.assertEqual(self.filter.with_context(location=self.stock.id).qty_available, 3)
        with self.assertRaises(UserError):
            picking._dealer_void("")
        self.env["dealer.parts.reason.wizard"].with_user(self.manager).create({
            "res_model": "stock.picking", "res_id": picking.id, "action": "void", "reason": "Wrong car",
        }).action_confirm()
        self.assertRecordValues(picking, [{"dealer_voided": True, "dealer_number": number,
                                           "dealer_void_reason": "Wrong car", "state": "done"}])
        counter = picking.dealer_void_picking_id
        self.assertRecordValues(counter, [{"state": "done", "dealer_void_of_id": picking.id}])
        self.assertEqual(self.filter.with_context(location=self.stock.id).qty_available, 5)
        html = self._html("dealer_parts.report_parts_picking", picking)
        self.assertIn("VOID 作废", html)
        self.assertIn(number, html)
        self.assertIn("京A12345", html)
        self.assertEqual(html.count('class="o_dealer_copy"'), 2)
        self.assertIn("结算员联", html)
        self.assertFalse(self.env["dealer.parts.stock.card"]._dealer_check_differences(self.store_a, self.filter))

    def test_numbers_are_gapless_per_store(self):
        self._set_stock(self.filter, 10)
        numbers = []
        for _i in range(3):
            ticket = self._issue("retail", [(self.filter, 1)])
            self._pay(ticket)
            draft = self._issue("retail", [(self.filter, 1)])  # never validated: takes no number
            self.assertFalse(draft.dealer_number)
            self._validate(ticket)
            numbers.append(int(ticket.dealer_number.rsplit("-", 1)[1]))
        self.assertEqual(numbers, [numbers[0], numbers[0] + 1, numbers[0] + 2])

    def test_all_documents_render(self):
        plan = self.env["dealer.parts.plan"].create({"line_ids": [(0, 0, {"product_id": self.pads.id, "quantity": 2})]})
        plan.action_submit()
        self._approve(plan, self.manager)
        html = self._html("dealer_parts.report_parts_plan", plan)
        self.assertEqual(html.count('class="o_dealer_copy"'), 3)
        self.assertIn("配件计划单", html)
        self.assertIn(plan.name, html)
        receipt = self._receive(self.pads, 4, counted=3)
        note = receipt.dealer_discrepancy_ids
        html = self._html("dealer_parts.report_parts_discrepancy", note)
        self.assertEqual(html.count('class="o_dealer_copy"'), 2)
        self.assertIn("差损单", html)
        self.assertIn(note.name, html)
        ticket = self._issue("retail", [(self.pads, 1)])
        self._pay(ticket)
        self._validate(ticket)
        html = self._html("dealer_parts.report_parts_picking", ticket)
        self.assertEqual(html.count('class="o_dealer_copy"'), 4)
        self.assertIn("零售销售小票", html)
        count = self.env["dealer.parts.count"].create({"location_id": self.stock.id})
        count.action_start()
        count.action_validate()
        self.assertIn("盘点报表", self._html("dealer_parts.report_parts_count", count))
        html = self._html("dealer_parts.report_parts_bin_label", self.bin_2)
        self.assertIn("T-01-1-02", html)
        self.assertIn("1K0698151", html)

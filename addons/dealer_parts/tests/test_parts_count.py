from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsCount(common.PartsCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_stock(cls.pads, 10)
        cls._set_stock(cls.filter, 20)

    def test_quarterly_count_with_finance_and_second_counter(self):
        count = self.env["dealer.parts.count"].with_user(self.clerk).create({
            "kind": "quarterly", "location_id": self.stock.id,
        })
        count.action_start()
        pads = count.line_ids.filtered(lambda line: line.product_id == self.pads)
        filters = count.line_ids.filtered(lambda line: line.product_id == self.filter)
        pads.counted_qty = 8     # 2 x 200 = 400 lost
        filters.counted_qty = 21  # 1 x 30 = 30 gained
        with self.assertRaisesRegex(UserError, "finance"):
            count.action_validate()
        count.finance_present = True
        with self.assertRaisesRegex(UserError, "second counter"):
            count.action_validate()
        count.second_counter_id = self.clerk_2
        with self.assertRaisesRegex(UserError, "Explain the differences"):
            count.action_validate()
        pads.reason = "Two sets fitted without a requisition"
        filters.reason = "Found on the wrong shelf"
        count.action_validate()
        self.assertRecordValues(count, [{"state": "done", "gain_value": 30.0, "loss_value": 400.0}])
        self.assertRegex(count.name, r"^CT\d{4}-\d{5}$")
        self.assertEqual(self.pads.with_context(location=self.stock.id).qty_available, 8)
        self.assertEqual(self.filter.with_context(location=self.stock.id).qty_available, 21)

    def test_void_count_reverses_adjustments(self):
        count = self.env["dealer.parts.count"].create({"location_id": self.stock.id})
        count.action_start()
        pads = count.line_ids.filtered(lambda line: line.product_id == self.pads)
        pads.write({"counted_qty": 7, "reason": "Not found"})
        count.action_validate()
        number = count.name
        self.assertEqual(self.pads.with_context(location=self.stock.id).qty_available, 7)
        with self.assertRaises(AccessError):
            count.with_user(self.clerk)._dealer_void("Counted the wrong shelf")
        count.with_user(self.manager)._dealer_void("Counted the wrong shelf")
        self.assertRecordValues(count, [{"name": number, "dealer_voided": True, "state": "done"}])
        self.assertEqual(count.void_move_ids.mapped("state"), ["done"])
        self.assertEqual(self.pads.with_context(location=self.stock.id).qty_available, 10)
        self.assertFalse(self.env["dealer.parts.stock.card"]._dealer_check_differences(self.store_a, self.pads))
        self.assertIn("VOID 作废", self.env["ir.actions.report"]._render_qweb_html(
            "dealer_parts.report_parts_count", count.ids)[0].decode())

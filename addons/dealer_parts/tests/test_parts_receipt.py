from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsReceipt(common.PartsCase):

    def test_short_delivery_produces_discrepancy_note_and_claim(self):
        order = self._purchase(self.pads, 10, price=200.0)
        picking = order.picking_ids
        self.assertEqual(picking.dealer_doc_kind, "receipt")
        picking.move_ids.quantity = 7  # counted: 7 arrived
        picking.move_ids.dealer_damaged_qty = 1  # one more arrived broken and was refused
        self._inspect(picking)
        self._validate(picking, user=self.clerk)
        self.assertEqual(picking.state, "done")
        self.assertRegex(picking.dealer_number, r"^GR\d{4}-\d{5}$")
        self.assertEqual(self.pads.with_context(location=self.stock.id).qty_available, 7,
                         "the counted quantity is what enters stock")
        note = picking.dealer_discrepancy_ids
        self.assertEqual(len(note), 1)
        self.assertRegex(note.name, r"^DN\d{4}-\d{5}$")
        self.assertRecordValues(note, [{
            "state": "open", "partner_id": self.supplier.id, "claim_against": "supplier",
            "claim_partner_id": self.supplier.id, "claim_amount": 600.0,
        }])
        self.assertEqual(
            sorted((line.kind, line.quantity, line.amount) for line in note.line_ids),
            [("damaged", 1.0, 200.0), ("shortage", 2.0, 400.0)],
        )
        # the claim against the supplier: a vendor credit note for the missing and broken pads
        note.action_create_refund()
        self.assertRecordValues(note.refund_id, [{
            "move_type": "in_refund", "partner_id": self.supplier.id, "amount_untaxed": 600.0, "state": "draft",
        }])
        self.assertEqual(note.state, "claimed")

    def test_price_difference_flagged(self):
        order = self._purchase(self.filter, 5, price=30.0)
        picking = order.picking_ids
        picking.move_ids.quantity = 5
        picking.move_ids.dealer_delivery_price = 33.0
        self.assertTrue(picking.dealer_has_price_diff)
        self._inspect(picking)
        self._validate(picking)
        line = picking.dealer_discrepancy_ids.line_ids
        self.assertRecordValues(line, [{"kind": "price", "quantity": 5.0, "price_unit": 3.0, "amount": 15.0}])
        self.assertEqual(picking.dealer_discrepancy_ids.claim_amount, 0.0)

    def test_full_delivery_no_discrepancy_and_backorder_not_a_shortage(self):
        picking = self._receive(self.filter, 4)
        self.assertFalse(picking.dealer_discrepancy_ids)
        order = self._purchase(self.filter, 10)
        picking = order.picking_ids
        picking.move_ids.quantity = 6
        self._inspect(picking)
        self._validate(picking, backorder=True)
        self.assertFalse(picking.dealer_discrepancy_ids, "the rest is still expected on the back-order")
        self.assertTrue(order.picking_ids - picking)

    def test_two_inspections_required(self):
        picking = self._purchase(self.filter, 2).picking_ids
        picking.move_ids.quantity = 2
        picking.with_user(self.clerk).action_dealer_inspect_buyer()
        with self.assertRaisesRegex(UserError, "both inspections"):
            self._validate(picking, user=self.clerk)
        with self.assertRaisesRegex(UserError, "Name the planner"):
            picking.with_user(self.clerk).action_dealer_inspect_keeper()

    def test_service_advisor_cannot_validate_receipts(self):
        picking = self._purchase(self.filter, 2).picking_ids
        picking.move_ids.quantity = 2
        self._inspect(picking)
        with self.assertRaises(AccessError):
            self._validate(picking, user=self.advisor)
        with self.assertRaises(AccessError):
            picking.with_user(self.advisor).action_dealer_inspect_buyer()
        self.assertEqual(picking.state, "assigned")

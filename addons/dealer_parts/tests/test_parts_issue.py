from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsIssue(common.PartsCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_stock(cls.pads, 10)
        cls._set_stock(cls.filter, 20)
        cls._set_stock(cls.pump, 2)

    def test_issue_without_old_part_refused_exempted_passes(self):
        picking = self._issue("requisition", [(self.pads, 2), (self.filter, 1)])
        self.assertEqual(picking.dealer_doc_kind, "requisition")
        pads_move = picking.move_ids.filtered(lambda m: m.product_id == self.pads)
        filter_move = picking.move_ids - pads_move
        self.assertEqual(pads_move.dealer_old_part_state, "required")
        self.assertEqual(filter_move.dealer_old_part_state, "none")
        with self.assertRaisesRegex(UserError, "hand in the old"):
            self._validate(picking, user=self.clerk)
        # a clerk cannot exempt; the parts manager can, with a reason
        with self.assertRaises(AccessError):
            pads_move.with_user(self.clerk)._dealer_exempt_old_part("customer lost it")
        with self.assertRaises(UserError):
            pads_move.with_user(self.manager)._dealer_exempt_old_part("")
        wizard = self.env["dealer.parts.reason.wizard"].with_user(self.manager).create({
            "res_model": "stock.move", "res_id": pads_move.id, "action": "exempt",
            "reason": "Old pads sent to the OEM for analysis",
        })
        wizard.action_confirm()
        self.assertRecordValues(pads_move, [{
            "dealer_old_part_state": "exempt", "dealer_old_part_exempt_user_id": self.manager.id,
            "dealer_old_part_exempt_reason": "Old pads sent to the OEM for analysis",
        }])
        self._validate(picking, user=self.clerk)
        self.assertEqual(picking.state, "done")
        self.assertRegex(picking.dealer_number, r"^RQ\d{4}-\d{5}$")

    def test_old_part_booked_in_to_counter_or_warranty_store(self):
        picking = self._issue("requisition", [(self.pads, 1)])
        picking.move_ids.with_user(self.clerk).action_dealer_book_old_part()
        old = picking.move_ids.dealer_old_part_move_id
        self.assertRecordValues(old, [{
            "state": "done", "product_id": self.pads.id, "quantity": 1.0,
            "location_dest_id": self.warehouse.dealer_old_part_counter_loc_id.id,
        }])
        self._validate(picking, user=self.clerk)
        self.assertEqual(picking.state, "done")
        warranty = self._issue("warranty_requisition", [(self.pads, 1)])
        self.assertEqual(warranty.move_ids.dealer_payer, "warranty")
        warranty.move_ids.action_dealer_book_old_part()
        self.assertEqual(warranty.move_ids.dealer_old_part_move_id.location_dest_id,
                         self.warehouse.dealer_old_part_warranty_loc_id)
        with self.assertRaisesRegex(UserError, "warranty clerk must sign"):
            self._validate(warranty, user=self.clerk)
        warranty.with_user(self.warranty_sup).action_dealer_sign_warranty()
        self._validate(warranty, user=self.clerk)
        self.assertRegex(warranty.dealer_number, r"^WR\d{4}-\d{5}$")

    def test_customer_takes_old_part_home(self):
        picking = self._issue("requisition", [(self.pump, 1)])
        picking.dealer_old_part_choice = "take"
        picking.move_ids.action_dealer_book_old_part()
        self.assertEqual(picking.move_ids.dealer_old_part_state, "customer")
        self.assertFalse(picking.move_ids.dealer_old_part_move_id, "the old part does not enter the old-part store")
        self._validate(picking)
        self.assertEqual(picking.state, "done")

    def test_requisition_needs_plate_and_settlement_signature(self):
        picking = self._issue("requisition", [(self.filter, 1)], plate=False, sign=False)
        with self.assertRaisesRegex(UserError, "plate"):
            self._validate(picking)
        picking.dealer_license_plate = "京A12345"
        with self.assertRaisesRegex(UserError, "settlement clerk must sign"):
            self._validate(picking)
        with self.assertRaises(AccessError):
            picking.with_user(self.clerk).action_dealer_sign_settlement()
        picking.with_user(self.advisor).action_dealer_sign_settlement()
        self.assertEqual(picking.dealer_settlement_user_id, self.advisor)
        self._validate(picking)
        self.assertEqual(picking.state, "done")

    def test_credit_limit_blocks_account_sale(self):
        garage = self.env["res.partner"].create({"name": "Shunfeng Garage"})
        slip = self._issue("account", [(self.filter, 2)], partner=garage)  # 2 x 50 = 100
        with self.assertRaisesRegex(UserError, "not an approved account customer"):
            self._validate(slip, user=self.clerk)
        garage.write({"dealer_account_customer": True, "credit_limit": 300.0})
        self._validate(slip, user=self.clerk)
        self.assertEqual(slip.state, "done")
        self.assertRegex(slip.dealer_number, r"^IS\d{4}-\d{5}$")
        self.assertEqual(len(slip._dealer_copy_names()), 5)
        # 100 open + 5 x 50 = 350: over the limit of 300
        second = self._issue("account", [(self.filter, 5)], partner=garage)  # 250
        with self.assertRaisesRegex(UserError, "Credit limit of Shunfeng Garage exceeded"):
            self._validate(second, user=self.clerk)
        self.assertNotEqual(second.state, "done")
        # the slip is invoiced at validation: the customer's receivable is what counts
        self.assertEqual(slip.dealer_invoice_id.amount_untaxed, 100.0)
        self.assertEqual(garage.credit, slip.dealer_invoice_id.amount_total)
        self.assertFalse(slip.dealer_settled)
        # once the customer pays the first slip's invoice, the second fits
        self._pay_invoice(slip.dealer_invoice_id)
        self.assertTrue(slip.dealer_settled)
        self._validate(second, user=self.clerk)
        self.assertEqual(second.state, "done")

    def test_cash_first_goods_after(self):
        ticket = self._issue("retail", [(self.filter, 1)])
        with self.assertRaisesRegex(UserError, "Cash first"):
            self._validate(ticket, user=self.clerk)
        # invoiced is not paid: the goods wait for the cashier
        ticket.with_user(self.clerk).action_dealer_register_payment()
        self.assertRecordValues(ticket.dealer_invoice_id, [{"state": "posted", "amount_untaxed": 50.0,
                                                            "partner_id": self.customer.id}])
        self.assertFalse(ticket.dealer_paid)
        with self.assertRaisesRegex(UserError, "Cash first"):
            self._validate(ticket, user=self.clerk)
        self._pay_invoice(ticket.dealer_invoice_id)
        self.assertTrue(ticket.dealer_paid)
        self._validate(ticket, user=self.clerk)
        self.assertRegex(ticket.dealer_number, r"^RT\d{4}-\d{5}$")
        self.assertEqual(len(ticket._dealer_copy_names()), 4)
        cash = self._issue("cash", [(self.filter, 1)])
        self._pay(cash)
        self._validate(cash)
        self.assertEqual(len(cash._dealer_copy_names()), 4)

    def _plain_delivery(self):
        """A delivery of one filter on Odoo's plain delivery type, ready to validate."""
        picking = self.env["stock.picking"].create({
            "picking_type_id": self.warehouse.out_type_id.id,
            "location_id": self.stock.id,
            "location_dest_id": self.customer_location.id,
            "move_ids": [(0, 0, {"product_id": self.filter.id, "product_uom_qty": 1,
                                 "location_id": self.stock.id, "location_dest_id": self.customer_location.id})],
        })
        picking.action_confirm()
        picking.move_ids.quantity = 1
        return picking

    def test_no_goods_leave_without_document(self):
        picking = self._plain_delivery()
        with self.assertRaisesRegex(UserError, "No goods leave without a document"):
            self._validate(picking)

    def test_cannot_issue_more_than_on_hand(self):
        ticket = self._issue("retail", [(self.pump, 3)])
        self._pay(ticket)
        with self.assertRaisesRegex(UserError, "Only 2.0"):
            self._validate(ticket)

    def test_part_without_stock_on_hand_is_refused_clearly(self):
        """A part never stocked, or only counted and not applied (its quant has no quantity yet):
        issuing it says what is on hand, not a TypeError."""
        kit = self._make_part("06H109119", "Timing belt kit 正时皮带套件", 686.0, 980.0)
        ticket = self._issue("retail", [(kit, 1)])
        self._pay(ticket)
        with self.assertRaisesRegex(UserError, "Only 0.0 .* in stock"):
            self._validate(ticket)
        self.env["stock.quant"].with_context(inventory_mode=True).create({
            "product_id": kit.id, "location_id": self.stock.id, "inventory_quantity": 40,
        })
        self.env.flush_all()
        self.env.cr.execute("SELECT quantity FROM stock_quant WHERE product_id = %s", [kit.id])
        self.assertEqual(self.env.cr.fetchall(), [(None,)])
        with self.assertRaisesRegex(UserError, "Only 0.0 .* in stock"):
            self._validate(ticket)

    def test_switched_off_store_keeps_plain_odoo(self):
        self.store_a.dealer_parts_enabled = False
        picking = self._plain_delivery()
        self._validate(picking)
        self.assertEqual(picking.state, "done")
        self.assertFalse(picking.dealer_number)

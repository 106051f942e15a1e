from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsRepairOrder(common.PartsCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_stock(cls.pads, 4)
        cls._set_stock(cls.pump, 1)

    def test_repair_order_parts_go_on_a_requisition_with_old_part_exchange(self):
        order = self._make_order(self.store_a)
        order.write({"old_part_choice": "leave", "line_ids": [
            Command.create({"line_type": "part", "product_id": self.pads.id, "quantity": 2}),
            Command.create({"line_type": "part", "product_id": self.pump.id, "quantity": 1, "payer": "warranty"}),
            Command.create({"line_type": "part", "product_id": self.filter.id, "quantity": 3}),
        ]})
        order._create_parts_moves()
        picking = order.picking_ids
        self.assertRecordValues(picking, [{
            "picking_type_id": self.warehouse.dealer_requisition_type_id.id, "dealer_doc_kind": "requisition",
            "dealer_license_plate": "京A12345", "dealer_repair_order_id": order.id, "dealer_old_part_choice": "leave",
        }])
        pads, pump, filt = (picking.move_ids.filtered(lambda m, p=p: m.product_id == p)
                            for p in (self.pads, self.pump, self.filter))
        self.assertRecordValues(pads | pump | filt, [
            {"dealer_payer": "customer", "dealer_old_part_state": "required"},
            {"dealer_payer": "warranty", "dealer_old_part_state": "required"},
            {"dealer_payer": "customer", "dealer_old_part_state": "none"},
        ])
        # no filter in stock: the filter waits (a back-order for the purchase plan)
        self.assertEqual(filt.state, "confirmed")
        picking.with_user(self.advisor).action_dealer_sign_settlement()
        with self.assertRaisesRegex(UserError, "hand in the old"):
            self._validate(picking, user=self.clerk)
        (pads | pump).with_user(self.clerk).action_dealer_book_old_part()
        self.assertEqual(pads.dealer_old_part_move_id.location_dest_id, self.warehouse.dealer_old_part_counter_loc_id)
        self.assertEqual(pump.dealer_old_part_move_id.location_dest_id, self.warehouse.dealer_old_part_warranty_loc_id)
        # the booked old part keeps its issue, requisition, repair order and repair line (for warranty claims)
        self.assertTrue(pump.dealer_repair_line_id)
        self.assertRecordValues(pump.dealer_old_part_move_id, [{
            "dealer_old_part_of_id": pump.id, "dealer_old_part_picking_id": picking.id,
            "dealer_old_part_repair_order_id": order.id,
            "dealer_old_part_repair_line_id": pump.dealer_repair_line_id.id,
        }])
        self.assertEqual(self.warehouse.dealer_old_part_warranty_loc_id.usage, "internal")
        self._validate(picking, user=self.clerk, backorder=True)
        self.assertEqual(picking.state, "done")
        self.assertRegex(picking.dealer_number, r"^RQ\d{4}-\d{5}$")
        backorder = order.picking_ids - picking
        self.assertEqual(backorder.move_ids.product_id, self.filter)
        self.assertEqual(backorder.dealer_doc_kind, "requisition")
        plan = self.env["dealer.parts.plan"].create({"partner_id": self.supplier.id})
        plan.action_gather()
        line = plan.line_ids.filtered(lambda line: line.product_id == self.filter)
        self.assertEqual(line.source, "backorder")
        self.assertEqual(line.quantity, 3)
        self.assertEqual(line.move_ids, backorder.move_ids)

    def test_customer_takes_old_parts_home(self):
        order = self._make_order(self.store_a)
        order.write({"old_part_choice": "take", "line_ids": [
            Command.create({"line_type": "part", "product_id": self.pads.id, "quantity": 1}),
        ]})
        order._create_parts_moves()
        picking = order.picking_ids
        self.assertEqual(picking.dealer_old_part_choice, "take")
        picking.move_ids.action_dealer_book_old_part()
        self.assertEqual(picking.move_ids.dealer_old_part_state, "customer")
        picking.with_user(self.advisor).action_dealer_sign_settlement()
        self._validate(picking)
        self.assertEqual(picking.state, "done")

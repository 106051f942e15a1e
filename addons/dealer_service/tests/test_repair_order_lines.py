from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestRepairOrderLines(reception_common.ReceptionCase):

    def setUp(self):
        super().setUp()
        self.order = self._checked_in_order()
        self.line = self.env["dealer.repair.order.line"].with_user(self.advisor_a).create({
            "order_id": self.order.id, "line_type": "labour", "labour_operation_id": self.op_oil.id,
        })

    def test_negative_quantity_refused(self):
        with self.assertRaisesRegex(ValidationError, "quantity of .* is negative"), self.env.cr.savepoint():
            self.env["dealer.repair.order.line"].with_user(self.advisor_a).create({
                "order_id": self.order.id, "line_type": "part", "product_id": self.oil_filter.id, "quantity": -2,
            })
        with self.assertRaisesRegex(ValidationError, "is negative"), self.env.cr.savepoint():
            self.line.write({"quantity": -1})
        self.line.invalidate_recordset()
        self.assertEqual(self.order.line_ids, self.line)
        self.assertEqual(self.line.quantity, 1.5)

    def test_discount_above_advisor_limit_needs_manager(self):
        self.assertEqual(self.store_a.dealer_advisor_discount_limit, 10.0)
        self.line.write({"discount": 10.0})
        self.assertEqual(self.line.price_subtotal, 270.0)
        with self.assertRaisesRegex(ValidationError, r"15.0% on .* is above your limit of 10.0%"), \
                self.env.cr.savepoint():
            self.line.write({"discount": 15.0})
        self.line.invalidate_recordset()
        self.assertEqual(self.line.discount, 10.0)
        self.assertFalse(self.line.discount_approved_by_id)
        # the limit is per store
        self.store_a.dealer_advisor_discount_limit = 20.0
        self.line.write({"discount": 15.0})
        self.store_a.dealer_advisor_discount_limit = 10.0
        # a service manager approves a bigger discount, and is remembered
        self.line.with_user(self.manager_a).write({"discount": 30.0})
        self.assertEqual(self.line.discount_approved_by_id, self.manager_a)
        self.assertEqual(self.line.price_subtotal, 210.0)

    def test_technician_cannot_change_prices_nor_see_invoices(self):
        line_tech = self.line.with_user(self.technician_a)
        for vals in ({"price_unit": 1.0}, {"discount": 5.0}, {"tax_ids": [Command.clear()]}):
            with self.subTest(vals=vals), \
                    self.assertRaisesRegex(AccessError, "ask a Service Advisor / Service Manager"):
                line_tech.write(vals)
        line_tech.write({"name": "Oil change (5W-30)"})  # the description stays editable
        self.line.invalidate_recordset()
        self.assertEqual(self.line.price_unit, 200.0)
        # the technician reports added work found in the workshop: priced by the catalogue
        self._sign(self.order)
        self.order.action_approve()
        added = self.env["dealer.repair.order.line"].with_user(self.technician_a).create({
            "order_id": self.order.id, "line_type": "labour", "labour_operation_id": self.op_brake.id,
            "added_work_reason": "Brake disc scored", "price_unit": 1.0, "discount": 90.0,
        })
        self.assertRecordValues(added, [{
            "is_added_work": True, "approval_state": "pending", "price_unit": 200.0, "discount": 0.0,
        }])
        # and sees no invoice
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.technician_a).search([])
        with self.assertRaises(AccessError):
            self.order.with_user(self.technician_a).read(["invoice_ids"])

    def test_advisor_of_store_a_cannot_read_store_b(self):
        order_b = self._make_order(self.store_b, self.advisor_b)
        line_b = self.env["dealer.repair.order.line"].with_user(self.advisor_b).create({
            "order_id": order_b.id, "line_type": "labour", "labour_operation_id": self.op_oil.id,
        })
        self.assertEqual(line_b.price_unit, 180.0)  # store B's mechanical rate
        with self.assertRaises(AccessError):
            order_b.with_user(self.advisor_a).read(["name"])
        with self.assertRaises(AccessError):
            line_b.with_user(self.advisor_a).read(["name"])
        self.assertFalse(self.env["dealer.repair.order.line"].with_user(self.advisor_a).search(
            [("order_id", "=", order_b.id)]))

    def test_service_manager_runs_the_whole_order(self):
        order = self._checked_in_order(user=self.manager_a)
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id,
                                          "discount": 50.0})]
        self._sign(order)
        for action in ("action_approve", "action_start_repair", "action_request_quality_check",
                       "action_mark_ready"):
            if action == "action_mark_ready":
                self._pass_final_inspection(order)
            getattr(order, action)()
        order.write({"delivery_washed": True, "delivery_walkround": True,
                     "delivery_charges_explained": True, "delivery_old_parts": True})
        order.action_deliver()
        order.action_create_invoices()
        self.assertRecordValues(order.invoice_ids, [{"amount_untaxed": 150.0, "amount_total": 169.5}])
        self.env["dealer.labour.rate"].with_user(self.manager_a).create({"trade": "paint", "rate": 300.0})

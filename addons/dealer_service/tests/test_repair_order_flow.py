from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestRepairOrderFlow(reception_common.ReceptionCase):

    def test_appointment_to_posted_invoices_per_payer(self):
        appointment = self.env["dealer.appointment"].with_user(self.advisor_a).create({
            "source": "phone", "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
            "date_start": "2026-11-24 09:00:00", "requested_work": "Brake noise, bumper scratch",
        })
        appointment.action_arrive()
        order = appointment.repair_order_id
        self.assertRecordValues(order, [{"appointment_id": appointment.id, "state": "draft",
                                         "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id}])
        order.write(self._reception_values(insurer_id=self.insurer.id))
        order.action_check_in()
        self.assertEqual(order.state, "checked_in")
        order.write({"line_ids": [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 2}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id, "payer": "warranty"}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id, "payer": "insurance"}),
        ]})
        oil, filt, brake, bumper = order.line_ids
        # labour = hours (per vehicle model where it differs) x rate of the trade in the store
        self.assertRecordValues(order.line_ids, [
            {"quantity": 1.5, "price_unit": 200.0, "price_subtotal": 300.0, "price_tax": 39.0,
             "payer_partner_id": self.customer.id, "trade": "mechanical"},
            {"quantity": 2.0, "price_unit": 80.0, "price_subtotal": 160.0, "price_tax": 20.8,
             "payer_partner_id": self.customer.id, "trade": False},
            {"quantity": 1.0, "price_unit": 200.0, "price_subtotal": 200.0, "price_tax": 26.0,
             "payer_partner_id": self.oem.id, "trade": "mechanical"},
            {"quantity": 2.0, "price_unit": 250.0, "price_subtotal": 500.0, "price_tax": 65.0,
             "payer_partner_id": self.insurer.id, "trade": "body"},
        ])
        self.assertRecordValues(order, [{"amount_untaxed": 1160.0, "amount_tax": 150.8, "amount_total": 1310.8}])

        with self.assertRaisesRegex(UserError, "has not signed"):
            order.action_approve()
        self._sign(order)
        order.action_approve()
        self.assertEqual(order.state, "approved")
        # parts go through one outgoing picking of the store's warehouse (the
        # operation type is the store's choice: dealer_parts uses its requisitions)
        self.assertEqual(len(order.picking_ids), 1)
        picking = order.picking_ids
        self.assertEqual(picking.picking_type_id, order._get_parts_picking_type())
        self.assertEqual(picking.picking_type_id.warehouse_id, self.warehouse_a)
        self.assertEqual(picking.picking_type_id.code, "outgoing")
        self.assertEqual(filt.move_ids.picking_id, picking)
        self.assertEqual(filt.move_ids.product_uom_qty, 2.0)
        self.assertEqual(filt.move_ids.state, "assigned")
        self.assertFalse(order.parts_waiting)
        self._issue_parts(order)

        order.action_start_repair()
        order.action_request_quality_check()
        order._action_back_to_repair()
        self.assertEqual(order.state, "in_progress")
        order.action_request_quality_check()
        self._pass_final_inspection(order)
        order.action_mark_ready()
        with self.assertRaisesRegex(UserError, "delivery checklist"):
            order.action_deliver()
        order.write({
            "delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
            "delivery_old_parts": True, "next_service_mileage": 17000,
        })
        order.action_deliver()
        self.assertEqual(order.state, "delivered")
        order.action_create_invoices()
        self.assertEqual(order.state, "invoiced")

        invoices = order.invoice_ids.sorted("amount_total")
        self.assertEqual(len(invoices), 3)
        self.assertRecordValues(invoices, [
            {"partner_id": self.oem.id, "move_type": "out_invoice", "state": "posted",
             "amount_untaxed": 200.0, "amount_tax": 26.0, "amount_total": 226.0},
            {"partner_id": self.customer.id, "move_type": "out_invoice", "state": "posted",
             "amount_untaxed": 460.0, "amount_tax": 59.8, "amount_total": 519.8},
            {"partner_id": self.insurer.id, "move_type": "out_invoice", "state": "posted",
             "amount_untaxed": 500.0, "amount_tax": 65.0, "amount_total": 565.0},
        ])
        self.assertEqual(invoices.dealer_repair_order_id, order)
        customer_invoice = invoices[1]
        self.assertEqual(customer_invoice.invoice_line_ids.tax_ids, self.tax13)
        accounts = {line.product_id: line.account_id for line in customer_invoice.invoice_line_ids}
        self.assertEqual(accounts[self.op_oil.product_id], self.labour_account)
        self.assertEqual(accounts[self.oil_filter], self.parts_account)
        self.assertEqual(invoices[0].invoice_line_ids.account_id, self.labour_account)

        # the customer pays at the counter with the standard payment register
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=customer_invoice.ids,
        ).create({})._create_payments()
        self.assertIn(customer_invoice.payment_state, ("paid", "in_payment"))

        # an invoiced order is locked
        with self.assertRaisesRegex(UserError, "credit note"):
            oil.write({"price_unit": 1.0})
        with self.assertRaisesRegex(UserError, "credit note"):
            oil.write({"trade": "body"})  # the trade makes the labour rate
        with self.assertRaisesRegex(UserError, "credit note"):
            order.write({"line_ids": [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]})
        with self.assertRaisesRegex(UserError, "locked"):
            order.write({"partner_id": self.insurer.id})
        self.assertEqual(oil.price_unit, 200.0)
        with self.assertRaisesRegex(UserError, "not possible"):
            order.action_cancel()
        # corrections go through a credit note, linked to the order as well
        refund = self.env["account.move.reversal"].with_context(
            active_model="account.move", active_ids=invoices[2].ids,
        ).create({"journal_id": invoices[2].journal_id.id, "reason": "Bumper price corrected"}).reverse_moves()
        credit_note = self.env["account.move"].browse(refund["res_id"])
        self.assertRecordValues(credit_note, [{
            "move_type": "out_refund", "partner_id": self.insurer.id, "amount_total": 565.0,
            "dealer_repair_order_id": order.id,
        }])
        self.assertIn(credit_note, order.invoice_ids)

    def test_state_guards_name_the_offenders(self):
        order = self._make_order(self.store_a, self.advisor_a)
        with self.assertRaisesRegex(UserError, rf"Approval is not possible for {order.name} \(Draft\)"):
            order.action_approve()
        with self.assertRaisesRegex(UserError, "walk-around check"):
            order.action_check_in()
        self.assertEqual(order.state, "draft")
        self.assertFalse(self.vehicle_a.odometer)

    def test_mileage_rollback_refused_unless_manager_override(self):
        self.env["fleet.vehicle.odometer"].create({"vehicle_id": self.vehicle_a.id, "value": 15000})
        order = self._make_order(self.store_a, self.advisor_a)
        order.write(self._reception_values(mileage=14000))
        with self.assertRaisesRegex(UserError, "14000 km .* lower than the 15000 km last recorded"):
            order.action_check_in()
        self.assertEqual(order.state, "draft")
        self.assertEqual(self.vehicle_a.odometer_count, 1)
        # an advisor's reason is not enough
        order.mileage_override_reason = "Instrument cluster replaced"
        with self.assertRaisesRegex(UserError, "service manager"):
            order.action_check_in()
        # a service manager overrides with a reason, which is logged
        order.with_user(self.manager_a).action_check_in()
        self.assertEqual(order.state, "checked_in")
        self.assertIn("Instrument cluster replaced", order.message_ids[0].body)
        self.assertEqual(order.odometer_id.value, 14000)

    def test_replaced_cluster_is_the_reference_of_later_visits(self):
        self.env["fleet.vehicle.odometer"].create({"vehicle_id": self.vehicle_a.id, "value": 15000})
        order = self._checked_in_order(
            user=self.manager_a, mileage=3000, mileage_override_reason="Instrument cluster replaced",
        )
        self.assertRecordValues(order.odometer_id, [{"value": 3000, "dealer_cluster_replaced": True}])
        self.assertEqual(self.vehicle_a.odometer, 3000)
        # the next visit is compared with the new cluster's reading, without a manager
        order.with_user(self.advisor_a).action_cancel()
        later = self._checked_in_order(mileage=4500)
        self.assertEqual(later.state, "checked_in")
        self.assertRecordValues(later.odometer_id, [{"value": 4500, "dealer_cluster_replaced": False}])
        self.assertEqual(self.vehicle_a.odometer, 4500)
        # and a roll-back below the new cluster's last reading is refused again
        later.with_user(self.advisor_a).action_cancel()
        with self.assertRaisesRegex(UserError, "4000 km .* lower than the 4500 km last recorded"):
            self._checked_in_order(mileage=4000)

    def test_added_work_needs_approval_before_start_or_issue(self):
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(order)
        order.action_approve()
        order.action_start_repair()
        order.line_ids = [Command.create({
            "line_type": "part", "product_id": self.oil_filter.id, "quantity": 1,
            "added_work_reason": "Filter housing cracked",
        })]
        added = order.line_ids.filtered("is_added_work")
        self.assertRecordValues(added, [{"approval_state": "pending", "move_ids": []}])
        with self.assertRaisesRegex(UserError, "no customer approval"):
            added._check_added_work_approved()
        with self.assertRaisesRegex(UserError, "has not answered the added work"):
            order.action_request_quality_check()
        # the customer agrees on the phone: logged with time and SA, parts issued
        added.with_user(self.advisor_a).action_approve_by_phone()
        self.assertRecordValues(added, [{
            "approval_state": "approved", "approval_method": "phone", "approved_by": self.advisor_a.id,
        }])
        self.assertTrue(added.approval_date)
        self.assertIn("Added work approved", order.message_ids[0].body)
        added._check_added_work_approved()
        self.assertEqual(added.move_ids.picking_id, order.picking_ids)
        self.assertEqual(len(order.picking_ids.move_ids), 1)
        order.action_request_quality_check()

    def test_added_work_signed_at_counter_and_declined(self):
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(order)
        order.action_approve()
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id}),
        ]
        brake, bumper = order.line_ids.filtered("is_added_work")
        bumper.action_decline()
        wizard = self._counter_answer(order, {})
        with self.assertRaisesRegex(UserError, "Have the customer sign"):
            wizard.action_confirm()
        self._counter_answer(order, {}, sign=True).action_confirm()
        self.assertRecordValues(brake | bumper, [
            {"approval_state": "approved", "approval_method": "signature"},
            {"approval_state": "declined", "approval_method": "phone"},
        ])
        # declined work is not charged
        self.assertEqual(order.amount_untaxed, 300.0 + 200.0)

    def _counter_answer(self, order, decisions, sign=False):
        """The advisor's Customer Answer dialog on ``order``: ``decisions`` {line: 'approve'|'decline'}."""
        action = order.with_user(self.advisor_a).action_open_added_work_answer()
        form = Form(self.env[action["res_model"]].with_user(self.advisor_a).with_context(**action["context"]))
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as row:
                if row.order_line_id in decisions:
                    row.decision = decisions[row.order_line_id]
        if sign:
            form.signed_by = "Zhang Wei"
            form.signature = reception_common.SIGNATURE
        return form.save()

    def test_counter_signature_approves_some_added_lines_and_declines_others(self):
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(order)
        order.action_approve()
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id}),
        ]
        brake, filt, bumper = order.line_ids.filtered("is_added_work")
        self._counter_answer(order, {bumper: "decline", filt: "decline"}, sign=True).action_confirm()
        self.assertRecordValues(brake | filt | bumper, [
            {"approval_state": "approved", "approval_method": "signature", "approved_by": self.advisor_a.id},
            {"approval_state": "declined", "approval_method": "signature", "approved_by": self.advisor_a.id},
            {"approval_state": "declined", "approval_method": "signature", "approved_by": self.advisor_a.id},
        ])
        self.assertTrue(order.added_work_signature)
        self.assertFalse(order.has_pending_added_work)
        self.assertFalse(filt.move_ids, "a declined part is not issued")
        self.assertIn("Added work declined by Zhang Wei", order.message_ids[0].body + order.message_ids[1].body)
        # oil 300 + brake 200; the declined bumper and filter are not charged
        self.assertEqual(order.amount_untaxed, 500.0)
        with self.assertRaisesRegex(UserError, "no added work waiting"):
            self._counter_answer(order, {}, sign=True).action_confirm()
        # a line of another order cannot be slipped into the answer (RPC)
        other = self._checked_in_order(vehicle_id=self._make_vehicle(self.store_a, "京A44444").id)
        other.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(other)
        other.action_approve()
        other.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id})]
        foreign = other.line_ids.filtered("is_added_work")
        answer = self.env["dealer.added.work.answer"].with_user(self.advisor_a).create({
            "order_id": order.id, "signed_by": "Zhang Wei", "signature": reception_common.SIGNATURE,
            "line_ids": [Command.create({"order_line_id": foreign.id, "decision": "approve"})],
        })
        with self.assertRaisesRegex(UserError, "are not added work of"):
            answer.action_confirm()
        self.assertEqual(foreign.approval_state, "pending")

    def test_maintenance_package_expands_into_lines(self):
        package = self.env["dealer.service.package"].create({
            "name": "5,000 km service", "mileage": 5000,
            "line_ids": [
                Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
                Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1}),
            ],
        })
        order = self._make_order(self.store_a, self.advisor_a)
        wizard = self.env["dealer.repair.order.package.wizard"].with_user(self.advisor_a).create({
            "order_id": order.id, "package_id": package.id,
        })
        wizard.action_apply()
        self.assertRecordValues(order.line_ids, [
            {"line_type": "labour", "quantity": 1.5, "price_subtotal": 300.0, "payer": "customer"},
            {"line_type": "part", "quantity": 1.0, "price_subtotal": 80.0, "payer": "customer"},
        ])

    def test_changed_part_line_follows_in_the_warehouse(self):
        order = self._checked_in_order()
        order.line_ids = [
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 4}),
        ]
        self._sign(order)
        order.action_approve()
        line, other = order.line_ids
        first_move = line.move_ids
        line.quantity = 3
        self.assertEqual(first_move.state, "cancel")
        open_move = line.move_ids.filtered(lambda move: move.state != "cancel")
        self.assertRecordValues(open_move, [{"product_uom_qty": 3.0, "state": "assigned"}])
        self.assertEqual(open_move.picking_id, order.picking_ids)
        # a part requested from the warehouse leaves the order with a reason, logged
        with self.assertRaisesRegex(UserError, "use Remove from Order"):
            other.with_user(self.advisor_a).unlink()
        self._remove_from_order(other, "Customer brought his own filter")
        self.assertFalse(other.exists())
        self.assertIn("Customer brought his own filter", order.message_ids[0].body)
        self.assertEqual(
            sorted(order.picking_ids.move_ids.mapped(lambda m: (m.product_uom_qty, m.state))),
            [(1.0, "cancel"), (3.0, "assigned"), (4.0, "cancel")],
        )
        # once issued, the line can no longer change
        open_move.quantity = 3
        open_move.picked = True
        open_move._action_done()
        with self.assertRaisesRegex(UserError, "already issued"):
            line.quantity = 2
        with self.assertRaisesRegex(UserError, "already issued"):
            line.unlink()

    def _remove_from_order(self, lines, reason):
        action = lines.with_user(self.advisor_a).action_open_remove_wizard()
        form = Form(self.env[action["res_model"]].with_user(self.advisor_a).with_context(**action["context"]))
        form.reason = reason
        return form.save().action_remove()

    def test_delivery_needs_parts_issued_or_removed_with_reason(self):
        order = self._checked_in_order()
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 2}),
        ]
        self._sign(order)
        order.action_approve()
        _oil, fitted, spare = order.line_ids
        self._ready_for_delivery(order)
        self.assertEqual(set((fitted | spare).move_ids.mapped("state")), {"assigned"})
        # reserved is not issued: the car does not leave with parts the warehouse never gave out
        with self.assertRaisesRegex(UserError, r"Oil filter.* not issued from the warehouse"):
            order.with_user(self.advisor_a).action_deliver()
        self.assertEqual(order.state, "ready")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self._remove_from_order(spare, " ")
        self._remove_from_order(spare, "Second filter not needed")
        self.assertEqual(order.picking_ids.move_ids.filtered(lambda m: m.product_uom_qty == 2).state, "cancel")
        with self.assertRaisesRegex(UserError, "not issued from the warehouse"):
            order.with_user(self.advisor_a).action_deliver()
        self._issue_parts(order)
        order.with_user(self.advisor_a).action_deliver()
        self.assertEqual(order.state, "delivered")
        # a part added after delivery is never issued: it is not billed either
        order.line_ids = [Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1})]
        with self.assertRaisesRegex(UserError, "not issued from the warehouse"):
            order.with_user(self.advisor_a).action_create_invoices()
        self.assertEqual(order.state, "delivered")

    def test_cancel_gives_back_reserved_parts(self):
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 3})]
        self._sign(order)
        order.action_approve()
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.picking_ids.state, "cancel")

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestRepairOrderGuards(reception_common.ReceptionCase):
    """The rules of the repair order hold for every client: the form as the web client
    fills it, and a plain write or create (list, import, RPC) as each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # exactly the groups of the demo users qc and workshop
        cls.qc_a = cls._make_user("h1_qc_a", "dealer_service.dealer_service_group_qc_inspector")
        cls.workshop_a = cls._make_user("h1_workshop_a", "dealer_service.dealer_service_group_workshop_manager")
        cls.roles = {
            "advisor": cls.advisor_a, "technician": cls.technician_a, "qc": cls.qc_a,
            "workshop": cls.workshop_a, "manager": cls.manager_a,
        }

    def _approved_order(self):
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(order)
        order.action_approve()
        return order

    # --- added work follows from the order's state ---

    def test_line_typed_in_the_form_after_approval_is_added_work(self):
        order = self._approved_order()
        form = Form(order.with_user(self.advisor_a))
        with form.line_ids.new() as line:
            line.line_type = "part"
            line.product_id = self.oil_filter
            line.quantity = 1
            line.added_work_reason = "Filter housing cracked"
        with form.line_ids.new() as line:
            line.labour_operation_id = self.op_brake
        form.save()
        _oil, filt, brake = order.line_ids
        self.assertRecordValues(filt | brake, [
            {"is_added_work": True, "approval_state": "pending"},
            {"is_added_work": True, "approval_state": "pending"},
        ])
        self.assertFalse(filt.move_ids, "no part is issued before the customer approves it")
        self.assertTrue(order.has_pending_added_work)
        # what an older client or an RPC call sends does not matter either
        rpc = self.env["dealer.repair.order.line"].with_user(self.advisor_a).create({
            "order_id": order.id, "line_type": "labour", "labour_operation_id": self.op_bumper.id,
            "is_added_work": False,
        })
        self.assertRecordValues(rpc, [{"is_added_work": True, "approval_state": "pending"}])
        # before the approval, a line typed in the form is part of the work order
        draft = self._checked_in_order(vehicle_id=self._make_vehicle(self.store_a, "京A22222").id)
        form = Form(draft.with_user(self.advisor_a))
        with form.line_ids.new() as line:
            line.labour_operation_id = self.op_oil
        form.save()
        self.assertRecordValues(draft.line_ids, [{"is_added_work": False, "approval_state": "not_required"}])

    # --- states and approvals only through the actions ---

    def test_states_and_approvals_are_written_by_the_actions_only(self):
        order = self._approved_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id})]
        oil, added = order.line_ids
        for role, user in self.roles.items():
            with self.subTest(role=role):
                with self.assertRaisesRegex(UserError, "changes only through its buttons"):
                    order.with_user(user).write({"state": "ready"})
                for vals in ({"is_added_work": False}, {"approval_state": "approved"},
                             {"approved_by": user.id, "approval_method": "phone"},
                             {"approval_date": "2026-11-23 10:00:00"}, {"discount_approved_by_id": user.id}):
                    with self.assertRaisesRegex(UserError, "recorded by the line's buttons"):
                        added.with_user(user).write(vals)
                with self.assertRaisesRegex(UserError, "recorded by the line's buttons"):
                    oil.with_user(user).write({"is_added_work": True})
        # the payload a web client (or a second tab) would send
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            order.with_user(self.advisor_a).web_save({"state": "ready"}, {"state": {}})
        with self.assertRaisesRegex(UserError, "recorded by the line's buttons"):
            order.with_user(self.advisor_a).web_save(
                {"line_ids": [Command.update(added.id, {"is_added_work": False})]}, {"state": {}},
            )
        # not even code running as superuser writes around them
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            order.sudo().write({"state": "ready"})
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            order.with_user(self.manager_a).write({"state": "delivered", "date_delivered": "2026-11-23 10:00:00"})
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            order.with_user(self.advisor_a).write({"odometer_id": False})  # the check-in's reading
        with self.assertRaisesRegex(UserError, "starts as a draft"):
            self.env["dealer.repair.order"].with_user(self.advisor_a).create({
                "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id, "state": "approved",
            })
        with self.assertRaisesRegex(UserError, "not set on a new line"):
            self.env["dealer.repair.order.line"].with_user(self.advisor_a).create({
                "order_id": order.id, "line_type": "labour", "labour_operation_id": self.op_bumper.id,
                "approval_state": "approved", "approval_method": "signature",
            })
        self.assertRecordValues(order, [{"state": "approved"}])
        self.assertRecordValues(oil | added, [
            {"is_added_work": False, "approval_state": "not_required", "approved_by": False},
            {"is_added_work": True, "approval_state": "pending", "approved_by": False},
        ])
        # the actions still do their work
        added.with_user(self.advisor_a).action_approve_by_phone()
        order.with_user(self.advisor_a).action_start_repair()
        self.assertRecordValues(order, [{"state": "in_progress"}])
        self.assertRecordValues(added, [{"approval_state": "approved", "approved_by": self.advisor_a.id}])

    # --- who pays ---

    def test_warranty_and_insurer_lines_are_never_billed_to_the_customer(self):
        brand = self.car_model.brand_id
        brand.dealer_oem_partner_id = False
        order = self._checked_in_order()
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id, "payer": "warranty"}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id, "payer": "insurance"}),
        ]
        oil, brake, bumper = order.line_ids
        self.assertRecordValues(oil | brake | bumper, [
            {"payer_partner_id": self.customer.id}, {"payer_partner_id": False}, {"payer_partner_id": False},
        ])
        self._sign(order)
        with self.assertRaisesRegex(UserError, "the brand Testbrand has no OEM partner") as refusal:
            order.action_approve()
        self.assertIn(f"{order.name} has no insurer", str(refusal.exception))
        self.assertEqual(order.state, "checked_in")
        # the brand's OEM and the order's insurer are billed as soon as they are known
        brand.dealer_oem_partner_id = self.oem
        order.insurer_id = self.insurer
        self.assertRecordValues(brake | bumper, [
            {"payer_partner_id": self.oem.id}, {"payer_partner_id": self.insurer.id},
        ])
        order.action_approve()
        self._ready_for_delivery(order)
        order.action_deliver()
        # the OEM was taken off the brand meanwhile: invoicing refuses instead of billing the customer
        brand.dealer_oem_partner_id = False
        with self.assertRaisesRegex(UserError, "billed to the OEM warranty, but the brand Testbrand has no OEM"):
            order.action_create_invoices()
        self.assertEqual(order.state, "delivered")
        self.assertFalse(self.env["account.move"].search([("dealer_repair_order_id", "=", order.id)]))
        brand.dealer_oem_partner_id = self.oem
        order.action_create_invoices()
        self.assertEqual(
            sorted(order.invoice_ids.mapped("partner_id.name")),
            sorted([self.customer.name, self.oem.name, self.insurer.name]),
        )

    # --- fields x roles ---

    def test_every_field_a_role_may_not_change_is_refused(self):
        order = self._approved_order()
        order.line_ids = [Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1})]
        oil, filt = order.line_ids
        other_order = self._checked_in_order(vehicle_id=self._make_vehicle(self.store_a, "京A33333").id)
        declined = self.env["dealer.declined.work"].create({
            "company_id": self.store_a.id, "vehicle_id": self.vehicle_a.id, "description": "Wiper blades",
        })
        new_values = {
            "order_id": other_order.id, "line_type": "sublet", "labour_operation_id": self.op_bumper.id,
            "trade": "body", "product_id": self.op_brake.product_id.id, "quantity": 5.0,
            "product_uom_id": self.env.ref("uom.product_uom_unit").id, "price_unit": 1.0, "discount": 5.0,
            "tax_ids": [Command.clear()], "payer": "warranty", "payer_partner_id": self.insurer.id,
            "dealer_declined_work_id": declined.id,
            "sequence": 99, "name": "Oil change (5W-30)", "added_work_reason": "Seen leaking",
            "added_work_photo_ids": [Command.clear()],
            "fault_code": "P0301", "fault_cause": "Misfire", "old_part_fate": "customer",
        }
        table = self.env["dealer.repair.order.line"]._dealer_field_roles()
        self.assertEqual(set(table), set(new_values), "every field of the table is tried")
        self.assertEqual(set(self.roles), {role for roles in table.values() for role in roles})
        before = oil.read(list(table) + ["price_subtotal"])[0]
        no_cells = [(role, fname) for role in self.roles for fname, roles in table.items() if role not in roles]
        # technicians and QC inspectors: the 13 price/payer fields and the 3 warranty ones; workshop: the 13
        self.assertEqual(len(no_cells), 3 * 13 + 2 * 3)
        for role, fname in no_cells:
            with self.subTest(role=role, field=fname), self.assertRaisesRegex(AccessError, "Your role may not change"):
                oil.with_user(self.roles[role]).write({fname: new_values[fname]})
        oil.invalidate_recordset()
        self.assertEqual(oil.read(list(table) + ["price_subtotal"])[0], before)
        self.assertEqual(oil.price_subtotal, 300.0)
        # the yes cells of the workshop roles: they document the work
        for role in ("technician", "qc", "workshop"):
            oil.with_user(self.roles[role]).write({"name": f"Oil change ({role})", "added_work_reason": role})
        # and the workshop manager records the warranty claim's evidence
        oil.with_user(self.workshop_a).write({"fault_code": "P0301", "fault_cause": "Misfire"})
        # a line reported by the workshop is priced by the catalogue and paid by the customer
        with self.assertRaisesRegex(AccessError, "decide who pays"):
            self.env["dealer.repair.order.line"].with_user(self.technician_a).create({
                "order_id": order.id, "line_type": "labour", "labour_operation_id": self.op_brake.id,
                "payer": "warranty",
            })
        reported = self.env["dealer.repair.order.line"].with_user(self.technician_a).create({
            "order_id": order.id, "line_type": "labour", "labour_operation_id": self.op_brake.id,
            "payer_partner_id": self.insurer.id, "price_unit": 1.0,
        })
        self.assertRecordValues(reported, [{
            "payer": "customer", "payer_partner_id": self.customer.id, "price_unit": 200.0, "is_added_work": True,
        }])
        # the order itself is read-only for the workshop roles
        for role in ("technician", "qc", "workshop"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                order.with_user(self.roles[role]).write({"key_tag": "K7"})

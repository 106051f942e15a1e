from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common

LINE_FORM = "dealer_service.dealer_repair_order_line_view_form"


@tagged("post_install", "-at_install")
class TestLineWarrantyData(reception_common.ReceptionCase):
    """Per line, the warranty claim's evidence: fault code, cause and the old part's fate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.workshop_a = cls._make_user("h9_workshop_a", "dealer_service.dealer_service_group_workshop_manager")
        cls.qc_a = cls._make_user("h9_qc_a", "dealer_service.dealer_service_group_qc_inspector")

    def _order_with_lines(self, **reception):
        order = self._checked_in_order(**reception)
        order.with_user(self.advisor_a).line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id, "payer": "warranty"}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1,
                            "payer": "warranty"}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
        ]
        return order

    def test_old_part_fate_defaults_from_the_order(self):
        order = self._order_with_lines(old_part_choice="leave")
        self.assertRecordValues(order.line_ids, [
            {"payer": "warranty", "old_part_fate": False, "fault_code": False, "fault_cause": False},
            {"payer": "warranty", "old_part_fate": "oem", "fault_code": False, "fault_cause": False},
            {"payer": "customer", "old_part_fate": "store", "fault_code": False, "fault_cause": False},
            {"payer": "customer", "old_part_fate": False, "fault_code": False, "fault_cause": False},
        ])
        taking = self._order_with_lines(old_part_choice="take")
        parts = taking.line_ids.filtered(lambda line: line.line_type == "part")
        self.assertEqual(parts.mapped("old_part_fate"), ["oem", "customer"])
        # the customer changes his mind at the counter: his part follows, the OEM's does not
        taking.with_user(self.advisor_a).old_part_choice = "leave"
        self.assertEqual(parts.mapped("old_part_fate"), ["oem", "store"])
        # the advisor decides otherwise for one line
        parts[1].with_user(self.advisor_a).old_part_fate = "customer"
        self.assertEqual(parts.mapped("old_part_fate"), ["oem", "customer"])

    def test_warranty_data_editable_by_advisor_and_workshop_manager(self):
        order = self._order_with_lines()
        labour, part = order.line_ids[:2]
        labour.with_user(self.advisor_a).write({"fault_code": "P0301", "fault_cause": "Cylinder 1 misfire"})
        form = Form(part.with_user(self.workshop_a), view=LINE_FORM)
        form.fault_code = "P0301-A"
        form.fault_cause = "Ignition coil cracked"
        form.old_part_fate = "store"  # the OEM asked to scrap it locally
        form.save()
        self.assertRecordValues(labour | part, [
            {"fault_code": "P0301", "fault_cause": "Cylinder 1 misfire", "old_part_fate": False},
            {"fault_code": "P0301-A", "fault_cause": "Ignition coil cracked", "old_part_fate": "store"},
        ])
        # the technicians document the work but change no claim evidence
        for user in (self.technician_a, self.qc_a):
            for vals in ({"fault_code": "X"}, {"fault_cause": "X"}, {"old_part_fate": "customer"}):
                with self.subTest(user=user.login, vals=vals), \
                        self.assertRaisesRegex(AccessError, "ask a Service Advisor / Workshop Manager"):
                    part.with_user(user).write(vals)
        form = Form(part.with_user(self.technician_a), view=LINE_FORM)
        form.fault_code = "X"
        with self.assertRaises(AccessError):
            form.save()
        part.invalidate_recordset()
        self.assertEqual(part.fault_code, "P0301-A")

    def test_warranty_group_shown_for_warranty_lines(self):
        order = self._order_with_lines()
        warranty_labour, _warranty_part, customer_part, _labour = order.line_ids
        form = Form(customer_part.with_user(self.advisor_a), view=LINE_FORM)
        self.assertTrue(form._get_modifier("fault_code", "invisible"))
        self.assertFalse(form._get_modifier("old_part_fate", "invisible"))
        form = Form(warranty_labour.with_user(self.advisor_a), view=LINE_FORM)
        self.assertFalse(form._get_modifier("fault_code", "invisible"))
        self.assertTrue(form._get_modifier("old_part_fate", "invisible"))

    def test_warranty_data_locked_on_invoiced_order(self):
        order = self._order_with_lines()
        part, customer_part = order.line_ids[1:3]
        part.with_user(self.advisor_a).fault_code = "P0301"
        self._sign(order)
        order.action_approve()
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        order.action_create_invoices()
        self.assertEqual(order.state, "invoiced")
        for user in (self.advisor_a, self.workshop_a, self.manager_a):
            for vals in ({"fault_code": "P0302"}, {"fault_cause": "Other"}, {"old_part_fate": "customer"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaisesRegex(UserError, "can no longer"):
                    part.with_user(user).write(vals)
        form = Form(part.with_user(self.manager_a), view=LINE_FORM)
        with self.assertRaisesRegex(AssertionError, "readonly field"):
            form.fault_code = "P0302"
        # settled: a later change of the order's choice leaves the lines as they were billed
        order.old_part_choice = "take"
        self.assertRecordValues(part | customer_part, [
            {"fault_code": "P0301", "old_part_fate": "oem"}, {"fault_code": False, "old_part_fate": "store"},
        ])

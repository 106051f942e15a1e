from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestAccidentAccess(common.InsuranceCase):
    """Claims staff handle accident cases and their repair orders; the reception sees a case's
    state and assessed amount on the order; each store sees its own."""

    def test_clerk_registers_a_case_in_the_form_and_receives_the_vehicle(self):
        form = Form(self.env["dealer.insurance.case"].with_user(self.clerk_a))
        form.insurer_id = self.insurer
        form.report_number = "RDAA2026210200001234"
        form.vehicle_id = self.vehicle_a
        form.partner_id = self.customer
        form.liability = "major"
        form.assessor_id = self.assessor
        case = form.save()
        self.assertRecordValues(case, [{"company_id": self.store_a.id, "liability_share": 70.0,
                                        "user_id": self.clerk_a.id, "state": "draft"}])
        self.assertRegex(case.name, r"^IC\d{4}-\d{5}$")
        case.action_create_repair_order()
        self.assertRecordValues(case.repair_order_id, [{"partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
                                                        "insurer_id": self.insurer.id, "state": "draft"}])
        # the clerk works the accident order as the reception would: lines, prices, check-in
        case.repair_order_id.with_user(self.clerk_a).write({**self._reception_values(), "line_ids": [
            Command.create({"line_type": "part", "product_id": self.bumper.id, "payer": "insurance",
                            "price_unit": 5800.0}),
        ]})
        case.repair_order_id.with_user(self.clerk_a).action_check_in()
        self.assertEqual(case.repair_order_id.line_ids.price_unit, 5800.0)

    def test_clerk_changes_only_accident_and_rescue_orders(self):
        order = self._make_order(self.store_a, self.advisor_a)
        order.with_user(self.advisor_a).line_ids = [Command.create({"line_type": "labour",
                                                                     "labour_operation_id": self.op_oil.id})]
        self.assertTrue(order.with_user(self.clerk_a).read(["name", "state"]))
        with self.assertRaises(AccessError):
            order.with_user(self.clerk_a).write({"customer_complaint": "x"})
        with self.assertRaises(AccessError):
            order.line_ids.with_user(self.clerk_a).write({"price_unit": 1.0})
        with self.assertRaises(AccessError):
            self.env["dealer.repair.order.line"].with_user(self.clerk_a).create({
                "order_id": order.id, "line_type": "labour", "name": "x", "payer": "insurance",
            })
        with self.assertRaises(AccessError):
            self._make_order(self.store_a, self.clerk_a)
        # the reception and the workshop keep every order (the service manager is also claims lead)
        order.with_user(self.advisor_a).write({"customer_complaint": "刹车异响"})
        order.with_user(self.manager_a).write({"customer_complaint": "刹车异响，方向盘抖动"})
        self.env["dealer.repair.order.line"].with_user(self.technician_a).create({
            "order_id": order.id, "line_type": "labour", "name": "右前轮轴承异响", "trade": "mechanical",
        })

    def test_advisor_sees_state_and_assessed_amount_only(self):
        case = self._accident_case()
        self._send_and_assess(case, 8600.0)
        order = case.repair_order_id.with_user(self.advisor_a)
        self.assertRecordValues(order, [{"dealer_insurance_state": "approved",
                                         "dealer_insurance_amount_assessed": 8600.0}])
        # the order's form as the advisor shows them
        with Form(order) as form:
            self.assertEqual(form.dealer_insurance_amount_assessed, 8600.0)
        with self.assertRaises(AccessError):
            case.with_user(self.advisor_a).read(["report_number"])
        with self.assertRaises(AccessError):
            case.with_user(self.advisor_a).write({"report_number": "X"})
        with self.assertRaises(AccessError):
            self.env["dealer.insurance.case"].with_user(self.advisor_a).create({"insurer_id": self.insurer.id})
        with self.assertRaises(AccessError):
            case.assessment_ids.with_user(self.advisor_a).read(["amount_assessed"])
        # technicians see nothing of it
        with self.assertRaises(AccessError):
            case.repair_order_id.with_user(self.technician_a).read(["dealer_insurance_amount_assessed"])

    def test_stores_are_isolated(self):
        case_a = self._accident_case()
        case_a.action_send_estimate()
        case_b = self.env["dealer.insurance.case"].with_user(self.clerk_b).create({
            "insurer_id": self.insurer.id, "vehicle_id": self.vehicle_b.id, "partner_id": self.customer.id,
        })
        self.assertEqual(case_b.company_id, self.store_b)
        with self.assertRaises(AccessError):
            case_a.with_user(self.clerk_b).read(["name"])
        with self.assertRaises(AccessError):
            case_b.with_user(self.clerk_a).read(["name"])
        self.assertEqual(self.env["dealer.insurance.case"].with_user(self.clerk_b).search([]), case_b)
        with self.assertRaises(AccessError):
            case_a.assessment_ids.with_user(self.clerk_b).read(["name"])

    def test_only_the_claims_lead_sets_the_rescue_zones(self):
        zone = self.env["dealer.rescue.zone"].search([("company_id", "=", self.store_a.id)], limit=1)
        with self.assertRaises(AccessError):
            zone.with_user(self.clerk_a).promised_minutes = 45
        zone.with_user(self.lead_a).promised_minutes = 45
        self.assertEqual(zone.promised_minutes, 45)

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestAccidentCase(common.InsuranceCase):

    def test_estimate_assessment_and_supplement(self):
        case = self._accident_case()
        order = case.repair_order_id
        self.assertRecordValues(case, [{"state": "draft", "partner_id": self.customer.id,
                                        "vehicle_id": self.vehicle_a.id, "liability_share": 100.0}])
        self.assertEqual(order.insurer_id, self.insurer, "the case's insurer is billed on its order")
        self.assertEqual(order.dealer_insurance_case_id, case)

        # the estimate takes the insurer's lines (not the customer's oil change): 10,000 before VAT,
        # estimated VAT included as the insurer assesses: 11,300
        case.action_send_estimate()
        estimate = case.assessment_ids
        insurer_lines = order.line_ids.filtered(lambda line: line.payer == "insurance")
        self.assertEqual(estimate.line_ids, insurer_lines)
        self.assertEqual(insurer_lines.mapped("price_subtotal"), [6000.0, 2000.0, 1200.0, 800.0])
        self.assertEqual(insurer_lines.mapped("dealer_estimated_amount"), [6780.0, 2260.0, 1356.0, 904.0])
        self.assertRecordValues(estimate, [{"name": "Estimate", "sequence": 0, "state": "estimated",
                                            "amount_estimated": 11300.0}])
        self.assertEqual(case.state, "estimated")

        # the insurer assesses 8,600 as a total: typed into the estimate's form
        with Form(estimate) as form:
            form.assessment_mode = "total"
            form.amount_assessed_total = 8600.0
        estimate.action_assess()
        self.assertRecordValues(estimate, [{"state": "assessed", "amount_assessed": 8600.0,
                                            "amount_difference": 2700.0}])
        self.assertRecordValues(case, [{"state": "assessed", "amount_estimated": 11300.0, "amount_assessed": 8600.0,
                                        "amount_difference": 2700.0, "amount_approved": 0.0}])
        estimate.action_approve()
        self.assertRecordValues(case, [{"state": "approved", "amount_approved": 8600.0}])

        # more damage found during the repair: a 1,200 headlamp (1,356 with VAT) the insurer pays, a supplement
        self._approved_accident_order(case)
        order.action_start_repair()
        order.write({"line_ids": [Command.create({
            "line_type": "part", "product_id": self.headlamp.id, "quantity": 1, "payer": "insurance",
        })]})
        headlamp = order.line_ids.filtered(lambda line: line.product_id == self.headlamp)
        self.assertTrue(headlamp.is_added_work)
        headlamp.action_approve_by_phone()
        case.action_send_estimate()
        supplement = case.assessment_ids - estimate
        self.assertRecordValues(supplement, [{"name": "Supplement 1", "sequence": 1, "state": "estimated",
                                              "amount_estimated": 1356.0}])
        self.assertEqual(supplement.line_ids, headlamp)
        self.assertEqual(case.state, "supplement")
        # assessed line by line this time: 1,000 for the headlamp
        with Form(supplement) as form:
            form.assessment_mode = "line"
            with form.line_ids.edit(0) as line:
                line.dealer_assessed_amount = 1000.0
        supplement.action_assess()
        self.assertRecordValues(supplement, [{"amount_assessed": 1000.0, "amount_difference": 356.0}])
        self.assertEqual(case.state, "supplement", "the supplement waits for the insurer's approval")
        supplement.action_approve()
        self.assertRecordValues(case, [{
            "state": "approved", "amount_estimated": 12656.0, "amount_assessed": 9600.0, "amount_approved": 9600.0,
            "amount_difference": 3056.0,
        }])
        # the difference is visible on the order too
        self.assertRecordValues(order, [{
            "dealer_insurance_state": "approved", "dealer_insurance_amount_estimated": 12656.0,
            "dealer_insurance_amount_assessed": 9600.0, "dealer_insurance_amount_difference": 3056.0,
        }])

    def test_no_repair_start_before_assessment_unless_the_claims_lead_overrides(self):
        case = self._accident_case()
        order = self._approved_accident_order(case)
        with self.assertRaisesRegex(UserError, "has not assessed the loss"):
            order.with_user(self.advisor_a).action_start_repair()
        case.action_send_estimate()
        with self.assertRaisesRegex(UserError, "has not assessed the loss"):
            order.with_user(self.clerk_a).action_start_repair()
        # the workshop's clock-on starts the order: refused all the same
        technician = self.env["hr.employee"].create({"name": "Zhou Tech", "company_id": self.store_a.id})
        job = self.env["dealer.repair.job"].create({
            "order_id": order.id, "name": "钣金修复", "technician_id": technician.id,
        })
        with self.assertRaisesRegex(UserError, "has not assessed the loss"):
            job.action_clock_on()
        # only the claims lead overrides, with a reason
        with self.assertRaises(AccessError):
            case.with_user(self.clerk_a)._dealer_override_start("客户急用车")
        wizard = Form(self.env["dealer.insurance.start.override"].with_user(self.lead_a).with_context(
            default_case_id=case.id))
        wizard.reason = "  "
        with self.assertRaisesRegex(UserError, "Give the reason"):
            wizard.save().action_confirm()
        wizard.reason = "定损员电话确认按估价维修，书面定损单明日补"
        wizard.save().action_confirm()
        self.assertRecordValues(case, [{"start_override_user_id": self.lead_a.id,
                                        "start_override_reason": "定损员电话确认按估价维修，书面定损单明日补"}])
        self.assertIn("定损员电话确认", order.message_ids[0].body)
        order.with_user(self.advisor_a).action_start_repair()
        self.assertEqual(order.state, "in_progress")
        # the override is the lead's alone: nobody writes it
        with self.assertRaises(UserError):
            case.with_user(self.lead_a).write({"start_override_reason": "x"})

    def test_assessment_lets_the_repair_start(self):
        case = self._accident_case()
        order = self._approved_accident_order(case)
        self._send_and_assess(case, 8600.0, approve=False)
        order.with_user(self.advisor_a).action_start_repair()
        self.assertEqual(order.state, "in_progress")

    def test_estimate_sent_is_frozen_until_taken_back(self):
        case = self._accident_case()
        case.action_send_estimate()
        estimate = case.assessment_ids
        bumper = estimate.line_ids.filtered(lambda line: line.product_id == self.bumper)
        for user in (self.clerk_a, self.advisor_a):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "estimate sent to the insurer"):
                bumper.with_user(user).write({"price_unit": 6500.0})
        with self.assertRaisesRegex(UserError, "estimate sent to the insurer"):
            bumper.with_user(self.advisor_a).write({"payer": "customer"})
        with self.assertRaisesRegex(UserError, "estimate sent to the insurer"):
            bumper.unlink()
        # which lines are estimated and at what amount: only the estimate's buttons decide
        with self.assertRaises(UserError):
            bumper.with_user(self.clerk_a).write({"dealer_estimated_amount": 1.0})
        with self.assertRaises(UserError):
            bumper.with_user(self.clerk_a).write({"dealer_assessment_id": False})
        with self.assertRaises(UserError):
            estimate.with_user(self.clerk_a).write({"state": "approved"})
        # taken back, corrected, sent again
        estimate.action_reset()
        self.assertEqual(case.state, "draft")
        bumper.with_user(self.clerk_a).write({"price_unit": 6500.0})
        case.action_send_estimate()
        self.assertRecordValues(estimate, [{"state": "estimated", "amount_estimated": 11865.0}])

    def test_assessment_is_between_zero_and_the_estimate(self):
        case = self._accident_case()
        case.action_send_estimate()
        estimate = case.assessment_ids
        with self.assertRaisesRegex(ValidationError, "between 0 and"):
            estimate.amount_assessed_total = 11300.01
        estimate.assessment_mode = "line"
        with self.assertRaisesRegex(ValidationError, "between 0 and"):
            estimate.line_ids[0].dealer_assessed_amount = 6780.01
        estimate.line_ids[0].dealer_assessed_amount = 5000.0
        estimate.action_assess()
        self.assertEqual(estimate.amount_assessed, 5000.0)
        # the answer is entered while the estimate waits for it, not after
        with self.assertRaisesRegex(UserError, "waits for the insurer's answer"):
            estimate.amount_assessed_total = 1.0
        with self.assertRaisesRegex(UserError, "assessment per line"):
            estimate.line_ids[0].dealer_assessed_amount = 4000.0

    def test_estimate_needs_insurer_lines(self):
        case = self._accident_case()
        case.repair_order_id.line_ids.filtered(lambda line: line.payer == "insurance").write({"payer": "customer"})
        with self.assertRaisesRegex(UserError, "no line billed to the insurer"):
            case.action_send_estimate()

    def test_the_case_decides_the_insurer_of_its_order(self):
        case = self._accident_case()
        other = self.env["res.partner"].create({"name": "CPIC Test", "is_company": True, "dealer_is_insurer": True})
        with self.assertRaisesRegex(UserError, "change it there"):
            case.repair_order_id.with_user(self.advisor_a).insurer_id = other
        case.with_user(self.clerk_a).insurer_id = other
        self.assertEqual(case.repair_order_id.insurer_id, other)
        insurer_lines = case.repair_order_id.line_ids.filtered(lambda line: line.payer == "insurance")
        self.assertEqual(insurer_lines.payer_partner_id, other)

    def test_cancelled_order_cancels_the_case(self):
        case = self._accident_case()
        case.repair_order_id.action_cancel()
        self.assertEqual(case.state, "cancel")
        with self.assertRaisesRegex(UserError, "no longer changes"):
            case.report_number = "X"

    def test_signatures_are_dated(self):
        case = self._accident_case()
        with Form(case.with_user(self.clerk_a)) as form:
            form.agreement_signed_by = "王磊"
            form.agreement_signature = common.reception_common.SIGNATURE
            form.authorisation_signed_by = "Zhang Wei"
            form.authorisation_signature = common.reception_common.SIGNATURE
        self.assertTrue(case.agreement_date and case.authorisation_date)

    def test_accident_output_is_the_approved_amount_of_cars_that_left(self):
        case = self._accident_case()
        self._send_and_assess(case, 8600.0)
        order = self._approved_accident_order(case)
        self._ready_for_delivery(order)
        self._issue_parts(order)
        with freeze_time("2026-11-30 08:00:00"):
            order.action_deliver()
        output = self.env["dealer.insurance.case"]._dealer_accident_output
        self.assertEqual(output(self.store_a, datetime(2026, 11, 1), datetime(2026, 12, 1)), {self.clerk_a: 8600.0})
        self.assertEqual(output(self.store_a, datetime(2026, 12, 1), datetime(2027, 1, 1)), {})
        self.assertEqual(output(self.store_b, datetime(2026, 11, 1), datetime(2026, 12, 1)), {})

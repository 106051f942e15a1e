from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyTerms(common.WarrantyCase):

    def _start(self, **delta):
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(**delta)

    def test_check_in_shows_each_warranty_at_the_visit(self):
        self._start(years=1)
        order = self._warranty_order(mileage=30000)
        end_basic = self.vehicle_a.dealer_warranty_start_date + relativedelta(months=36, days=-1)
        end_powertrain = self.vehicle_a.dealer_warranty_start_date + relativedelta(months=96, days=-1)
        self.assertEqual(order.dealer_warranty_status, "inside")
        self.assertEqual(order.dealer_warranty_summary.splitlines(), [
            f"Basic warranty: until {end_basic}, 100,000 km (inside)",
            f"Powertrain: until {end_powertrain}, 150,000 km (inside)",
        ])
        # four years on, the basic warranty is over; the powertrain is still covered
        self._start(years=4)
        order.invalidate_recordset(["dealer_warranty_status", "dealer_warranty_summary"])
        self.assertEqual(order.dealer_warranty_status, "outside")
        self.assertIn("Powertrain: until", order.dealer_warranty_summary)
        self.assertIn("(inside)", order.dealer_warranty_summary.splitlines()[1])
        # the mileage ends a warranty as well as the date
        self._start(years=1)
        big = self._warranty_order(mileage=120000)
        self.assertEqual(big.dealer_warranty_status, "outside")
        # a brand without terms: nothing is judged
        self.term.active = False
        order.invalidate_recordset(["dealer_warranty_status", "dealer_warranty_summary"])
        self.assertEqual(order.dealer_warranty_status, "none")

    def test_line_coverage_component_and_wear_part(self):
        self._start(years=4)
        order = self._checked_in_order(mileage=90000)
        order.write({"line_ids": [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_gearbox.id, "payer": "warranty"}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_pump.id, "payer": "warranty"}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "payer": "warranty"}),
        ]})
        self.assertEqual(order.line_ids.mapped("dealer_warranty_status"), ["inside", "outside", "wear"])
        self.assertTrue(order.line_ids[0].dealer_warranty_coverage.startswith("Powertrain: until"))
        self.assertEqual(order.line_ids[2].dealer_warranty_coverage, "Wear part: no warranty covers it")

    def test_out_of_warranty_line_needs_the_appraisers_decision(self):
        self._start(years=4)
        order = self._warranty_order()
        self._sign(order)
        with self.assertRaisesRegex(UserError, "the warranty appraiser decides first"):
            order.with_user(self.advisor_a).action_approve()
        pump_lines = order.line_ids.filtered(lambda line: line.payer == "warranty")
        # only the appraiser decides; the advisor cannot write the decision onto the line
        with self.assertRaises(AccessError):
            self.env["dealer.warranty.appraisal"].with_user(self.advisor_a).create({
                "order_id": order.id, "line_ids": [Command.set(pump_lines.ids)], "decision": "refused",
                "reason": "-"})
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            pump_lines[0].with_user(self.advisor_a).write({"dealer_appraisal_ids": [Command.set([])]})
        refusal = self.env["dealer.warranty.appraisal"].with_user(self.appraiser).create({
            "order_id": order.id, "line_ids": [Command.set(pump_lines.ids)], "decision": "refused",
            "reason": "水泵外壳磕碰，非质量问题 (impact damage)",
        })
        refusal.with_user(self.appraiser).action_decide()
        self.assertRecordValues(refusal, [{"state": "approved", "user_id": self.appraiser.id}])
        self.assertEqual(pump_lines.mapped("dealer_warranty_decision"), ["refused", "refused"])
        with self.assertRaisesRegex(UserError, "refused warranty for"):
            order.with_user(self.advisor_a).action_approve()
        # the customer pays: the order goes on
        pump_lines.with_user(self.advisor_a).write({"payer": "customer"})
        order.with_user(self.advisor_a).action_approve()
        self.assertEqual(order.state, "approved")
        # once approved, a line switched to the warranty is appraised first as well (form of the order)
        form = Form(order.with_user(self.advisor_a))
        with form.line_ids.edit(0) as line:
            line.payer = "warranty"
        with self.assertRaisesRegex(UserError, "the warranty appraiser decides first"):
            form.save()

    def test_goodwill_is_approved_by_tier_validation_and_splits_exactly(self):
        self._start(years=4)
        order = self._warranty_order()
        pump_lines = order.line_ids.filtered(lambda line: line.payer == "warranty")
        # the warranty clerk asks for goodwill; the appraiser approves it (the store's tier)
        goodwill = self.env["dealer.warranty.appraisal"].with_user(self.clerk).create({
            "order_id": order.id, "line_ids": [Command.set(pump_lines.ids)], "decision": "goodwill",
            "reason": "老客户，首保外三个月 (loyal customer, just out of warranty)",
            "oem_percent": 50.0, "dealer_percent": 30.0, "customer_percent": 20.0,
        })
        # 2 h x 200 + 800 = 1,200.00 untaxed: 600 / 360 / 240
        self.assertRecordValues(goodwill, [{"amount_total": 1200.0, "amount_oem": 600.0, "amount_dealer": 360.0,
                                            "amount_customer": 240.0}])
        goodwill.with_user(self.clerk).action_decide()
        self.assertRecordValues(goodwill, [{"state": "to_approve", "validation_status": "pending"}])
        self._sign(order)
        with self.assertRaisesRegex(UserError, "the warranty appraiser decides first"):
            order.action_approve()
        self.assertFalse(goodwill.with_user(self.clerk).can_review)
        self.assertTrue(goodwill.with_user(self.appraiser).can_review)
        goodwill.with_user(self.appraiser).validate_tier()
        self.assertRecordValues(goodwill, [{"state": "approved", "validation_status": "validated",
                                            "user_id": self.appraiser.id}])
        self.assertEqual(pump_lines.mapped("dealer_warranty_decision"), ["goodwill", "goodwill"])
        order.with_user(self.advisor_a).action_approve()
        self.assertEqual(order.state, "approved")
        # the claim of goodwill work asks the OEM for its share only
        values = pump_lines._dealer_prepare_claims_values()
        self.assertEqual(values[0]["claim_type"], "goodwill")
        self.assertEqual([command[2]["share"] for command in values[0]["line_ids"]], [50.0, 50.0])
        # a decided appraisal no longer changes
        with self.assertRaisesRegex(UserError, "no longer changes"):
            goodwill.with_user(self.appraiser).write({"oem_percent": 60.0, "customer_percent": 10.0})

    def test_goodwill_split_adds_up_to_hundred(self):
        order = self._warranty_order()
        with self.assertRaisesRegex(ValidationError, "must add up to 100%"):
            self.env["dealer.warranty.appraisal"].with_user(self.appraiser).create({
                "order_id": order.id, "line_ids": [Command.set(order.line_ids[1:].ids)], "decision": "goodwill",
                "reason": "-", "oem_percent": 50.0, "dealer_percent": 30.0, "customer_percent": 10.0,
            })

    def test_inside_warranty_and_stores_without_terms_are_not_held_up(self):
        order = self._warranty_order()
        self._sign(order)
        order.action_approve()
        self.assertEqual(order.state, "approved")

    # ------------------------------------------------------------ approvals (dealer.tier.validation)
    def _goodwill_request(self, user=None):
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(years=4)
        order = self._warranty_order()
        return self.env["dealer.warranty.appraisal"].with_user(user or self.clerk).create({
            "order_id": order.id, "decision": "goodwill", "reason": "老客户 (loyal customer)",
            "line_ids": [Command.set(order.line_ids.filtered(lambda line: line.payer == "warranty").ids)],
            "oem_percent": 50.0, "dealer_percent": 30.0, "customer_percent": 20.0,
        })

    def _reject(self, record, user, comment):
        action = record.with_user(user).reject_tier()
        wizard = Form(self.env["comment.wizard"].with_user(user).with_context(action["context"]),
                      view=action["view_id"])
        wizard.comment = comment
        return wizard.save().add_comment()

    def test_each_store_has_its_warranty_tiers(self):
        for store in (self.store_a, self.store_b):
            definitions = self.env["tier.definition"].search([
                ("company_id", "=", store.id),
                ("model", "in", ("dealer.warranty.appraisal", "dealer.warranty.disposal")),
            ])
            self.assertEqual(sorted((d.model, d.reviewer_group_id.get_external_id()[d.reviewer_group_id.id],
                                     d.definition_domain or "") for d in definitions), [
                ("dealer.warranty.appraisal", "dealer_warranty.dealer_warranty_group_appraiser",
                 "[('decision', '=', 'goodwill')]"),
                ("dealer.warranty.disposal", "dealer_service.dealer_service_group_manager", ""),
            ])

    def test_reviews_and_state_are_sealed_for_the_clerk(self):
        goodwill = self._goodwill_request()
        goodwill.with_user(self.clerk).action_decide()
        review = goodwill.review_ids
        self.assertRecordValues(review, [{"status": "pending"}])
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            goodwill.with_user(self.clerk).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "only through their Validate and Reject buttons"):
            review.with_user(self.clerk).write({"status": "approved", "done_by": self.clerk.id})
        with self.assertRaisesRegex(UserError, "only through their Validate and Reject buttons"):
            review.with_user(self.clerk).unlink()
        with self.assertRaisesRegex(AccessError, "waits for the approval of"):
            goodwill.with_user(self.clerk).validate_tier()
        self.assertRecordValues(goodwill, [{"state": "to_approve", "validation_status": "pending"}])
        # a refusal is the appraiser's alone
        refusal = self.env["dealer.warranty.appraisal"].with_user(self.clerk).create({
            "order_id": goodwill.order_id.id, "decision": "refused", "reason": "磕碰 (impact damage)",
            "line_ids": [Command.set(goodwill.line_ids.ids)],
        })
        with self.assertRaisesRegex(UserError, "Only a warranty appraiser decides"):
            refusal.with_user(self.clerk).action_decide()
        refusal.with_user(self.appraiser).action_decide()
        self.assertRecordValues(refusal, [{"state": "approved", "user_id": self.appraiser.id}])
        self.assertFalse(refusal.review_ids, "a refusal needs no tier")

    def test_rejection_says_why_and_the_clerk_asks_again(self):
        goodwill = self._goodwill_request()
        goodwill.with_user(self.clerk).action_decide()
        with self.assertRaisesRegex(UserError, "Say why you reject"):
            self._reject(goodwill, self.appraiser, "  ")
        self._reject(goodwill, self.appraiser, "厂家只承担30% (the OEM takes 30 % at most)")
        self.assertRecordValues(goodwill, [{"state": "draft", "validation_status": "rejected"}])
        self.assertIn("厂家只承担30%", goodwill.message_ids[:1].body)
        goodwill.with_user(self.clerk).write({"oem_percent": 30.0, "dealer_percent": 50.0})
        goodwill.with_user(self.clerk).action_decide()
        self.assertEqual(goodwill.review_ids.mapped("status"), ["pending"])
        # the service manager is an appraiser too (the group implies it): he may approve
        self.assertTrue(goodwill.with_user(self.manager_a).can_review)
        goodwill.with_user(self.manager_a).validate_tier()
        self.assertRecordValues(goodwill, [{"state": "approved", "validation_status": "validated",
                                            "user_id": self.manager_a.id, "amount_oem": 360.0,
                                            "amount_dealer": 600.0, "amount_customer": 240.0}])

    def test_an_appraiser_asking_for_goodwill_approves_it_at_once(self):
        goodwill = self._goodwill_request(self.appraiser)
        goodwill.with_user(self.appraiser).action_decide()
        self.assertRecordValues(goodwill, [{"state": "approved", "validation_status": "validated",
                                            "user_id": self.appraiser.id}])
        self.assertRecordValues(goodwill.review_ids, [{"status": "approved", "done_by": self.appraiser.id}])

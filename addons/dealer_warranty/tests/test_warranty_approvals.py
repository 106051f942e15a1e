from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyApprovals(common.WarrantyCase):
    """Goodwill and disposals approved through the store's tiers (``dealer.tier.validation``)."""

    def _goodwill(self, user=None):
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
        goodwill = self._goodwill()
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
        goodwill = self._goodwill()
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
        goodwill = self._goodwill(self.appraiser)
        goodwill.with_user(self.appraiser).action_decide()
        self.assertRecordValues(goodwill, [{"state": "approved", "validation_status": "validated",
                                            "user_id": self.appraiser.id}])
        self.assertRecordValues(goodwill.review_ids, [{"status": "approved", "done_by": self.appraiser.id}])

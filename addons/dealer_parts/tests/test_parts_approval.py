from ast import literal_eval

from odoo.fields import Command
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsApprovals(common.PartsCase):
    """The approvals are each store's tier definitions, which an administrator edits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")

    def _definitions(self, company, model="dealer.parts.scrap.request"):
        return self.env["tier.definition"].search([("model", "=", model), ("company_id", "=", company.id)])

    def _request(self, quantity, location=None, company=None):
        request = self.env["dealer.parts.scrap.request"].with_user(self.clerk).with_company(
            company or self.store_a).create({
                "line_ids": [Command.create({"product_id": self.pump.id, "location_id": (location or self.bin_3).id,
                                             "quantity": quantity, "reason": "damaged"})],
            })
        request.action_submit()
        return request

    def test_every_store_has_the_seed_approvals(self):
        for store in (self.store_a, self.store_b):
            scrap = self._definitions(store)
            self.assertEqual(sorted(scrap.reviewer_group_id.mapped("name")), [
                "Parts Manager", "Scrap Appraiser (Warranty Supervisor)", "Service Manager"])
            self.assertFalse(any(scrap.mapped("approve_sequence")), "the three appraise together")
            plan = self._definitions(store, "dealer.parts.plan")
            self.assertEqual(plan.reviewer_group_id, self.env.ref("dealer_parts.dealer_parts_group_manager"))
        new_store = self.env["res.company"].create({"name": "Store D (test)"})
        self.assertEqual(len(self._definitions(new_store)), 3)
        self.assertEqual(len(self._definitions(new_store, "dealer.parts.plan")), 1)

    def test_administrator_changes_the_stores_tiers_to_two(self):
        under_way = self._request(1)
        warranty_tier = self._definitions(self.store_a).filtered(
            lambda d: d.reviewer_group_id == self.env.ref("dealer_parts.dealer_parts_group_warranty_supervisor"))
        # the administrator finds the approvals under After-Sales > Configuration and archives one
        action = self.env.ref("dealer_service.dealer_tier_definition_action")
        listed = self.env["tier.definition"].with_user(self.admin).search(literal_eval(action.domain))
        self.assertIn(warranty_tier, listed)
        warranty_tier.with_user(self.admin).action_archive()
        request = self._request(1)
        self.assertEqual(request.review_ids.mapped("name"), ["Scrap appraisal: service manager",
                                                             "Scrap appraisal: parts manager"])
        self._approve(request, self.service_manager, self.manager)
        self.assertEqual(request.state, "approved")
        # the request already under appraisal keeps its three tiers; the other store keeps three
        self.assertEqual(len(under_way.review_ids), 3)
        other = self._request(1, location=self.warehouse_b.lot_stock_id, company=self.store_b)
        self.assertEqual(len(other.review_ids), 3)

    def test_administrator_adds_an_amount_threshold(self):
        parts_tier = self._definitions(self.store_a).filtered(
            lambda d: d.reviewer_group_id == self.env.ref("dealer_parts.dealer_parts_group_manager"))
        with Form(parts_tier.with_user(self.admin)) as form:
            form.definition_domain = "[('amount_total', '>', 800)]"
        small = self._request(1)  # 500
        self.assertEqual(len(small.review_ids), 2, "under 800 the parts manager does not appraise")
        large = self._request(2)  # 1000
        self.assertEqual(len(large.review_ids), 3)
        self._approve(small, self.service_manager, self.warranty_sup)
        self.assertEqual(small.state, "approved")

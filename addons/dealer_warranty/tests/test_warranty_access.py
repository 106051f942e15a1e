from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyAccess(common.WarrantyCase):

    def setUp(self):
        super().setUp()
        self.order = self._delivered_order()
        self.claim = self._claim(self.order)

    def test_only_warranty_staff_create_and_submit_claims(self):
        for user in (self.advisor_a, self.technician_a, self.parts_clerk, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["dealer.warranty.claim"].with_user(user).create({"repair_order_id": self.order.id})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.claim.with_user(user).action_submit()
        with self.assertRaises(AccessError):
            self.order.with_user(self.advisor_a).action_create_warranty_claims()
        # the appraiser is a warranty clerk too
        self.assertTrue(self.env["dealer.warranty.claim"].with_user(self.appraiser).create({}))

    def test_advisor_sees_the_state_not_the_amounts(self):
        claim = self.claim.with_user(self.advisor_a)
        self.assertEqual(claim.read(["name", "state", "repair_order_id"])[0]["state"], "draft")
        self.assertEqual(self.order.with_user(self.advisor_a).dealer_claim_ids, claim)
        for fname in ("amount_claimed", "amount_approved", "amount_open", "line_ids", "amount_receivable",
                      "amount_paid", "amount_due", "move_ids"):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                claim.read([fname])
        with self.assertRaises(AccessError):
            self.claim.line_ids.with_user(self.advisor_a).read(["amount"])
        # the claim form as the advisor opens it: no page of amounts
        form = Form(claim)
        self.assertNotIn("amount_claimed", form._view["fields"])
        self.assertNotIn("line_ids", form._view["fields"])
        self.assertNotIn("amount_paid", form._view["fields"])
        # the technicians see no claim at all
        with self.assertRaises(AccessError):
            self.claim.with_user(self.technician_a).read(["state"])

    def test_accountant_reads_claims_and_their_amounts(self):
        self.assertEqual(self.claim.with_user(self.accountant).amount_claimed, 1200.0)
        self.assertEqual(self.claim.with_user(self.accountant).read(["amount_paid"])[0]["amount_paid"], 0.0)
        form = Form(self.claim.with_user(self.accountant))
        self.assertEqual(len(form.line_ids), 2)
        with self.assertRaises(AccessError):
            self.claim.with_user(self.accountant).write({"fault_code": "X"})

    def test_each_store_sees_only_its_claims(self):
        self.assertFalse(self.env["dealer.warranty.claim"].with_user(self.clerk_b).search(
            [("id", "=", self.claim.id)]))
        with self.assertRaises(AccessError):
            self.claim.with_user(self.clerk_b).read(["name"])
        with self.assertRaises(AccessError):
            self.claim.old_part_ids.with_user(self.clerk_b).read(["name"])

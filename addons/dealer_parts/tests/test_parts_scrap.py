from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.sealed import unsealed

from . import common


@tagged("post_install", "-at_install")
class TestPartsScrap(common.PartsCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_stock(cls.pump, 5)
        Employee = cls.env["hr.employee"]
        cls.gm = Employee.create({"name": "GM Li", "company_id": cls.store_a.id})
        cls.sm = Employee.create({"name": "SM Wang", "company_id": cls.store_a.id})
        cls.pm = Employee.create({"name": "PM Zhao", "company_id": cls.store_a.id})
        cls.keeper = Employee.create({"name": "Keeper Sun", "company_id": cls.store_a.id})
        Account = cls.env["account.account"].with_company(cls.store_a)
        cls.loss_account = Account.create({"name": "Scrap losses", "code": "659001", "account_type": "expense"})
        cls.stock_account = Account.create({"name": "Parts stock", "code": "140599",
                                            "account_type": "asset_current"})
        cls.journal = cls.env["account.journal"].create({
            "name": "Scrap", "code": "SCRP", "type": "general", "company_id": cls.store_a.id})
        cls.store_a.write({
            "dealer_general_manager_id": cls.gm.id,
            "dealer_service_manager_id": cls.sm.id,
            "dealer_parts_manager_id": cls.pm.id,
            "dealer_scrap_journal_id": cls.journal.id,
            "dealer_scrap_expense_account_id": cls.loss_account.id,
            "dealer_scrap_stock_account_id": cls.stock_account.id,
        })

    def _request(self, quantity=2, fault=None):
        request = self.env["dealer.parts.scrap.request"].with_user(self.clerk).create({
            "fault_employee_id": fault and fault.id,
            "line_ids": [Command.create({"product_id": self.pump.id, "location_id": self.bin_3.id,
                                         "quantity": quantity, "reason": "obsolete"})],
        })
        request.action_submit()
        return request

    def _approve_all(self, request):
        self._approve(request, self.service_manager, self.warranty_sup, self.manager)

    def _approved_tiers(self, request):
        return request.review_ids.filtered(lambda review: review.status == "approved")

    def test_clerk_cannot_approve_scrap(self):
        request = self._request()
        for method in ("validate_tier", "reject_tier"):
            with self.assertRaises(AccessError):
                getattr(request.with_user(self.clerk), method)()
        # the parts manager approves the parts manager's tier, not the service manager's
        self._approve(request, self.manager)
        self.assertRecordValues(self._approved_tiers(request), [{
            "name": "Scrap appraisal: parts manager", "done_by": self.manager.id}])
        self.assertEqual(request.state, "to_approve")

    def test_three_different_appraisers(self):
        request = self._request()
        self.assertEqual(len(request.review_ids), 3)
        # the service manager is also a parts manager and a warranty supervisor: one tier only
        self._approve(request, self.service_manager)
        with self.assertRaisesRegex(UserError, "different people"):
            self._approve(request, self.service_manager)
        self._approve(request, self.warranty_sup)
        self.assertEqual(request.state, "to_approve")
        self.assertFalse(request.name)
        self._approve(request, self.manager)
        self.assertEqual(request.state, "approved")
        self.assertRegex(request.name, r"^SC\d{4}-\d{5}$")
        self.assertEqual(self._approved_tiers(request).done_by, self.service_manager | self.warranty_sup | self.manager)

    def _roles(self):
        return {"parts": self.clerk, "partsmanager": self.manager, "warranty": self.warranty_sup,
                "manager": self.service_manager, "accountant": self.accountant, "advisor": self.advisor,
                "admin": self.env.ref("base.user_admin")}

    def test_two_of_three_appraisals_cannot_be_booked(self):
        request = self._request(quantity=2)
        self._approve(request, self.service_manager, self.warranty_sup)
        self.assertRecordValues(request, [{"state": "to_approve", "validation_status": "pending"}])
        pending = request.review_ids.filtered(lambda review: review.status == "pending")
        self.assertEqual(pending.name, "Scrap appraisal: parts manager")
        for role, user in self._roles().items():
            with self.subTest(role=role):
                # the buttons
                for action in ("action_scrap", "action_post_loss"):
                    with self.assertRaises(UserError):
                        getattr(request.with_user(user), action)()
                # a plain write of the state (form, import, RPC)
                for state in ("approved", "done", "posted"):
                    with self.assertRaises(UserError):
                        request.with_user(user).write({"state": state})
                # nor is the missing appraisal written around the Validate button
                with self.assertRaises(UserError):
                    pending.with_user(user).write({"status": "approved", "done_by": user.id})
                with self.assertRaises(UserError):
                    request.review_ids.with_user(user).unlink()
                with self.assertRaises(UserError):
                    request.with_user(user).write({"validation_status": "validated"})
        with self.assertRaises(UserError):
            self.env["tier.review"].with_user(self.manager).create({
                "model": request._name, "res_id": request.id, "definition_id": pending.definition_id.id,
                "status": "approved", "done_by": self.manager.id})
        # a reviewer's comment wizard handed the missing review does not approve it for someone else
        wizard = self.env["comment.wizard"].with_user(self.service_manager).create({
            "res_model": request._name, "res_id": request.id, "validate_reject": "validate",
            "review_ids": pending.ids, "comment": "ok"})
        with self.assertRaisesRegex(UserError, "different people"):
            wizard.add_comment()
        # even the approve step of an action is stopped by the tier validation while a tier is open
        with unsealed(self.env), self.assertRaisesRegex(ValidationError, "validation process is still open"):
            request.with_user(self.manager).write({"state": "approved"})
        self.assertRecordValues(request, [{"state": "to_approve", "name": False}])
        self.assertEqual(pending.status, "pending")
        self.assertEqual(self.pump.with_context(location=self.stock.id).qty_available, 5)
        # the third appraisal: it books, at the same numbers
        self._approve(request, self.manager)
        request.with_user(self.manager).action_scrap()
        request.with_user(self.accountant).action_post_loss()
        self.assertEqual(request.state, "posted")
        self.assertEqual(self.pump.with_context(location=self.stock.id).qty_available, 3)
        self.assertEqual(sorted(request.account_move_id.line_ids.filtered("debit").mapped("debit")),
                         [100.0, 100.0, 100.0, 700.0])

    def test_rejection_with_a_comment_sends_the_request_back(self):
        request = self._request()
        self._approve(request, self.service_manager)
        # the appraisers decide who is at fault while they appraise
        with Form(request.with_user(self.manager)) as form:
            form.fault_employee_id = self.keeper
        self.assertEqual(request.fault_employee_id, self.keeper)
        action = request.with_user(self.warranty_sup).reject_tier()
        self.assertEqual(action["res_model"], "comment.wizard", "a rejection says why")
        wizard = Form(self.env["comment.wizard"].with_user(self.warranty_sup).with_context(action["context"]),
                      view=action["view_id"])
        wizard.comment = "可向厂家三包索赔 (claim it from the maker)"
        wizard.save().add_comment()
        self.assertRecordValues(request, [{"state": "refused", "validation_status": "rejected", "name": False}])
        rejected = request.review_ids.filtered(lambda review: review.status == "rejected")
        self.assertRecordValues(rejected, [{"done_by": self.warranty_sup.id,
                                            "comment": "可向厂家三包索赔 (claim it from the maker)"}])
        self.assertIn("可向厂家三包索赔", request.message_ids[:1].body)
        with self.assertRaises(UserError):
            request.with_user(self.manager).action_scrap()
        # back to the requester: corrected and submitted, it is appraised anew by all three
        request.with_user(self.clerk).action_reset()
        self.assertEqual(request.state, "draft")
        request.line_ids.with_user(self.clerk).quantity = 1
        request.with_user(self.clerk).action_submit()
        self.assertEqual(request.review_ids.mapped("status"), ["pending"] * 3)
        self._approve_all(request)
        self.assertEqual(request.state, "approved")

    def test_scrap_split_posts_exactly_70_10_10_10(self):
        request = self._request(quantity=2)  # 2 x 500 = 1000
        self.assertEqual(request.amount_total, 1000.0)
        self._approve_all(request)
        request.with_user(self.manager).action_scrap()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.scrap_ids.state, "done")
        self.assertEqual(self.pump.with_context(location=self.stock.id).qty_available, 3)
        with self.assertRaises(AccessError):
            request.with_user(self.manager).action_post_loss()
        request.with_user(self.accountant).action_post_loss()
        move = request.account_move_id
        self.assertEqual(move.state, "posted")
        debits = {(line.account_id, line.partner_id): line.debit for line in move.line_ids if line.debit}
        self.assertEqual(debits, {
            (self.loss_account, self.env["res.partner"]): 700.0,
            (self.gm.work_contact_id.property_account_receivable_id, self.gm.work_contact_id): 100.0,
            (self.sm.work_contact_id.property_account_receivable_id, self.sm.work_contact_id): 100.0,
            (self.pm.work_contact_id.property_account_receivable_id, self.pm.work_contact_id): 100.0,
        })
        self.assertEqual(move.line_ids.filtered("credit").mapped("credit"), [1000.0])
        self.assertEqual(move.line_ids.filtered("credit").account_id, self.stock_account)

    def test_loss_at_fault_charged_to_the_person(self):
        request = self._request(quantity=1, fault=self.keeper)  # 500
        self._approve_all(request)
        request.with_user(self.manager).action_scrap()
        request.with_user(self.accountant).action_post_loss()
        debit = request.account_move_id.line_ids.filtered("debit")
        self.assertRecordValues(debit, [{"partner_id": self.keeper.work_contact_id.id, "debit": 500.0}])

    def test_uneven_split_rounds_to_the_company(self):
        self.pump.product_tmpl_id.standard_price = 333.33
        request = self._request(quantity=1)
        split = request._dealer_loss_split()
        self.assertEqual([amount for _partner, amount, _label in split], [33.33, 33.33, 33.33, 233.34])

    def test_accountant_with_demo_groups_books_the_loss(self):
        """Defect 10 (issue 7): the demo accountant (Billing Administrator only) finds and books scrap losses."""
        demo = self.env.ref("dealer_service.user_accountant_demo", raise_if_not_found=False)
        if demo:
            common_groups = self.env.ref("base.group_user") | self.env.ref("base.group_multi_company")
            self.assertEqual(self.accountant.group_ids - common_groups, demo.group_ids - common_groups)
        self.assertFalse(self.accountant.has_group("dealer_parts.dealer_parts_group_clerk"))
        request = self._request(quantity=1)
        self._approve_all(request)
        request.with_user(self.manager).action_scrap()
        found = self.env["dealer.parts.scrap.request"].with_user(self.accountant).search([("state", "=", "done")])
        self.assertIn(request, found)
        # the accountant reads, books through the action, and cannot edit the request
        with self.assertRaises(AccessError):
            request.with_user(self.accountant).write({"fault_employee_id": self.keeper.id})
        # the service advisor invoices repair orders (Odoo's billing group) but books no parts loss
        self.assertTrue(self.advisor.has_group("account.group_account_invoice"))
        with self.assertRaises(AccessError):
            request.with_user(self.advisor).action_post_loss()
        with self.assertRaises(AccessError):
            self.env["dealer.parts.scrap.request"].with_user(self.advisor).search([("state", "=", "done")])
        request.with_user(self.accountant).action_post_loss()
        self.assertEqual(request.state, "posted")
        self.assertEqual(request.account_move_id.amount_total, 500.0)

    def test_loss_booked_once_at_the_moves_valuation(self):
        """Odoo's own scrap valuation does not post beside the split entry; the unit cost is the
        stock valuation of the scrapped move, not the cost typed on the product."""
        category = self.env["product.category"].create({
            "name": "Real-time parts", "property_valuation": "real_time",
            "property_stock_valuation_account_id": self.stock_account.id,
        })
        self.pump.categ_id = category
        scrap_location = self.env["stock.scrap"].new({"company_id": self.store_a.id}).scrap_location_id
        scrap_location.valuation_account_id = self.loss_account
        request = self._request(quantity=2)
        self._approve_all(request)
        # the average cost changes after the stock was valued: the move's valuation counts
        value_before = self.pump.with_company(self.store_a).standard_price
        request.with_user(self.manager).action_scrap()
        moves = request.scrap_ids.move_ids
        self.assertFalse(moves.account_move_id, "Odoo's scrap entry must not post beside the split entry")
        self.assertEqual(request.line_ids.unit_cost, abs(sum(moves.mapped("value"))) / 2)
        self.assertEqual(request.line_ids.unit_cost, value_before)
        request.with_user(self.accountant).action_post_loss()
        entries = self.env["account.move.line"].search([("account_id", "=", self.stock_account.id),
                                                        ("product_id", "=", self.pump.id)])
        self.assertFalse(entries, "no second stock entry for the scrapped parts")
        self.assertEqual(request.account_move_id.line_ids.filtered("credit").mapped("credit"), [1000.0])

    def test_void_reverses_stock_and_loss_with_counter_documents(self):
        request = self._request(quantity=2)
        self._approve_all(request)
        request.with_user(self.manager).action_scrap()
        request.with_user(self.accountant).action_post_loss()
        self.assertEqual(self.pump.with_context(location=self.stock.id).qty_available, 3)
        with self.assertRaises(AccessError):
            request.with_user(self.clerk)._dealer_void("wrong part scrapped")
        self.env["dealer.parts.reason.wizard"].with_user(self.manager).create({
            "res_model": "dealer.parts.scrap.request", "res_id": request.id, "action": "void",
            "reason": "wrong part scrapped",
        }).action_confirm()
        self.assertTrue(request.dealer_voided)
        self.assertRegex(request.name, r"^SC\d{4}-\d{5}$")
        self.assertEqual(request.void_move_ids.mapped("state"), ["done"])
        self.assertEqual(request.void_move_ids.location_dest_id, self.bin_3)
        self.assertEqual(self.pump.with_context(location=self.stock.id).qty_available, 5)
        reversal = request.void_account_move_id
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, request.account_move_id)
        # the stock account gets the 1000 back (the China chart reverses in red ink: storno, negative credit)
        self.assertEqual(reversal.line_ids.filtered(lambda line: line.account_id == self.stock_account).balance,
                         1000.0)

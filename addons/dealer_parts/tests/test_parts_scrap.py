from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

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
        request.with_user(self.service_manager).action_approve_service()
        request.with_user(self.warranty_sup).action_approve_warranty()
        request.with_user(self.manager).action_approve_parts()

    def test_clerk_cannot_approve_scrap(self):
        request = self._request()
        for method in ("action_approve_service", "action_approve_warranty", "action_approve_parts"):
            with self.assertRaises(AccessError):
                getattr(request.with_user(self.clerk), method)()
        with self.assertRaises(AccessError):
            request.with_user(self.manager).action_approve_service()
        self.assertEqual(request.state, "to_approve")

    def test_three_different_appraisers(self):
        request = self._request()
        request.with_user(self.service_manager).action_approve_service()
        with self.assertRaisesRegex(UserError, "three different people"):
            request.with_user(self.service_manager).action_approve_parts()
        request.with_user(self.warranty_sup).action_approve_warranty()
        self.assertEqual(request.state, "to_approve")
        self.assertFalse(request.name)
        request.with_user(self.manager).action_approve_parts()
        self.assertEqual(request.state, "approved")
        self.assertRegex(request.name, r"^SC\d{4}-\d{5}$")

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

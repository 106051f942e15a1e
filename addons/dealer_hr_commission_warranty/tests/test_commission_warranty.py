from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_warranty.tests import common
from odoo.addons.dealer_warranty.tests import test_warranty_accounting as accounting

OFFICER = "dealer_hr_commission.dealer_hr_commission_group_officer"


@tagged("post_install", "-at_install")
class TestCommissionWarranty(common.WarrantyCase):
    """The warranty part of an order is the advisor's output when the OEM pays its claim, at the
    amount the OEM approved; the customer's part counts when the customer pays."""

    _answer = accounting.TestWarrantyAccounting._answer

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        advisors = cls.env.ref("dealer_hr_commission.commission_group_advisors")
        Employee = cls.env["hr.employee"]
        cls.advisor_employee = Employee.create({
            "name": "Advisor A", "user_id": cls.advisor_a.id, "company_id": cls.store_a.id,
            "dealer_commission_group_id": advisors.id})
        # the same advisor also works for store B: store A's claims are no output there
        Employee.create({
            "name": "Advisor A in store B", "user_id": cls.advisor_a.id, "company_id": cls.store_b.id,
            "dealer_commission_group_id": cls.env["dealer.commission.group"].create(
                {"name": "Advisors B", "company_id": cls.store_b.id}).id})
        # exactly the groups of the demo login `commission`
        cls.officer = cls._make_user("c3_officer", OFFICER, companies=cls.store_a | cls.store_b)

    def _pay(self, invoices, amount, day):
        """The accountant registers one payment of ``amount`` on ``day`` for the invoices."""
        with freeze_time(f"{day} 02:00:00"):
            wizard = Form(self.env["account.payment.register"].with_user(self.accountant).with_context(
                active_model="account.move", active_ids=invoices.ids))
            if len(invoices) > 1:
                wizard.group_payment = True
            wizard.amount = amount
            wizard.payment_date = day
            wizard.save().action_create_payments()

    def _sheet(self, month, company=None):
        """The commission officer computes the store's month."""
        company = company or self.store_a
        sheet = self.env["dealer.commission.sheet"].with_user(self.officer).with_company(company).create(
            {"date_from": month, "company_id": company.id})
        sheet.action_compute()
        return sheet

    def _output(self, sheet):
        return [(measure.employee_id.name, measure.value, measure.repair_order_ids, measure.document_model,
                 measure.document_ids) for measure in sheet.measure_ids.filtered(lambda m: m.code == "output")]

    def test_warranty_output_when_the_oem_pays_the_claim(self):
        with freeze_time("2026-03-10 02:00:00"):
            # the customer's oil change 300; the water pump under warranty 2 h x 200 + 800 = 1,200
            order = self._delivered_order()
            order.user_id = self.advisor_a
            order.with_user(self.advisor_a).action_create_invoices()
            claim = self._claim(order)
            claim.with_user(self.clerk).action_submit()
            # the OEM cuts the claim to 1,020
            self._answer(claim, {"labour": 300.0, "part": 720.0}, reason=self.reason)
            # another advisor's claim, approved in full
            other = self._claim(self._delivered_order())
            other.repair_order_id.user_id = self.manager_a
            other.with_user(self.clerk).action_submit()
            self._answer(other, {"labour": 400.0, "part": 800.0})
        self.assertEqual(order.revenue, 1500.0)
        self.assertEqual(order.invoice_ids.amount_untaxed, 300.0)
        self._pay(order.invoice_ids, 339.0, "2026-03-20")
        self.assertEqual(str(order.date_collected), "2026-03-20")
        # March: the customer's 300, not the claim the OEM has not paid
        self.assertEqual(self._output(self._sheet("2026-03-01")), [("Advisor A", 300.0, order, False, False)])
        # in April the OEM pays both claims in one transfer (1,020 and 1,200, with 13 % VAT), the
        # accountant registers it
        self._pay((claim | other).move_ids.filtered(lambda move: move.move_type == "out_invoice"), 2508.6,
                  "2026-04-15")
        self.assertEqual((claim | other).mapped("state"), ["paid", "paid"])
        april = self._sheet("2026-04-01")
        self.assertEqual(self._output(april), [("Advisor A", 1020.0, order.browse(), "dealer.warranty.claim",
                                                [claim.id])])
        self.assertEqual(april.measure_ids.action_open_documents()["domain"], [("id", "in", [claim.id])])
        # the March figures stay as they were; store B never counts store A's claim
        self.assertEqual(self._output(self._sheet("2026-03-01")), [("Advisor A", 300.0, order, False, False)])
        self.assertFalse(self._output(self._sheet("2026-04-01", self.store_b)))

    def test_cut_billed_to_the_customer_counts_with_the_order(self):
        with freeze_time("2026-03-10 02:00:00"):
            order = self._delivered_order()
            order.user_id = self.advisor_a
            order.with_user(self.advisor_a).action_create_invoices()
            claim = self._claim(order)
            claim.with_user(self.clerk).action_submit()
            self._answer(claim, {"labour": 300.0, "part": 720.0}, reason=self.reason)
            # the appraiser bills the 180 the OEM cut to the customer
            claim.with_user(self.appraiser).action_cut_to_customer()
        self.assertEqual(sorted(order.invoice_ids.mapped("amount_untaxed")), [180.0, 300.0])
        # the customer pays both invoices in March: 300 + 180 with 13 % VAT
        self._pay(order.invoice_ids, 542.4, "2026-03-20")
        self.assertEqual(self._output(self._sheet("2026-03-01")), [
            ("Advisor A", 300.0, order, False, False), ("Advisor A", 180.0, order, False, False)])
        self._pay(claim.move_ids.filtered(lambda move: move.move_type == "out_invoice"), 1152.6, "2026-04-15")
        self.assertEqual(self._output(self._sheet("2026-04-01")), [
            ("Advisor A", 1020.0, order.browse(), "dealer.warranty.claim", [claim.id])])

    def test_goodwill_shares(self):
        """Goodwill 50/30/20 on a 1,000 part: the customer's 200 counts when the customer pays, the
        OEM's 500 when the OEM pays, the store's 300 (its cost) never."""
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(years=4)
        valve = self.env["product.product"].create({
            "name": "Valve body 阀体", "type": "consu", "is_storable": True, "lst_price": 1000.0,
            "standard_price": 600.0, "categ_id": self.categ_parts.id, "taxes_id": [Command.set(self.tax13.ids)]})
        self.env["stock.quant"]._update_available_quantity(valve, self.warehouse_a.lot_stock_id, 1.0)
        with freeze_time("2026-03-10 02:00:00"):
            order = self._checked_in_order(mileage=120000)
            order.write({"user_id": self.advisor_a.id, "line_ids": [Command.create(
                {"line_type": "part", "product_id": valve.id, "quantity": 1, "payer": "warranty"})]})
            appraisal = self.env["dealer.warranty.appraisal"].with_user(self.appraiser).create({
                "order_id": order.id, "line_ids": [Command.set(order.line_ids.ids)], "decision": "goodwill",
                "reason": "老客户 (loyal customer)", "oem_percent": 50.0, "dealer_percent": 30.0,
                "customer_percent": 20.0})
            # the appraiser asking for goodwill approves his tier with the same click
            appraisal.with_user(self.appraiser).action_decide()
            self.assertEqual(appraisal.state, "approved")
            self._sign(order)
            order.action_approve()
            self._issue_parts(order)
            self._ready_for_delivery(order)
            order.action_deliver()
            order.with_user(self.advisor_a).action_create_invoices()
            claim = self._claim(order)
            claim.with_user(self.clerk).action_submit()
            self._answer(claim, {"part": 500.0})
        self.assertEqual(order.invoice_ids.amount_untaxed, 200.0)
        self._pay(order.invoice_ids, 226.0, "2026-03-20")
        self.assertEqual(self._output(self._sheet("2026-03-01")), [("Advisor A", 200.0, order, False, False)])
        self._pay(claim.move_ids, 565.0, "2026-04-15")
        self.assertEqual(self._output(self._sheet("2026-04-01")), [
            ("Advisor A", 500.0, order.browse(), "dealer.warranty.claim", [claim.id])])

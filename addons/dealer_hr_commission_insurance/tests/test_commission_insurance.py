from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from odoo.addons.dealer_insurance.tests import common


@tagged("post_install", "-at_install")
class TestCommissionInsurance(common.InsuranceCase):
    """Accident repairs count for the advisor when the car leaves with an approved amount; the
    claims adjuster's assessed amount and the renewal clerk's rebate gross profit, from their documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        Employee = cls.env["hr.employee"]
        cls.advisor_employee = Employee.create({
            "name": "Advisor A", "user_id": cls.advisor_a.id, "company_id": cls.store_a.id,
            "dealer_commission_group_id": ref("dealer_hr_commission.commission_group_advisors").id})
        cls.adjuster = Employee.create({
            "name": "Adjuster A", "user_id": cls.clerk_a.id, "company_id": cls.store_a.id,
            "dealer_commission_group_id": ref("dealer_hr_commission.commission_group_insurance").id,
            "dealer_commission_coefficient": 0.35})

    def _figures(self, month):
        sheet = self.env["dealer.commission.sheet"].create({"date_from": month, "company_id": self.store_a.id})
        sheet.action_compute()
        figures = {}
        # the vehicles in are left out: the orders here arrive at the real time
        for measure in sheet.measure_ids.filtered(lambda m: m.code != "vehicles_in"):
            key = (measure.employee_id.name, measure.code)
            figures[key] = figures.get(key, 0.0) + measure.value
        return sheet, figures

    def test_accident_output_counts_when_the_car_leaves(self):
        case = self._accident_case()
        self._send_and_assess(case, 8600.0)
        order = self._approved_accident_order(case)
        order.user_id = self.advisor_a
        self._ready_for_delivery(order)
        self._issue_parts(order)
        # 1 Dec 07:00 in Dalian: the car left in December
        with freeze_time("2026-11-30 23:00:00"):
            order.action_deliver()
        # the store estimated 10,000 for the insurer, which approved 8,600; the customer's oil change 300
        self.assertEqual(order.revenue, 10300.0)
        november, figures = self._figures("2026-11-01")
        self.assertFalse(figures)
        december, figures = self._figures("2026-12-01")
        # the advisor's output: the approved 8,600 + the owner-paid 300, in two figures
        self.assertEqual(figures, {("Advisor A", "output"): 8900.0, ("Adjuster A", "assessed_amount"): 8600.0,
                                   # the order's gross profit (no costs here), nothing paid yet
                                   ("Advisor A", "gross_profit"): 10300.0, ("Advisor A", "collections"): 0.0})
        self.assertEqual(december.measure_ids.repair_order_ids, order)
        # invoiced and collected in January: it counted already, it does not count again
        with freeze_time("2027-01-05 02:00:00"):
            order.with_user(self.advisor_a).action_create_invoices()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=order.invoice_ids.ids).create(
            {"payment_date": "2027-01-10"})._create_payments()
        self.assertEqual(str(order.date_collected), "2027-01-10")
        self.assertFalse(self._figures("2027-01-01")[1])

    def test_renewal_rebate_gross_profit(self):
        policy = self.env["dealer.insurance.policy"].create({
            "name": "PDAA202621020000012345", "vehicle_id": self.vehicle_a.id, "insurer_id": self.insurer.id,
            "cover": "commercial", "date_start": date(2026, 1, 1), "date_end": date(2026, 12, 31),
            "premium": 4000.0, "partner_id": self.customer.id})
        form = Form(self.env["dealer.insurance.renewal"].with_user(self.clerk_a).with_context(
            default_policy_id=policy.id))
        form.policy_number = "PDAA202721020000054321"
        form.premium = 4200.0
        form.rebate_rate = 15.0
        form.customer_incentive = 230.0
        renewal = form.save()
        with freeze_time("2026-11-05 03:00:00"):
            renewal.with_user(self.clerk_a).action_confirm()
        sheet, figures = self._figures("2026-11-01")
        # rebate 4,200 x 15 % = 630, less the customer's incentive 230 = 400
        self.assertEqual(figures, {("Adjuster A", "renewal_rebate_gross_profit"): 400.0})
        measure = sheet.measure_ids
        self.assertEqual((measure.document_model, measure.document_ids), ("dealer.insurance.renewal", [renewal.id]))
        self.assertEqual(measure.action_open_documents()["domain"], [("id", "in", [renewal.id])])
        # the renewals pool of the insurance group: 400 x 40 % = 160, less the 5 % fund = 152
        self.assertAlmostEqual(sheet.line_ids.filtered(lambda line: line.employee_id == self.adjuster).amount, 152.0)

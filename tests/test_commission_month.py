"""A small store's commission month from real documents, totalled by hand (issue 13)."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from odoo.addons.dealer_csi.tests.common import CsiCase
from odoo.addons.dealer_hr_commission.tests.test_commission_documents import CommissionDocumentsCase
from odoo.addons.dealer_insurance.tests.common import InsuranceCase


@tagged("post_install", "-at_install")
class TestCommissionMonth(CommissionDocumentsCase, InsuranceCase, CsiCase):
    """November 2026 in store A: the advisor's order (workshop, paint, wash, detailing and
    accessories) collected on the 28th, an accident car that left on the 20th, a renewal, a
    complaint that stood and the advisor's checklist; the officer enters the achievements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls._make_user("month_officer", "dealer_hr_commission.dealer_hr_commission_group_officer")
        cls.advisor_employee.dealer_commission_coefficient = 0.4
        cls.washer.dealer_commission_coefficient = 0.1
        cls.adjuster = cls.env["hr.employee"].create({
            "name": "Adjuster A", "user_id": cls.clerk_a.id, "company_id": cls.store_a.id,
            "dealer_commission_group_id": cls.env.ref("dealer_hr_commission.commission_group_insurance").id,
            "dealer_commission_coefficient": 0.35})

    def _accident_repair(self):
        """The insurer approves 8,600 of the store's 10,000 estimate; the car leaves on 20 November."""
        case = self._accident_case()
        self._send_and_assess(case, 8600.0)
        order = self._approved_accident_order(case)
        order.user_id = self.advisor_a
        self._ready_for_delivery(order)
        self._issue_parts(order)
        with freeze_time("2026-11-20 08:00:00"):
            order.action_deliver()
        return order

    def _renewal(self):
        """The clerk renews a policy on 5 November: rebate 4,200 x 15 % = 630 - incentive 230 = 400."""
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
        return renewal

    def _complaint(self):
        """A customer's complaint against the advisor on 10 November, found valid."""
        with freeze_time("2026-11-10 02:00:00"):
            form = Form(self.env["dealer.csi.complaint"].with_user(self.agent))
            form.partner_id = self.customer
            form.channel = "phone"
            form.description = "交车晚了两个小时"
            complaint = form.save()
            complaint.write({"department": "reception", "responsible_user_id": self.advisor_a.id,
                             "category": "attitude", "investigation": "态度不好", "solution": "道歉"})
            complaint.action_respond()
            complaint.action_propose_solution()
        return complaint

    def _checklist(self):
        """The front desk's check of the advisor on 12 November: one item poor, 5 points off -> 95."""
        form = Form(self.env["dealer.csi.checklist"].with_user(self.frontdesk))
        form.user_id = self.advisor_a
        form.date = "2026-11-12"
        with form.line_ids.edit(23) as line:
            line.result = "poor"
        checklist = form.save()
        checklist.action_sign()
        return checklist

    def test_small_store_month_by_hand(self):
        order = self._worked_order()
        self._pay(order.invoice_ids, "2026-11-28")
        accident = self._accident_repair()
        self._renewal()
        self._complaint()
        self._checklist()

        sheet = self.env["dealer.commission.sheet"].with_user(self.officer).create({"date_from": "2026-11-01"})
        advisors = self.advisors
        self.env["dealer.commission.measure"].with_user(self.officer).create([
            {"sheet_id": sheet.id, "group_id": advisors.id, "code": code, "value": value}
            for code, value in (("ach_output", 1.2), ("ach_gross_profit", 1.0), ("ach_vehicles_in", 1.0))])
        sheet.action_compute()

        figures = self._figures(sheet)
        # the advisor's output: the collected order 3,010 + the accident car's approved 8,600 + its
        # owner-paid oil change 300 = 11,910 (the accident in two figures)
        output = sheet.measure_ids.filtered(lambda m: m.code == "output")
        self.assertEqual(sum(output.mapped("value")), 11910.0)
        self.assertEqual(output.repair_order_ids, order | accident)
        self.assertEqual({key: value for key, value in figures.items() if key[1] != "output"}, {
            ("Advisor A", "accessory_revenue"): 600.0,
            ("Advisor A", "complaints"): 1.0,
            ("Advisor A", "complaints_caused"): 1.0,
            ("Advisor A", "checklist_score"): 95.0,
            # gross profit of the orders counted: 3,010 + the accident car's 10,300 (no costs here);
            # paid in November: the collected order's 3,010 + 13 % VAT
            ("Advisor A", "gross_profit"): 13310.0,
            ("Advisor A", "collections"): 3401.3,
            ("Ma Mechanic", "hours_mechanical"): 2.0,
            ("Ma Mechanic", "clocked_hours_mechanical"): 1.5,
            ("Ma Mechanic", "hours_paint"): 1.0,
            ("Ma Mechanic", "clocked_hours_paint"): 1.0,
            ("Ma Mechanic", "paint_material_per_hour"): 75.0,
            ("Pan Painter", "hours_paint"): 3.0,
            ("Pan Painter", "clocked_hours_paint"): 3.0,
            ("Pan Painter", "paint_material_per_hour"): 75.0,
            ("Xu Washer", "washes"): 1.0,
            ("Xu Washer", "hours_wash"): 0.5,
            ("Xu Washer", "clocked_hours_wash"): 0.25,
            ("Xu Washer", "hours_detailing"): 2.0,
            ("Xu Washer", "clocked_hours_detailing"): 2.0,
            ("Detailing", "detailing_revenue"): 200.0,
            ("Adjuster A", "assessed_amount"): 8600.0,
            ("Adjuster A", "renewal_rebate_gross_profit"): 400.0,
        })

        expected = {
            # advisor pool 11,910 x 0.5 % x 1.2 x 1.0 x 1.0 = 71.46; accessories 600 x 10 % = 60
            # -> 131.46 (the only advisor: 0.4 / 0.4); one complaint: -5 % = -6.57 -> 124.89;
            # checklist 95 < 96: -10 % = -12.49 -> 112.40; the complaint caused: -100 -> 12.40;
            # fund 5 % = 0.62
            self.advisor_employee: (12.40, 0.62, 11.78),
            # 2 h and 1 h + 3 h: below the 100 h of the first band, which pays nothing
            self.mechanic: (0.0, 0.0, 0.0),
            self.painter: (0.0, 0.0, 0.0),
            # 1 wash x 1 + detailing 200 x 12 % = 24 -> 25; fund 1.25
            self.washer: (25.0, 1.25, 23.75),
            # renewals 400 x 40 % = 160 (group pool, alone in it); assessed 8,600 < 50,000: x 1 % = 86
            # -> 246; fund 12.30
            self.adjuster: (246.0, 12.30, 233.70),
        }
        self.assertEqual(sheet.line_ids.employee_id, self.env["hr.employee"].concat(*expected))
        for employee, (gross, fund, amount) in expected.items():
            line = sheet.line_ids.filtered(lambda line, e=employee: line.employee_id == e)
            with self.subTest(employee=employee.name):
                self.assertAlmostEqual(line.amount_gross, gross)
                self.assertAlmostEqual(line.amount_fund, fund)
                self.assertAlmostEqual(line.amount, amount)
        # 11.78 + 23.75 + 233.70 = 269.23; the fund 0.62 + 1.25 + 12.30 = 14.17
        self.assertAlmostEqual(sheet.amount_total, 269.23)
        self.assertAlmostEqual(sheet.amount_fund, 14.17)

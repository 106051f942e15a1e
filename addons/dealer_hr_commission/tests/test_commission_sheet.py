import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests.common import DealerCase


class CommissionCase(DealerCase):
    """Two advisors (coefficients 0.4 and 0.1) and one in trial in store A, the roles that approve."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = cls._make_user("commission_officer", "dealer_hr_commission.dealer_hr_commission_group_officer")
        cls.manager = cls._make_user("commission_manager", "dealer_service.dealer_service_group_manager")
        cls.finance = cls._make_user("commission_finance", "account.group_account_manager")
        cls.advisor_user = cls._make_user("commission_sa1", "dealer_service.dealer_service_group_advisor")
        cls.advisor2_user = cls._make_user("commission_sa2", "dealer_service.dealer_service_group_advisor")
        cls.advisors = cls.env.ref("dealer_hr_commission.commission_group_advisors")
        Employee = cls.env["hr.employee"]
        cls.sa1 = Employee.create({"name": "Li Na", "user_id": cls.advisor_user.id, "company_id": cls.store_a.id,
                                   "dealer_commission_group_id": cls.advisors.id,
                                   "dealer_commission_coefficient": 0.4})
        cls.sa2 = Employee.create({"name": "Wang Fang", "user_id": cls.advisor2_user.id,
                                   "company_id": cls.store_a.id, "dealer_commission_group_id": cls.advisors.id,
                                   "dealer_commission_coefficient": 0.1})
        cls.trainee = Employee.create({"name": "Zhao Lei", "company_id": cls.store_a.id,
                                       "dealer_commission_group_id": cls.advisors.id,
                                       "dealer_commission_coefficient": 0.1,
                                       "dealer_commission_trial_until": "2026-12-31"})

    def _make_sheet(self, month="2026-10-01", group_values=None, employee_values=None):
        sheet = self.env["dealer.commission.sheet"].with_user(self.officer).create({"date_from": month})
        self.env["dealer.commission.measure"].create(
            [{"sheet_id": sheet.id, "group_id": self.advisors.id, "code": code, "value": value}
             for code, value in (group_values or {}).items()]
            + [{"sheet_id": sheet.id, "employee_id": employee.id, "code": code, "value": value}
               for employee, codes in (employee_values or {}).items() for code, value in codes.items()])
        sheet.action_compute()
        return sheet

    def _line(self, sheet, employee):
        return sheet.line_ids.filtered(lambda line: line.employee_id == employee)


@tagged("post_install", "-at_install")
class TestCommissionSheet(CommissionCase):
    ADVISOR_MONTH = {"output": 600000, "ach_output": 1.1, "ach_gross_profit": 0.9, "ach_vehicles_in": 1.0}

    def test_advisor_month_by_hand(self):
        """Pool 600,000 x 0.5 % x 1.1 x 0.9 x 1.0 = 2,970, shared 0.4 / 0.1; Li Na has one complaint (5 % off)
        and the month's top praise (+200); everyone gives 5 % to the fund; the trainee earns nothing."""
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH, employee_values={
            self.sa1: {"complaints": 1, "top_praise": 1, "checklist_score": 98},
            self.sa2: {"checklist_score": 95},
        })
        self.assertEqual(sheet.line_ids.employee_id, self.sa1 | self.sa2)
        sa1, sa2 = self._line(sheet, self.sa1), self._line(sheet, self.sa2)
        # Li Na: 2,970 x 0.4 / 0.5 = 2,376; -5 % = -118.8; +200 -> 2,457.2; fund 122.86 -> 2,334.34
        self.assertAlmostEqual(sa1.amount_gross, 2457.2)
        self.assertAlmostEqual(sa1.amount_fund, 122.86)
        self.assertAlmostEqual(sa1.amount, 2334.34)
        # Wang Fang: 2,970 x 0.1 / 0.5 = 594; checklist 95 < 96: -59.4 -> 534.6; fund 26.73 -> 507.87
        self.assertAlmostEqual(sa2.amount_gross, 534.6)
        self.assertAlmostEqual(sa2.amount, 507.87)
        self.assertAlmostEqual(sheet.amount_total, 2334.34 + 507.87)
        self.assertAlmostEqual(sheet.amount_fund, 122.86 + 26.73)
        pool_rule = self.env.ref("dealer_hr_commission.commission_rule_sa_pool")
        pool = sa1.item_ids.filtered(lambda i: i.rule_id == pool_rule)
        self.assertIn("600,000.00 x 0.5%", pool.formula)

    def test_small_store_month_by_hand(self):
        """Advisors, two technicians and the detailing group of a small store, totalled by hand."""
        ref = self.env.ref
        technicians = ref("dealer_hr_commission.commission_group_technicians")
        detailing = ref("dealer_hr_commission.commission_group_detailing")
        Employee = self.env["hr.employee"]
        tech1, tech2, lead, washer = Employee.create([
            {"name": name, "company_id": self.store_a.id, "dealer_commission_group_id": group.id,
             "dealer_commission_coefficient": coefficient}
            for name, group, coefficient in [("Wang Qiang", technicians, 1), ("Liu Gang", technicians, 1),
                                             ("Chen Jing", detailing, 0.2), ("Sun Hao", detailing, 0.1)]])
        sheet = self.env["dealer.commission.sheet"].with_user(self.officer).create({"date_from": "2026-10-01"})
        self.env["dealer.commission.measure"].create(
            [{"sheet_id": sheet.id, "group_id": group.id, "code": code, "value": value} for group, code, value in [
                *((self.advisors, code, value) for code, value in self.ADVISOR_MONTH.items()),
                (detailing, "washes", 300), (detailing, "detailing_revenue", 10000)]]
            + [{"sheet_id": sheet.id, "employee_id": employee.id, "code": code, "value": value}
               for employee, code, value in [
                   (self.sa1, "complaints", 1), (self.sa1, "top_praise", 1), (self.sa2, "checklist_score", 95),
                   (tech1, "hours_mechanical", 500), (tech1, "assessment_score", 80),
                   (tech2, "hours_body", 450), (tech2, "washes", 10), (tech2, "assessment_score", 100),
                   (washer, "wash_complaints", 1)]])
        sheet.action_compute()
        expected = {
            self.sa1: 2334.34,  # see test_advisor_month_by_hand
            self.sa2: 507.87,
            tech1: 1003.2,  # 500 h x 2.4 = 1,200; 20 points lost: -1,200 x 60 % x 20 % = -144; fund 52.80
            tech2: 1567.5,  # 450 h x 3.6 = 1,620 + 10 washes x 3 = 1,650; fund 82.50
            lead: 950.0,  # (300 washes x 1 + 10,000 x 12 %) x 0.2 / 0.3 = 1,000; fund 50
            washer: 456.0,  # 1,500 x 0.1 / 0.3 = 500; one wash complaint -20; fund 24
        }
        self.assertEqual(sheet.line_ids.employee_id, Employee.concat(*expected))
        for employee, amount in expected.items():
            with self.subTest(employee=employee.name):
                self.assertAlmostEqual(self._line(sheet, employee).amount, amount)
        self.assertAlmostEqual(sheet.amount_total, 6818.91)
        self.assertAlmostEqual(sheet.amount_fund, 358.89)

    def test_coefficient_needs_a_reason(self):
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH)
        line = self._line(sheet, self.sa2).with_user(self.officer)
        with self.assertRaises(UserError):
            line.write({"coefficient": 0.2})
        # the same in the sheet's form: saving a new coefficient without its reason is refused
        with self.assertRaises(UserError), Form(sheet.with_user(self.officer)) as form, \
                form.line_ids.edit(1) as row:
            row.coefficient = 0.3
        self.assertEqual(self._line(sheet, self.sa2).coefficient, 0.1)
        with Form(sheet.with_user(self.officer)) as form, form.line_ids.edit(1) as row:
            self.assertEqual(row.employee_id, self.sa2)
            row.coefficient = 0.2
            row.coefficient_reason = "Took over the fleet accounts"
        self.assertIn("Took over the fleet accounts", sheet.message_ids[0].body)
        # 2,970 x 0.4 / 0.6 = 1,980 less 5 % fund
        self.assertAlmostEqual(self._line(sheet, self.sa1).amount, 1980 * 0.95)

    def test_approval_locks_the_sheet(self):
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH)
        sheet.with_user(self.officer).action_submit()
        self.assertEqual(sheet.state, "to_approve")
        self.assertEqual(len(sheet.review_ids), 2)
        sheet.with_user(self.manager).validate_tier()
        self.assertEqual(sheet.state, "to_approve")
        sheet.with_user(self.finance).validate_tier()
        self.assertEqual(sheet.state, "approved")
        with self.assertRaises(UserError):
            sheet.with_user(self.officer).action_compute()
        with self.assertRaises(UserError):
            self._line(sheet, self.sa1).with_user(self.officer).write(
                {"coefficient": 0.5, "coefficient_reason": "late change"})
        with self.assertRaises(UserError):
            sheet.with_user(self.officer).write({"state": "draft"})
        with self.assertRaises(UserError):
            sheet.measure_ids[:1].with_user(self.officer).write({"value": 1})
        # a correction is a new version with its reason; the approved one stays
        with self.assertRaises(UserError):
            sheet.with_user(self.officer).action_correct(" ")
        new = sheet.with_user(self.officer).action_correct("Output of an order was missing")
        self.assertEqual((sheet.state, new.state, new.version, new.previous_id), ("approved", "draft", 2, sheet))
        self.assertEqual(new.name, sheet.name)
        self.assertEqual(len(new.measure_ids), len(sheet.measure_ids))
        new.action_compute()
        self.assertAlmostEqual(new.amount_total, sheet.amount_total)

    def test_accrual_entry(self):
        """Expense against a payable per employee, the fund on its own account."""
        Account = self.env["account.account"]
        accounts = {key: Account.create({"name": f"Commission {key}", "code": code, "account_type": kind,
                                         "company_ids": [self.store_a.id]})
                    for key, code, kind in [("expense", "660199", "expense"),
                                            ("payable", "221199", "liability_current"),
                                            ("fund", "224199", "liability_current")]}
        self.store_a.write({f"dealer_commission_{key}_account_id": account.id for key, account in accounts.items()})
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH, employee_values={
            self.sa1: {"complaints": 1, "top_praise": 1}, self.sa2: {"checklist_score": 95}})
        sheet.with_user(self.officer).action_submit()
        sheet.with_user(self.manager).validate_tier()
        sheet.with_user(self.finance).validate_tier()
        with self.assertRaises(UserError):
            sheet.with_user(self.officer).action_post_accrual()
        sheet.with_user(self.finance).action_post_accrual()
        move = sheet.move_id
        self.assertEqual((move.state, str(move.date)), ("posted", "2026-10-31"))
        self.assertRecordValues(move.line_ids.sorted(lambda line: (line.account_id.code, line.balance)), [
            {"account_id": accounts["payable"].id, "partner_id": self.sa1.work_contact_id.id, "balance": -2334.34},
            {"account_id": accounts["payable"].id, "partner_id": self.sa2.work_contact_id.id, "balance": -507.87},
            {"account_id": accounts["fund"].id, "partner_id": False, "balance": -149.59},
            {"account_id": accounts["expense"].id, "partner_id": False, "balance": 2991.8},
        ])
        with self.assertRaises(UserError):
            sheet.with_user(self.finance).action_post_accrual()

    def test_xlsx_one_sheet_per_group_with_formulas(self):
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH, employee_values={
            self.sa1: {"complaints": 1, "top_praise": 1}, self.sa2: {"checklist_score": 95}})
        content, kind = self.env["ir.actions.report"].with_user(self.officer)._render(
            "dealer_hr_commission.report_commission_sheet_xlsx", sheet.ids)
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, [self.advisors.name])
        ws = book.active
        header = next(row for row in range(1, ws.max_row + 1) if ws.cell(row, 1).value == "Employee")
        titles = [ws.cell(header, col).value for col in range(1, ws.max_column + 1)]
        self.assertEqual(titles[-3:], ["Before Fund", "Fund", "Commission"])
        self.assertIn("Advisor pool: output x 0.5% x achievements", titles)
        gross, commission = len(titles) - 2, len(titles)
        li_na = next(row for row in range(header + 1, ws.max_row + 1) if ws.cell(row, 1).value == "Li Na")
        self.assertTrue(str(ws.cell(li_na, gross).value).startswith("=SUM("))
        self.assertTrue(str(ws.cell(li_na, commission).value).startswith("="))
        values = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
        self.assertAlmostEqual(values.cell(li_na, gross).value, 2457.2)
        self.assertAlmostEqual(values.cell(li_na, commission).value, 2334.34)

    def test_rejected_sheet_goes_back_to_draft(self):
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH)
        sheet.with_user(self.officer).action_submit()
        sheet.with_user(self.manager)._dealer_tier_comment("reject", "Coefficients to check")
        self.assertEqual(sheet.state, "refused")
        sheet.with_user(self.officer).action_reset()
        self.assertEqual(sheet.state, "draft")
        sheet.action_compute()

    def test_employee_reads_only_own_lines(self):
        sheet = self._make_sheet(group_values=self.ADVISOR_MONTH)
        Line = self.env["dealer.commission.sheet.line"].with_user(self.advisor_user)
        self.assertEqual(Line.search([]), self._line(sheet, self.sa1))
        with self.assertRaises(AccessError):
            self._line(sheet, self.sa2).with_user(self.advisor_user).read(["amount"])
        items = self.env["dealer.commission.sheet.item"].with_user(self.advisor_user).search([])
        self.assertEqual(items.line_id, self._line(sheet, self.sa1))
        with self.assertRaises(AccessError):
            self._line(sheet, self.sa1).with_user(self.advisor_user).write({"coefficient": 1,
                                                                             "coefficient_reason": "me"})

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .test_commission_sheet import CommissionCase


@tagged("post_install", "-at_install")
class TestCommissionTargets(CommissionCase):
    """The month's targets per employee and group, acknowledged by the employee, turned into
    the achievements the pools multiply."""

    def _target(self, owner, figures, month="2026-10-01"):
        """The officer sets the targets through the form."""
        with Form(self.env["dealer.commission.target"].with_user(self.officer)) as form:
            form.date_from = month
            if owner._name == "hr.employee":
                form.employee_id = owner
            else:
                form.group_id = owner
            for kind, target in figures.items():
                with form.line_ids.new() as line:
                    line.kind = kind
                    line.target = target
        return form.record

    def test_only_the_employee_acknowledges(self):
        target = self._target(self.sa1, {"output": 400000, "gross_profit": 150000, "vehicles_in": 80})
        self.assertRecordValues(target.line_ids.sorted("kind"), [
            {"kind": "gross_profit", "measure_code": "gross_profit", "achievement_code": "ach_gross_profit"},
            {"kind": "output", "measure_code": "output", "achievement_code": "ach_output"},
            {"kind": "vehicles_in", "measure_code": "vehicles_in", "achievement_code": "ach_vehicles_in"},
        ])
        # nobody acknowledges for Li Na: not her colleague, not the officer, not by writing the fields
        for user in (self.advisor2_user, self.officer, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                target.with_user(user).action_acknowledge()
        with self.assertRaises(UserError):
            target.with_user(self.officer).write({"acknowledged_by_id": self.advisor_user.id,
                                                  "acknowledged_date": "2026-10-02 08:00:00"})
        self.assertFalse(target.with_user(self.advisor2_user).search([("id", "=", target.id)]),
                         "a colleague does not even see Li Na's targets")

        mine = target.with_user(self.advisor_user)
        self.assertEqual(mine.search([("is_mine", "=", True)]), target, "My Targets")
        self.assertFalse(target.with_user(self.officer).is_mine)
        self.assertTrue(mine.can_acknowledge)
        self.assertEqual(mine.line_ids.mapped("target"), [150000.0, 400000.0, 80.0])
        mine.action_acknowledge()
        self.assertRecordValues(target, [{"acknowledged_by_id": self.advisor_user.id, "is_acknowledged": True}])
        self.assertTrue(target.acknowledged_date)
        with self.assertRaises(UserError):
            mine.action_acknowledge()
        with self.assertRaises(AccessError):
            mine.line_ids[:1].write({"target": 1})

        # the officer raises a target: Li Na acknowledges it anew
        target.line_ids.filtered(lambda line: line.kind == "output").with_user(self.officer).target = 450000
        self.assertRecordValues(target, [{"acknowledged_by_id": False, "acknowledged_date": False}])
        self.assertIn("acknowledged again", target.message_ids[0].body)

    def test_group_target_acknowledged_by_a_member(self):
        target = self._target(self.advisors, {"output": 500000})
        with self.assertRaises(AccessError):
            target.with_user(self.officer).action_acknowledge()
        self.assertEqual(target.with_user(self.advisor2_user).search([("is_mine", "=", True)]), target)
        target.with_user(self.advisor2_user).action_acknowledge()
        self.assertEqual(target.acknowledged_by_id, self.advisor2_user)

    def test_pool_reads_the_group_targets(self):
        """Group targets 500,000 / 200,000 / 100 against 550,000 / 180,000 / 100: achievements
        1.1, 0.9 and 1.0; pool 550,000 x 0.5 % x 1.1 x 0.9 x 1.0 = 2,722.50, shared 0.4 / 0.1."""
        self._target(self.advisors, {"output": 500000, "gross_profit": 200000, "vehicles_in": 100})
        self._target(self.advisors, {"output": 1}, month="2026-11-01")  # another month does not count
        sheet = self._make_sheet(group_values={"output": 550000, "gross_profit": 180000, "vehicles_in": 100})
        achievements = sheet.measure_ids.filtered(lambda m: m.code.startswith("ach_"))
        self.assertRecordValues(achievements.sorted("code"), [
            {"group_id": self.advisors.id, "code": "ach_gross_profit", "value": 0.9, "origin": "computed"},
            {"group_id": self.advisors.id, "code": "ach_output", "value": 1.1, "origin": "computed"},
            {"group_id": self.advisors.id, "code": "ach_vehicles_in", "value": 1.0, "origin": "computed"},
        ])
        pool_rule = self.env.ref("dealer_hr_commission.commission_rule_sa_pool")
        pool = self._line(sheet, self.sa1).item_ids.filtered(lambda item: item.rule_id == pool_rule)
        self.assertAlmostEqual(pool.amount, 2178.0)  # 2,722.50 x 0.4 / 0.5
        self.assertEqual(pool.formula, "(550,000.00 x 0.5% x 1.1000 x 0.9000 x 1.0000) x 0.4/0.5")
        self.assertAlmostEqual(self._line(sheet, self.sa2).amount_gross, 544.5)  # 2,722.50 x 0.1 / 0.5

        # an achievement entered on the sheet stays; recomputing keeps it
        self.env["dealer.commission.measure"].create({"sheet_id": sheet.id, "group_id": self.advisors.id,
                                                      "code": "ach_vehicles_in", "value": 0.8})
        sheet.action_compute()
        vehicles_in = sheet.measure_ids.filtered(lambda m: m.code == "ach_vehicles_in")
        self.assertRecordValues(vehicles_in, [{"value": 0.8, "origin": "manual"}])
        # 550,000 x 0.5 % x 1.1 x 0.9 x 0.8 = 2,178 x 0.4 / 0.5 = 1,742.40
        self.assertAlmostEqual(self._line(sheet, self.sa1).amount_gross, 1742.4)

    def test_group_achieves_its_members_targets(self):
        """Without a group target, the group achieves its members' output over their targets:
        (440,000 + 110,000) / (400,000 + 100,000) = 1.1; each member keeps their own figure."""
        self._target(self.sa1, {"output": 400000})
        self._target(self.sa2, {"output": 100000})
        sheet = self._make_sheet(group_values={"ach_gross_profit": 1, "ach_vehicles_in": 1}, employee_values={
            self.sa1: {"output": 440000}, self.sa2: {"output": 110000}})
        achievements = sheet.measure_ids.filtered(lambda m: m.code == "ach_output")
        self.assertRecordValues(achievements.sorted(lambda m: (bool(m.group_id), m.employee_id.name)), [
            {"employee_id": self.sa1.id, "group_id": False, "value": 1.1},
            {"employee_id": self.sa2.id, "group_id": False, "value": 1.1},
            {"employee_id": False, "group_id": self.advisors.id, "value": 1.1},
        ])
        # 550,000 x 0.5 % x 1.1 = 3,025 x 0.4 / 0.5 = 2,420
        self.assertAlmostEqual(self._line(sheet, self.sa1).amount_gross, 2420.0)

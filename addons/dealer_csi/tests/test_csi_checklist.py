from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CsiCase


@tagged("post_install", "-at_install")
class TestCsiChecklist(CsiCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env.ref("dealer_csi.checklist_template_advisor")
        cls.advisor_2 = cls._make_user("csi_advisor_2", "dealer_service.dealer_service_group_advisor")
        cls.items = {item.sequence: item for item in cls.template.item_ids}

    def _check(self, advisor, day, results=None, counts=None, sign=True):
        form = Form(self.env["dealer.csi.checklist"].with_user(self.frontdesk))
        form.user_id = advisor
        form.date = day
        self.assertEqual(form.template_id, self.template)
        self.assertEqual(len(form.line_ids), 36)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                sequence = line.sequence
                if sequence in (results or {}):
                    line.result = results[sequence]
                if sequence in (counts or {}):
                    line.count = counts[sequence]
        checklist = form.save()
        if sign:
            checklist.action_sign()
        return checklist

    def test_template_is_the_36_items_of_seed_001(self):
        self.assertEqual(len(self.template.item_ids), 36)
        self.assertEqual(self.items[30].kind, "count")
        self.assertEqual(self.items[30].points_per_count, 1.0)
        self.assertEqual(self.items[36].points_per_count, 5.0)
        self.assertEqual(set(self.template.item_ids.mapped("section")), {"desk", "duty", "phone", "process"})

    def test_points_off_and_the_signature(self):
        # a minor (1) and a poor (5) lapse, two faulty sheets (1 each), one complaint (5)
        checklist = self._check(self.advisor_a, date(2026, 12, 3), {5: "minor", 24: "poor"}, {30: 2, 36: 1})
        self.assertRecordValues(checklist, [{"deduction": 13.0, "state": "done", "inspector_id": self.frontdesk.id}])
        with self.assertRaisesRegex(UserError, "signed"):
            checklist.write({"note": "改"})
        with self.assertRaisesRegex(UserError, "signed"):
            checklist.line_ids[0].write({"result": "poor"})
        with self.assertRaisesRegex(UserError, "own buttons"):
            self.env["dealer.csi.checklist"].with_user(self.frontdesk).create({
                "user_id": self.advisor_a.id, "state": "done"})
        # the advisor reads his own checks only, and changes none
        self.assertTrue(checklist.with_user(self.advisor_a).read(["deduction"]))
        with self.assertRaises(AccessError):
            checklist.with_user(self.advisor_2).read(["deduction"])
        with self.assertRaises(AccessError):
            self.env["dealer.csi.checklist"].with_user(self.advisor_a).create({"user_id": self.advisor_2.id})
        mine = self.env["dealer.csi.checklist"].with_user(self.frontdesk).create({"user_id": self.frontdesk.id})
        with self.assertRaisesRegex(UserError, "not by the advisor"):
            mine.action_sign()

    def test_monthly_score_below_96_cuts_the_commission(self):
        self._check(self.advisor_a, date(2026, 12, 3), {5: "medium"})
        self._check(self.advisor_a, date(2026, 12, 17), {13: "minor"}, {30: 2})
        self._check(self.advisor_a, date(2026, 12, 18), {1: "poor"}, sign=False)
        self._check(self.advisor_a, date(2026, 11, 30), {1: "poor"})
        self._check(self.advisor_2, date(2026, 12, 10), {17: "minor"})
        Checklist = self.env["dealer.csi.checklist"]
        self.assertEqual(
            Checklist._dealer_commission_checklist_scores(self.store_a, date(2026, 12, 1), date(2026, 12, 31)),
            {self.advisor_a: (95.0, True), self.advisor_2: (99.0, False)},
        )
        rows = self.env["dealer.csi.checklist.report"].with_user(self.frontdesk).search(
            [("month", "=", date(2026, 12, 1)), ("user_id", "in", (self.advisor_a | self.advisor_2).ids)],
            order="user_id",
        )
        self.assertRecordValues(rows.sorted(lambda r: r.user_id.id), [
            {"user_id": self.advisor_a.id, "check_count": 2, "deduction": 5.0, "score": 95.0, "below_threshold": True},
            {"user_id": self.advisor_2.id, "check_count": 1, "deduction": 1.0, "score": 99.0, "below_threshold": False},
        ])

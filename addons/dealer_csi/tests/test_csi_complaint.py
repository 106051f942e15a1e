from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests.reception_common import SIGNATURE

from .common import CsiCase

# Monday 11:45 in Beijing: 15 working minutes before lunch (12:00-13:00)
REGISTERED = "2026-12-07 03:45:00"


@tagged("post_install", "-at_install")
class TestCsiComplaint(CsiCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        supervisor = Employee.create({"name": "Zhou Ping (test)", "company_id": cls.store_a.id,
                                      "user_id": cls.supervisor.id})
        Employee.create({"name": "He Jing (test)", "company_id": cls.store_a.id, "user_id": cls.agent.id,
                         "parent_id": supervisor.id})
        cls.store_a.dealer_csi_complaint_manager_id = cls.manager_a

    def _register(self, when=REGISTERED, user=None, **values):
        with freeze_time(when):
            form = Form(self.env["dealer.csi.complaint"].with_user(user or self.agent))
            form.partner_id = self.customer
            form.channel = "phone"
            form.description = "交车晚了两个小时"
            for name, value in values.items():
                setattr(form, name, value)
            return form.save()

    def _escalations(self, complaint):
        return complaint.activity_ids.filtered(lambda a: a.summary and a.summary.startswith("Escalated"))

    def test_clocks_run_in_the_stores_working_time(self):
        complaint = self._register()
        self.assertRegex(complaint.name, r"^CP\d{4}-\d{5}$")
        # 15 minutes before lunch, the rest after it; two working days of 8 hours end on Wednesday 11:45
        self.assertEqual(str(complaint.response_deadline), "2026-12-07 05:15:00")
        self.assertEqual(str(complaint.sort_deadline), "2026-12-07 05:45:00")
        self.assertEqual(str(complaint.close_deadline), "2026-12-09 03:45:00")
        # received on a Saturday: the clocks start on Monday morning
        weekend = self._register("2026-12-05 02:00:00")
        self.assertEqual(str(weekend.response_deadline), "2026-12-07 00:30:00")
        self.assertEqual(str(weekend.close_deadline), "2026-12-08 09:00:00")

    def test_breaches_flagged_exactly_and_escalated_once(self):
        complaint = self._register()
        Complaint = self.env["dealer.csi.complaint"]
        with freeze_time("2026-12-07 05:14:59"):
            Complaint._cron_dealer_csi_check_sla()
        self.assertRecordValues(complaint, [{"response_breached": False, "escalation_level": 0}])
        self.assertFalse(self._escalations(complaint))
        with freeze_time("2026-12-07 05:15:00"):
            Complaint._cron_dealer_csi_check_sla()
            Complaint._cron_dealer_csi_check_sla()
        self.assertRecordValues(complaint, [{
            "response_breached": True, "sort_breached": False, "is_breached": True, "escalation_level": 1,
        }])
        # one level up: the manager in Employees of the agent who registered it
        self.assertRecordValues(self._escalations(complaint), [{"user_id": self.supervisor.id}])
        with freeze_time("2026-12-07 05:44:59"):
            Complaint._cron_dealer_csi_check_sla()
        self.assertEqual(len(self._escalations(complaint)), 1)
        with freeze_time("2026-12-07 05:45:00"):
            Complaint._cron_dealer_csi_check_sla()
        self.assertRecordValues(complaint, [{"sort_breached": True, "escalation_level": 2}])
        # the supervisor has no manager: the store's escalation contact
        self.assertEqual(self._escalations(complaint).user_id, self.supervisor | self.manager_a)
        with freeze_time("2026-12-07 06:00:00"):
            complaint.write({"department": "reception", "responsible_user_id": self.advisor_a.id})
            complaint.action_respond()
        self.assertEqual(str(complaint.date_responded), "2026-12-07 06:00:00")
        with freeze_time("2026-12-09 03:44:59"):
            Complaint._cron_dealer_csi_check_sla()
        self.assertFalse(complaint.close_breached)
        with freeze_time("2026-12-09 03:45:00"):
            Complaint._cron_dealer_csi_check_sla()
            Complaint._cron_dealer_csi_check_sla()
        self.assertRecordValues(complaint, [{"close_breached": True, "escalation_level": 3}])
        self.assertEqual(len(self._escalations(complaint)), 3)

    def test_steps_on_time_are_not_late(self):
        complaint = self._register(department="reception", responsible_user_id=self.advisor_a)
        with freeze_time("2026-12-07 05:14:00"):
            complaint.action_respond()
            self.env["dealer.csi.complaint"]._cron_dealer_csi_check_sla()
        self.assertRecordValues(complaint, [{"response_breached": False, "escalation_level": 0}])
        # a step done late without the scheduled check having run is still recorded late
        with freeze_time("2026-12-07 06:00:00"):
            complaint.write({"category": "time", "investigation": "配件晚到", "solution": "道歉并赠送洗车"})
            complaint.action_propose_solution()
        self.assertRecordValues(complaint, [{"sort_breached": True, "escalation_level": 0, "state": "to_approve"}])

    def test_from_registration_to_the_customers_acceptance(self):
        complaint = self._register()
        with self.assertRaisesRegex(UserError, "Responsible Department, Responsible Person"):
            complaint.action_respond()
        with freeze_time("2026-12-07 04:00:00"):
            form = Form(complaint)
            form.department = "reception"
            form.responsible_user_id = self.advisor_a
            form.save()
            complaint.action_respond()
        self.assertRecordValues(complaint, [{"state": "in_progress", "validity": "pending"}])
        # the responsible advisor gets it to investigate, and sees it; not the other complaints
        investigate = complaint.activity_ids.filtered(lambda a: a.user_id == self.advisor_a)
        self.assertEqual(len(investigate), 1)
        other = self._register()
        as_advisor = complaint.with_user(self.advisor_a)
        with self.assertRaises(AccessError):
            other.with_user(self.advisor_a).read(["description"])
        with self.assertRaisesRegex(UserError, "Classification, Investigation and Cause, Solution"):
            as_advisor.action_propose_solution()
        form = Form(as_advisor)
        form.category = "time"
        form.investigation = "配件到货晚，调度没有通知服务顾问"
        form.solution = "道歉，赠送一次免费洗车"
        form.save()
        as_advisor.action_propose_solution()
        self.assertRecordValues(complaint, [{"state": "to_approve", "validity": "valid"}])
        self.assertTrue(complaint.activity_ids.filtered(lambda a: a.user_id == self.manager_a))
        with self.assertRaisesRegex(AccessError, "Only a service manager"):
            complaint.action_approve_solution()
        complaint.with_user(self.manager_a).action_approve_solution()
        self.assertRecordValues(complaint, [{"state": "approved", "solution_approved_by_id": self.manager_a.id}])
        with self.assertRaisesRegex(UserError, "Accepted By"):
            complaint.action_customer_accept()
        with freeze_time("2026-12-08 02:00:00"):
            complaint.write({"acceptance_signature": SIGNATURE, "acceptance_signed_by": "Zhang Wei"})
            complaint.action_customer_accept()
        call = complaint.call_ids
        self.assertRecordValues(call, [{
            "call_type": "complaint", "date_due": date(2026, 12, 9), "user_id": self.agent.id, "state": "open",
        }])
        # still unhappy: investigated again; then happy: closed
        call.with_user(self.agent).action_unsatisfied()
        self.assertEqual(complaint.state, "in_progress")
        complaint.action_propose_solution()
        complaint.with_user(self.manager_a).action_approve_solution()
        with freeze_time("2026-12-08 03:00:00"):
            complaint.action_customer_accept()
        with freeze_time("2026-12-09 02:00:00"):
            complaint.call_ids.filtered(lambda c: c.state == "open").with_user(self.agent).action_satisfied()
        self.assertRecordValues(complaint, [{"state": "closed", "close_breached": False}])
        self.assertEqual(str(complaint.date_closed), "2026-12-09 02:00:00")
        with self.assertRaisesRegex(UserError, "kept for the records"):
            complaint.unlink()

    def test_a_complaint_that_does_not_stand(self):
        complaint = self._register(department="reception", responsible_user_id=self.advisor_a)
        complaint.action_respond()
        with self.assertRaisesRegex(UserError, "Investigation and Cause"):
            complaint.action_reject()
        complaint.investigation = "客户自带的机油，不是本店的原因"
        complaint.action_reject()
        self.assertRecordValues(complaint, [{"state": "rejected", "validity": "invalid"}])
        self.assertTrue(complaint.date_closed)

    def test_steps_only_through_the_buttons(self):
        complaint = self._register()
        for values in ({"state": "closed"}, {"validity": "valid"}, {"response_breached": False},
                       {"date_responded": "2026-12-07 03:50:00"}, {"escalation_level": 0},
                       {"date_registered": "2026-12-07 05:00:00"}):
            with self.subTest(values=values), self.assertRaisesRegex(UserError, "own buttons"):
                complaint.write(values)
        with self.assertRaisesRegex(UserError, "own buttons"):
            self.env["dealer.csi.complaint"].with_user(self.agent).create({
                "partner_id": self.customer.id, "validity": "valid",
            })
        # registered by mistake, not answered: it may go
        complaint.unlink()

    def test_standing_complaints_reach_the_commission_inputs(self):
        def standing(when, user, company=None, channel="phone"):
            complaint = self._register(when, channel=channel)
            if company:
                complaint.company_id = company
            complaint.write({"department": "reception", "responsible_user_id": user.id, "category": "attitude",
                             "investigation": "态度不好", "solution": "道歉"})
            complaint.action_respond()
            complaint.action_propose_solution()
            return complaint

        # Beijing time decides the month: 30 Nov 23:30 is November, 31 Dec 23:30 is December
        november = standing("2026-11-30 15:30:00", self.advisor_a)
        first = standing("2026-12-01 01:00:00", self.advisor_a)
        oem = standing("2026-12-31 15:30:00", self.advisor_a, channel="oem")
        standing("2027-01-01 01:00:00", self.advisor_a)
        other_advisor = standing("2026-12-15 01:00:00", self.manager_a)
        invalid = self._register("2026-12-10 01:00:00", department="reception", responsible_user_id=self.advisor_a)
        invalid.action_respond()
        invalid.investigation = "不成立"
        invalid.action_reject()
        self._register("2026-12-11 01:00:00", department="reception", responsible_user_id=self.advisor_a)
        events = self.env["dealer.csi.complaint"]._dealer_commission_penalty_events(
            self.store_a, date(2026, 12, 1), date(2026, 12, 31),
        )
        self.assertEqual([event["complaint"] for event in events], [first, other_advisor, oem])
        self.assertEqual([event["user"] for event in events], [self.advisor_a, self.manager_a, self.advisor_a])
        self.assertEqual([event["date"] for event in events],
                         [date(2026, 12, 1), date(2026, 12, 15), date(2026, 12, 31)])
        self.assertEqual([event["oem"] for event in events], [False, False, True])
        self.assertNotIn(november, [event["complaint"] for event in events])
        self.assertFalse(self.env["dealer.csi.complaint"]._dealer_commission_penalty_events(
            self.store_b, date(2026, 12, 1), date(2026, 12, 31)))

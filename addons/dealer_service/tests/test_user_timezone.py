from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import workshop_common

# 2026-03-02 23:30 UTC is Tuesday 2026-03-03 07:30 in Beijing: the workshop's new day
# has begun in the store while it is still Monday in UTC.
NOW = "2026-03-02 23:30:00"
SHANGHAI = "Asia/Shanghai"


@tagged("post_install", "-at_install")
class TestUserTimezone(workshop_common.WorkshopCase):
    """The workshop's day is the store's day in the user's time zone, not UTC's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar.tz = SHANGHAI
        (cls.tech | cls.tech_2 | cls.body_tech).tz = SHANGHAI
        cls.advisor.tz = SHANGHAI

    @freeze_time(NOW)
    def test_overnight_vehicles_follow_the_beijing_day(self):
        # arrived 20:00 on Monday in Beijing: stayed overnight
        yesterday = self._checked_in_order(date_in="2026-03-02 12:00:00")
        # arrived 07:00 on Tuesday in Beijing (still Monday in UTC): today's car
        today = self._checked_in_order(
            vehicle=self._make_vehicle(self.store_a, "辽B20001"), date_in="2026-03-02 23:00:00",
        )
        orders = (yesterday | today).with_user(self.advisor)
        self.assertEqual(orders.mapped("is_overnight"), [True, False])
        Order = self.env["dealer.repair.order"].with_user(self.advisor)
        self.assertEqual(Order.search([("id", "in", orders.ids), ("is_overnight", "=", True)]), yesterday)
        # a user on UTC time is still on Monday: neither car is overnight for him
        self.tech_user_2.tz = "UTC"
        self.assertEqual(
            (yesterday | today).with_user(self.tech_user_2).mapped("is_overnight"), [False, False],
        )

    @freeze_time(NOW)
    def test_capacity_counts_the_jobs_of_the_beijing_day(self):
        order = self._approved_order(labour=(("Engine overhaul", 10.0, "mechanical"),))
        order.action_dispatch_jobs()
        # planned 07:00 on Tuesday in Beijing (Monday 23:00 UTC)
        order.job_ids.write({"date_planned": "2026-03-02 23:00:00", "technician_id": self.tech.id})
        Job = self.env["dealer.repair.job"].with_user(self.advisor)
        self.assertEqual(Job._dealer_free_hours(self.store_a, date(2026, 3, 3))["mechanical"],
                         {"capacity": 16.0, "booked": 10.0, "free": 6.0})
        self.assertEqual(Job._dealer_free_hours(self.store_a, date(2026, 3, 2))["mechanical"],
                         {"capacity": 16.0, "booked": 0.0, "free": 16.0})
        # the advisor's capacity table opens on the store's today
        capacity = Form(self.env["dealer.workshop.capacity"].with_user(self.advisor))
        self.assertEqual(capacity.date_from, date(2026, 3, 3))
        # a promise for 16:00 on Tuesday in Beijing is checked against Tuesday's free hours
        other = self._checked_in_order(vehicle=self._make_vehicle(self.store_a, "辽B20002"))
        self._labour(other, "Gearbox repair", 7.0)
        other = other.with_user(self.advisor)
        other.promised_date = "2026-03-03 08:00:00"
        self.assertIn("Mechanical needs 7.0 h but only 6.0 h are free", other.capacity_warning)
        self.assertIn("capacity on 2026-03-03", other.capacity_warning)
        # 06:00 on Tuesday in Beijing is Tuesday for the advisor, Monday for a client on UTC time
        other.promised_date = "2026-03-02 22:00:00"
        self.assertIn("capacity on 2026-03-03", other.capacity_warning)
        self.assertIn("capacity on 2026-03-02", other.with_context(tz="UTC").capacity_warning)

    def test_demo_store_works_on_beijing_time(self):
        dalian = self.env.ref("dealer_service.company_dalian_demo")
        logins = ["admin", "advisor", "advisor2", "technician", "qc", "workshop", "manager", "accountant"]
        users = self.env["res.users"].search([("login", "in", logins)])
        self.assertEqual(sorted(users.mapped("login")), sorted(logins))
        self.assertEqual(set(users.mapped("tz")), {SHANGHAI})
        for store in dalian | self.env.ref("base.main_company"):
            self.assertEqual(store.resource_calendar_id.tz, SHANGHAI, store.name)
        technicians = self.env["hr.employee"].search([("company_id", "=", dalian.id), ("dealer_trade", "!=", False)])
        self.assertEqual(len(technicians), 10)
        self.assertEqual(set(technicians.mapped("tz")), {SHANGHAI})

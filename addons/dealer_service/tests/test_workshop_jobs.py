from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestWorkshopJobs(workshop_common.WorkshopCase):

    def test_dispatch_makes_one_job_per_labour_line(self):
        order = self._approved_order(labour=(
            ("Brake pads front", 1.5, "mechanical"), ("Door panel repair", 3.0, "body"),
        ))
        self.env["dealer.repair.order.line"].create({
            "order_id": order.id, "line_type": "part", "name": "Brake pad set", "quantity": 1, "price_unit": 300,
        })
        order.with_user(self.advisor).action_dispatch_jobs()
        self.assertEqual(order.job_count, 2)
        self.assertRecordValues(order.job_ids.sorted("standard_hours"), [
            {"name": "Brake pads front", "trade": "mechanical", "standard_hours": 1.5, "state": "pending"},
            {"name": "Door panel repair", "trade": "body", "standard_hours": 3.0, "state": "pending"},
        ])
        with self.assertRaisesRegex(UserError, "nothing to dispatch"):
            order.action_dispatch_jobs()

    def test_dispatch_needs_an_approved_order(self):
        order = self._checked_in_order()
        self._labour(order, "Oil change", 0.5)
        with self.assertRaisesRegex(UserError, "Dispatching jobs is not possible"):
            order.action_dispatch_jobs()

    def test_technician_clocks_his_job_actual_vs_standard(self):
        order = self._approved_order()
        order.action_dispatch_jobs()
        job = order.job_ids
        job.write({"technician_id": self.tech.id, "bay_id": self.bay.id})
        with freeze_time("2026-11-23 09:00:00"):
            job.with_user(self.tech_user).action_clock_on()
        self.assertEqual(order.state, "in_progress", "the first clock-on starts the repair")
        self.assertEqual(job.state, "in_progress")
        self.assertEqual(job.time_ids.employee_id, self.tech)
        with freeze_time("2026-11-23 10:15:00"):
            job.with_user(self.tech_user).action_clock_off()
        self.assertEqual(job.state, "paused")
        with freeze_time("2026-11-23 13:00:00"):
            job.with_user(self.tech_user).action_clock_on()
        with freeze_time("2026-11-23 13:30:00"):
            job.with_user(self.tech_user).action_done()
        self.assertRecordValues(job, [{
            "state": "done", "standard_hours": 1.5, "actual_hours": 1.75,
            "date_done": datetime(2026, 11, 23, 13, 30),
        }])
        self.assertAlmostEqual(job.efficiency, 100 * 1.5 / 1.75, places=2)
        self.assertEqual(len(job.time_ids), 2)

    def test_technician_cannot_clock_someone_elses_job(self):
        order = self._approved_order()
        order.action_dispatch_jobs()
        job = order.job_ids
        job.technician_id = self.body_tech
        job.team_id = False
        with self.assertRaisesRegex(AccessError, "not dispatched to you"):
            job.with_user(self.tech_user).action_clock_on()
        self.assertEqual(order.state, "approved")
        self.assertFalse(job.time_ids)
        # a technician cannot forge a time log for a colleague either
        with self.assertRaises(AccessError):
            self.env["dealer.repair.job.time"].with_user(self.tech_user).create({
                "job_id": job.id, "employee_id": self.body_tech.id,
            })
        # the workshop manager clocks on for the dispatched technician
        job.with_user(self.workshop_manager).action_clock_on()
        self.assertEqual(job.time_ids.employee_id, self.body_tech)

    def test_team_member_clocks_a_team_job(self):
        order = self._approved_order()
        order.action_dispatch_jobs()
        job = order.job_ids
        job.write({"team_id": self.team.id, "technician_id": self.tech.id})
        job.with_user(self.tech_user_2).action_clock_on()
        self.assertEqual(job.time_ids.employee_id, self.tech_2)

    def test_added_work_cannot_start_before_approval(self):
        order = self._approved_order()
        added = self._labour(order, "Replace brake disc (found in workshop)", 2.0)
        self.assertTrue(added.is_added_work)
        self.assertEqual(added.approval_state, "pending")
        order.action_dispatch_jobs()
        job = order.job_ids.filtered(lambda j: j.line_id == added)
        job.technician_id = self.tech
        with self.assertRaisesRegex(UserError, "no customer approval yet"):
            job.with_user(self.tech_user).action_clock_on()
        self.assertEqual(job.state, "pending")
        self.assertEqual(order.state, "approved")
        added.with_user(self.advisor).action_decline()
        with self.assertRaisesRegex(UserError, "no customer approval yet"):
            job.with_user(self.tech_user).action_clock_on()

    def test_added_work_starts_after_phone_approval(self):
        order = self._approved_order()
        added = self._labour(order, "Replace brake disc", 2.0)
        order.action_dispatch_jobs()
        job = order.job_ids.filtered(lambda j: j.line_id == added)
        job.technician_id = self.tech
        added.with_user(self.advisor).action_approve_by_phone()
        job.with_user(self.tech_user).action_clock_on()
        self.assertEqual(job.state, "in_progress")
        self.assertEqual(order.state, "in_progress")

    def test_job_of_order_not_approved_cannot_start(self):
        order = self._checked_in_order()
        line = self._labour(order, "Brake pads front", 1.5)
        # planned ahead by the workshop manager while the customer has not approved yet
        job = self.env["dealer.repair.job"].with_user(self.workshop_manager).create({
            "order_id": order.id, "line_id": line.id, "name": line.name, "technician_id": self.tech.id,
        })
        with self.assertRaisesRegex(UserError, "not approved for repair"):
            job.with_user(self.tech_user).action_clock_on()

    def test_negative_standard_hours_refused(self):
        order = self._approved_order()
        order.action_dispatch_jobs()
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            order.job_ids.standard_hours = -1

    def test_technician_cannot_dispatch_or_delete_jobs(self):
        order = self._approved_order()
        with self.assertRaises(AccessError):
            self.env["dealer.repair.job"].with_user(self.tech_user).create({
                "order_id": order.id, "name": "Sneaky job",
            })
        order.action_dispatch_jobs()
        with self.assertRaises(AccessError):
            order.job_ids.with_user(self.tech_user).unlink()


@tagged("post_install", "-at_install")
class TestWorkshopCapacity(workshop_common.WorkshopCase):
    """Monday 2026-11-23: 2 mechanical technicians and 1 body technician, 8 h each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only this test's workshop: other technicians and open jobs of the store (demo data) are set aside
        ours = cls.tech | cls.tech_2 | cls.body_tech
        cls.env["hr.employee"].search([
            ("company_id", "=", cls.store_a.id), ("dealer_trade", "!=", False), ("id", "not in", ours.ids),
        ]).write({"active": False})
        cls.env["dealer.repair.job"].search([("company_id", "=", cls.store_a.id)]).write({"state": "cancel"})

    def test_free_hours_per_trade(self):
        free = self.env["dealer.repair.job"]._dealer_free_hours(self.store_a, date(2026, 11, 23))
        self.assertEqual(free["mechanical"], {"capacity": 16.0, "booked": 0.0, "free": 16.0})
        self.assertEqual(free["body"], {"capacity": 8.0, "booked": 0.0, "free": 8.0})
        self.assertEqual(free["paint"]["capacity"], 0.0)
        # Sunday: nobody works
        sunday = self.env["dealer.repair.job"]._dealer_free_hours(self.store_a, date(2026, 11, 22))
        self.assertEqual(sunday["mechanical"]["capacity"], 0.0)

    def test_booked_jobs_reduce_free_hours(self):
        order = self._approved_order(labour=(("Engine overhaul", 10.0, "mechanical"),))
        order.action_dispatch_jobs()
        order.job_ids.write({"date_planned": "2026-11-23 08:00:00", "technician_id": self.tech.id})
        free = self.env["dealer.repair.job"]._dealer_free_hours(self.store_a, date(2026, 11, 23))
        self.assertEqual(free["mechanical"], {"capacity": 16.0, "booked": 10.0, "free": 6.0})
        # another store's technicians and jobs do not count
        free_b = self.env["dealer.repair.job"]._dealer_free_hours(self.store_b, date(2026, 11, 23))
        self.assertEqual(free_b["mechanical"]["capacity"], 0.0)

    def test_cancelled_order_frees_the_workshop_capacity(self):
        order = self._approved_order(labour=(
            ("Engine overhaul", 10.0, "mechanical"), ("Wheel alignment", 1.0, "mechanical"),
        ))
        order.action_dispatch_jobs()
        order.job_ids.write({"date_planned": "2026-11-23 08:00:00", "technician_id": self.tech.id})
        overhaul, alignment = order.job_ids
        # the alignment was started and paused: its clocked hour stays in the labour history
        alignment.with_user(self.tech_user).action_clock_on()
        alignment.with_user(self.tech_user).action_clock_off()
        Job = self.env["dealer.repair.job"]
        self.assertEqual(Job._dealer_free_hours(self.store_a, date(2026, 11, 23))["mechanical"]["free"],
                         16.0 - 10.0 - max(1.0 - alignment.actual_hours, 0.0))
        order.with_user(self.advisor).action_cancel()
        self.assertRecordValues(overhaul | alignment, [{"state": "cancel"}, {"state": "cancel"}])
        self.assertEqual(len(alignment.time_ids), 1)
        self.assertEqual(Job._dealer_free_hours(self.store_a, date(2026, 11, 23))["mechanical"],
                         {"capacity": 16.0, "booked": 0.0, "free": 16.0})

    def test_order_not_cancelled_while_a_technician_is_clocked_on(self):
        order = self._approved_order()
        order.action_dispatch_jobs()
        job = order.job_ids
        job.technician_id = self.tech
        job.with_user(self.tech_user).action_clock_on()
        with self.assertRaisesRegex(UserError, "clocked on jobs Brake pads front"):
            order.with_user(self.advisor).action_cancel()
        self.assertEqual(order.state, "in_progress")
        self.assertEqual(job.state, "in_progress")

    def test_promise_beyond_capacity_warns_without_blocking(self):
        booked = self._approved_order(labour=(("Engine overhaul", 10.0, "mechanical"),))
        booked.action_dispatch_jobs()
        booked.job_ids.write({"date_planned": "2026-11-23 08:00:00"})
        vehicle = self._make_vehicle(self.store_a, "京A77777")
        order = self._checked_in_order(vehicle=vehicle)
        self._labour(order, "Gearbox repair", 7.0)
        order.with_user(self.advisor).promised_date = "2026-11-23 16:00:00"
        order = order.with_user(self.advisor)
        self.assertIn("Mechanical 6.0 h", order.free_hours_summary)
        self.assertIn("beyond the workshop's capacity", order.capacity_warning)
        self.assertIn("Mechanical needs 7.0 h but only 6.0 h are free", order.capacity_warning)
        self.assertEqual(order.promised_date, datetime(2026, 11, 23, 16, 0), "the promise is kept")
        onchange = order._onchange_promised_date_capacity()
        self.assertEqual(onchange["warning"]["message"], order.capacity_warning)
        # a day with room: no warning
        order.promised_date = "2026-11-24 16:00:00"
        self.assertFalse(order.capacity_warning)
        self.assertIn("Mechanical 16.0 h", order.free_hours_summary)

    def test_capacity_table_for_the_advisor(self):
        order = self._approved_order(labour=(("Engine overhaul", 10.0, "mechanical"),))
        order.action_dispatch_jobs()
        order.job_ids.write({"date_planned": "2026-11-23 08:00:00"})
        table = self.env["dealer.workshop.capacity"]._dealer_free_hours_table(self.store_a, date(2026, 11, 22), 3)
        self.assertEqual(
            {day.isoformat(): (hours["mechanical"], hours["body"]) for day, hours in table.items()},
            {"2026-11-22": (0.0, 0.0), "2026-11-23": (6.0, 8.0), "2026-11-24": (16.0, 8.0)},
        )
        order.promised_date = "2026-11-23 16:00:00"
        action = order.with_user(self.advisor).action_view_workshop_capacity()
        wizard = self.env["dealer.workshop.capacity"].with_user(self.advisor).with_context(action["context"]).create({})
        self.assertEqual(str(wizard.date_from), "2026-11-23")
        self.assertIn("<th>Mechanical</th>", wizard.table)
        self.assertIn(">6.0</td>", wizard.table)

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.sealed import unsealed
from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestCommissionSelfService(workshop_common.WorkshopCase):
    """A technician reads only his own commission and the documents behind it, and sees on an
    open job what it will pay him under this month's rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the test technicians have exactly the demo technician's groups
        demo_groups = cls.env.ref("dealer_service.user_technician_demo").group_ids
        (cls.tech_user | cls.tech_user_2).group_ids = demo_groups
        technicians = cls.env.ref("dealer_hr_commission.commission_group_technicians")
        (cls.tech | cls.tech_2).write({"dealer_commission_group_id": technicians.id,
                                       "dealer_commission_coefficient": 1})
        cls.officer = cls._make_user("ss_officer", "dealer_hr_commission.dealer_hr_commission_group_officer")

    def _history(self, job, employee, start, stop):
        """Time the technician clocked earlier (the history of the month)."""
        with unsealed(self.env):
            self.env["dealer.repair.job.time"].create(
                {"job_id": job.id, "employee_id": employee.id, "date_start": start, "date_stop": stop})

    @freeze_time("2026-11-20 10:00:00")
    def test_open_job_shows_what_it_pays(self):
        earlier = self._approved_order(labour=(("Engine overhaul", 100.0, "mechanical"),))
        earlier.action_dispatch_jobs()
        self._history(earlier.job_ids, self.tech, "2026-10-28 00:00:00", "2026-10-30 00:00:00")  # 48 h in October
        self._history(earlier.job_ids, self.tech, "2026-11-02 00:00:00", "2026-11-05 23:00:00")  # 95 h
        self._history(earlier.job_ids, self.tech_2, "2026-11-02 00:00:00", "2026-11-22 00:00:00")  # 480 h
        earlier.job_ids.technician_id = self.tech
        with freeze_time("2026-11-20 08:00:00"):
            earlier.job_ids.with_user(self.tech_user).action_clock_on()
        with freeze_time("2026-11-20 09:00:00"):
            earlier.job_ids.with_user(self.tech_user).action_clock_off()
            earlier.job_ids.with_user(self.tech_user).action_done()
        order = self._approved_order(labour=(("Timing belt", 8.0, "mechanical"), ("Clutch", 30.0, "mechanical")))
        order.action_dispatch_jobs()
        belt, clutch = order.job_ids.sorted("standard_hours")
        belt.technician_id = self.tech
        clutch.technician_id = self.tech_2

        # Ma Tech: 95 h + 1 h clocked today + the job's 8 h = 104 h (not October's 48 h), in the 100-500 h band:
        # 8 h x 2.2 = 17.60
        with Form(belt.with_user(self.tech_user)) as form:
            self.assertEqual((form.dealer_commission_month_hours, form.dealer_commission_rate,
                              form.dealer_commission_amount), (104.0, 2.2, 17.6))
        # Niu Tech: 480 h + 30 h = 510 h, in the 500-700 h band: 30 h x 2.4 = 72.00
        self.assertRecordValues(clutch.with_user(self.tech_user_2), [{
            "dealer_commission_month_hours": 510.0, "dealer_commission_rate": 2.4, "dealer_commission_amount": 72.0}])
        # a job list computes every job's commission at once: 1 job or 3, the same queries
        counts = []
        for jobs in (belt, belt, belt | earlier.job_ids | belt.copy({"name": "Spark plugs"})):
            jobs = jobs.with_user(self.tech_user)
            jobs.invalidate_recordset()
            before = self.env.cr.sql_log_count
            jobs.mapped("dealer_commission_amount")
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2])
        # in his trial period a technician earns nothing; a finished job shows nothing either
        self.tech.sudo().dealer_commission_trial_until = "2026-11-30"
        belt.invalidate_recordset()
        self.assertEqual(belt.with_user(self.tech_user).dealer_commission_amount, 0.0)
        self.assertEqual(earlier.job_ids.with_user(self.tech_user).dealer_commission_amount, 0.0)

    def test_technician_reads_only_his_own_commission(self):
        order = self._approved_order()
        other = self._approved_order()
        sheet = self.env["dealer.commission.sheet"].with_user(self.officer).create({"date_from": "2026-10-01"})
        Measure = self.env["dealer.commission.measure"].with_user(self.officer)
        mine, theirs = Measure.create([
            {"sheet_id": sheet.id, "employee_id": self.tech.id, "code": "hours_mechanical", "value": 520,
             "repair_order_ids": order.ids},
            {"sheet_id": sheet.id, "employee_id": self.tech_2.id, "code": "hours_mechanical", "value": 380,
             "repair_order_ids": other.ids}])
        sheet.with_user(self.officer).action_compute()
        my_line = sheet.line_ids.filtered(lambda line: line.employee_id == self.tech)
        their_line = sheet.line_ids - my_line
        self.assertAlmostEqual(my_line.amount, 1185.6)  # 520 h x 2.4 = 1,248 less 5 % fund

        env = self.env(user=self.tech_user)
        self.assertEqual(env["dealer.commission.sheet.line"].search([]), my_line)
        self.assertEqual(env["dealer.commission.sheet.item"].search([]).line_id, my_line)
        self.assertEqual(env["dealer.commission.measure"].search([]), mine)
        self.assertEqual(env["dealer.commission.sheet"].search([]), sheet)
        self.assertEqual(my_line.with_env(env).read(["amount"])[0]["amount"], 1185.6)
        # the documents behind his figure
        self.assertEqual(mine.with_env(env).repair_order_ids.read(["name"])[0]["name"], order.name)
        for record in (their_line, their_line.item_ids[:1], theirs):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_env(env).read(["display_name"])
        with self.assertRaises(AccessError):
            my_line.with_env(env).write({"coefficient": 2, "coefficient_reason": "me"})

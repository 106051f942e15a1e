from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.sealed import unsealed
from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestTimeLogEvidence(workshop_common.WorkshopCase):
    """Clocked time is evidence: technicians clock through the job's buttons only, a workshop
    manager corrects with a reason (tracked on the job), an invoiced order's logs are locked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service_manager = cls._make_user("ws_service_manager", "dealer_service.dealer_service_group_manager")

    def setUp(self):
        super().setUp()
        self.order = self._approved_order(labour=(("Brake pads front", 1.5, "mechanical"),
                                                  ("Door panel repair", 3.0, "body")))
        self.order.action_dispatch_jobs()
        self.brake_job = self.order.job_ids.filtered(lambda job: job.trade == "mechanical")
        self.door_job = self.order.job_ids.filtered(lambda job: job.trade == "body")
        self.brake_job.technician_id = self.tech
        self.door_job.technician_id = self.body_tech

    def _clock(self, job, user, start, stop):
        with freeze_time(start):
            job.with_user(user).action_clock_on()
        with freeze_time(stop):
            job.with_user(user).action_clock_off()
        return job.time_ids.sorted("date_start")[-1]

    def _correct(self, log=None, job=None, user=None, now="2025-03-10 18:00:00", **values):
        """Run the correction wizard as a workshop manager, through its form."""
        job = job or log.job_id
        action = log.action_open_correction() if log else job.action_open_time_correction()
        with freeze_time(now):
            wizard = Form(self.env[action["res_model"]].with_user(user or self.workshop_manager)
                          .with_context(action["context"]))
            for fname, value in values.items():
                setattr(wizard, fname, value)
            return wizard.save().action_apply()

    def test_technician_cannot_edit_a_time_log(self):
        log = self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 10:30:00")
        self.assertEqual(log.hours, 1.5)
        Log = self.env["dealer.repair.job.time"]
        # plain RPC-style writes, as the technician, then as the workshop manager: both go through buttons
        for user in (self.tech_user, self.workshop_manager):
            for vals in ({"date_start": "2025-03-10 08:00:00"}, {"date_stop": "2025-03-10 17:00:00"},
                         {"employee_id": self.tech_2.id}, {"job_id": self.door_job.id}):
                with self.subTest(user=user.login, vals=vals), self.assertRaisesRegex(AccessError, "evidence"):
                    log.with_user(user).write(vals)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Log.with_user(user).create({
                    "job_id": self.brake_job.id, "employee_id": self.tech.id,
                    "date_start": "2025-03-10 11:00:00", "date_stop": "2025-03-10 15:00:00",
                })
        with self.assertRaises(AccessError):
            log.with_user(self.tech_user).unlink()
        with self.assertRaisesRegex(UserError, "clocked on the job and cannot be deleted"):
            log.with_user(self.workshop_manager).unlink()
        log.invalidate_recordset()
        self.assertRecordValues(log, [{
            "date_start": datetime(2025, 3, 10, 9, 0), "date_stop": datetime(2025, 3, 10, 10, 30),
            "employee_id": self.tech.id, "hours": 1.5, "corrected_on": False,
        }])
        self.assertEqual(self.brake_job.actual_hours, 1.5)

    def test_time_log_is_readonly_in_the_forms(self):
        log = self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 10:30:00")
        job_form = Form(self.brake_job.with_user(self.tech_user))
        with self.assertRaisesRegex(AssertionError, "not editable"):
            job_form.time_ids.edit(0)
        log_form = Form(log.with_user(self.tech_user))
        for fname, value in (("date_start", "2025-03-10 08:00:00"), ("date_stop", "2025-03-10 17:00:00"),
                             ("employee_id", self.tech_2)):
            with self.subTest(field=fname), self.assertRaisesRegex(AssertionError, "readonly field"):
                setattr(log_form, fname, value)
        # the technician has no correction form either
        with self.assertRaises(AccessError):
            self.env["dealer.repair.job.time.correct"].with_user(self.tech_user).create({
                "job_id": self.brake_job.id, "time_id": log.id, "reason": "I worked longer",
                "date_start": "2025-03-10 08:00:00", "date_stop": "2025-03-10 17:00:00",
            })

    def test_workshop_manager_corrects_with_a_reason(self):
        log = self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 12:00:00")
        self.assertEqual(self.brake_job.actual_hours, 3.0)
        # he forgot to clock off for lunch at 10:30
        self._correct(log, date_stop=datetime(2025, 3, 10, 10, 30), reason="Forgot to clock off for lunch")
        self.assertRecordValues(log, [{
            "date_start": datetime(2025, 3, 10, 9, 0), "date_stop": datetime(2025, 3, 10, 10, 30), "hours": 1.5,
            "original_date_start": datetime(2025, 3, 10, 9, 0), "original_date_stop": datetime(2025, 3, 10, 12, 0),
            "corrected_by_id": self.workshop_manager.id, "corrected_on": datetime(2025, 3, 10, 18, 0),
            "correction_reason": "Forgot to clock off for lunch", "is_manual": False,
        }])
        self.assertRecordValues(self.brake_job, [{"actual_hours": 1.5, "efficiency": 100.0}])
        message = self.brake_job.message_ids[0]
        self.assertIn("Forgot to clock off for lunch", message.body)
        self.assertIn("Ma Tech", message.body)
        self.assertEqual(message.author_id, self.workshop_manager.partner_id)
        self.assertRecordValues(message.tracking_value_ids, [{
            "field_id": self.env["ir.model.fields"]._get("dealer.repair.job.time", "date_stop").id,
            "old_value_datetime": datetime(2025, 3, 10, 12, 0), "new_value_datetime": datetime(2025, 3, 10, 10, 30),
        }])
        # the chatter shows it as the log's field, old and new
        [shown] = message.tracking_value_ids._tracking_value_format()
        self.assertEqual(shown["fieldInfo"]["changedField"], "Clocked Off")
        # a second correction keeps the times first clocked
        self._correct(log, date_start=datetime(2025, 3, 10, 8, 45), reason="Started before clocking on")
        self.assertRecordValues(log, [{
            "hours": 1.75, "original_date_start": datetime(2025, 3, 10, 9, 0),
            "original_date_stop": datetime(2025, 3, 10, 12, 0), "correction_reason": "Started before clocking on",
        }])
        self.assertEqual(len(self.brake_job.message_ids.tracking_value_ids), 2)

    def test_correction_without_reason_is_refused(self):
        log = self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 12:00:00")
        messages = self.brake_job.message_ids
        with self.assertRaisesRegex(AssertionError, "reason is a required field"):
            self._correct(log, date_stop=datetime(2025, 3, 10, 10, 30))
        # the form's required flag is manners: the server refuses too, also a blank reason
        for reason in (False, "   "):
            wizard = self.env["dealer.repair.job.time.correct"].with_user(self.workshop_manager).create({
                "job_id": self.brake_job.id, "time_id": log.id, "date_stop": "2025-03-10 10:30:00", "reason": reason,
            })
            with self.subTest(reason=reason), self.assertRaisesRegex(UserError, "Give the reason"):
                wizard.action_apply()
        self.assertEqual(log.date_stop, datetime(2025, 3, 10, 12, 0))
        self.assertEqual(self.brake_job.message_ids, messages)
        # no correction in the future
        with self.assertRaisesRegex(UserError, "cannot lie in the future"):
            self._correct(log, date_stop=datetime(2025, 3, 10, 19, 0), reason="Worked late")

    def test_workshop_manager_adds_and_removes_time_by_hand(self):
        # the body technician has no login: his time is entered by the workshop manager
        self._correct(job=self.door_job, employee_id=self.body_tech, date_start=datetime(2025, 3, 10, 13, 0),
                      date_stop=datetime(2025, 3, 10, 16, 0), reason="Clock terminal was down")
        log = self.door_job.time_ids
        self.assertRecordValues(log, [{
            "employee_id": self.body_tech.id, "hours": 3.0, "is_manual": True, "trade": "body",
            "order_id": self.order.id, "original_date_start": False, "correction_reason": "Clock terminal was down",
        }])
        self.assertIn("Clock terminal was down", self.door_job.message_ids[0].body)
        self.assertEqual(len(self.door_job.message_ids[0].tracking_value_ids), 3)
        # a log entered by hand is removed with a reason, never deleted directly
        with self.assertRaisesRegex(AccessError, "evidence"):
            log.with_user(self.workshop_manager).unlink()
        self._correct(log, operation="remove", reason="Entered on the wrong job")
        self.assertFalse(log.exists())
        self.assertEqual(self.door_job.actual_hours, 0.0)
        self.assertIn("Entered on the wrong job", self.door_job.message_ids[0].body)
        # a clocked log is corrected, never removed
        clocked = self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 10:00:00")
        with self.assertRaisesRegex(UserError, "correct its times instead"):
            self._correct(clocked, operation="remove", reason="Not needed")
        self.assertTrue(clocked.exists())

    def test_correction_closes_an_open_clock(self):
        with freeze_time("2025-03-10 09:00:00"):
            self.brake_job.with_user(self.tech_user).action_clock_on()
        log = self.brake_job.time_ids
        self._correct(log, date_stop=datetime(2025, 3, 10, 11, 0), reason="Went home without clocking off")
        self.assertRecordValues(self.brake_job, [{"state": "paused", "actual_hours": 2.0, "is_clocked_on": False}])

    def test_invoiced_order_locks_its_time_even_for_managers(self):
        log = self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 10:30:00")
        self._clock(self.door_job, self.workshop_manager, "2025-03-10 09:00:00", "2025-03-10 11:00:00")
        with freeze_time("2025-03-10 12:00:00"):
            self.brake_job.with_user(self.tech_user).action_clock_on()
        with freeze_time("2025-03-10 12:30:00"):
            self.brake_job.with_user(self.tech_user).action_done()
            self.door_job.with_user(self.workshop_manager).action_done()
        self.order.with_user(self.advisor).action_request_quality_check()
        self.env["dealer.quality.check"].with_user(self.qc_user).create({
            "order_id": self.order.id, "level": "final", "result": "passed",
        })
        self.order.with_user(self.advisor).action_mark_ready()
        self.order.with_user(self.advisor).write({
            "delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
            "delivery_old_parts": True,
        })
        self.order.with_user(self.advisor).action_deliver()
        self.order.with_user(self.advisor).action_create_invoices()
        self.assertEqual(self.order.state, "invoiced")
        self.assertEqual(self.brake_job.actual_hours, 2.0)
        for user in (self.workshop_manager, self.service_manager):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "locked"):
                self._correct(log, user=user, date_stop=datetime(2025, 3, 10, 10, 0), reason="Too long")
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "locked"):
                self._correct(job=self.brake_job, user=user, employee_id=self.tech,
                              date_start=datetime(2025, 3, 10, 14, 0), date_stop=datetime(2025, 3, 10, 15, 0),
                              reason="Forgot")
        # not even an action method writes them any more
        with unsealed(self.env), self.assertRaisesRegex(UserError, "locked"):
            log.with_user(self.service_manager).write({"date_stop": "2025-03-10 10:00:00"})
        self.assertEqual(log.hours, 1.5)

    def test_hours_per_technician_and_trade(self):
        self._clock(self.brake_job, self.tech_user, "2025-03-10 09:00:00", "2025-03-10 10:30:00")
        self._clock(self.brake_job, self.tech_user, "2025-03-10 13:00:00", "2025-03-10 13:45:00")
        self.brake_job.team_id = self.team
        self._clock(self.brake_job, self.tech_user_2, "2025-03-10 13:00:00", "2025-03-10 14:00:00")
        self._correct(job=self.door_job, employee_id=self.body_tech, date_start=datetime(2025, 3, 10, 9, 0),
                      date_stop=datetime(2025, 3, 10, 12, 0), reason="No login yet")
        # an open clock counts nothing yet
        with freeze_time("2025-03-10 15:00:00"):
            self.brake_job.with_user(self.tech_user).action_clock_on()
        Log = self.env["dealer.repair.job.time"]
        ours = [("order_id", "=", self.order.id)]
        expected = {(self.tech, "mechanical"): 2.25, (self.tech_2, "mechanical"): 1.0, (self.body_tech, "body"): 3.0}
        for user in (self.workshop_manager, self.service_manager, self.advisor):
            with self.subTest(user=user.login):
                self.assertEqual(Log.with_user(user)._dealer_hours_by(domain=ours), expected)
        self.assertEqual(Log._dealer_hours_by(["job_id"], ours), {(self.brake_job,): 3.25, (self.door_job,): 3.0})
        self.assertEqual(Log._dealer_hours_by(["trade"], ours), {("mechanical",): 3.25, ("body",): 3.0})
        # a technician reads his own time and that of his jobs, not his colleagues' elsewhere
        self.assertEqual(Log.with_user(self.tech_user)._dealer_hours_by(domain=ours), {
            (self.tech, "mechanical"): 2.25, (self.tech_2, "mechanical"): 1.0,
        })
        self.assertEqual(Log.with_user(self.tech_user_2)._dealer_hours_by(domain=ours), {
            (self.tech, "mechanical"): 2.25, (self.tech_2, "mechanical"): 1.0,
        })
        self.brake_job.team_id = False
        self.assertEqual(Log.with_user(self.tech_user_2)._dealer_hours_by(domain=ours), {
            (self.tech_2, "mechanical"): 1.0,
        })
        with self.assertRaises(AccessError):
            self.door_job.time_ids.with_user(self.tech_user).read(["hours"])
        # the clocked hours beside the standard hours of each job
        self.assertRecordValues(self.brake_job | self.door_job, [
            {"standard_hours": 1.5, "actual_hours": 3.25}, {"standard_hours": 3.0, "actual_hours": 3.0},
        ])

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestQualityCheck(workshop_common.WorkshopCase):

    def _order_in_quality_check(self):
        order = self._approved_order()
        order.action_dispatch_jobs()
        job = order.job_ids
        job.technician_id = self.tech
        job.with_user(self.tech_user).action_clock_on()
        job.with_user(self.tech_user).action_done()
        order.with_user(self.advisor).action_request_quality_check()
        return order, job

    def _sign(self, user, order, level, result="passed", job=None, **values):
        return self.env["dealer.quality.check"].with_user(user).create({
            "order_id": order.id, "job_id": job.id if job else False, "level": level, "result": result, **values,
        })

    def test_three_levels_signed_with_user_and_time(self):
        order, job = self._order_in_quality_check()
        with freeze_time("2026-11-23 15:00:00"):
            self_check = self._sign(self.tech_user, order, "self", job=job)
            patrol = self._sign(self.qc_user, order, "patrol", job=job)
            final = self._sign(self.qc_user, order, "final", user_id=self.tech_user.id)
        self.assertRecordValues(self_check | patrol | final, [
            {"level": "self", "user_id": self.tech_user.id, "date": self_check.date},
            {"level": "patrol", "user_id": self.qc_user.id, "date": patrol.date},
            {"level": "final", "user_id": self.qc_user.id, "date": final.date},
        ])
        self.assertEqual(str(final.date), "2026-11-23 15:00:00")
        self.assertTrue(order.final_inspection_passed)
        order.with_user(self.advisor).action_mark_ready()
        self.assertEqual(order.state, "ready")

    def test_technician_cannot_sign_final_inspection_or_patrol(self):
        order, job = self._order_in_quality_check()
        with self.assertRaisesRegex(AccessError, "Only a QC inspector can sign a Final Inspection"):
            self._sign(self.tech_user, order, "final")
        with self.assertRaisesRegex(AccessError, "Only a QC inspector can sign a Patrol Check"):
            self._sign(self.tech_user, order, "patrol", job=job)
        self.assertFalse(order.quality_check_ids)
        # a signed check cannot be altered by its signer
        check = self._sign(self.qc_user, order, "final")
        with self.assertRaises(AccessError):
            check.with_user(self.qc_user).write({"result": "failed"})

    def test_ready_needs_a_passed_final_inspection(self):
        order, job = self._order_in_quality_check()
        self._sign(self.tech_user, order, "self", job=job)
        with self.assertRaisesRegex(UserError, "must sign a passed final inspection"):
            order.with_user(self.advisor).action_mark_ready()
        self.assertEqual(order.state, "quality_check")

    def test_failed_check_sends_the_job_back_as_rework(self):
        order, job = self._order_in_quality_check()
        self._sign(self.qc_user, order, "final", result="failed", job=job, note="Pads squeal")
        self.assertEqual(order.state, "in_progress", "a failed check sends the order back to the workshop")
        self.assertRecordValues(job, [{"state": "pending", "rework_count": 1}])
        self.assertEqual(order.rework_count, 1)
        self.assertFalse(order.final_inspection_passed)
        self.assertIn("sent back for rework", order.message_ids[0].body)
        # the job is redone, checked again and passes
        job.with_user(self.tech_user).action_clock_on()
        job.with_user(self.tech_user).action_done()
        order.action_request_quality_check()
        self._sign(self.qc_user, order, "final")
        order.action_mark_ready()
        self.assertEqual(order.state, "ready")
        self.assertEqual(order.rework_count, 1)

    def test_failed_check_must_name_the_job(self):
        order, _job = self._order_in_quality_check()
        with self.assertRaisesRegex(UserError, "Choose the job"):
            self._sign(self.qc_user, order, "patrol", result="failed")
        self.assertEqual(order.state, "quality_check")

    def test_final_cannot_pass_with_open_jobs(self):
        order = self._approved_order(labour=(("Brakes", 1.0, "mechanical"), ("Alignment", 0.5, "mechanical")))
        order.action_dispatch_jobs()
        first, _second = order.job_ids.sorted("id")
        first.technician_id = self.tech
        first.with_user(self.tech_user).action_clock_on()
        with self.assertRaisesRegex(UserError, "cannot pass while jobs"):
            self._sign(self.qc_user, order, "final")

    def test_checks_only_during_repair(self):
        order = self._approved_order()
        with self.assertRaisesRegex(UserError, "not being repaired or checked"):
            self._sign(self.qc_user, order, "final")

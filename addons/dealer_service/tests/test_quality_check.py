from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestQualityCheck(workshop_common.WorkshopCase):

    def _order_in_quality_check(self):
        return self._order_in_quality_check_for(self.vehicle_a)

    def _order_in_quality_check_for(self, vehicle):
        order = self._approved_order(vehicle=vehicle)
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

    def _signing_form(self, user, order):
        """The Sign Quality Check dialog of the order form, as ``user`` (what the web client opens)."""
        action = order.with_user(user).action_new_quality_check()
        return Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))

    def test_sign_quality_check_offers_each_role_its_levels(self):
        order, job = self._order_in_quality_check()
        # the technician signs his self-check: the only level offered, saved without an access error
        form = self._signing_form(self.tech_user, order)
        self.assertEqual([value for value, _label in form._view["fields"]["level"]["selection"]], ["self"])
        self.assertEqual(form.level, "self")
        form.job_id = job
        form.note = "Pads and discs checked, torque OK"
        self_check = form.save()
        self.assertRecordValues(self_check, [{"level": "self", "result": "passed", "user_id": self.tech_user.id}])
        # the QC inspector signs the patrol check and the final inspection, not the self-check
        form = self._signing_form(self.qc_user, order)
        self.assertEqual([value for value, _label in form._view["fields"]["level"]["selection"]],
                         ["patrol", "final"])
        self.assertEqual(form.level, "final")
        final = form.save()
        self.assertRecordValues(final, [{"level": "final", "result": "passed", "user_id": self.qc_user.id}])
        self.assertTrue(order.final_inspection_passed)
        # while the vehicle is still being repaired the inspector's form opens on a patrol check
        order2, job2 = self._order_in_quality_check_for(self._make_vehicle(self.store_a, "京A66666"))
        order2.with_user(self.advisor)._action_back_to_repair()
        form = self._signing_form(self.qc_user, order2)
        self.assertEqual(form.level, "patrol")
        form.job_id = job2
        form.result = "failed"
        form.note = "Caliper bolt loose"
        form.save()
        self.assertEqual(job2.state, "pending")
        # the list of signed checks still names every level
        self.assertEqual(self_check.display_name, f"{order.name}: Technician Self-Check (Passed)")

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

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestAppointment(workshop_common.WorkshopCase):

    def _appointment(self, user=None, **values):
        return self.env["dealer.appointment"].with_user(user or self.advisor).create({
            "source": "phone",
            "partner_id": self.customer.id,
            "vehicle_id": self.vehicle_a.id,
            "date_start": "2026-11-24 09:00:00",
            "duration": 1.5,
            "requested_work": "10,000 km service",
            "technician_id": self.tech.id,
            "bay_id": self.bay.id,
            **values,
        })

    def test_appointment_becomes_a_repair_order_on_arrival(self):
        appointment = self._appointment(source="oem")
        self.assertRegex(appointment.name, r"^AP\d{4}-\d{5}$")
        self.assertEqual(str(appointment.date_end), "2026-11-24 10:30:00")
        self.assertEqual(appointment.user_id, self.advisor)
        action = appointment.action_arrive()
        order = appointment.repair_order_id
        self.assertEqual(action["res_id"], order.id)
        self.assertEqual(appointment.state, "arrived")
        self.assertRecordValues(order, [{
            "appointment_id": appointment.id, "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
            "user_id": self.advisor.id, "company_id": self.store_a.id, "state": "draft",
        }])
        with self.assertRaisesRegex(UserError, "only possible for Scheduled appointments"):
            appointment.action_arrive()
        with self.assertRaisesRegex(UserError, "became a repair order cannot be deleted"):
            appointment.sudo(False).with_user(self.env.ref("base.user_admin")).unlink()

    def test_reserved_technician_and_bay_get_the_jobs(self):
        appointment = self._appointment()
        appointment.action_arrive()
        order = appointment.repair_order_id
        order.write({
            "mileage": 1000, "fuel_level": "half", "customer_complaint": "Service", "old_part_choice": "leave",
            "covers_fitted": True, "valuables_reminded": True,
        })
        order.action_check_in()
        self._labour(order, "10,000 km service", 1.2)
        signature = workshop_common.SIGNATURE
        order.write({"diagnosis_signature": signature, "work_order_signature": signature})
        order.action_approve()
        order.action_dispatch_jobs()
        self.assertRecordValues(order.job_ids, [{"technician_id": self.tech.id, "bay_id": self.bay.id}])
        order.job_ids.with_user(self.tech_user).action_clock_on()
        self.assertEqual(order.state, "in_progress")

    def test_no_show_is_recorded_and_can_be_rescheduled(self):
        appointment = self._appointment()
        appointment.action_no_show()
        self.assertEqual(appointment.state, "no_show")
        self.assertFalse(appointment.repair_order_id)
        with self.assertRaisesRegex(UserError, "only possible for Scheduled appointments"):
            appointment.action_arrive()
        appointment.action_reschedule()
        self.assertEqual(appointment.state, "scheduled")

    def test_bad_input_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "must last more than 0 hours"):
            self._appointment(duration=0)
        appointment = self._appointment(vehicle_id=False)
        with self.assertRaisesRegex(UserError, "Set the vehicle"):
            appointment.action_arrive()
        self.assertEqual(appointment.state, "scheduled")
        self.assertFalse(self.env["dealer.repair.order"].search([("appointment_id", "=", appointment.id)]))

    def test_access(self):
        with self.assertRaises(AccessError):
            self._appointment(user=self.tech_user)
        appointment = self._appointment()
        self.assertEqual(appointment.with_user(self.tech_user).read(["name"])[0]["name"], appointment.name)
        advisor_b = self._make_user("ws_advisor_b", "dealer_service.dealer_service_group_advisor", self.store_b)
        with self.assertRaises(AccessError):
            appointment.with_user(advisor_b).read(["name"])

    def test_appointment_rate_per_month_and_advisor(self):
        advisor_2 = self._make_user("ws_advisor_2", "dealer_service.dealer_service_group_advisor")
        manager = self._make_user("ws_manager", "dealer_service.dealer_service_group_manager")
        for date_start in ("2026-11-03 09:00:00", "2026-11-10 09:00:00"):
            appointment = self._appointment(date_start=date_start)
            appointment.action_arrive()
            appointment.repair_order_id.date_in = date_start
        Order = self.env["dealer.repair.order"]
        walk_in = Order.create({"partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
                                "user_id": self.advisor.id, "date_in": "2026-11-12 10:00:00"})
        Order.create({"partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
                      "user_id": advisor_2.id, "date_in": "2026-11-13 10:00:00"})
        Order.create({"partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
                      "user_id": self.advisor.id, "date_in": "2026-12-01 10:00:00"})
        cancelled = Order.create({"partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
                                  "user_id": self.advisor.id, "date_in": "2026-11-14 10:00:00"})
        cancelled.action_cancel()
        self.assertTrue(walk_in)
        self.env.flush_all()
        groups = self.env["dealer.appointment.report"].with_user(manager)._read_group(
            [("company_id", "=", self.store_a.id), ("user_id", "in", (self.advisor | advisor_2).ids)],
            ["date:month", "user_id"],
            ["order_count:sum", "appointment_count:sum", "appointment_rate:avg"],
        )
        result = {(month.strftime("%Y-%m"), user.login): (count, booked, round(rate, 2))
                  for month, user, count, booked, rate in groups}
        self.assertEqual(result, {
            ("2026-11", "ws_advisor"): (3, 2, 66.67),
            ("2026-11", "ws_advisor_2"): (1, 0, 0.0),
            ("2026-12", "ws_advisor"): (1, 0, 0.0),
        })
        with self.assertRaises(AccessError):
            self.env["dealer.appointment.report"].with_user(self.advisor).search([])

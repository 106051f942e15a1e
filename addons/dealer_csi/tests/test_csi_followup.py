from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import CsiCase

# a Monday; 03:00 UTC is 11:00 in Beijing
MONDAY = "2026-12-07 03:00:00"


@tagged("post_install", "-at_install")
class TestCsiFollowUp(CsiCase):

    def _service_call(self, order):
        call = self._calls(order_id=order.id, call_type="service")
        self.assertEqual(len(call), 1)
        return call.with_user(self.agent)

    def _open_activity(self, call):
        return call.activity_ids.filtered("active")

    def test_delivery_plans_the_call_due_three_days_later(self):
        order = self._deliver(MONDAY)
        call = self._service_call(order)
        self.assertRecordValues(call, [{
            "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id, "user_id": self.agent.id,
            "company_id": self.store_a.id, "date_due": date(2026, 12, 10), "state": "open",
        }])
        self.assertIn("Zhang Wei", call.script)
        self.assertIn(self.vehicle_a.license_plate, call.script)
        activity = self._open_activity(call)
        self.assertRecordValues(activity, [{
            "user_id": self.agent.id, "date_deadline": date(2026, 12, 10),
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
        }])
        self.assertIn("Zhang Wei", activity.note)
        # the advisor delivered, but the call is the customer-service desk's
        with self.assertRaises(AccessError):
            call.with_user(self.advisor_a).read(["note"])
        # planning again (a second delivery hook run) plans nothing more
        order._dealer_csi_plan_followups()
        self.assertEqual(len(self._calls(order_id=order.id)), 1)

    def test_due_day_is_the_stores_day(self):
        # 17:30 UTC on Monday is 01:30 on Tuesday in Beijing: the call is due on Friday
        order = self._deliver("2026-12-07 17:30:00")
        self.assertEqual(self._service_call(order).date_due, date(2026, 12, 11))
        self.store_a.dealer_csi_followup_days = 1
        order = self._deliver(MONDAY)
        self.assertEqual(self._service_call(order).date_due, date(2026, 12, 8))

    def test_no_call_without_a_customer_to_call_or_where_switched_off(self):
        internal = self._deliver(MONDAY, lines=[
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id, "payer": "internal"}),
        ])
        self.assertFalse(self._calls(order_id=internal.id))
        self.store_a.dealer_csi_enabled = False
        order = self._deliver(MONDAY)
        self.assertEqual(order.state, "delivered")
        self.assertFalse(self._calls(order_id=order.id))

    def test_satisfied_closes_the_call_and_its_activity(self):
        call = self._service_call(self._deliver(MONDAY))
        with freeze_time("2026-12-09 02:00:00"):
            form = Form(call)
            form.note = "很满意，顾问讲解清楚"
            form.save()
            call.action_satisfied()
        self.assertRecordValues(call, [{"state": "done", "outcome": "satisfied"}])
        self.assertEqual(str(call.date_done), "2026-12-09 02:00:00")
        self.assertFalse(self._open_activity(call))
        with self.assertRaisesRegex(UserError, "no longer open"):
            call.action_unreachable()
        # the outcome is the buttons', not a field to edit
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            call.write({"outcome": "unsatisfied"})
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            call.write({"state": "open"})

    def _not_satisfied(self, call, next_step, note="机油加多了"):
        action = call.action_unsatisfied()
        wizard = Form(self.env[action["res_model"]].with_user(self.agent).with_context(**action["context"]))
        wizard.note = note
        wizard.next_step = next_step
        return wizard.save().action_confirm()

    def test_not_satisfied_is_called_again_until_satisfied(self):
        call = self._service_call(self._deliver(MONDAY))
        with freeze_time("2026-12-09 02:00:00"):
            self._not_satisfied(call, "repeat")
        self.assertRecordValues(call, [{"state": "done", "outcome": "unsatisfied", "note": "机油加多了"}])
        repeat = self._calls(parent_id=call.id).with_user(self.agent)
        self.assertRecordValues(repeat, [{
            "call_type": "repeat", "date_due": date(2026, 12, 10), "user_id": self.agent.id,
            "order_id": call.order_id.id, "state": "open",
        }])
        self.assertEqual(self._open_activity(repeat).date_deadline, date(2026, 12, 10))
        # still not satisfied: this time a complaint
        with freeze_time("2026-12-10 02:00:00"):
            action = self._not_satisfied(repeat, "complaint", "还是有异响")
        complaint = self.env["dealer.csi.complaint"].browse(action["res_id"])
        self.assertRecordValues(complaint, [{
            "partner_id": self.customer.id, "repair_order_id": call.order_id.id, "vehicle_id": self.vehicle_a.id,
            "channel": "followup", "call_id": repeat.id, "description": "还是有异响", "state": "new",
            "company_id": self.store_a.id,
        }])
        self.assertEqual(str(complaint.date_registered), "2026-12-10 02:00:00")

    def test_unreachable_customer_is_called_again_then_given_up(self):
        call = self._service_call(self._deliver(MONDAY))
        with freeze_time("2026-12-10 02:00:00"):
            call.action_unreachable()
            self.assertRecordValues(call, [{"state": "open", "attempt_count": 1, "date_due": date(2026, 12, 11)}])
            self.assertEqual(self._open_activity(call).date_deadline, date(2026, 12, 11))
        with freeze_time("2026-12-11 02:00:00"):
            call.action_unreachable()
            self.assertRecordValues(call, [{"state": "open", "attempt_count": 2, "date_due": date(2026, 12, 12)}])
            call.action_unreachable()
        self.assertRecordValues(call, [{"state": "done", "outcome": "unreachable", "attempt_count": 3}])
        self.assertFalse(self._open_activity(call))

    @freeze_time(MONDAY)
    def test_new_car_calls(self):
        self.advisor_a.group_ids = [Command.link(self.env.ref("fleet.fleet_group_user").id)]
        vehicle = self.env["fleet.vehicle"].with_user(self.advisor_a).create({
            "model_id": self.car_model.id, "license_plate": "辽B NEW01", "company_id": self.store_a.id,
            "customer_id": self.customer.id, "dealer_csi_new_car_date": "2026-12-07",
        })
        calls = self._calls(vehicle_id=vehicle.id).sorted("date_due")
        self.assertEqual(
            [(call.call_type, call.date_due) for call in calls],
            [("new_car_thanks", date(2026, 12, 8)), ("new_car_call", date(2026, 12, 8)),
             ("new_car_week", date(2026, 12, 14)), ("new_car_contact", date(2027, 2, 7))],
        )
        thanks = calls.filtered(lambda call: call.call_type == "new_car_thanks")
        self.assertEqual(thanks.activity_ids.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        # the list's Plan Calls plans nothing twice
        vehicles = self.env["fleet.vehicle"].with_user(self.agent).with_context(dealer_csi_list="new_car")
        vehicles.action_dealer_csi_plan_calls()
        self.assertEqual(len(self._calls(vehicle_id=vehicle.id)), 4)
        # a contact every two months
        calls.filtered(lambda call: call.call_type == "new_car_contact").with_user(self.agent).action_satisfied()
        self.assertEqual(
            self._calls(vehicle_id=vehicle.id, call_type="new_car_contact").mapped("date_due"),
            [date(2027, 2, 7), date(2027, 4, 7)],
        )

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestHealthCheckDeclinedWork(workshop_common.WorkshopCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rate = cls.env["dealer.labour.rate"].search([("company_id", "=", cls.store_a.id), ("trade", "=", "mechanical")])
        if rate:
            rate.rate = 100.0
        else:
            cls.env["dealer.labour.rate"].create({"company_id": cls.store_a.id, "trade": "mechanical", "rate": 100.0})
        cls.generic = cls.env["dealer.inspection.template"].create({
            "name": "Generic 3-point", "item_ids": [(0, 0, {"name": "Horn"})],
        })
        cls.template = cls.env["dealer.inspection.template"].create({
            "name": "Testbrand 4-point",
            "brand_id": cls.car_model.brand_id.id,
            "item_ids": [
                (0, 0, {"sequence": 1, "area": "Brakes", "name": "Front brake pads", "estimated_hours": 1.0}),
                (0, 0, {"sequence": 2, "area": "Tyres", "name": "Tyre tread"}),
                (0, 0, {"sequence": 3, "area": "Engine", "name": "Engine oil"}),
                (0, 0, {"sequence": 4, "area": "Body", "name": "Wiper blades", "estimated_hours": 0.2}),
            ],
        })

    def _rated_check(self, order):
        check = self.env["dealer.health.check"].with_user(self.advisor).create({"order_id": order.id})
        pads, tyres, oil, wipers = check.line_ids.sorted("sequence")
        pads.write({"rating": "red", "note": "2 mm left"})
        wipers.write({"rating": "amber", "note": "streaks"})
        return check, pads, tyres, oil, wipers

    def test_brand_template_fills_the_check(self):
        order = self._checked_in_order()
        check = self.env["dealer.health.check"].with_user(self.tech_user).create({"order_id": order.id})
        self.assertEqual(check.template_id, self.template, "the vehicle's brand template wins over the generic one")
        self.assertEqual(
            check.line_ids.mapped("name"), ["Front brake pads", "Tyre tread", "Engine oil", "Wiper blades"],
        )
        self.assertEqual(set(check.line_ids.mapped("rating")), {"green"})
        other_brand = self.env["fleet.vehicle.model"].create({
            "name": "Coupe", "brand_id": self.env["fleet.vehicle.model.brand"].create({"name": "Otherbrand"}).id,
        })
        vehicle = self.env["fleet.vehicle"].create({"model_id": other_brand.id, "license_plate": "京A99999"})
        order_2 = self._checked_in_order(vehicle=vehicle)
        self.assertEqual(self.env["dealer.health.check"].create({"order_id": order_2.id}).template_id, self.generic)

    def test_amber_and_red_become_recommended_lines(self):
        order = self._checked_in_order()
        check, pads, _tyres, _oil, wipers = self._rated_check(order)
        self.assertEqual((check.green_count, check.amber_count, check.red_count), (2, 1, 1))
        lines = check.with_user(self.advisor).action_create_recommendations()
        self.assertRecordValues(lines.sorted("id"), [
            {"name": "Front brake pads - 2 mm left", "quantity": 1.0, "line_type": "labour",
             "is_added_work": True, "approval_state": "pending"},
            {"name": "Wiper blades - streaks", "quantity": 0.2, "line_type": "labour",
             "is_added_work": True, "approval_state": "pending"},
        ])
        self.assertEqual(pads.order_line_id | wipers.order_line_id, lines)
        self.assertEqual(lines.order_id, order)
        with self.assertRaisesRegex(UserError, "no amber or red check point without a recommended line"):
            check.action_create_recommendations()

    def test_technician_recommends_at_the_store_rate(self):
        order = self._checked_in_order()
        check, pads, *_points = self._rated_check(order)
        lines = check.with_user(self.tech_user).action_create_recommendations()
        self.assertEqual(lines.mapped("approval_state"), ["pending", "pending"])
        self.assertEqual(pads.order_line_id.price_unit, 100.0, "priced at the store's mechanical rate")

    def test_declined_work_reappears_at_next_visit_until_done(self):
        order = self._checked_in_order()
        check, pads, _tyres, _oil, wipers = self._rated_check(order)
        check.action_create_recommendations()
        pads.order_line_id.with_user(self.advisor).action_approve_by_phone()
        wipers.order_line_id.with_user(self.advisor).action_decline()
        declined = self.vehicle_a.dealer_declined_work_ids
        self.assertRecordValues(declined, [{
            "description": "Wiper blades - streaks", "rating": "amber", "state": "open",
            # 0.2 h at the store's rate of 100, with the store's 13 % VAT
            "order_id": order.id, "partner_id": self.customer.id, "estimated_amount": 22.6,
        }])
        self.assertEqual(self.vehicle_a.dealer_open_declined_count, 1)
        self.assertFalse(order.declined_work_ids, "not shown on the order where it was declined")
        order.action_cancel()
        # the next appointment and the next check-in show it
        appointment = self.env["dealer.appointment"].with_user(self.advisor).create({
            "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id, "date_start": "2026-12-01 09:00:00",
        })
        self.assertEqual(appointment.declined_work_ids, declined)
        appointment.action_arrive()
        next_order = appointment.repair_order_id
        next_order.write({
            "mileage": 1500, "fuel_level": "full", "customer_complaint": "Service", "old_part_choice": "take",
            "covers_fitted": True, "valuables_reminded": True,
        })
        next_order.with_user(self.advisor).action_check_in()
        self.assertEqual(next_order.declined_work_ids, declined)
        self.assertEqual(next_order.declined_work_count, 1)
        # offered again and approved this time: done
        line = declined.with_user(self.advisor).with_context(dealer_order_id=next_order.id).action_add_to_order()
        self.assertRecordValues(line, [{"approval_state": "pending", "dealer_declined_work_id": declined.id}])
        line.with_user(self.advisor).action_approve_by_phone()
        self.assertRecordValues(declined, [{"state": "done", "done_order_id": next_order.id}])
        self.assertFalse(next_order.declined_work_ids)
        self.assertEqual(self.vehicle_a.dealer_open_declined_count, 0)

    def test_declined_again_stays_open_and_dismissed_disappears(self):
        order = self._checked_in_order()
        check, _pads, _tyres, _oil, wipers = self._rated_check(order)
        check.action_create_recommendations()
        wipers.order_line_id.action_decline()
        declined = self.vehicle_a.dealer_declined_work_ids.filtered(lambda w: w.description.startswith("Wiper"))
        order.action_cancel()
        next_order = self._checked_in_order(mileage=2000)
        line = declined.with_context(dealer_order_id=next_order.id).action_add_to_order()
        line.action_decline()
        wipers_works = self.vehicle_a.dealer_declined_work_ids.filtered(lambda w: w.description.startswith("Wiper"))
        self.assertEqual(len(wipers_works), 1, "declined again: the same record, not a second one")
        self.assertRecordValues(declined, [{"state": "open", "order_id": next_order.id}])
        declined.with_user(self.advisor).action_dismiss()
        self.assertEqual(declined.state, "dismissed")
        self.assertFalse(next_order.declined_work_ids)
        with self.assertRaisesRegex(UserError, "Only open declined work can be dismissed"):
            declined.action_dismiss()
        with self.assertRaisesRegex(UserError, "no longer open"):
            declined.with_context(dealer_order_id=next_order.id).action_add_to_order()

    def test_technician_cannot_dismiss_declined_work(self):
        work = self.env["dealer.declined.work"].create({
            "vehicle_id": self.vehicle_a.id, "description": "Timing belt",
        })
        with self.assertRaises(AccessError):
            work.with_user(self.tech_user).action_dismiss()

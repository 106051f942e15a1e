from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from . import common

CALL = datetime(2026, 11, 23, 2, 0, 0)  # 10:00 in Dalian


@tagged("post_install", "-at_install")
class TestRescue(common.InsuranceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        zones = cls.env["dealer.rescue.zone"].search([("company_id", "=", cls.store_a.id)])
        cls.downtown, cls.county, cls.province = zones.sorted("sequence")
        cls.driver = cls.env["hr.employee"].create({"name": "He Jun", "company_id": cls.store_a.id})
        cls.tow_truck = cls._make_vehicle(cls.store_a, "辽B9J118")
        cls.tow_truck.dealer_is_rescue_vehicle = True

    def _rescue(self, zone, minutes, **values):
        """A call at 10:00, the tow truck dispatched, arriving ``minutes`` after the call."""
        with freeze_time(CALL):
            form = Form(self.env["dealer.rescue.request"].with_user(self.clerk_a))
            form.partner_id = self.customer
            form.vehicle_id = self.vehicle_a
            form.place = "大连市中山区人民路"
            form.zone_id = zone
            for name, value in values.items():
                setattr(form, name, value)
            request = form.save()
            form.driver_id = self.driver
            form.tow_vehicle_id = self.tow_truck
            form.save()
            request.with_user(self.clerk_a).action_dispatch()
        with freeze_time(CALL.replace(minute=minutes)):
            request.with_user(self.clerk_a).action_arrive()
        return request

    def test_store_promises_by_zone(self):
        self.assertEqual(
            [(zone.with_context(lang="en_US").name, zone.promised_minutes)
             for zone in self.downtown | self.county | self.province],
            [("Downtown", 30), ("Counties", 60), ("Within the Province", 240)],
        )
        # each new store gets its own zones
        store_c = self.env["res.company"].create({"name": "Store C (test)"})
        self.assertEqual(self.env["dealer.rescue.zone"].search_count([("company_id", "=", store_c.id)]), 3)

    def test_41_minutes_is_late_downtown_not_in_a_county(self):
        downtown = self._rescue(self.downtown, 41)
        self.assertRecordValues(downtown, [{
            "state": "arrived", "date_promised": datetime(2026, 11, 23, 2, 30), "arrival_minutes": 41, "is_late": True,
        }])
        self.assertIn("41 minutes after the call", downtown.message_ids[0].body)
        county = self._rescue(self.county, 41)
        self.assertRecordValues(county, [{
            "date_promised": datetime(2026, 11, 23, 3, 0), "arrival_minutes": 41, "is_late": False,
        }])
        # the promise is the store's setting: 45 minutes downtown makes 41 minutes on time
        self.downtown.with_user(self.lead_a).promised_minutes = 45
        self.assertFalse(downtown.is_late)

    def test_overdue_while_on_the_way(self):
        with freeze_time(CALL):
            request = self.env["dealer.rescue.request"].with_user(self.clerk_a).create({
                "partner_id": self.customer.id, "place": "大连湾", "zone_id": self.downtown.id,
            })
        Request = self.env["dealer.rescue.request"].with_user(self.clerk_a)
        with freeze_time(CALL.replace(minute=29)):
            self.assertFalse(request.is_overdue)
            self.assertNotIn(request, Request.search([("is_overdue", "=", True)]))
        with freeze_time(CALL.replace(minute=31)):
            request.invalidate_recordset(["is_overdue"])
            self.assertTrue(request.is_overdue)
            self.assertIn(request, Request.search([("is_overdue", "=", True)]))

    def test_dispatch_needs_driver_and_vehicle_and_fixes_the_promise(self):
        request = self.env["dealer.rescue.request"].with_user(self.clerk_a).create({
            "partner_id": self.customer.id, "place": "大连湾", "zone_id": self.downtown.id,
        })
        with self.assertRaisesRegex(UserError, "Driver, Rescue Vehicle"):
            request.action_dispatch()
        request.write({"driver_id": self.driver.id, "tow_vehicle_id": self.tow_truck.id})
        request.action_dispatch()
        with self.assertRaisesRegex(UserError, "fixed once the rescue vehicle is dispatched"):
            request.zone_id = self.county
        with self.assertRaises(UserError):
            request.write({"date_arrived": CALL})
        with self.assertRaises(UserError):
            request.write({"state": "arrived"})

    def test_rescued_accident_becomes_a_repair_order_with_its_case(self):
        request = self._rescue(self.downtown, 25, is_accident=True)
        self.assertFalse(request.is_late)
        request.with_user(self.clerk_a).action_create_repair_order()
        order = request.repair_order_id
        self.assertRecordValues(order, [{"partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id,
                                         "state": "draft", "company_id": self.store_a.id}])
        self.assertEqual(request.state, "done")
        self.assertTrue(order.dealer_insurance_case_id)
        self.assertEqual(order.dealer_insurance_case_id.accident_place, "大连市中山区人民路")
        # a breakdown becomes a plain order the claims staff may still work on
        breakdown = self._rescue(self.county, 50)
        breakdown.with_user(self.clerk_a).action_create_repair_order()
        self.assertFalse(breakdown.repair_order_id.dealer_insurance_case_id)
        breakdown.repair_order_id.with_user(self.clerk_a).write(self._reception_values())

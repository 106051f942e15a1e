from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CsiCase

# the lists are looked at on Monday 7 December 2026 (Beijing)
TODAY = "2026-12-07 02:00:00"


@tagged("post_install", "-at_install")
class TestCsiRetention(CsiCase):
    """A fixed set of vehicles of store A, each picked by hand for the maintenance-due
    (within 30 days, by date or by average daily mileage) and not-back (3 months) lists."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_customer = cls.env["res.partner"].create({"name": "Li Lei"})
        plates = ("辽B10001", "辽B10002", "辽B10003", "辽B10004", "辽B10005", "辽B10006", "辽B10008")
        (cls.v_overdue, cls.v_mileage, cls.v_later, cls.v_away, cls.v_boundary, cls.v_lost,
         cls.v_never) = [cls._vehicle(plate) for plate in plates]
        cls.v_other = cls._vehicle("辽B10009", cls.other_customer)

    def setUp(self):
        super().setUp()
        # due by date, long ago: due and not back
        self._deliver("2026-06-01 04:00:00", self.v_overdue, 10000, next_service_date=date(2026, 12, 1))
        # due by mileage: 6,000 km in 30 days is 200 km a day, 5,000 km to go: 25 days after the visit
        self._odometer(self.v_mileage, date(2026, 10, 3), 4000)
        self._deliver("2026-11-02 04:00:00", self.v_mileage, 10000, next_service_date=date(2027, 5, 2),
                      next_service_mileage=15000)
        # 20 km a day: 5,000 km take 250 days, the date comes first (May): not due yet
        self._odometer(self.v_later, date(2025, 11, 2), 2700)
        self._deliver("2026-11-02 04:00:00", self.v_later, 10000, next_service_date=date(2027, 5, 2),
                      next_service_mileage=15000)
        # not back since August, due in February
        self._deliver("2026-08-01 04:00:00", self.v_away, 10000, next_service_date=date(2027, 2, 1))
        # back exactly three months ago (not "not back"), due within the 30 days
        self._deliver("2026-09-07 04:00:00", self.v_boundary, 10000, next_service_date=date(2026, 12, 31))
        # lost: on no list
        self._deliver("2026-06-01 04:00:00", self.v_lost, 10000, next_service_date=date(2026, 12, 1))
        self.lost = self.env["dealer.csi.lost"].with_user(self.agent).create({
            "vehicle_id": self.v_lost.id, "reason_id": self.env.ref("dealer_csi.lost_reason_competitor").id,
            "date_lost": "2026-11-01",
        })
        # the other customer: one visit, a bigger bill
        self._deliver("2026-11-20 04:00:00", self.v_other, 10000, lines=[
            (0, 0, {"line_type": "labour", "labour_operation_id": self.op_bumper.id}),
            (0, 0, {"line_type": "labour", "labour_operation_id": self.op_brake.id}),
        ])

    def _odometer(self, vehicle, day, value):
        self.env["fleet.vehicle.odometer"].create({"vehicle_id": vehicle.id, "date": day, "value": value})

    def _list(self, name, user=None):
        return self.env["fleet.vehicle"].with_user(user or self.agent).search([(name, "=", True)])

    @freeze_time(TODAY)
    def test_maintenance_due_and_not_back_lists(self):
        self.assertRecordValues(self.v_mileage, [{
            "dealer_csi_daily_mileage": 200.0, "dealer_csi_service_due_date": date(2026, 11, 27),
            "dealer_csi_last_visit_date": date(2026, 11, 2), "dealer_csi_store_id": self.store_a.id,
        }])
        self.assertEqual(self.v_later.dealer_csi_service_due_date, date(2027, 5, 2))
        self.assertEqual(self._list("dealer_csi_maintenance_due"), self.v_overdue | self.v_mileage | self.v_boundary)
        self.assertEqual(self._list("dealer_csi_not_back"), self.v_overdue | self.v_away)
        # another store's agent sees none of store A's customers
        self.assertFalse(self._list("dealer_csi_maintenance_due", self.agent_b))
        self.assertFalse(self._list("dealer_csi_not_back", self.agent_b))

    @freeze_time(TODAY)
    def test_each_list_plans_its_calls_once(self):
        Vehicle = self.env["fleet.vehicle"].with_user(self.agent)
        Vehicle.with_context(dealer_csi_list="maintenance_due").action_dealer_csi_plan_calls()
        due_calls = self._calls(call_type="maintenance_due")
        self.assertEqual(due_calls.vehicle_id, self.v_overdue | self.v_mileage | self.v_boundary)
        self.assertEqual(set(due_calls.mapped("date_due")), {date(2026, 12, 7)})
        self.assertEqual(due_calls.activity_ids.user_id, self.agent)
        Vehicle.with_context(dealer_csi_list="not_back").action_dealer_csi_plan_calls()
        self.assertEqual(self._calls(call_type="not_back").vehicle_id, self.v_overdue | self.v_away)
        # again: nothing new; a selection plans only its own vehicles of the list
        result = Vehicle.with_context(dealer_csi_list="maintenance_due").action_dealer_csi_plan_calls()
        self.assertEqual(result["params"]["type"], "info")
        self.assertEqual(len(self._calls(call_type="maintenance_due")), 3)
        (self.v_away | self.v_later).with_user(self.agent).with_context(
            dealer_csi_list="maintenance_due").action_dealer_csi_plan_calls()
        self.assertEqual(len(self._calls(call_type="maintenance_due")), 3)

    def test_lost_customer_back_gets_a_win_back_call_a_week_later(self):
        with freeze_time(TODAY):
            self.assertTrue(self.v_lost.dealer_csi_is_lost)
            self.env["dealer.csi.lost"].with_user(self.agent).action_dealer_csi_plan_calls()
            self.assertEqual(self._calls(call_type="lost").vehicle_id, self.v_lost)
            # the advisor checks the vehicle in: the customer is back
            order = self._order(self.v_lost, mileage=12000)
        self.assertRecordValues(self.lost, [{
            "state": "returned", "date_returned": date(2026, 12, 7), "return_order_id": order.id,
        }])
        self.assertFalse(self.v_lost.dealer_csi_is_lost)
        self.assertRecordValues(self._calls(call_type="win_back"), [{
            "vehicle_id": self.v_lost.id, "order_id": order.id, "date_due": date(2026, 12, 14),
            "user_id": self.agent.id,
        }])

    @freeze_time(TODAY)
    def test_birthdays_and_car_anniversaries(self):
        Partner = self.env["res.partner"]
        self.customer.dealer_birthday = date(1980, 12, 10)
        self.other_customer.dealer_birthday = date(1990, 12, 20)
        stranger = Partner.create({"name": "Wang Wu", "dealer_birthday": date(1985, 12, 9)})
        self.assertEqual(Partner.with_user(self.agent).search([("dealer_csi_birthday_soon", "=", True)]),
                         self.customer)
        self.assertFalse(stranger.with_user(self.agent).dealer_csi_birthday_soon)
        Partner.with_user(self.agent).action_dealer_csi_plan_birthday_calls()
        Partner.with_user(self.agent).action_dealer_csi_plan_birthday_calls()
        self.assertRecordValues(self._calls(call_type="birthday"), [{
            "partner_id": self.customer.id, "date_due": date(2026, 12, 10), "list_key": "2026",
        }])
        self.v_away.dealer_csi_new_car_date = date(2024, 12, 8)
        self.v_later.dealer_csi_new_car_date = date(2024, 12, 20)
        self.assertEqual(self._list("dealer_csi_anniversary_soon"), self.v_away)
        self.assertFalse(self._calls(vehicle_id=self.v_away.id, call_type="new_car_call"),
                         "a car bought two years ago gets no new-car calls")
        self.env["fleet.vehicle"].with_user(self.agent).with_context(
            dealer_csi_list="anniversary_soon").action_dealer_csi_plan_calls()
        self.assertRecordValues(self._calls(call_type="anniversary"), [{
            "vehicle_id": self.v_away.id, "date_due": date(2026, 12, 8),
        }])

    @freeze_time(TODAY)
    def test_loyal_customers_ranked_by_visits_then_spend(self):
        Report = self.env["dealer.csi.loyalty.report"].with_user(self.agent)
        rows = Report.search([("company_id", "=", self.store_a.id),
                              ("partner_id", "in", (self.customer | self.other_customer).ids)])
        # six oil changes of 1.5 h at 200 for Zhang Wei; a bumper (2 h at 250) and a brake check for Li Lei
        self.assertRecordValues(rows, [
            {"partner_id": self.customer.id, "visit_count": 6, "spend": 1800.0},
            {"partner_id": self.other_customer.id, "visit_count": 1, "spend": 700.0},
        ])
        self.assertLess(rows[0].rank, rows[1].rank)
        rows[1].action_dealer_csi_plan_calls()
        rows[1].action_dealer_csi_plan_calls()
        self.assertRecordValues(self._calls(call_type="loyalty"), [{
            "partner_id": self.other_customer.id, "vehicle_id": self.v_other.id, "list_key": "2026-12",
        }])

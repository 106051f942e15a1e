import ast
import json

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged, users, warmup

from odoo.addons.dealer_service.tests import workshop_common


@tagged("post_install", "-at_install")
class TestWorkshopBoard(workshop_common.WorkshopCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loaner = cls.env["fleet.vehicle"].create({
            "model_id": cls.car_model.id, "license_plate": "京A00L01", "dealer_is_loaner": True,
        })

    @freeze_time("2026-11-23 10:00:00")
    def test_late_overnight_and_key_tag(self):
        on_time = self._checked_in_order(promised_date="2026-11-23 17:00:00", date_in="2026-11-23 08:00:00")
        late = self._checked_in_order(
            vehicle=self._make_vehicle(self.store_a, "京A20001"),
            promised_date="2026-11-23 09:00:00", date_in="2026-11-23 08:00:00",
        )
        overnight = self._checked_in_order(
            vehicle=self._make_vehicle(self.store_a, "京A20002"),
            promised_date="2026-11-24 17:00:00", date_in="2026-11-22 16:00:00", key_tag="K-17",
        )
        delivered_late = self._make_order(self.store_a)
        delivered_late.promised_date = "2026-11-20 09:00:00"
        self.assertRecordValues(on_time | late | overnight | delivered_late, [
            {"is_late": False, "is_overnight": False},
            {"is_late": True, "is_overnight": False},
            {"is_late": False, "is_overnight": True},
            {"is_late": False, "is_overnight": False},
        ])
        Order = self.env["dealer.repair.order"].with_user(self.advisor)
        mine = [("id", "in", (on_time | late | overnight | delivered_late).ids)]
        self.assertEqual(Order.search(mine + [("is_late", "=", True)]), late)
        self.assertEqual(Order.search(mine + [("is_overnight", "=", True)]), overnight)
        self.assertEqual(Order.search([("is_late", "=", False), ("id", "in", (on_time | late).ids)]), on_time)
        self.assertEqual(overnight.key_tag, "K-17")
        board = Order.search(ast.literal_eval(self.env.ref("dealer_service.dealer_workshop_board_action").domain))
        self.assertIn(late, board)
        self.assertNotIn(delivered_late, board, "drafts are not in the shop")

    def test_loaner_given_and_returned(self):
        order = self._checked_in_order()
        loan = self.env["dealer.loaner.loan"].with_user(self.advisor).create({
            "order_id": order.id, "loaner_vehicle_id": self.loaner.id, "odometer_out": 12000, "fuel_out": "100",
        })
        self.assertTrue(order.has_loaner_out)
        self.assertTrue(self.loaner.dealer_is_lent)
        self.assertEqual(loan.partner_id, self.customer)
        other = self._checked_in_order(vehicle=self._make_vehicle(self.store_a, "京A20003"))
        with self.assertRaisesRegex(ValidationError, "already lent out"):
            self.env["dealer.loaner.loan"].create({
                "order_id": other.id, "loaner_vehicle_id": self.loaner.id, "odometer_out": 12000,
            })
        with self.assertRaisesRegex(UserError, "Record the mileage and the fuel level"):
            loan.action_return()
        loan.write({"odometer_returned": 11990, "fuel_returned": "50"})
        with self.assertRaisesRegex(ValidationError, "cannot be lower than the mileage given"):
            loan.action_return()
        self.assertEqual(loan.state, "out")
        loan.odometer_returned = 12085
        loan.with_user(self.advisor).action_return()
        self.assertRecordValues(loan, [{"state": "returned", "distance": 85, "fuel_returned": "50"}])
        self.assertEqual(self.loaner.odometer, 12085)
        self.assertFalse(order.has_loaner_out)
        with self.assertRaisesRegex(ValidationError, "is not a loaner car"):
            self.env["dealer.loaner.loan"].create({
                "order_id": other.id, "loaner_vehicle_id": self.vehicle_a.id, "odometer_out": 1,
            })
        with self.assertRaises(AccessError):
            self.env["dealer.loaner.loan"].with_user(self.tech_user).create({
                "order_id": other.id, "loaner_vehicle_id": self.loaner.id, "odometer_out": 12085,
            })

    def _board_views(self):
        """The board as the web client loads it: the action's views through get_views."""
        action = self.env.ref("dealer_service.dealer_workshop_board_action").sudo()  # as /web/action/load
        Order = self.env["dealer.repair.order"]
        views = Order.get_views(
            [(view.view_id.id, view.view_mode) for view in action.view_ids] + [(False, "search")],
            {"action_id": action.id, "load_filters": True},
        )
        return action, views

    def _view_specification(self, views, view_type):
        """The read specification the client builds from a view: every field node of its arch."""
        fields_info = views["models"]["dealer.repair.order"]["fields"]
        arch = etree.fromstring(views["views"][view_type]["arch"])
        return {
            node.get("name"): (
                {"fields": {"display_name": {}}} if fields_info[node.get("name")]["type"] == "many2one" else {}
            )
            for node in arch.iter("field")
        }, arch

    def test_technician_filters_the_board_on_parts_waiting(self):
        """The board's "Parts Waiting" filter works for a technician, who has no stock rights."""
        order = self._checked_in_order()
        part = self.env["product.product"].create({"name": "Brake hose (none in stock)", "is_storable": True})
        self.env["dealer.repair.order.line"].create({
            "order_id": order.id, "line_type": "part", "product_id": part.id, "quantity": 1, "price_unit": 50.0,
        })
        self.env["dealer.repair.order.line"].create({
            "order_id": order.id, "line_type": "labour", "name": "Replace brake hose", "quantity": 1,
            "trade": "mechanical", "price_unit": 100.0,
        })
        signature = workshop_common.SIGNATURE
        order.write({"diagnosis_signature": signature, "work_order_signature": signature})
        order.action_approve()
        self.assertTrue(order.parts_waiting)
        Order = self.env["dealer.repair.order"].with_user(self.tech_user)
        self.assertEqual(Order.search([("parts_waiting", "=", True), ("id", "=", order.id)]), order)
        self.assertFalse(Order.search([("parts_waiting", "=", False), ("id", "=", order.id)]))

    @users("ws_advisor")
    @warmup
    @freeze_time("2026-11-23 10:00:00")
    def test_board_loads_as_the_client_does(self):
        checked_in = self.env["dealer.repair.order"]
        for index in range(6):
            checked_in |= self._checked_in_order(
                vehicle=self._make_vehicle(self.store_a, f"京A3{index:04d}"),
                promised_date=f"2026-11-23 {8 + 2 * index:02d}:30:00", key_tag=f"K-{index}",
            )
        approved = self._approved_order(
            vehicle=self._make_vehicle(self.store_a, "京A31000"), promised_date="2026-11-23 09:00:00",
        )
        self.env.invalidate_all()
        action, views = self._board_views()
        self.assertEqual(set(views["views"]), {"kanban", "list", "search"})
        kanban_spec, kanban = self._view_specification(views, "kanban")
        group_by = kanban.get("default_group_by")
        self.assertEqual(group_by, "state", "the dispatcher's columns are the order states")
        fields_info = views["models"]["dealer.repair.order"]["fields"]
        for progressbar in kanban.iter("progressbar"):
            # the client parses colors as JSON and the server groups by the field
            self.assertTrue(json.loads(progressbar.get("colors")))
            self.assertTrue(fields_info[progressbar.get("field")]["groupable"], progressbar.get("field"))
        self.assertTrue({"is_late", "parts_waiting", "is_overnight", "key_tag"} <= set(kanban_spec))
        domain = [*ast.literal_eval(action.domain), ("id", "in", (checked_in | approved).ids)]
        Order = self.env["dealer.repair.order"]
        with self.assertQueryCount(ws_advisor=12):
            board = Order.web_read_group(
                domain, [group_by], auto_unfold=True, unfold_read_specification=kanban_spec,
            )
        columns = {group["state"]: group for group in board["groups"]}
        self.assertEqual({state: group["__count"] for state, group in columns.items()},
                         {"checked_in": 6, "approved": 1})
        late = sorted(record["name"] for group in board["groups"] for record in group["__records"]
                      if record["is_late"])
        # promised 08:30 and 09:00 are past at 10:00; 10:30 onwards are not
        self.assertEqual(late, sorted((checked_in[0] | approved).mapped("name")))
        self.assertEqual([record["key_tag"] for record in columns["checked_in"]["__records"]
                          if record["id"] == checked_in[2].id], ["K-2"])
        list_spec, _list_arch = self._view_specification(views, "list")
        rows = Order.web_search_read(domain, list_spec, limit=80)
        self.assertEqual(rows["length"], 7)
        self.assertEqual(len([row for row in rows["records"] if row["is_late"]]), 2)


@tagged("post_install", "-at_install")
class TestComeback(workshop_common.WorkshopCase):

    def _delivered_order_with_job(self, technician, date_in, final_results=("passed",)):
        order = self._approved_order(date_in=date_in, mileage=1000)
        order.action_dispatch_jobs()
        job = order.job_ids
        job.technician_id = technician
        job.with_user(technician.user_id or self.workshop_manager).action_clock_on()
        job.with_user(technician.user_id or self.workshop_manager).action_done()
        order.action_request_quality_check()
        for result in final_results:
            self.env["dealer.quality.check"].with_user(self.qc_user).create({
                "order_id": order.id, "job_id": job.id, "level": "final", "result": result,
            })
            if result == "failed":
                job.with_user(self.workshop_manager).action_clock_on()
                job.with_user(self.workshop_manager).action_done()
                order.action_request_quality_check()
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        with freeze_time(date_in):
            order.action_deliver()
        self.assertEqual(order.date_delivered, fields.Datetime.to_datetime(date_in))
        return order, job

    def test_comeback_within_the_store_window(self):
        first, _job = self._delivered_order_with_job(self.tech, "2026-10-01 09:00:00")
        again = self._make_order(self.store_a)
        again.date_in = "2026-10-20 09:00:00"
        self.assertEqual(again.comeback_candidate_id, first)
        again.with_user(self.advisor).action_link_comeback()
        self.assertEqual(again.comeback_of_id, first)
        self.assertEqual(first.comeback_ids, again)
        late = self._make_order(self.store_a)
        late.date_in = "2026-11-25 09:00:00"
        self.assertFalse(late.comeback_candidate_id, "36 days after the last visit is outside the 30-day window")
        with self.assertRaisesRegex(UserError, "no other order within the last 30 days"):
            late.action_link_comeback()
        with self.assertRaisesRegex(ValidationError, "within 30 days after an earlier order"):
            late.comeback_of_id = first
        self.store_a.dealer_comeback_days = 60
        late.invalidate_recordset(["comeback_candidate_id"])
        self.assertEqual(late.comeback_candidate_id, again)
        late.comeback_of_id = first
        self.assertEqual(late.comeback_of_id, first)

    @freeze_time("2026-10-15 12:00:00")
    def test_comeback_and_first_pass_rates_per_technician_team_and_month(self):
        manager = self._make_user("ws_manager", "dealer_service.dealer_service_group_manager")
        first, _job = self._delivered_order_with_job(self.tech, "2026-10-01 09:00:00")
        second, _job = self._delivered_order_with_job(self.tech, "2026-10-05 09:00:00", ("failed", "passed"))
        third, _job = self._delivered_order_with_job(self.body_tech, "2026-10-06 09:00:00")
        comeback = self._make_order(self.store_a)
        comeback.write({"date_in": "2026-10-10 09:00:00", "comeback_of_id": first.id})
        self.env.flush_all()
        Report = self.env["dealer.workshop.report"].with_user(manager)
        ours = [("company_id", "=", self.store_a.id), ("order_id", "in", (first | second | third).ids)]
        rows = Report._read_group(
            ours, ["technician_id"],
            ["job_count:sum", "rework_count:sum", "comeback_rate:avg", "first_pass_rate:avg"],
        )
        per_technician = {tech.name: (jobs, rework, rate, first_pass) for tech, jobs, rework, rate, first_pass in rows}
        self.assertEqual(per_technician, {
            "Ma Tech": (2, 1, 50.0, 50.0),
            "Bai Body": (1, 0, 0.0, 100.0),
        })
        by_team = dict((team.name, rate) for team, rate in Report._read_group(
            [*ours, ("team_id", "!=", False)], ["team_id"], ["comeback_rate:avg"],
        ))
        self.assertEqual(by_team, {"Mechanical 1": 50.0})
        by_month = Report._read_group(ours, ["date:month"], ["job_count:sum"])
        self.assertEqual([(month.strftime("%Y-%m"), jobs) for month, jobs in by_month], [("2026-10", 3)])
        with self.assertRaises(AccessError):
            self.env["dealer.workshop.report"].with_user(self.tech_user).search([])
        self.assertTrue(second and third)

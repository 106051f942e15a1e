from odoo.tests import HttpCase, tagged

PLATE = "辽BH1884"


class TourCase(HttpCase):
    """Tours in the demo store "Dalian Riich 4S Store", typed into the real forms by
    the demo logins of each role (the data comes from the browser only)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.env.ref("dealer_service.company_dalian_demo")
        cls.vehicle = cls.env["fleet.vehicle"].search([("license_plate", "=", PLATE)])
        cls.advisor = cls.env["res.users"].search([("login", "=", "advisor")])
        cls.technician = cls.env["hr.employee"].search([("user_id.login", "=", "technician")])

    def _order_of_the_tour(self):
        order = self.env["dealer.repair.order"].search([("vehicle_id", "=", self.vehicle.id)], order="id desc", limit=1)
        self.assertEqual(order.user_id, self.advisor, "the order was created by the advisor in the browser")
        return order

    def _assert_reception(self, order):
        self.assertRecordValues(order, [{
            "company_id": self.store.id, "partner_id": self.vehicle.customer_id.id, "mileage": 38456,
            "fuel_level": "half", "covers_fitted": True, "valuables_reminded": True, "old_part_choice": "take",
            "customer_complaint": "保养到期，刹车有异响", "diagnosis_signed_by": "Cao Hao",
            "work_order_signed_by": "Cao Hao",
        }])
        self.assertTrue(order.diagnosis_signature and order.work_order_signature)
        labour, part = order.line_ids.sorted("id")[:2]
        self.assertRecordValues(labour | part, [
            {"line_type": "labour", "payer": "customer", "is_added_work": False, "approval_state": "not_required"},
            {"line_type": "part", "payer": "customer", "is_added_work": False, "approval_state": "not_required"},
        ])
        self.assertEqual(labour.labour_operation_id.code, "M001")
        self.assertEqual(part.product_id.name, "Oil filter")
        return labour, part



@tagged("post_install", "-at_install")
class TestAdvisorTour(TourCase):

    def test_advisor_types_added_work_on_an_approved_order(self):
        # the web client sends every field of the new line, is_added_work false included: the
        # server decides added work from the order's state (defect 2 of issue 7)
        self.start_tour("/odoo/repair-orders/new", "dealer_service_advisor_added_work_tour", login="advisor")
        order = self._order_of_the_tour()
        self._assert_reception(order)
        self.assertEqual(order.state, "approved")
        added = order.line_ids.filtered(lambda line: line.labour_operation_id.code == "M006")
        self.assertRecordValues(added, [{"is_added_work": True, "approval_state": "pending"}])
        self.assertTrue(order.has_pending_added_work)

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import DealerCase


@tagged("post_install", "-at_install")
class TestRepairOrderAccess(DealerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advisor_a = cls._make_user("ro_advisor_a", "dealer_service.dealer_service_group_advisor")
        cls.technician_a = cls._make_user("ro_technician_a", "dealer_service.dealer_service_group_technician")
        cls.manager_a = cls._make_user("ro_manager_a", "dealer_service.dealer_service_group_manager")

    def test_orders_are_numbered_per_store(self):
        order = self._make_order(self.store_a, self.advisor_a)
        self.assertRegex(order.name, r"^RO\d{4}-\d{5}$")
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.user_id, self.advisor_a)

    def test_advisor_cannot_read_other_store(self):
        order_b = self._make_order(self.store_b)
        with self.assertRaises(AccessError):
            order_b.with_user(self.advisor_a).read(["name"])
        self.assertFalse(self.env["dealer.repair.order"].with_user(self.advisor_a).search([("id", "=", order_b.id)]))

    def test_technician_reads_but_cannot_create_or_delete(self):
        order = self._make_order(self.store_a, self.advisor_a)
        self.assertEqual(order.with_user(self.technician_a).read(["name"])[0]["name"], order.name)
        with self.assertRaises(AccessError):
            self._make_order(self.store_a, self.technician_a)
        with self.assertRaises(AccessError):
            order.with_user(self.technician_a).unlink()

    def test_technician_opens_the_order_form(self):
        """Every field of the form (jobs, checks, loans, ...) is readable by a technician."""
        order = self._make_order(self.store_a, self.advisor_a)
        form = Form(order.with_user(self.technician_a))
        self.assertEqual(form.name, order.name)

    def test_manager_has_all_rights_in_store(self):
        order = self._make_order(self.store_a, self.manager_a)
        order.with_user(self.manager_a).write({"date_in": "2026-11-01 08:00:00"})
        order.with_user(self.manager_a).unlink()
        self.assertFalse(order.exists())

    def test_service_manager_implies_every_service_role(self):
        for xmlid in ("dealer_service_group_advisor", "dealer_service_group_technician",
                      "dealer_service_group_qc_inspector", "dealer_service_group_workshop_manager"):
            self.assertTrue(self.manager_a.has_group(f"dealer_service.{xmlid}"), xmlid)

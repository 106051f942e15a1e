from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.dealer_service.tests.test_settlement import SettlementCase


@tagged("post_install", "-at_install")
class TestCommissionActuals(SettlementCase):
    """The advisor's actuals that the targets compare: gross profit and collections of the
    orders collected in the month, the vehicles received in the month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advisors = cls.env.ref("dealer_hr_commission.commission_group_advisors")
        cls.employee_a = cls.env["hr.employee"].create({
            "name": "Advisor A", "user_id": cls.advisor_a.id, "company_id": cls.store_a.id,
            "dealer_commission_group_id": cls.advisors.id, "dealer_commission_coefficient": 0.4})
        cls.officer = cls._make_user("actuals_officer", "dealer_hr_commission.dealer_hr_commission_group_officer")

    def _sheet(self, month):
        sheet = self.env["dealer.commission.sheet"].with_user(self.officer).create({"date_from": month})
        sheet.action_compute()
        return sheet, {m.code: m for m in sheet.measure_ids if m.employee_id == self.employee_a}

    def test_gross_profit_collections_vehicles_in(self):
        self.oil_filter.standard_price = 30.0
        with freeze_time("2026-10-28 10:00:00"):
            order = self._delivered_order_with_every_payer()
            order.with_user(self.advisor_a).action_create_invoices()
        self._pay(order.invoice_ids, "2026-11-03")
        self.assertEqual(order.revenue, 1160.0)
        # what the customer, the OEM and the insurer paid: 1,160 + 13 % VAT (the internal road test is billed to nobody)
        self.assertEqual(sum(order.sudo().settlement_ids.mapped("amount_paid")), 1310.8)
        # 1,160 less the two oil filters issued at their cost of 30
        self.assertEqual(order.sudo().gross_profit, 1100.0)
        self.env["dealer.commission.target"].create({
            "date_from": "2026-11-01", "employee_id": self.employee_a.id,
            "line_ids": [(0, 0, {"kind": "output", "target": 1000}), (0, 0, {"kind": "collections", "target": 2000})]})

        # received in October: a vehicle in October's sheet, its money in November's
        _october, measures = self._sheet("2026-10-01")
        self.assertEqual(set(measures), {"vehicles_in"})
        self.assertRecordValues(measures["vehicles_in"], [{"value": 1, "repair_order_ids": order.ids}])
        _november, measures = self._sheet("2026-11-01")
        self.assertEqual(set(measures), {"output", "gross_profit", "collections", "ach_output", "ach_collections"})
        self.assertRecordValues(measures["collections"], [{"value": 1310.8, "repair_order_ids": order.ids}])
        self.assertRecordValues(measures["gross_profit"], [{"value": 1100.0, "repair_order_ids": order.ids}])
        self.assertEqual(measures["ach_output"].value, 1.16)  # 1,160 / 1,000
        self.assertEqual(measures["ach_collections"].value, 0.6554)  # 1,310.80 / 2,000

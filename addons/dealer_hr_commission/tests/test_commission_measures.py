from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.dealer_service.tests.test_settlement import SettlementCase


@tagged("post_install", "-at_install")
class TestCommissionMeasures(SettlementCase):
    """The advisor's output comes from the store's repair orders collected in the month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        advisors = cls.env.ref("dealer_hr_commission.commission_group_advisors")
        cls.group_b = cls.env["dealer.commission.group"].create({"name": "Advisors B", "company_id": cls.store_b.id})
        Employee = cls.env["hr.employee"]
        cls.employee_a = Employee.create({"name": "Advisor A", "user_id": cls.advisor_a.id,
                                          "company_id": cls.store_a.id, "dealer_commission_group_id": advisors.id,
                                          "dealer_commission_coefficient": 0.4})
        # the same person also works in store B
        cls.employee_b = Employee.create({"name": "Advisor A in B", "user_id": cls.advisor_a.id,
                                          "company_id": cls.store_b.id, "dealer_commission_group_id": cls.group_b.id,
                                          "dealer_commission_coefficient": 0.4})

    def _output(self, company, month):
        sheet = self.env["dealer.commission.sheet"].with_company(company).create(
            {"date_from": month, "company_id": company.id})
        sheet.action_compute()
        return sheet, sheet.measure_ids.filtered(lambda m: m.code == "output" and m.origin == "computed")

    def test_output_counts_in_the_month_of_collection(self):
        with freeze_time("2026-10-28 10:00:00"):
            order = self._delivered_order_with_every_payer()
            order.with_user(self.advisor_a).action_create_invoices()
        invoices = order.invoice_ids
        insurer_invoice = invoices.filtered(lambda move: move.partner_id == self.insurer)
        self._pay(invoices - insurer_invoice, "2026-10-30")
        self._pay(insurer_invoice, "2026-11-03")
        self.assertEqual(str(order.date_collected), "2026-11-03")
        self.assertEqual(order.revenue, 1160.0)

        # settled in October, collected in November: it counts in November's sheet, not October's
        _october, measure = self._output(self.store_a, "2026-10-01")
        self.assertFalse(measure)
        november, measure = self._output(self.store_a, "2026-11-01")
        self.assertRecordValues(measure, [{"employee_id": self.employee_a.id, "value": 1160.0}])
        self.assertEqual(measure.repair_order_ids, order, "the figure leads to its documents")
        # the pool (no achievements entered: 0) -> the line exists with the advisor's figure behind it
        self.assertEqual(november.line_ids.employee_id, self.employee_a)

        # another store's sheet never counts store A's orders, even for the same person
        sheet_b, measure_b = self._output(self.store_b, "2026-11-01")
        self.assertFalse(measure_b)
        self.assertEqual(sheet_b.line_ids.employee_id, self.employee_b)

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.dealer_service.tests.test_settlement import SettlementCase


class CommissionDocumentsCase(SettlementCase):
    """Store A's advisor, a mechanic, a painter and a washer in their commission groups, the
    labour rates of every trade, a paint material and two accessories."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env, ref = cls.env, cls.env.ref
        Rate = env["dealer.labour.rate"]
        rated = set(Rate.search([("company_id", "=", cls.store_a.id)]).mapped("trade"))
        Rate.create([{"company_id": cls.store_a.id, "trade": trade, "rate": rate}
                     for trade, rate in (("paint", 300.0), ("wash", 60.0), ("detailing", 100.0)) if trade not in rated])
        cls.advisors = ref("dealer_hr_commission.commission_group_advisors")
        cls.technicians = ref("dealer_hr_commission.commission_group_technicians")
        cls.detailing = ref("dealer_hr_commission.commission_group_detailing")
        Employee = env["hr.employee"]

        def employee(name, group, **values):
            return Employee.create({"name": name, "company_id": cls.store_a.id, "dealer_commission_group_id": group.id,
                                    "dealer_commission_coefficient": 1.0, **values})

        cls.advisor_employee = employee("Advisor A", cls.advisors, user_id=cls.advisor_a.id)
        cls.mechanic = employee("Ma Mechanic", cls.technicians, dealer_trade="mechanical")
        cls.painter = employee("Pan Painter", cls.technicians, dealer_trade="paint")
        cls.washer = employee("Xu Washer", cls.detailing, dealer_trade="wash")
        paint_category = env["product.category"].create({
            "name": "Paint material (test)", "parent_id": cls.categ_parts.id, "dealer_paint_material": True})
        paint_category.with_company(cls.store_a).property_account_income_categ_id = cls.parts_account
        accessories = ref("dealer_service.product_category_accessories")
        Product = env["product.product"]
        cls.clearcoat = Product.create({"name": "Clearcoat 1 L", "type": "consu", "lst_price": 150.0,
                                        "categ_id": paint_category.id})
        cls.mats = Product.create({"name": "Floor mats", "type": "consu", "lst_price": 400.0,
                                   "categ_id": accessories.id})
        cls.dashcam = Product.create({"name": "Dash cam", "type": "consu", "lst_price": 600.0,
                                      "categ_id": accessories.id})

    def _clock(self, job, technician, start, stop):
        """The workshop manager clocks the job's technician on and off (UTC times of 23 Nov 2026)."""
        job.technician_id = technician
        with freeze_time(f"2026-11-23 {start}:00"):
            job.with_user(self.manager_a).action_clock_on()
        with freeze_time(f"2026-11-23 {stop}:00"):
            job.with_user(self.manager_a).action_clock_off()

    def _worked_order(self, invoiced_on="2026-11-25"):
        """The advisor's order of 3,010 before VAT, repaired, delivered and invoiced:
        brake pads 2 h x 200 = 400 (the mechanic clocks 1.5 h); bumper respray 4 h x 300 = 1,200
        (the painter clocks 3 h, the mechanic 1 h); clearcoat 2 x 150 = 300 (paint material); wash
        0.5 h x 60 = 30 (the washer, 0.25 h); interior detailing 2 h x 100 = 200 (the washer, 2 h);
        floor mats sold at 280 (70 % of their 400 list price) and a dash cam at its list price of 600."""
        order = self._checked_in_order()
        order.write({"line_ids": [
            Command.create({"line_type": "labour", "name": "Brake pads front", "trade": "mechanical", "quantity": 2}),
            Command.create({"line_type": "labour", "name": "Bumper respray", "trade": "paint", "quantity": 4}),
            Command.create({"line_type": "part", "product_id": self.clearcoat.id, "quantity": 2}),
            Command.create({"line_type": "labour", "name": "Car wash", "trade": "wash", "quantity": 0.5}),
            Command.create({"line_type": "labour", "name": "Interior detailing", "trade": "detailing", "quantity": 2}),
            Command.create({"line_type": "accessory", "product_id": self.mats.id, "quantity": 1}),
            Command.create({"line_type": "accessory", "product_id": self.dashcam.id, "quantity": 1}),
        ]})
        order.line_ids.filtered(lambda line: line.product_id == self.mats).with_user(self.manager_a).write(
            {"price_unit": 350.0, "discount": 20.0})
        self._sign(order)
        order.action_approve()
        order.action_dispatch_jobs()
        brakes, respray, wash, detailing = (order.job_ids.filtered(lambda job, t=trade: job.line_id.trade == t)
                                            for trade in ("mechanical", "paint", "wash", "detailing"))
        self._clock(brakes, self.mechanic, "01:00", "02:30")
        self._clock(respray, self.painter, "01:00", "04:00")
        self._clock(respray, self.mechanic, "05:00", "06:00")
        self._clock(wash, self.washer, "02:00", "02:15")
        self._clock(detailing, self.washer, "02:30", "04:30")
        order.job_ids.with_user(self.manager_a).action_done()
        self._issue_parts(order)
        order.action_request_quality_check()
        self._pass_final_inspection(order)
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        order.action_deliver()
        with freeze_time(f"{invoiced_on} 02:00:00"):
            order.with_user(self.advisor_a).action_create_invoices()
        self.assertEqual(order.revenue, 3010.0)
        return order

    def _sheet(self, month, company=None):
        company = company or self.store_a
        sheet = self.env["dealer.commission.sheet"].with_company(company).create(
            {"date_from": month, "company_id": company.id})
        sheet.action_compute()
        return sheet

    def _figures(self, sheet, origin="computed"):
        """``{(employee or group name, code): value}`` of the sheet's measures (but the vehicles in:
        the orders here arrive at the real time; see test_commission_actuals)."""
        return {((m.employee_id or m.group_id).name, m.code): round(m.value, 4)
                for m in sheet.measure_ids if m.origin == origin and m.code != "vehicles_in"}


@tagged("post_install", "-at_install")
class TestCommissionDocuments(CommissionDocumentsCase):

    def test_measures_from_a_collected_order(self):
        order = self._worked_order()
        self._pay(order.invoice_ids, "2026-11-28")
        sheet = self._sheet("2026-11-01")
        self.assertEqual(self._figures(sheet), {
            # the advisor: the order's revenue; accessories 600 (the mats at 70 % of list earn nothing)
            ("Advisor A", "output"): 3010.0,
            ("Advisor A", "accessory_revenue"): 600.0,
            # its gross profit (no cost: the clearcoat costs nothing, no labour cost rate) and what
            # was paid: 3,010 + 13 % VAT
            ("Advisor A", "gross_profit"): 3010.0,
            ("Advisor A", "collections"): 3401.3,
            # sold hours shared by clocked time: brake pads 2 h to the mechanic; the respray's 4 h
            # clocked 3 h by the painter and 1 h by the mechanic -> 3 h and 1 h
            ("Ma Mechanic", "hours_mechanical"): 2.0,
            ("Ma Mechanic", "clocked_hours_mechanical"): 1.5,
            ("Ma Mechanic", "hours_paint"): 1.0,
            ("Ma Mechanic", "clocked_hours_paint"): 1.0,
            ("Pan Painter", "hours_paint"): 3.0,
            ("Pan Painter", "clocked_hours_paint"): 3.0,
            # paint material 300 shared by paint time: painter 300 x 3/4 = 225 over 3 h = 75;
            # mechanic 300 x 1/4 = 75 over 1 h = 75
            ("Pan Painter", "paint_material_per_hour"): 75.0,
            ("Ma Mechanic", "paint_material_per_hour"): 75.0,
            # the washer washed one car (0.5 h sold, 0.25 h clocked) and detailed it (2 h)
            ("Xu Washer", "washes"): 1.0,
            ("Xu Washer", "hours_wash"): 0.5,
            ("Xu Washer", "clocked_hours_wash"): 0.25,
            ("Xu Washer", "hours_detailing"): 2.0,
            ("Xu Washer", "clocked_hours_detailing"): 2.0,
            # the store's detailing revenue goes to the group whose pool reads it
            ("Detailing", "detailing_revenue"): 200.0,
        })
        self.assertEqual(sheet.measure_ids.repair_order_ids, order, "every figure leads to the order")
        # the painter's rate: 3 h is below the 100 h band (0); the washer: 1 wash x 1 (detailing pool)
        # + 200 x 12 % = 25, less the 5 % fund = 23.75
        washer = sheet.line_ids.filtered(lambda line: line.employee_id == self.washer)
        self.assertAlmostEqual(washer.amount, 23.75)

    def test_collected_next_month_counts_next_month_in_its_store_only(self):
        order = self._worked_order(invoiced_on="2026-11-30")
        self._pay(order.invoice_ids, "2026-12-02")
        self.assertFalse(self._figures(self._sheet("2026-11-01")))
        december = self._figures(self._sheet("2026-12-01"))
        self.assertEqual((december[("Advisor A", "output")], december[("Ma Mechanic", "hours_mechanical")],
                          december[("Xu Washer", "washes")]), (3010.0, 2.0, 1.0))
        # store B's sheet of December: the same advisor also works there; store A's order never counts
        self.env["hr.employee"].create({
            "name": "Advisor A in B", "user_id": self.advisor_a.id, "company_id": self.store_b.id,
            "dealer_commission_group_id": self.env["dealer.commission.group"].create(
                {"name": "Advisors B", "company_id": self.store_b.id}).id})
        self.assertFalse(self._figures(self._sheet("2026-12-01", self.store_b)))

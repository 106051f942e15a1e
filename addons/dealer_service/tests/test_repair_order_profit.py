from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common

COST_FIELDS = ["cost", "gross_profit"]


@tagged("post_install", "-at_install")
class TestRepairOrderProfit(reception_common.ReceptionCase):
    """Gross profit of repair orders: revenue (nothing for internal work) less the parts issued at
    their stock valuation, the clocked hours at the store's labour cost rate and sublet vendor costs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_a.dealer_labour_cost_rate = 60.0
        cls.env["dealer.payer.contract"].create({
            "name": "PICC repair agreement (test)", "company_id": cls.store_a.id, "partner_id": cls.insurer.id,
            "rate_ids": [Command.create({"trade": "body", "rate": 230.0})],
        })
        # brake pads valued at average cost (AVCO), 5 received at 30.00 through a real receipt
        avco = cls.env["product.category"].create({"name": "Parts at average cost (test)"})
        avco.with_company(cls.store_a).property_cost_method = "average"
        cls.pads = cls.env["product.product"].create({
            "name": "Brake pads", "type": "consu", "is_storable": True, "lst_price": 80.0, "standard_price": 30.0,
            "categ_id": avco.id, "taxes_id": [Command.set(cls.tax13.ids)],
        })
        receipt = cls.env["stock.move"].create({
            "product_id": cls.pads.id, "product_uom_qty": 5, "product_uom": cls.pads.uom_id.id,
            "location_id": cls.env.ref("stock.stock_location_suppliers").id,
            "location_dest_id": cls.warehouse_a.lot_stock_id.id, "company_id": cls.store_a.id,
        })
        receipt._action_confirm()
        receipt.write({"quantity": 5, "picked": True})
        receipt._action_done()
        cls.technician = cls.env["hr.employee"].create({
            "name": "Ma Tech (test)", "company_id": cls.store_a.id, "user_id": cls.technician_a.id,
            "dealer_trade": "mechanical",
        })
        cls.accountant = cls._make_user("h1_accountant_a", "account.group_account_manager")

    def _issued_order(self, lines):
        """An approved order of ``lines`` (create values) with its parts issued."""
        order = self._checked_in_order(insurer_id=self.insurer.id)
        order.with_user(self.advisor_a).line_ids = [Command.create(values) for values in lines]
        self._sign(order)
        order.action_approve()
        self._issue_parts(order)
        return order.with_env(self.env)

    def _clock(self, job, start, stop):
        """The technician clocks on the job and finishes it (the time is frozen at each)."""
        job = job.with_user(self.technician_a)
        with freeze_time(start):
            job.action_clock_on()
        with freeze_time(stop):
            job.action_done()

    def test_gross_profit_of_an_order(self):
        order = self._issued_order([
            {"line_type": "labour", "labour_operation_id": self.op_oil.id},
            {"line_type": "part", "product_id": self.pads.id, "quantity": 3},
            {"line_type": "labour", "labour_operation_id": self.op_brake.id, "payer": "internal"},
            {"line_type": "sublet", "name": "Windscreen replaced by Dalian Glass", "price_unit": 600.0,
             "tax_ids": [Command.set(self.tax13.ids)]},
            {"line_type": "labour", "labour_operation_id": self.op_bumper.id, "payer": "insurance"},
        ])
        oil, pads, brake, glass, bumper = order.line_ids
        # the parts issued are valued at average cost: 3 x 30.00, whatever the cost price becomes later
        self.assertEqual(pads.move_ids.mapped("value"), [90.0])
        self.pads.standard_price = 50.0
        order.action_dispatch_jobs()
        order.job_ids.technician_id = self.technician
        self._clock(oil.job_ids, "2026-03-02 01:00:00", "2026-03-02 03:00:00")     # 2.0 h
        self._clock(brake.job_ids, "2026-03-02 03:00:00", "2026-03-02 03:30:00")   # 0.5 h
        self._clock(bumper.job_ids, "2026-03-02 05:00:00", "2026-03-02 06:30:00")  # 1.5 h
        order.action_request_quality_check()
        self._pass_final_inspection(order)
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        order.action_deliver()
        order.action_create_invoices()
        # the glazier's bill comes after the invoice: the service manager enters it in the analysis
        with Form(glass.with_user(self.manager_a), view="dealer_service.dealer_repair_order_line_profit_view_form") \
                as form:
            form.vendor_cost = 450.0
        self.assertRecordValues(oil | pads | brake | glass | bumper, [
            # 1.5 h x 200.00; 2.0 h clocked x 60.00
            {"revenue": 300.0, "cost": 120.0, "gross_profit": 180.0},
            # 3 x 80.00; issued at 90.00
            {"revenue": 240.0, "cost": 90.0, "gross_profit": 150.0},
            # internal work bills nothing: 0.5 h x 60.00 is its cost
            {"revenue": 0.0, "cost": 30.0, "gross_profit": -30.0},
            {"revenue": 600.0, "cost": 450.0, "gross_profit": 150.0},
            # the insurer's contract: 2.0 h x 230.00; 1.5 h clocked x 60.00
            {"revenue": 460.0, "cost": 90.0, "gross_profit": 370.0},
        ])
        revenue = 300.0 + 240.0 + 600.0 + 460.0
        parts_valuation = 90.0
        labour_cost = (2.0 + 0.5 + 1.5) * 60.0
        vendor_cost = 450.0
        self.assertRecordValues(order, [{
            "revenue": revenue, "cost": parts_valuation + labour_cost + vendor_cost,
            "gross_profit": revenue - parts_valuation - labour_cost - vendor_cost,
        }])
        self.assertEqual(order.gross_profit, 820.0)
        # the revenue is what the invoices bill, untaxed
        self.assertEqual(sum(order.invoice_ids.mapped("amount_untaxed")), revenue)

    def test_returned_parts_are_not_a_cost(self):
        order = self._issued_order([{"line_type": "part", "product_id": self.pads.id, "quantity": 3}])
        pads = order.line_ids
        self.assertEqual(pads.cost, 90.0)
        # one pad comes back to the warehouse unused
        picking = pads.move_ids.picking_id
        wizard = self.env["stock.return.picking"].with_context(
            active_id=picking.id, active_model="stock.picking").create({"picking_id": picking.id})
        wizard.product_return_moves.quantity = 1
        returned = wizard._create_return()
        returned.move_ids.write({"quantity": 1, "picked": True})
        returned.move_ids._action_done()
        self.assertEqual(returned.move_ids.value, 30.0)
        self.assertRecordValues(pads, [{"revenue": 240.0, "cost": 60.0, "gross_profit": 180.0}])

    def test_costs_are_for_managers_and_accountants(self):
        order = self._issued_order([
            {"line_type": "part", "product_id": self.pads.id, "quantity": 1},
            {"line_type": "sublet", "name": "Tyre repair (sublet)", "price_unit": 50.0},
        ])
        pads, tyre = order.line_ids
        for user in (self.technician_a, self.advisor_a):
            for record, fnames in ((pads, COST_FIELDS), (tyre, ["vendor_cost"]), (order, COST_FIELDS)):
                for fname in fnames:
                    with self.subTest(user=user.login, model=record._name, field=fname), \
                            self.assertRaises(AccessError):
                        record.with_user(user).read([fname])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                tyre.with_user(user).write({"vendor_cost": 1.0})
        # what they may see: the revenue (their prices)
        self.assertEqual(pads.with_user(self.advisor_a).read(["revenue"])[0]["revenue"], 80.0)
        self.assertEqual(order.with_user(self.technician_a).read(["revenue"])[0]["revenue"], 130.0)
        tyre.with_user(self.manager_a).vendor_cost = 20.0
        self.assertEqual(order.with_user(self.manager_a).read(COST_FIELDS)[0],
                         {"id": order.id, "cost": 50.0, "gross_profit": 80.0})
        # the accountants analyse it from Accounting: gross profit by payer and type
        lines = self.env["dealer.repair.order.line"].with_user(self.accountant)
        self.assertEqual(lines.browse(pads.id).read(COST_FIELDS)[0], {"id": pads.id, "cost": 30.0,
                                                                      "gross_profit": 50.0})
        groups = lines.formatted_read_group(
            [("order_id", "=", order.id), ("order_id.state", "not in", ("delivered", "invoiced"))],
            ["line_type"], ["revenue:sum", "cost:sum", "gross_profit:sum"],
        )
        self.assertEqual(
            {group["line_type"]: (group["revenue:sum"], group["cost:sum"], group["gross_profit:sum"])
             for group in groups},
            {"part": (80.0, 30.0, 50.0), "sublet": (50.0, 20.0, 30.0)},
        )
        with self.assertRaises(AccessError):
            pads.with_user(self.accountant).write({"name": "Pads"})

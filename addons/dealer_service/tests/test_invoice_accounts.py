from odoo.fields import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.dealer_service.tests import reception_common

# China chart (Accounting Standards for Business Enterprises): 6001 main business income
# (600100) and the sub-accounts the suite gives each store
INCOME_CODES = {"labour": "600101", "part": "600102", "accessory": "600103", "sublet": "600104"}


@tagged("post_install", "-at_install")
class TestInvoiceAccounts(reception_common.ReceptionCase):
    """Every invoice line of labour, parts, accessories and sublet lands on its own
    income account, with or without a product, in every store."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.floor_mats = cls.env["product.product"].create({
            "name": "Floor mat set", "type": "consu", "is_storable": True, "lst_price": 300.0,
            "categ_id": cls.env.ref("dealer_service.product_category_accessories").id,
            "taxes_id": [Command.set(cls.tax13.ids)],
        })
        cls.env["stock.quant"]._update_available_quantity(cls.floor_mats, cls.warehouse_a.lot_stock_id, 10.0)

    def _deliver(self, order):
        self._sign(order)
        order.action_approve()
        self._ready_for_delivery(order, next_service_mileage=17000)
        self._issue_parts(order)
        order.action_deliver()

    def test_every_line_type_lands_on_its_income_account(self):
        # the demo's stores keep their books on the China chart
        self.assertEqual(self.store_a.chart_template, "cn_large_bis")
        self.assertEqual(self.store_a.currency_id, self.env.ref("base.CNY"))
        order = self._checked_in_order()
        order.with_user(self.advisor_a).write({"line_ids": [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "labour", "name": "Re-torque the wheel nuts", "trade": "mechanical",
                            "quantity": 0.5}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1}),
            Command.create({"line_type": "accessory", "product_id": self.floor_mats.id, "quantity": 1}),
            Command.create({"line_type": "sublet", "name": "Windscreen replacement (glass specialist)",
                            "quantity": 1, "price_unit": 800.0}),
        ]})
        # a line without a product is taxed with the store's default sales tax (VAT 13 %)
        self.assertEqual(order.line_ids[1].tax_ids, self.store_a.account_sale_tax_id)
        self.assertEqual(self.store_a.account_sale_tax_id.amount, 13.0)
        self._deliver(order)
        order.with_user(self.advisor_a).action_create_invoices()

        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.journal_id.type, "sale")
        self.assertEqual(
            [(line.name, line.account_id.code) for line in invoice.invoice_line_ids.sorted("sequence")],
            [
                ("[M001] Oil change", INCOME_CODES["labour"]),
                ("Re-torque the wheel nuts", INCOME_CODES["labour"]),
                ("Oil filter", INCOME_CODES["part"]),
                ("Floor mat set", INCOME_CODES["accessory"]),
                ("Windscreen replacement (glass specialist)", INCOME_CODES["sublet"]),
            ],
        )
        # 1.5 h x 200 + 0.5 h x 200 + 80 + 300 + 800, 13 % VAT
        self.assertRecordValues(invoice, [{"amount_untaxed": 1580.0, "amount_tax": 205.4, "amount_total": 1785.4}])
        # nothing lands on the store's general income account
        self.assertNotIn("600100", invoice.invoice_line_ids.account_id.mapped("code"))

    def test_recommended_and_reoffered_work_lands_on_labour_income(self):
        self.env["dealer.inspection.template"].create({
            "name": "Testbrand check (test)", "brand_id": self.car_model.brand_id.id,
            "item_ids": [Command.create({"area": "Body", "name": "Wiper blades", "estimated_hours": 0.5})],
        })
        declined = self.env["dealer.declined.work"].create({
            "vehicle_id": self.vehicle_a.id, "partner_id": self.customer.id,
            "description": "Timing belt - cracks", "estimated_amount": 400.0,
        })
        order = self._checked_in_order()
        check = self.env["dealer.health.check"].with_user(self.advisor_a).create({"order_id": order.id})
        check.line_ids.write({"rating": "amber", "note": "streaks"})
        recommended = check.with_user(self.advisor_a).action_create_recommendations()
        reoffered = declined.with_user(self.advisor_a).with_context(dealer_order_id=order.id).action_add_to_order()
        lines = recommended | reoffered
        self.assertFalse(lines.product_id)
        lines.filtered(lambda line: line.approval_state == "pending").with_user(self.advisor_a) \
            .action_approve_by_phone()
        self._deliver(order)
        order.with_user(self.advisor_a).action_create_invoices()
        self.assertEqual(
            sorted((line.name, line.account_id.code) for line in order.invoice_ids.invoice_line_ids),
            [("Timing belt - cracks", INCOME_CODES["labour"]), ("Wiper blades - streaks", INCOME_CODES["labour"])],
        )
        self.assertEqual(order.invoice_ids.invoice_line_ids.tax_ids, self.store_a.account_sale_tax_id)

    def test_new_store_gets_its_income_accounts(self):
        store = self.env["res.company"].create({
            "name": "Dalian Riich Lvshun 4S Store (test)", "country_id": self.env.ref("base.cn").id,
        })
        self.env["account.chart.template"].try_loading("cn_large_bis", store)
        self.assertEqual(store.currency_id, self.env.ref("base.CNY"))
        self.assertEqual(store.income_account_id.with_company(store).code, "600100")
        self.assertTrue(self.env["account.journal"].search([("company_id", "=", store.id), ("type", "=", "sale")]))
        names = {"labour": "Labour Income", "part": "Parts Income", "accessory": "Accessories Income",
                 "sublet": "Sublet Income"}
        for line_type, code in INCOME_CODES.items():
            account = store._dealer_income_account(line_type).with_company(store)
            self.assertEqual((account.code, account.name, account.account_type, account.company_ids),
                             (code, names[line_type], "income", store))
        # the first store's accounts are its own
        self.assertEqual(self.store_a._dealer_income_account("sublet").company_ids, self.store_a)

        # a line without a product in the new store is invoiced on the store's account
        vehicle = self._make_vehicle(store, "辽B88888")
        order = self.env["dealer.repair.order"].with_company(store).create({
            "partner_id": self.customer.id, "vehicle_id": vehicle.id, "company_id": store.id,
            "line_ids": [Command.create({"line_type": "sublet", "name": "Tyre balancing (sublet)",
                                         "quantity": 1, "price_unit": 120.0})],
        })
        values = order.line_ids._prepare_invoice_line_values()
        account = self.env["account.account"].browse(values["account_id"]).with_company(store)
        self.assertEqual(account.code, "600104")

        # loading the chart again keeps the accounts (no second set)
        self.env["account.chart.template"].try_loading("cn_large_bis", store)
        sublet_accounts = self.env["account.account"].search([
            ("company_ids", "in", store.ids), ("name", "=", "Sublet Income"),
        ])
        self.assertEqual(len(sublet_accounts), 1)


@tagged("post_install", "-at_install")
class TestDemoStoreInvoices(TransactionCase):
    """The demo's service store keeps its books: its advisor invoices a delivered order."""

    def test_demo_advisor_invoices_a_delivered_order(self):
        dalian = self.env.ref("dealer_service.company_dalian_demo")
        self.assertEqual((dalian.chart_template, dalian.currency_id.name), ("cn_large_bis", "CNY"))
        advisor = self.env.ref("dealer_service.user_advisor_demo")
        order = self.env.ref("dealer_service.repair_order_29_demo").with_user(advisor).with_company(dalian)
        self.assertEqual(order.state, "delivered")
        order.action_create_invoices()
        invoices = order.invoice_ids.sorted("amount_total")
        self.assertRecordValues(invoices, [
            {"partner_id": order.partner_id.id, "state": "posted", "company_id": dalian.id,
             "amount_untaxed": 150.0, "amount_tax": 19.5, "amount_total": 169.5},
            # the OEM pays its warranty rate (150.00) for its own hours (1.5 h) of the brake disc job
            {"partner_id": self.env.ref("dealer_service.partner_oem_haval_demo").id, "state": "posted",
             "company_id": dalian.id, "amount_untaxed": 745.0, "amount_tax": 96.85, "amount_total": 841.85},
        ])
        self.assertEqual(invoices.journal_id.type, "sale")
        self.assertEqual(invoices.currency_id.name, "CNY")
        self.assertEqual(
            sorted((line.account_id.code, line.price_subtotal) for line in invoices.invoice_line_ids),
            [("600101", 90.0), ("600101", 225.0), ("600102", 60.0), ("600102", 520.0)],
        )

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestRepairOrderPrices(reception_common.ReceptionCase):
    """Each payer pays its own prices: the store's rates and list prices for the customer, the
    brand's warranty rate and the OEM's hours for warranty, a contract's terms for a billed partner
    that has one; every line keeps the list price beside the price charged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.brand = cls.car_model.brand_id
        cls.env["dealer.warranty.labour.rate"].create({"company_id": cls.store_a.id, "brand_id": cls.brand.id,
                                                       "rate": 150.0})
        cls.op_brake.oem_time_ids = [Command.create({"brand_id": cls.brand.id, "hours": 0.8})]
        cls.contract = cls.env["dealer.payer.contract"].create({
            "name": "PICC repair agreement (test)",
            "company_id": cls.store_a.id,
            "partner_id": cls.insurer.id,
            "labour_rate": 190.0,
            "rate_ids": [Command.create({"trade": "body", "rate": 230.0})],
            "parts_discount": 15.0,
        })

    def _add_lines(self, order, lines):
        """The advisor adds the lines in the order's form, as the web client does."""
        with Form(order.with_user(self.advisor_a)) as form:
            for values in lines:
                with form.line_ids.new() as line:
                    for fname, value in values.items():
                        setattr(line, fname, value)
        return order.line_ids

    def test_each_payer_pays_its_prices(self):
        order = self._checked_in_order(insurer_id=self.insurer.id)
        oil, filt, brake, bumper, mech, pads = self._add_lines(order, [
            {"line_type": "labour", "labour_operation_id": self.op_oil},
            {"line_type": "part", "product_id": self.oil_filter, "quantity": 2},
            {"line_type": "labour", "labour_operation_id": self.op_brake, "payer": "warranty"},
            {"line_type": "labour", "labour_operation_id": self.op_bumper, "payer": "insurance"},
            {"line_type": "labour", "labour_operation_id": self.op_brake, "payer": "insurance"},
            {"line_type": "part", "product_id": self.oil_filter, "quantity": 2, "payer": "insurance"},
        ])
        self.assertRecordValues(oil | filt | brake | bumper | mech | pads, [
            # the customer: the store's mechanical rate x the model's hours, the part at list price
            {"payer_partner_id": self.customer.id, "quantity": 1.5, "list_price": 200.0, "price_unit": 200.0,
             "discount": 0.0, "price_subtotal": 300.0, "percent_of_list": 100.0},
            {"payer_partner_id": self.customer.id, "quantity": 2.0, "list_price": 80.0, "price_unit": 80.0,
             "discount": 0.0, "price_subtotal": 160.0, "percent_of_list": 100.0},
            # the OEM: the brand's warranty rate x the OEM's own hours (not the store's 1.0 h)
            {"payer_partner_id": self.oem.id, "quantity": 0.8, "list_price": 200.0, "price_unit": 150.0,
             "discount": 0.0, "price_subtotal": 120.0, "percent_of_list": 75.0},
            # the insurer's contract: its body rate, its rate for the other trades, its parts discount
            {"payer_partner_id": self.insurer.id, "quantity": 2.0, "list_price": 250.0, "price_unit": 230.0,
             "discount": 0.0, "price_subtotal": 460.0, "percent_of_list": 92.0},
            {"payer_partner_id": self.insurer.id, "quantity": 1.0, "list_price": 200.0, "price_unit": 190.0,
             "discount": 0.0, "price_subtotal": 190.0, "percent_of_list": 95.0},
            {"payer_partner_id": self.insurer.id, "quantity": 2.0, "list_price": 80.0, "price_unit": 80.0,
             "discount": 15.0, "price_subtotal": 136.0, "percent_of_list": 85.0},
        ])
        self.assertEqual((oil | brake | bumper | pads).mapped("terms_discount"), [0.0, 0.0, 0.0, 15.0])
        self.assertEqual(order.amount_untaxed, 300.0 + 160.0 + 120.0 + 460.0 + 190.0 + 136.0)
        # the advisor moves the oil change to the insurer: the contract prices it, the list price stays
        oil.with_user(self.advisor_a).payer = "insurance"
        self.assertRecordValues(oil, [{"quantity": 1.5, "list_price": 200.0, "price_unit": 190.0,
                                       "price_subtotal": 285.0}])
        # and the brake check back to the customer: the store's hours and rate again
        brake.with_user(self.advisor_a).payer = "customer"
        self.assertRecordValues(brake, [{"quantity": 1.0, "list_price": 200.0, "price_unit": 200.0}])

    def test_contract_applies_in_its_store_while_valid(self):
        order = self._checked_in_order(insurer_id=self.insurer.id)
        self.contract.date_end = order.date_in.date().replace(year=order.date_in.year - 1)
        self.contract.date_start = self.contract.date_end.replace(month=1, day=1)
        bumper = self._add_lines(order, [
            {"line_type": "labour", "labour_operation_id": self.op_bumper, "payer": "insurance"},
        ])
        self.assertRecordValues(bumper, [{"price_unit": 250.0, "list_price": 250.0, "terms_discount": 0.0}])
        # a contract of the other store does not price this store's lines
        self.contract.write({"date_end": False, "date_start": False, "company_id": self.store_b.id})
        bumper.with_user(self.advisor_a).payer = "customer"
        bumper.with_user(self.advisor_a).payer = "insurance"
        self.assertEqual(bumper.price_unit, 250.0)
        # the store's own valid contract does
        self.contract.company_id = self.store_a
        bumper.with_user(self.advisor_a).payer = "customer"
        bumper.with_user(self.advisor_a).payer = "insurance"
        self.assertEqual(bumper.price_unit, 230.0)

    def test_contract_discount_is_within_the_advisors_rights(self):
        """The payer's terms discount is no favour of the advisor: the limit applies above it."""
        order = self._checked_in_order(insurer_id=self.insurer.id)
        self.assertEqual(self.store_a.dealer_advisor_discount_limit, 10.0)
        pads = self._add_lines(order, [
            {"line_type": "part", "product_id": self.oil_filter, "quantity": 1, "payer": "insurance"},
        ])
        self.assertRecordValues(pads, [{"discount": 15.0, "discount_approved_by_id": False}])
        pads.with_user(self.advisor_a).discount = 12.0
        with self.assertRaisesRegex(ValidationError, "above your limit of 15.0%"), self.env.cr.savepoint():
            pads.with_user(self.advisor_a).discount = 20.0
        pads.with_user(self.manager_a).discount = 20.0
        self.assertEqual(pads.discount_approved_by_id, self.manager_a)

    def test_invoiced_order_keeps_its_prices(self):
        order = self._checked_in_order(insurer_id=self.insurer.id)
        brake, bumper = self._add_lines(order, [
            {"line_type": "labour", "labour_operation_id": self.op_brake, "payer": "warranty"},
            {"line_type": "labour", "labour_operation_id": self.op_bumper, "payer": "insurance"},
        ])
        self._sign(order)
        order.action_approve()
        self._ready_for_delivery(order)
        order.action_deliver()
        order.action_create_invoices()
        before = (brake | bumper).read(["quantity", "price_unit", "discount", "list_price", "price_subtotal"])
        # the brand gets another OEM partner and warranty hours, the store another body rate
        self.brand.dealer_oem_partner_id = self.env["res.partner"].create({"name": "Other OEM"})
        self.op_brake.oem_time_ids.hours = 2.0
        self.env["dealer.labour.rate"].search([("company_id", "=", self.store_a.id), ("trade", "=", "body")]).rate = 1.0
        (brake | bumper).invalidate_recordset()
        self.assertEqual((brake | bumper).read(["quantity", "price_unit", "discount", "list_price", "price_subtotal"]),
                         before)
        self.assertEqual(brake.payer_partner_id, self.oem)
        self.assertEqual(sorted(order.invoice_ids.mapped("amount_untaxed")), [120.0, 460.0])

    def test_computed_prices_cannot_be_written(self):
        order = self._checked_in_order()
        filt = self._add_lines(order, [{"line_type": "part", "product_id": self.oil_filter, "quantity": 1}])
        for values in ({"list_price": 1.0}, {"terms_discount": 50.0}, {"percent_of_list": 100.0},
                       {"revenue": 1.0}, {"cost": 0.0}, {"gross_profit": 1.0}):
            with self.subTest(values=values), self.assertRaisesRegex(UserError, "cannot be entered"):
                filt.with_user(self.manager_a).write(values)
        with self.assertRaisesRegex(UserError, "cannot be entered"):
            self.env["dealer.repair.order.line"].with_user(self.manager_a).create({
                "order_id": order.id, "line_type": "part", "product_id": self.oil_filter.id, "list_price": 1.0,
            })
        with self.assertRaisesRegex(UserError, "cannot be entered"):
            order.with_user(self.manager_a).write({"cost": 0.0})
        self.assertEqual(filt.list_price, 80.0)

    def test_accessory_sold_below_list(self):
        accessory = self.env["product.product"].create({
            "name": "Floor mats", "type": "consu", "lst_price": 400.0,
            "categ_id": self.env.ref("dealer_service.product_category_accessories").id,
        })
        order = self._checked_in_order()
        mats = self._add_lines(order, [{"line_type": "accessory", "product_id": accessory, "quantity": 1}])
        mats.with_user(self.manager_a).write({"price_unit": 350.0, "discount": 20.0})
        self.assertRecordValues(mats, [{"list_price": 400.0, "price_subtotal": 280.0, "percent_of_list": 70.0}])
        below = self.env["dealer.repair.order.line"].search([
            ("order_id", "=", order.id), ("line_type", "=", "accessory"), ("percent_of_list", "<", 75.0),
        ])
        self.assertEqual(below, mats)

    def test_price_configuration_is_for_managers_per_store(self):
        with Form(self.env["dealer.payer.contract"].with_user(self.manager_a)) as form:
            form.name = "Fleet account Dalian Taxi (test)"
            form.partner_id = self.customer
            form.labour_rate = 180.0
            form.parts_discount = 5.0
            with form.rate_ids.new() as rate:
                rate.trade = "paint"
                rate.rate = 260.0
        contract = form.record
        self.assertRecordValues(contract, [{"company_id": self.store_a.id, "labour_rate": 180.0}])
        order = self._checked_in_order()
        oil = self._add_lines(order, [{"line_type": "labour", "labour_operation_id": self.op_oil}])
        self.assertEqual(oil.price_unit, 180.0)
        # one contract at a time per partner and store
        with self.assertRaisesRegex(ValidationError, "already has the contract"), self.env.cr.savepoint():
            contract.copy({"name": "Second agreement"})
        # advisors read the terms, only managers set them
        self.assertTrue(contract.with_user(self.advisor_a).read(["labour_rate"]))
        for model, values in (
            ("dealer.payer.contract", {"name": "Advisor's deal", "partner_id": self.customer.id}),
            ("dealer.warranty.labour.rate", {"brand_id": self.brand.id, "rate": 1.0}),
            ("dealer.labour.operation.oem.time", {"operation_id": self.op_oil.id, "brand_id": self.brand.id,
                                                  "hours": 0.1}),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.advisor_a).create(values)
        # the other store's advisor does not see this store's terms
        with self.assertRaises(AccessError):
            contract.with_user(self.advisor_b).read(["labour_rate"])
        self.assertFalse(self.env["dealer.warranty.labour.rate"].with_user(self.advisor_b).search([]))

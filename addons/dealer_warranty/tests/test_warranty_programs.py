from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyPrograms(common.WarrantyCase):
    """A new car's PDI and its free first service, paid by the OEM through claims."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # the OEM pays 150.00 an hour in store A, and 0.8 h for the oil change (1.5 h in the store's catalogue)
        env["dealer.warranty.labour.rate"].create({"company_id": cls.store_a.id, "brand_id": cls.brand.id,
                                                   "rate": 150.0})
        env["dealer.labour.operation.oem.time"].create({"operation_id": cls.op_oil.id, "brand_id": cls.brand.id,
                                                        "hours": 0.8})
        cls.op_pdi = env["dealer.labour.operation"].create({
            "code": "P001", "name": "PDI 新车交付前检查", "trade": "mechanical", "standard_hours": 1.0,
            "oem_time_ids": [fields.Command.create({"brand_id": cls.brand.id, "hours": 1.2})],
        })
        cls.first_service = env["dealer.service.package"].create({
            "name": "首保 First free service", "mileage": 5000, "dealer_oem_free": True,
            "line_ids": [fields.Command.create({"line_type": "labour", "labour_operation_id": cls.op_oil.id}),
                         fields.Command.create({"line_type": "part", "product_id": cls.oil_filter.id,
                                                "quantity": 1.0})],
        })
        cls.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(months=3)

    def _add_package(self, order, package):
        wizard = Form(self.env["dealer.repair.order.package.wizard"].with_user(self.advisor_a).with_context(
            default_order_id=order.id))
        wizard.package_id = package
        wizard.payer = "customer"
        wizard.save().action_apply()

    def test_free_first_service_is_claimed_from_the_oem(self):
        order = self._checked_in_order(mileage=5100)
        self._add_package(order, self.first_service)
        self.assertRecordValues(order.line_ids, [
            {"payer": "warranty", "dealer_claim_type": "free_service", "quantity": 0.8, "price_unit": 150.0},
            {"payer": "warranty", "dealer_claim_type": "free_service", "quantity": 1.0, "price_unit": 80.0},
        ])
        # the oil filter is a wear part, yet the OEM pays it under the free service
        self.assertEqual(order.line_ids[1].dealer_warranty_status, "wear")
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            order.line_ids[0].with_user(self.advisor_a).write({"dealer_claim_type": False})
        self._sign(order)
        order.action_approve()
        labour = order.line_ids[0]
        self._clock(order, labour, 0.8).write({"state": "done", "date_done": fields.Datetime.now()})
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        claim = self._claim(order)
        # 0.8 h x 150.00 + 80.00 = 200.00, nothing billed to the customer
        self.assertRecordValues(claim, [{"claim_type": "free_service", "amount_claimed": 200.0}])
        claim.with_user(self.clerk).action_submit()
        self.assertEqual(claim.state, "submitted")

    def test_a_plain_package_stays_with_the_customer(self):
        self.first_service.dealer_oem_free = False
        order = self._checked_in_order(mileage=5100)
        self._add_package(order, self.first_service)
        self.assertEqual(order.line_ids.mapped("payer"), ["customer", "customer"])
        self.assertFalse(any(order.line_ids.mapped("dealer_claim_type")))

    def test_pdi_checklist_is_claimed_from_the_oem(self):
        template = self.env["dealer.inspection.template"].create({
            "name": "PDI 新车检查", "brand_id": self.brand.id, "dealer_pdi": True,
            "dealer_pdi_labour_operation_id": self.op_pdi.id,
            "item_ids": [fields.Command.create({"area": "exterior", "name": "漆面检查 paint"})],
        })
        # a new car not sold yet: no warranty runs, the OEM pays its PDI all the same
        self.vehicle_a.dealer_warranty_start_date = False
        order = self._checked_in_order(mileage=12)
        check = self.env["dealer.health.check"].with_user(self.advisor_a).create({
            "order_id": order.id, "template_id": template.id})
        check.with_user(self.advisor_a).action_dealer_claim_pdi()
        self.assertRecordValues(check.dealer_pdi_line_id, [
            {"payer": "warranty", "dealer_claim_type": "pdi", "quantity": 1.2, "price_unit": 150.0,
             "price_subtotal": 180.0}])
        with self.assertRaisesRegex(UserError, "on the order already"):
            check.with_user(self.advisor_a).action_dealer_claim_pdi()
        values = check.dealer_pdi_line_id._dealer_prepare_claims_values()
        self.assertEqual([(value["claim_type"], len(value["line_ids"])) for value in values], [("pdi", 1)])
        self.assertEqual(values[0]["line_ids"][0][2]["price_unit"], 150.0)
        # a health check from an ordinary template is not a PDI
        plain = self.env["dealer.health.check"].with_user(self.advisor_a).create({"order_id": order.id})
        with self.assertRaisesRegex(UserError, "not made from a PDI checklist"):
            plain.with_user(self.advisor_a).action_dealer_claim_pdi()

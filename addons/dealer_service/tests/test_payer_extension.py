from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common

TEST_ADDON = "dealer_service_payer_test"


@tagged("post_install", "-at_install")
class TestPayerExtension(reception_common.ReceptionCase):
    """A module adds a payer the way dealer_warranty or dealer_insurance would: the tests-only addon
    ``tests/addons/dealer_service_payer_test`` adds a fleet account billed to the company the
    customer drives for, and invoices its labour and its parts apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fleet_company = cls.env["res.partner"].create({"name": "大连出租汽车公司 (test)", "is_company": True})
        cls.customer.parent_id = cls.fleet_company

    def setUp(self):
        super().setUp()
        installed = self.env["ir.module.module"].search([("name", "=", TEST_ADDON), ("state", "=", "installed")])
        self.assertTrue(installed, f"install {TEST_ADDON} from tests/addons (scripts/test.sh does) to run this test")

    def test_added_payer_bills_its_partner_and_groups_its_invoices(self):
        order = self._checked_in_order()
        with Form(order.with_user(self.advisor_a)) as form:
            for line_type, product, payer in (
                ("labour", None, "fleet"), ("part", self.oil_filter, "fleet"), ("labour", None, "customer"),
            ):
                with form.line_ids.new() as line:
                    line.line_type = line_type
                    if product:
                        line.product_id = product
                    else:
                        line.labour_operation_id = self.op_oil if payer == "fleet" else self.op_brake
                    line.payer = payer
        fleet_labour, fleet_part, customer_labour = order.line_ids
        self.assertRecordValues(order.line_ids, [
            {"payer": "fleet", "payer_partner_id": self.fleet_company.id},
            {"payer": "fleet", "payer_partner_id": self.fleet_company.id},
            {"payer": "customer", "payer_partner_id": self.customer.id},
        ])
        # the module's dependency is followed: the driver changes company
        other_fleet = self.env["res.partner"].create({"name": "大连公交集团 (test)", "is_company": True})
        self.customer.parent_id = other_fleet
        self.assertEqual((fleet_labour | fleet_part).payer_partner_id, other_fleet)
        self.assertEqual(customer_labour.payer_partner_id, self.customer)

        self._sign(order)
        order.action_approve()
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        order.with_user(self.advisor_a).action_create_invoices()
        # one invoice for the customer, and the fleet's labour and parts apart (the module's grouping key)
        self.assertRecordValues(order.invoice_ids.sorted(lambda move: (move.partner_id.id, move.amount_total)), sorted([
            {"partner_id": self.customer.id, "ref": False, "amount_untaxed": 200.0},
            {"partner_id": other_fleet.id, "ref": f"FLEET {order.name} part", "amount_untaxed": 80.0},
            {"partner_id": other_fleet.id, "ref": f"FLEET {order.name} labour", "amount_untaxed": 300.0},
        ], key=lambda vals: (vals["partner_id"], vals["amount_untaxed"])))
        self.assertEqual(fleet_part.invoice_line_ids.dealer_payer, "fleet")
        self.assertEqual(fleet_labour.invoice_line_ids.move_id.partner_id, other_fleet)

    def test_fleet_line_without_company_is_refused(self):
        self.customer.parent_id = False
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id,
                                          "payer": "fleet"})]
        self.assertFalse(order.line_ids.payer_partner_id, "never billed to the customer instead")
        self._sign(order)
        with self.assertRaisesRegex(UserError, "has no billed partner"):
            order.action_approve()

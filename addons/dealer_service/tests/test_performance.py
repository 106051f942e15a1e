from odoo.fields import Command
from odoo.tests import tagged, users, warmup

from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestRepairOrderPerformance(reception_common.ReceptionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # created once: creating a product clears the registry's caches, which no approval does
        cls.ten_parts = cls.env["product.product"].create([{
            "name": f"Part {i}", "type": "consu", "is_storable": True, "lst_price": 10.0 + i,
            "categ_id": cls.categ_parts.id, "taxes_id": [Command.set(cls.tax13.ids)],
        } for i in range(10)])

    @users("h1_advisor_a")
    @warmup
    def test_approve_order_with_20_lines(self):
        parts = self.ten_parts.with_env(self.env)
        order = self._make_order(self.store_a, self.env.user)
        order.write(self._reception_values())
        order.action_check_in()
        operations = (self.op_oil | self.op_brake | self.op_bumper).with_env(self.env)
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": operations[i % 3].id}) for i in range(10)
        ] + [
            Command.create({"line_type": "part", "product_id": part.id, "quantity": 2}) for part in parts
        ]
        self._sign(order)
        self.env.flush_all()
        self.env.invalidate_all()
        # 1 picking and 10 moves created and confirmed, the parts' quants read in one search for the reservation
        with self.assertQueryCount(h1_advisor_a=60):  # the budget (issue 15)
            order.action_approve()
            self.env.flush_all()
        self.assertEqual(len(order.picking_ids.move_ids), 10)
        self.assertEqual(order.state, "approved")

    @users("h1_advisor_a")
    @warmup
    def test_invoice_order_with_three_payers(self):
        order = self._make_order(self.store_a, self.env.user)
        order.write(self._reception_values(insurer_id=self.insurer.id))
        order.action_check_in()
        operations = (self.op_oil | self.op_brake | self.op_bumper).with_env(self.env)
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": operation.id, "payer": payer})
            for operation, payer in zip(operations, ("customer", "warranty", "insurance"), strict=True)
        ] + [Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1})]
        self._sign(order)
        order.action_approve()
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        self.env.flush_all()
        self.env.invalidate_all()
        # 3 invoices (1, 1 and 2 lines) created and posted, the settlement date and the collection recorded
        with self.assertQueryCount(h1_advisor_a=185):  # 174 measured (as before the invoicing hooks)
            order.action_create_invoices()
            self.env.flush_all()
        self.assertEqual(len(order.invoice_ids), 3)

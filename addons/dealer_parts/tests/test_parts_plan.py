from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.sealed import unsealed

from . import common


@tagged("post_install", "-at_install")
class TestPartsPlan(common.PartsCase):

    def test_plan_gathers_reordering_and_backorder_shortages(self):
        # store B: a store of its own, without any other shortage
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.store_b.id)], limit=1)
        self.filter.with_company(self.store_b).standard_price = 30.0
        self.filter.product_tmpl_id.with_company(self.store_b).dealer_safety_stock = 10  # min 10, max 20
        requisition = self._issue("requisition", [(self.pump, 2)], warehouse=warehouse, set_quantity=False, sign=False)
        self.assertEqual(requisition.state, "confirmed", "no pump in stock: the requisition waits")
        plan = self.env["dealer.parts.plan"].with_user(self.clerk).with_company(self.store_b).create({
            "partner_id": self.supplier.id, "company_id": self.store_b.id})
        plan.action_gather()
        by_product = {line.product_id: line for line in plan.line_ids}
        self.assertEqual(set(by_product), {self.pump, self.filter})
        self.assertEqual(by_product[self.pump].source, "backorder")
        self.assertEqual(by_product[self.pump].quantity, 2)
        self.assertEqual(by_product[self.pump].move_ids, requisition.move_ids)
        self.assertEqual(by_product[self.filter].source, "reorder")
        self.assertEqual(by_product[self.filter].quantity, 20)
        self.assertEqual(by_product[self.filter].price_unit, 30.0)
        plan.action_submit()
        with self.assertRaises(AccessError):
            plan.with_user(self.clerk).with_company(self.store_b).validate_tier()
        self._approve(plan, self.manager)
        self.assertRecordValues(plan, [{"state": "approved", "validation_status": "validated"}])
        self.assertEqual(plan.review_ids.done_by, self.manager)
        self.assertRegex(plan.name, r"^PP\d{4}-\d{5}$")
        self.assertEqual(len(plan._dealer_copy_names()), 3)
        plan.with_user(self.manager).with_company(self.store_b).action_create_rfq()
        self.assertEqual(plan.state, "ordered")
        self.assertEqual(len(plan.purchase_ids), 1)
        self.assertEqual(plan.purchase_ids.company_id, self.store_b)
        self.assertEqual(sorted(plan.purchase_ids.order_line.mapped("product_qty")), [2.0, 20.0])

    def _submitted_plan(self):
        plan = self.env["dealer.parts.plan"].with_user(self.clerk).create({
            "partner_id": self.supplier.id,
            "line_ids": [Command.create({"product_id": self.filter.id, "quantity": 10, "price_unit": 30.0})],
        })
        plan.action_submit()
        return plan

    def test_plan_needs_the_parts_managers_tier(self):
        plan = self._submitted_plan()
        self.assertRecordValues(plan.review_ids, [{"name": "Purchase plan approval: parts manager",
                                                   "status": "pending", "requested_by": self.clerk.id}])
        for user in (self.clerk, self.warranty_sup, self.advisor):
            with self.assertRaises(AccessError):
                plan.with_user(user).validate_tier()
            with self.assertRaises(UserError):
                plan.with_user(user).write({"state": "approved"})
        with unsealed(self.env), self.assertRaisesRegex(ValidationError, "validation process is still open"):
            plan.with_user(self.manager).write({"state": "approved"})
        with self.assertRaises(UserError):
            plan.with_user(self.manager).action_create_rfq()
        self.assertRecordValues(plan, [{"state": "to_approve", "name": False}])
        self._approve(plan, self.manager)
        self.assertRecordValues(plan, [{"state": "approved", "validation_status": "validated"}])
        self.assertRecordValues(plan.review_ids, [{"status": "approved", "done_by": self.manager.id}])
        self.assertRegex(plan.name, r"^PP\d{4}-\d{5}$")

    def test_rejected_plan_goes_back_to_the_planner(self):
        plan = self._submitted_plan()
        action = plan.with_user(self.manager).reject_tier()
        wizard = Form(self.env["comment.wizard"].with_user(self.manager).with_context(action["context"]),
                      view=action["view_id"])
        wizard.comment = "滤清器库存够用, 减半"
        wizard.save().add_comment()
        self.assertRecordValues(plan, [{"state": "draft", "validation_status": "rejected"}])
        self.assertEqual(plan.review_ids.comment, "滤清器库存够用, 减半")
        self.assertIn("减半", plan.message_ids[:1].body)
        # the planner changes it and submits it again: the parts manager approves the new plan
        plan.line_ids.with_user(self.clerk).quantity = 5
        plan.with_user(self.clerk).action_submit()
        self.assertEqual(plan.review_ids.mapped("status"), ["pending"])
        self._approve(plan, self.manager)
        self.assertRecordValues(plan, [{"state": "approved"}])
        self.assertEqual(plan.line_ids.quantity, 5)

    def _a_class_plan(self, quotes):
        self.pump.product_tmpl_id.dealer_abc_class = "a"
        plan = self.env["dealer.parts.plan"].create({
            "line_ids": [Command.create({"product_id": self.pump.id, "quantity": 4})],
        })
        line = plan.line_ids
        suppliers = [self.supplier, self.supplier_2, self.supplier_3]
        line.quote_ids = [Command.create({"partner_id": suppliers[i].id, "price_unit": price})
                          for i, price in enumerate(quotes)]
        plan.action_submit()
        self._approve(plan, self.manager)
        return plan

    def test_a_class_order_with_two_quotes_refused(self):
        plan = self._a_class_plan([520.0, 490.0])
        with self.assertRaisesRegex(UserError, "three quotes"):
            plan.action_create_rfq()
        # nor can it be bought around the plan
        order = self.env["purchase.order"].create({
            "partner_id": self.supplier.id,
            "order_line": [Command.create({"product_id": self.pump.id, "product_qty": 1, "price_unit": 500})],
        })
        with self.assertRaisesRegex(UserError, "A-class"):
            order.button_confirm()
        self.assertEqual(order.state, "draft")

    def test_a_class_order_with_three_quotes_takes_the_best(self):
        plan = self._a_class_plan([520.0, 490.0, 505.0])
        plan.line_ids.action_select_best_quote()
        self.assertRecordValues(plan.line_ids, [{"partner_id": self.supplier_2.id, "price_unit": 490.0}])
        plan.action_create_rfq()
        order = plan.purchase_ids
        self.assertEqual(order.partner_id, self.supplier_2)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_a_class_waiver_by_manager_only(self):
        plan = self._a_class_plan([520.0])
        with self.assertRaises(AccessError):
            plan.line_ids.with_user(self.clerk)._dealer_waive_quotes("only one OEM source")
        plan.line_ids.with_user(self.manager)._dealer_waive_quotes("Only the OEM supplies this pump")
        plan.line_ids.action_select_best_quote()
        plan.action_create_rfq()
        plan.purchase_ids.button_confirm()
        self.assertEqual(plan.purchase_ids.state, "purchase")

    def test_void_plan_keeps_number(self):
        plan = self._a_class_plan([1.0, 2.0, 3.0])
        number = plan.name
        plan._dealer_void("Plan duplicated")
        self.assertRecordValues(plan, [{"name": number, "dealer_voided": True, "state": "cancel"}])
        with self.assertRaises(UserError):
            plan.unlink()

    def test_approved_plan_is_edited_only_after_going_back_to_approval(self):
        plan = self._a_class_plan([520.0, 490.0, 505.0])
        number = plan.name
        line = plan.line_ids
        for user in (self.clerk, self.manager):
            for walk_around in (lambda p, u: p.with_user(u).write({"partner_id": self.supplier_3.id}),
                                lambda p, u: p.line_ids.with_user(u).write({"quantity": 40}),
                                lambda p, u: p.with_user(u).write({"line_ids": [Command.create({
                                    "product_id": self.filter.id, "quantity": 100})]}),
                                lambda p, u: p.line_ids.with_user(u).unlink()):
                with self.assertRaisesRegex(UserError, "send it back to draft"):
                    walk_around(plan, user)
        with self.assertRaisesRegex(UserError, "change only through"):
            line.with_user(self.manager).write({"quote_waiver_reason": "typed"})
        self.assertRecordValues(line, [{"quantity": 4.0, "quote_waiver_reason": False}])
        self.assertEqual(len(plan.line_ids), 1)
        # back to draft: the change is made and the manager approves again, the number is kept
        plan.with_user(self.clerk).action_reset()
        self.assertRecordValues(plan, [{"state": "draft", "validation_status": "no", "name": number}])
        line.with_user(self.clerk).quantity = 40
        plan.with_user(self.clerk).action_submit()
        self.assertEqual(plan.state, "to_approve", "the changed plan waits for the parts manager again")
        self._approve(plan, self.manager)
        self.assertRecordValues(plan, [{"state": "approved", "name": number}])
        self.assertEqual(plan.line_ids.quantity, 40)

    def test_plan_does_not_order_twice(self):
        warehouse = self.warehouse_b
        self.filter.with_company(self.store_b).standard_price = 30.0
        self.filter.product_tmpl_id.with_company(self.store_b).dealer_safety_stock = 10  # min 10, max 20
        self._issue("requisition", [(self.pump, 5), (self.filter, 3)], warehouse=warehouse, set_quantity=False,
                    sign=False)
        # an open RFQ already asks 2 pumps from the supplier
        self.env["purchase.order"].with_company(self.store_b).create({
            "partner_id": self.supplier.id, "company_id": self.store_b.id,
            "order_line": [Command.create({"product_id": self.pump.id, "product_qty": 2, "price_unit": 500})],
        })
        plan = self.env["dealer.parts.plan"].with_company(self.store_b).create({
            "partner_id": self.supplier.id, "company_id": self.store_b.id})
        plan.action_gather()
        by_product = {line.product_id: line for line in plan.line_ids}
        self.assertEqual(by_product[self.pump].quantity, 3, "5 back-ordered less the 2 on the open RFQ")
        # the filter's back-order of 3 is in the rule's forecast: -3 < 10, up to 20 is 23, not 23 + 3
        self.assertEqual(by_product[self.filter].source, "both")
        self.assertEqual(by_product[self.filter].quantity, 23)

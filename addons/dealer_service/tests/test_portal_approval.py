from lxml import html

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.dealer_service.tests import reception_common


class PortalApprovalMixin:

    def _order_with_added_work(self):
        order = self._checked_in_order()
        order.line_ids = [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(order)
        order.action_approve()
        order.action_start_repair()
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id,
                            "added_work_reason": "Brake disc scored"}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1,
                            "added_work_reason": "Filter housing cracked"}),
        ]
        return order, order.line_ids.filtered("is_added_work")


@tagged("post_install", "-at_install")
class TestPortalApproval(PortalApprovalMixin, reception_common.ReceptionCase):

    def test_portal_answer_touches_exactly_the_named_lines(self):
        order, (brake, filt) = self._order_with_added_work()
        other_order, (other_brake, other_filt) = self._order_with_added_work()
        order._portal_answer_added_work(
            [brake.id], True, signer_name="Zhang Wei", signature=reception_common.SIGNATURE,
        )
        self.assertRecordValues(brake | filt | other_brake | other_filt, [
            {"approval_state": "approved", "approval_method": "portal"},
            {"approval_state": "pending", "approval_method": False},
            {"approval_state": "pending", "approval_method": False},
            {"approval_state": "pending", "approval_method": False},
        ])
        self.assertTrue(order.added_work_signature)
        self.assertIn("Added work approved by Zhang Wei", order.message_ids[0].body)
        # a line of another order is refused, even together with a line of this order
        with self.assertRaisesRegex(UserError, "not waiting for your answer"):
            order._portal_answer_added_work([filt.id, other_filt.id], False)
        self.assertEqual((filt | other_filt).mapped("approval_state"), ["pending", "pending"])
        with self.assertRaisesRegex(UserError, "sign"):
            order._portal_answer_added_work([filt.id], True)
        order._portal_answer_added_work([filt.id], False, signer_name="Zhang Wei")
        self.assertEqual(filt.approval_state, "declined")
        self.assertFalse(filt.move_ids, "declined parts are not issued")
        with self.assertRaisesRegex(UserError, "not waiting"):
            order._portal_answer_added_work([brake.id], False)


@tagged("post_install", "-at_install")
class TestPortalApprovalHttp(PortalApprovalMixin, reception_common.ReceptionCase, HttpCase):

    def test_customer_approves_by_token_without_account(self):
        order, (brake, filt) = self._order_with_added_work()
        other_order, (other_brake, _other_filt) = self._order_with_added_work()
        order._portal_ensure_token()
        token = order.access_token
        response = self.url_open(f"/my/repair_orders/{order.id}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Brake disc scored", response.text)
        self.assertIn("Approve & Sign", response.text)
        # a wrong token or another order's line is refused
        url = f"/my/repair_orders/{order.id}/lines/{brake.id}/approve?access_token=wrong"
        result = self.make_jsonrpc_request(url, {"name": "Zhang Wei", "signature": reception_common.SIGNATURE.decode()})
        self.assertEqual(result, {"error": "Invalid repair order."})
        url = f"/my/repair_orders/{order.id}/lines/{other_brake.id}/approve?access_token={token}"
        result = self.make_jsonrpc_request(url, {"name": "Zhang Wei", "signature": reception_common.SIGNATURE.decode()})
        self.assertIn("error", result)
        self.assertEqual(other_brake.approval_state, "pending")
        # the named line is approved with the signature, the others stay pending
        url = f"/my/repair_orders/{order.id}/lines/{brake.id}/approve?access_token={token}"
        result = self.make_jsonrpc_request(url, {"name": "Zhang Wei", "signature": reception_common.SIGNATURE.decode()})
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(brake.approval_state, "approved")
        self.assertEqual(filt.approval_state, "pending")
        self.assertEqual(other_brake.approval_state, "pending")
        self.assertEqual(order.message_ids[0].author_id, self.customer)

    def _order_for_the_customer_page(self):
        """Work paid by four payers, added work with a photo, a health check."""
        order = self._checked_in_order()
        order.insurer_id = self.insurer
        order.line_ids = [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id, "payer": "insurance"}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 1,
                            "payer": "warranty"}),
            Command.create({"line_type": "labour", "name": "Courtesy road test", "quantity": 0.5,
                            "trade": "mechanical", "payer": "internal"}),
        ]
        self._sign(order)
        order.action_approve()
        order.action_start_repair()
        photo = self.env["ir.attachment"].create({
            "name": "scored-disc.png", "datas": reception_common.SIGNATURE, "mimetype": "image/png",
            "res_model": "dealer.repair.order", "res_id": order.id,
        })
        order.line_ids = [Command.create({
            "line_type": "labour", "labour_operation_id": self.op_brake.id,
            "added_work_reason": "Brake disc scored", "added_work_photo_ids": [Command.set(photo.ids)],
        })]
        self.env["dealer.health.check"].create({
            "order_id": order.id,
            "line_ids": [
                Command.create({"area": "Wheels", "name": "Tyre tread", "rating": "green", "note": "6 mm"}),
                Command.create({"area": "Body", "name": "Wiper blades", "rating": "amber", "note": "Smearing",
                                "estimated_amount": 120.0}),
                Command.create({"area": "Brakes", "name": "Rear brake pads", "rating": "red", "note": "2 mm left",
                                "estimated_amount": 680.0}),
            ],
        })
        order._portal_ensure_token()
        return order

    def _customer_page(self, order):
        response = self.url_open(f"/my/repair_orders/{order.id}?access_token={order.access_token}")
        self.assertEqual(response.status_code, 200)
        return response, html.fromstring(response.content)

    def test_customer_sees_what_they_pay_added_work_and_health_check(self):
        order = self._order_for_the_customer_page()
        oil, bumper, warranty_filter, road_test, brake = order.line_ids.sorted("id")
        self.assertRecordValues(oil | bumper | warranty_filter | brake, [
            {"payer": "customer", "price_total": 339.0, "approval_state": "not_required"},
            {"payer": "insurance", "price_total": 565.0, "approval_state": "not_required"},
            {"payer": "warranty", "price_total": 90.4, "approval_state": "not_required"},
            {"payer": "customer", "price_total": 226.0, "approval_state": "pending"},
        ])
        self.assertEqual(road_test.payer, "internal")
        self.assertGreater(order.amount_total, 1200.0, "the order's total holds every payer's lines")
        _response, page = self._customer_page(order)
        rows = [" ".join(row.text_content().split())
                for row in page.xpath("//table[@id='dealer_customer_lines']/tbody/tr")]
        self.assertEqual(len(rows), 2, rows)
        self.assertRegex(rows[0], r"^\[M001\] Oil change 1\.50 \D*339\.00$")
        self.assertRegex(rows[1], r"^\[M002\] Brake inspection 1\.00 \D*226\.00 Waiting for Customer$")
        text = page.text_content()
        for hidden in ("Front bumper repair", "Oil filter", "Courtesy road test"):
            self.assertNotIn(hidden, text)
        total = page.xpath("//*[@id='dealer_customer_total']")[0].text_content()
        self.assertIn("339.00", total, "the pending added work is not in the customer's total yet")
        added = page.xpath("//div[@id='dealer_added_work']")[0]
        self.assertIn("Brake disc scored", added.text_content())
        self.assertIn("226.00", added.text_content())
        self.assertEqual(len(added.xpath(".//img[hasclass('o_dealer_added_work_photo')]")), 1)
        health = [" ".join(row.text_content().split())
                  for row in page.xpath("//div[@id='dealer_health_check']//tbody/tr")]
        self.assertEqual(len(health), 2, "green points are not listed")
        self.assertTrue(health[0].startswith("Brakes: Rear brake pads Red 2 mm left"), health)
        self.assertIn("680.00", health[0])
        self.assertTrue(health[1].startswith("Body: Wiper blades Amber Smearing"), health)
        self.assertIn("120.00", health[1])

        # the customer approves the added work: it joins their total
        url = f"/my/repair_orders/{order.id}/lines/{brake.id}/approve?access_token={order.access_token}"
        result = self.make_jsonrpc_request(url, {"name": "Zhang Wei", "signature": reception_common.SIGNATURE.decode()})
        self.assertTrue(result.get("force_refresh"), result)
        _response, page = self._customer_page(order)
        total = page.xpath("//*[@id='dealer_customer_total']")[0].text_content()
        self.assertIn("565.00", total)
        self.assertFalse(page.xpath("//div[@id='dealer_added_work']//button[@data-bs-toggle='modal']"),
                         "nothing is left to answer")

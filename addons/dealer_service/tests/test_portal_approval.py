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

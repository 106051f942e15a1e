import binascii

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class DealerRepairOrderPortal(CustomerPortal):
    """The customer opens the repair order with the link sent by the advisor (access
    token, no account needed), sees the estimate and the added work, and approves
    (with a signature) or declines each added line."""

    def _dealer_order_or_none(self, order_id, access_token):
        try:
            return self._document_check_access("dealer.repair.order", order_id, access_token=access_token)
        except (AccessError, MissingError):
            return None

    def _dealer_customer_view(self, order_sudo):
        """What the customer is shown: the lines they pay (never the warranty, insurer or
        internal ones), their total without declined or still unanswered work, the added
        work, and the health check's points that need attention."""
        customer_lines = order_sudo.line_ids.filtered(lambda line: line.payer == "customer")
        billed = customer_lines.filtered(lambda line: line.approval_state not in ("pending", "declined"))
        return {
            "customer_lines": customer_lines,
            "customer_total": sum(billed.mapped("price_total")),
            "added_lines": customer_lines.filtered("is_added_work"),
            "attention_points": order_sudo.health_check_ids.line_ids.filtered(
                lambda point: point.rating in ("amber", "red"),
            ).sorted(lambda point: (point.rating != "red", point.sequence, point.id)),
        }

    @http.route(["/my/repair_orders/<int:order_id>"], type="http", auth="public", website=True)
    def portal_dealer_repair_order(self, order_id, access_token=None, message=None, **kw):
        order_sudo = self._dealer_order_or_none(order_id, access_token)
        if order_sudo is None:
            return request.redirect("/my")
        values = {
            **self._dealer_customer_view(order_sudo),
            "order": order_sudo,
            "access_token": access_token,
            "message": message,
            "page_name": "dealer_repair_order",
            "report_type": "html",
        }
        values = self._get_page_view_values(order_sudo, access_token, values, "my_dealer_repair_orders_history", False)
        return request.render("dealer_service.dealer_repair_order_portal_page", values)

    @http.route(["/my/repair_orders/<int:order_id>/lines/<int:line_id>/approve"],
                type="jsonrpc", auth="public", website=True)
    def portal_dealer_line_approve(self, order_id, line_id, access_token=None, name=None, signature=None):
        access_token = access_token or request.httprequest.args.get("access_token")
        order_sudo = self._dealer_order_or_none(order_id, access_token)
        if order_sudo is None:
            return {"error": request.env._("Invalid repair order.")}
        if not signature:
            return {"error": request.env._("Signature is missing.")}
        try:
            order_sudo.with_context(dealer_portal_author=order_sudo.partner_id.id)._portal_answer_added_work(
                [line_id], True, signer_name=name, signature=signature,
            )
        except UserError as error:
            return {"error": str(error)}
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        return {
            "force_refresh": True,
            "redirect_url": order_sudo.get_portal_url(query_string="&message=approved"),
        }

    @http.route(["/my/repair_orders/<int:order_id>/lines/<int:line_id>/decline"],
                type="http", auth="public", methods=["POST"], website=True)
    def portal_dealer_line_decline(self, order_id, line_id, access_token=None, **kw):
        order_sudo = self._dealer_order_or_none(order_id, access_token)
        if order_sudo is None:
            return request.redirect("/my")
        try:
            order_sudo.with_context(dealer_portal_author=order_sudo.partner_id.id)._portal_answer_added_work(
                [line_id], False, signer_name=order_sudo.partner_id.name,
            )
        except UserError:
            return request.redirect(order_sudo.get_portal_url(query_string="&message=not_pending"))
        return request.redirect(order_sudo.get_portal_url(query_string="&message=declined"))

from odoo import fields, models


class DealerAddedWorkAnswerLine(models.TransientModel):
    """One pending added-work line and the customer's decision on it."""

    _name = "dealer.added.work.answer.line"
    _description = "Customer's Answer to an Added Work Line"

    wizard_id = fields.Many2one("dealer.added.work.answer", required=True, ondelete="cascade")
    order_line_id = fields.Many2one("dealer.repair.order.line", string="Added Work", required=True)
    added_work_reason = fields.Text(related="order_line_id.added_work_reason")
    currency_id = fields.Many2one(related="order_line_id.currency_id")
    price_total = fields.Monetary(related="order_line_id.price_total")
    decision = fields.Selection(
        [("approve", "Approve"), ("decline", "Decline")], required=True, default="approve",
    )

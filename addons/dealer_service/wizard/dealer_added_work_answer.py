from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class DealerAddedWorkAnswer(models.TransientModel):
    """The customer's answer to the added work at the counter: each pending line approved
    or declined, under the customer's signature."""

    _name = "dealer.added.work.answer"
    _description = "Customer's Answer to Added Work"

    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", required=True, readonly=True)
    line_ids = fields.One2many(
        "dealer.added.work.answer.line", "wizard_id", string="Added Work",
        compute="_compute_line_ids", store=True, readonly=False,
    )
    signed_by = fields.Char(
        string="Signed By", compute="_compute_signed_by", store=True, readonly=False, required=True,
    )
    signature = fields.Binary(string="Customer's Signature")

    @api.depends("order_id")
    def _compute_line_ids(self):
        for wizard in self:
            pending = wizard.order_id.line_ids.filtered(lambda rec: rec.approval_state == "pending")
            wizard.line_ids = [Command.clear()] + [
                Command.create({"order_line_id": line.id, "decision": "approve"}) for line in pending
            ]

    @api.depends("order_id")
    def _compute_signed_by(self):
        for wizard in self:
            wizard.signed_by = wizard.order_id.partner_id.name

    def action_confirm(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(self.env._(
                "%(order)s has no added work waiting for the customer.", order=self.order_id.name,
            ))
        foreign = self.line_ids.order_line_id.filtered(lambda rec: rec.order_id != self.order_id)
        if foreign:
            raise UserError(self.env._(
                "%(lines)s are not added work of %(order)s.",
                lines=", ".join(foreign.mapped("name")), order=self.order_id.name,
            ))
        if not self.signature:
            raise UserError(self.env._(
                "Have the customer sign the answer to the added work of %(order)s.", order=self.order_id.name,
            ))
        self.order_id.added_work_signature = self.signature
        for decision, state in (("approve", "approved"), ("decline", "declined")):
            lines = self.line_ids.filtered(lambda rec, d=decision: rec.decision == d).order_line_id
            if lines:
                lines._set_approval(state, "signature", self.signed_by)
        return {"type": "ir.actions.act_window_close"}

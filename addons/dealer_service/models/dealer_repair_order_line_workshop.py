from odoo import fields, models


class DealerRepairOrderLine(models.Model):
    """Workshop side of the repair order line: its jobs and the declined work it
    offers again or that it leaves behind when the customer declines it."""

    _inherit = "dealer.repair.order.line"

    job_ids = fields.One2many("dealer.repair.job", "line_id", string="Jobs")
    dealer_declined_work_id = fields.Many2one(
        "dealer.declined.work", string="Offered Again From", index="btree_not_null", copy=False,
        help="Work declined on an earlier visit that this line offers again.",
    )

    def _set_approval(self, state, method, signer_name=None):
        res = super()._set_approval(state, method, signer_name=signer_name)
        if state == "approved":
            for line in self.filtered("dealer_declined_work_id"):
                line.dealer_declined_work_id._mark_done(line.order_id)
        elif state == "declined":
            self._dealer_remember_declined()
        return res

    def _dealer_remember_declined(self):
        """Remember declined work on the vehicle until it is done or dismissed."""
        new_vals = []
        sees_prices = self.env.su or self.env.user.has_group("dealer_service.dealer_service_group_advisor")
        for line in self:
            health_line = self.env["dealer.health.check.line"].search([("order_line_id", "=", line.id)], limit=1)
            if line.dealer_declined_work_id:
                # declined again: it stays open, dated today
                line.dealer_declined_work_id.write({
                    "date": fields.Date.context_today(line), "order_id": line.order_id.id, "line_id": line.id,
                })
                continue
            new_vals.append({
                "company_id": line.order_id.company_id.id,
                "vehicle_id": line.order_id.vehicle_id.id,
                "partner_id": line.order_id.partner_id.id,
                "description": (line.name or "").splitlines()[0][:250] if line.name else "-",
                "rating": health_line.rating if health_line.rating in ("amber", "red") else False,
                "estimated_amount": line.price_total if sees_prices else 0.0,
                "order_id": line.order_id.id,
                "line_id": line.id,
                "health_check_line_id": health_line.id,
            })
        if new_vals:
            self.env["dealer.declined.work"].create(new_vals)

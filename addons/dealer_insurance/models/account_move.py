from odoo import api, fields, models

COLLECTION_ACTIVITY = "dealer_insurance.mail_activity_type_insurer_collection"


class AccountMove(models.Model):
    _inherit = "account.move"

    dealer_insurance_case_id = fields.Many2one(
        "dealer.insurance.case", string="Accident Case", index="btree_not_null", readonly=True,
        help="The accident case this invoice bills to its insurer (its credit notes keep it).",
    )
    dealer_claims_user_id = fields.Many2one(
        related="dealer_insurance_case_id.user_id", string="Claims Adjuster",
    )
    dealer_age_days = fields.Integer(
        string="Age (days)", compute="_compute_dealer_age_days",
        help="Days since the invoice date.",
    )

    @api.depends("invoice_date")
    @api.depends_context("tz")
    def _compute_dealer_age_days(self):
        today = fields.Date.context_today(self)
        for move in self:
            move.dealer_age_days = (today - move.invoice_date).days if move.invoice_date else 0

    @api.model
    def _cron_insurer_collection(self):
        """Each week, the claims adjuster of every open insurer invoice gets a collection
        activity on it (one open at a time: the next action the collection list shows)."""
        activity_type = self.env.ref(COLLECTION_ACTIVITY)
        open_invoices = self.search([
            ("dealer_insurance_case_id", "!=", False), ("move_type", "=", "out_invoice"), ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("company_id.dealer_insurance_enabled", "=", True),
        ])
        for invoice in open_invoices:
            if invoice.activity_ids.filtered(lambda act: act.activity_type_id == activity_type):
                continue
            user = invoice.dealer_claims_user_id or invoice.invoice_user_id
            invoice.with_context(lang=user.lang).activity_schedule(
                COLLECTION_ACTIVITY, user_id=user.id,
                summary=invoice.with_context(lang=user.lang).env._(
                    "Chase %(insurer)s for %(amount)s open on %(invoice)s (%(days)s days)",
                    insurer=invoice.partner_id.name, invoice=invoice.name, days=invoice.dealer_age_days,
                    amount=invoice.currency_id.format(invoice.amount_residual),
                ),
            )
        return open_invoices

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

APPRAISAL_DECISIONS = [
    ("goodwill", "Goodwill"),
    ("refused", "Refused"),
]
APPRAISAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Decided"),
    ("cancel", "Cancelled"),
]
APPRAISERS = "dealer_warranty.dealer_warranty_group_appraiser"
# what only the actions change
APPRAISAL_SEALED = ("state", "user_id", "date_decided")
# what a decided appraisal no longer changes
DECISION_FIELDS = {"order_id", "line_ids", "decision", "reason", "oem_percent", "dealer_percent", "customer_percent"}


class DealerWarrantyAppraisal(models.Model):
    """The warranty appraiser's decision (保修鉴定) on warranty lines of a vehicle outside its
    warranty: goodwill (商誉保修), split in percent between the OEM, the store and the customer,
    asked by a warranty clerk and approved through the store's tiers (the appraiser), or refused
    by the appraiser (the customer pays or the work is dropped)."""

    _name = "dealer.warranty.appraisal"
    _description = "Warranty Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin",
                "dealer.tier.validation"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_warranty_enabled"
    _state_from = ["to_approve"]
    _state_to = ["approved"]

    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", required=True, index=True,
                               check_company=True, ondelete="cascade")
    vehicle_id = fields.Many2one(related="order_id.vehicle_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.Many2many(
        "dealer.repair.order.line", "dealer_warranty_appraisal_line_rel", "appraisal_id", "line_id",
        string="Lines", required=True, domain="[('order_id', '=', order_id), ('payer', '=', 'warranty')]",
    )
    decision = fields.Selection(APPRAISAL_DECISIONS, required=True, tracking=True)
    reason = fields.Text(required=True, help="Why the OEM's warranty does not cover the work, and why goodwill.")
    oem_percent = fields.Float(string="OEM Share (%)", digits=(16, 2), tracking=True)
    dealer_percent = fields.Float(string="Store Share (%)", digits=(16, 2), tracking=True)
    customer_percent = fields.Float(string="Customer Share (%)", digits=(16, 2), tracking=True)
    amount_total = fields.Monetary(string="Amount", compute="_compute_split", currency_field="currency_id")
    amount_oem = fields.Monetary(string="OEM Share", compute="_compute_split", currency_field="currency_id")
    amount_dealer = fields.Monetary(string="Store Share", compute="_compute_split", currency_field="currency_id")
    amount_customer = fields.Monetary(string="Customer Share", compute="_compute_split",
                                      currency_field="currency_id")
    state = fields.Selection(APPRAISAL_STATES, default="draft", required=True, readonly=True, copy=False,
                             index=True, tracking=True)
    user_id = fields.Many2one("res.users", string="Appraiser", readonly=True, copy=False)
    date_decided = fields.Datetime(string="Decided On", readonly=True, copy=False)

    _name_company_uniq = models.Constraint("unique(name, company_id)", "The reference must be unique per store.")

    @api.depends("line_ids.price_subtotal", "oem_percent", "dealer_percent", "customer_percent", "decision")
    def _compute_split(self):
        for appraisal in self:
            split = appraisal._dealer_split(sum(appraisal.line_ids.mapped("price_subtotal")))
            appraisal.amount_total = sum(split.values())
            appraisal.amount_oem = split["oem"]
            appraisal.amount_dealer = split["dealer"]
            appraisal.amount_customer = split["customer"]

    def _dealer_split(self, amount):
        """``amount`` split into the OEM's, the store's and the customer's shares, each rounded to
        the currency and the customer's share taking the rounding difference: the three add up."""
        self.ensure_one()
        currency = self.currency_id or self.env.company.currency_id
        if self.decision != "goodwill":
            return {"oem": 0.0, "dealer": 0.0, "customer": amount}
        oem = currency.round(amount * self.oem_percent / 100.0)
        dealer = currency.round(amount * self.dealer_percent / 100.0)
        return {"oem": oem, "dealer": dealer, "customer": currency.round(amount - oem - dealer)}

    @api.constrains("decision", "oem_percent", "dealer_percent", "customer_percent")
    def _check_split(self):
        for appraisal in self.filtered(lambda rec: rec.decision == "goodwill"):
            shares = (appraisal.oem_percent, appraisal.dealer_percent, appraisal.customer_percent)
            if any(share < 0 for share in shares) or abs(sum(shares) - 100.0) > 0.001:
                raise ValidationError(self.env._(
                    "The goodwill split of %(name)s must add up to 100%% (OEM %(oem)s%% + store %(dealer)s%% + "
                    "customer %(customer)s%%), none of them negative.",
                    name=appraisal.name, oem=appraisal.oem_percent, dealer=appraisal.dealer_percent,
                    customer=appraisal.customer_percent,
                ))

    @api.constrains("line_ids", "order_id")
    def _check_lines(self):
        for appraisal in self:
            strangers = appraisal.line_ids.filtered(lambda line, rec=appraisal: line.order_id != rec.order_id)
            if strangers:
                raise ValidationError(self.env._(
                    "%(lines)s are not lines of %(order)s.",
                    lines=", ".join(strangers.mapped("name")), order=appraisal.order_id.name,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, APPRAISAL_SEALED, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, APPRAISAL_SEALED)
        if set(vals) & DECISION_FIELDS and self.filtered(lambda rec: rec.state != "draft"):
            raise UserError(self.env._("A decided appraisal no longer changes: cancel it and appraise again."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(appraisal.state == "approved" for appraisal in self):
            raise UserError(self.env._("A decided appraisal is kept: cancel it instead."))

    @dealer_action
    def action_decide(self):
        """Decide, or ask for goodwill. A refusal is the appraiser's decision at once; goodwill
        waits for the store's tiers (the appraiser), and an appraiser asking it approves his tier
        with the same click."""
        wrong = self.filtered(lambda rec: rec.state != "draft")
        if wrong:
            raise UserError(self.env._("%(names)s are decided already.", names=", ".join(wrong.mapped("name"))))
        if not self.env.user.has_group(APPRAISERS) and self.filtered(lambda rec: rec.decision != "goodwill"):
            raise UserError(self.env._("Only a warranty appraiser decides on warranty liability."))
        self.write({"state": "to_approve"})
        self.request_validation()
        for appraisal in self.filtered(lambda rec: rec.state == "to_approve"):
            appraisal._validate_tier(appraisal._dealer_tier_reviewable())
        return True

    def _dealer_tier_validated(self):
        self.write({"state": "approved", "user_id": self.env.uid, "date_decided": fields.Datetime.now()})
        labels = dict(self._fields["decision"]._description_selection(self.env))
        for appraisal in self:
            appraisal.message_post(body=self.env._(
                "Warranty appraisal %(name)s by %(user)s: %(decision)s for %(lines)s. %(reason)s",
                name=appraisal.name, user=appraisal.user_id.name, decision=labels[appraisal.decision],
                lines=", ".join(appraisal.line_ids.mapped("name")), reason=appraisal.reason,
            ))

    def _dealer_tier_rejected(self):
        """Goodwill rejected (the reviewer's comment is on the chatter): back to draft, to ask
        again with another split or to be refused."""
        self.write({"state": "draft"})

    @dealer_action
    def action_cancel(self):
        claimed = self.line_ids.dealer_claim_line_ids.claim_id.filtered(lambda claim: claim.state != "draft")
        if claimed:
            raise UserError(self.env._(
                "The lines are claimed on %(claims)s already: the appraisal stays.",
                claims=", ".join(claimed.mapped("name")),
            ))
        self.write({"state": "cancel"})
        return True

    @dealer_action
    def action_draft(self):
        cancelled = self.filtered(lambda rec: rec.state == "cancel")
        cancelled._dealer_tier_withdraw()
        cancelled.write({"state": "draft", "user_id": False, "date_decided": False})
        return True

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

RENEWAL_STATES = [
    ("draft", "Draft"),
    ("done", "Renewed"),
    ("cancel", "Cancelled"),
]
RENEWAL_ACTION_FIELDS = ("state", "date", "new_policy_id")


class DealerInsuranceRenewal(models.Model):
    """A policy renewed through the store (续保): the new policy's insurer and premium, the rebate the
    insurer pays the store and what of it was given back to the customer. Staff commission reads
    ``rebate_gross_profit`` of the renewals done (``state``) in a month (``date``) per clerk (``user_id``)."""

    _name = "dealer.insurance.renewal"
    _description = "Policy Renewal"
    _inherit = ["mail.thread", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _rec_name = "policy_id"
    _dealer_capability = "dealer_insurance_enabled"

    state = fields.Selection(
        RENEWAL_STATES, default="draft", required=True, readonly=True, copy=False, index=True, tracking=True,
    )
    policy_id = fields.Many2one(
        "dealer.insurance.policy", string="Expiring Policy", required=True, index=True, check_company=True,
        domain="[('is_renewed', '=', False)]",
    )
    vehicle_id = fields.Many2one(related="policy_id.vehicle_id", store=True)
    partner_id = fields.Many2one(related="policy_id.partner_id", store=True, string="Policyholder")
    cover = fields.Selection(related="policy_id.cover", store=True)
    insurer_id = fields.Many2one(
        "res.partner", string="Insurer", tracking=True, domain="[('dealer_is_insurer', '=', True)]",
        compute="_compute_from_policy", store=True, readonly=False, precompute=True,
        help="The insurer of the new policy (the customer may change insurer at renewal).",
    )
    policy_number = fields.Char(string="New Policy Number", tracking=True)
    date_start = fields.Date(
        string="New Start", compute="_compute_from_policy", store=True, readonly=False, precompute=True,
    )
    date_end = fields.Date(
        string="New Expiry", compute="_compute_from_policy", store=True, readonly=False, precompute=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    premium = fields.Monetary(string="Premium", currency_field="currency_id", tracking=True)
    rebate_rate = fields.Float(
        string="Rebate (%)", digits=(5, 2), help="The insurer's rebate to the store, in percent of the premium.",
    )
    rebate_amount = fields.Monetary(
        string="Rebate", currency_field="currency_id", tracking=True,
        compute="_compute_rebate_amount", store=True, readonly=False, precompute=True,
        help="What the insurer pays the store for this renewal (返点).",
    )
    customer_incentive = fields.Monetary(
        string="Given to the Customer", currency_field="currency_id", tracking=True,
        help="Discounts, vouchers and gifts given to the customer to renew through the store.",
    )
    rebate_gross_profit = fields.Monetary(
        string="Rebate Gross Profit", currency_field="currency_id",
        compute="_compute_rebate_gross_profit", store=True, aggregator="sum",
        help="The rebate less what was given to the customer: the base of the renewal commission.",
    )
    user_id = fields.Many2one(
        "res.users", string="Renewed By", required=True, default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    date = fields.Date(string="Renewed On", readonly=True, copy=False, index=True)
    new_policy_id = fields.Many2one("dealer.insurance.policy", string="New Policy", readonly=True, copy=False)
    note = fields.Text(string="Notes")

    @api.depends("policy_id")
    def _compute_from_policy(self):
        for renewal in self:
            policy = renewal.policy_id
            renewal.insurer_id = renewal.insurer_id or policy.insurer_id
            if policy.date_end:
                renewal.date_start = policy.date_end + relativedelta(days=1)
                renewal.date_end = policy.date_end + relativedelta(years=1)

    @api.depends("premium", "rebate_rate")
    def _compute_rebate_amount(self):
        for renewal in self:
            renewal.rebate_amount = renewal.currency_id.round(renewal.premium * renewal.rebate_rate / 100.0)

    @api.depends("rebate_amount", "customer_incentive")
    def _compute_rebate_gross_profit(self):
        for renewal in self:
            renewal.rebate_gross_profit = renewal.rebate_amount - renewal.customer_incentive

    @api.constrains("premium", "rebate_rate", "rebate_amount", "customer_incentive")
    def _check_amounts(self):
        for renewal in self:
            if min(renewal.premium, renewal.rebate_rate, renewal.rebate_amount, renewal.customer_incentive) < 0:
                raise ValidationError(self.env._(
                    "The premium, rebate and what is given to the customer of the renewal of %(policy)s cannot "
                    "be negative.",
                    policy=renewal.policy_id.display_name,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, RENEWAL_ACTION_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, RENEWAL_ACTION_FIELDS)
        done = self.filtered(lambda rec: rec.state != "draft")
        if done:
            raise UserError(self.env._(
                "The renewal of %(policies)s is recorded: it no longer changes.",
                policies=", ".join(done.policy_id.mapped("display_name")),
            ))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(renewal.state == "done" for renewal in self):
            raise UserError(self.env._("A recorded renewal cannot be deleted: it is what commission is paid on."))

    @dealer_action
    def action_confirm(self):
        """Record the renewal: the new policy is registered and the renewal reminders are done."""
        for renewal in self:
            if renewal.state != "draft":
                raise UserError(self.env._(
                    "The renewal of %(policy)s is not a draft.", policy=renewal.policy_id.display_name,
                ))
            if renewal.policy_id.is_renewed:
                raise UserError(self.env._(
                    "%(policy)s is renewed already.", policy=renewal.policy_id.display_name,
                ))
            missing = [
                renewal._fields[fname]._description_string(self.env)
                for fname in ("insurer_id", "policy_number", "date_start", "date_end", "premium")
                if not renewal[fname]
            ]
            if missing:
                raise UserError(self.env._(
                    "Fill in %(fields)s of the renewal of %(policy)s.",
                    fields=", ".join(missing), policy=renewal.policy_id.display_name,
                ))
            old = renewal.policy_id
            new = self.env["dealer.insurance.policy"].create({
                "company_id": renewal.company_id.id,
                "name": renewal.policy_number,
                "vehicle_id": old.vehicle_id.id,
                "partner_id": old.partner_id.id,
                "insurer_id": renewal.insurer_id.id,
                "cover": old.cover,
                "date_start": renewal.date_start,
                "date_end": renewal.date_end,
                "premium": renewal.premium,
                "user_id": renewal.user_id.id,
            })
            renewal.write({"state": "done", "date": fields.Date.context_today(renewal), "new_policy_id": new.id})
            old.activity_ids.filtered(
                lambda act: act.activity_type_id == self.env.ref("dealer_insurance.mail_activity_type_policy_renewal")
            ).action_feedback(feedback=self.env._("Renewed as %(policy)s.", policy=new.display_name))
        return True

    @dealer_action
    def action_cancel(self):
        if any(renewal.state != "draft" for renewal in self):
            raise UserError(self.env._("Only a draft renewal can be cancelled."))
        self.write({"state": "cancel"})
        return True

    @api.model
    def _dealer_rebate_gross_profit(self, company, date_from, date_to):
        """``{user: rebate gross profit}`` of the renewals recorded in ``company`` between the two
        dates (included): what the renewal commission (40 % of it) is computed on."""
        return dict(self._read_group(
            [
                ("company_id", "=", company.id), ("state", "=", "done"),
                ("date", ">=", date_from), ("date", "<=", date_to),
            ],
            ["user_id"], ["rebate_gross_profit:sum"],
        ))

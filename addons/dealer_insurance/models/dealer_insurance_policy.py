import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.dealer_service.sealed import check_sealed, unsealed

_logger = logging.getLogger(__name__)

POLICY_COVERS = [
    ("compulsory", "Compulsory (CTPL)"),
    ("commercial", "Commercial"),
]
POLICY_STATES = [
    ("running", "Running"),
    ("expiring", "Expiring"),
    ("expired", "Expired"),
    ("renewed", "Renewed"),
]
# the renewal clerk is reminded this many days before a policy expires (seed 002: 续保提醒)
RENEWAL_REMINDER_DAYS = (60, 30, 7)


class DealerInsurancePolicy(models.Model):
    """A vehicle's insurance policy: compulsory third-party liability (交强险) or commercial
    cover (商业险), with its insurer, number and term."""

    _name = "dealer.insurance.policy"
    _description = "Vehicle Insurance Policy"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin"]
    _order = "date_end desc, id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_insurance_enabled"

    name = fields.Char(string="Policy Number", required=True, tracking=True, index="trigram")
    active = fields.Boolean(default=True)
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", required=True, index=True, tracking=True, check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Policyholder", index=True, check_company=True,
        compute="_compute_partner_id", store=True, readonly=False, precompute=True,
    )
    insurer_id = fields.Many2one(
        "res.partner", string="Insurer", required=True, index=True, tracking=True,
        domain="[('dealer_is_insurer', '=', True)]",
    )
    cover = fields.Selection(POLICY_COVERS, string="Cover", required=True, default="commercial", tracking=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="Expiry", required=True, index=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    premium = fields.Monetary(string="Premium", currency_field="currency_id")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    renewal_ids = fields.One2many("dealer.insurance.renewal", "policy_id", string="Renewals")
    is_renewed = fields.Boolean(string="Renewed", compute="_compute_is_renewed", store=True, index=True)
    state = fields.Selection(POLICY_STATES, string="Status", compute="_compute_state")
    renewal_reminder_days = fields.Integer(
        string="Last Renewal Reminder (days)", readonly=True, copy=False,
        help="The last renewal reminder sent, in days before expiry (60, 30 or 7); 0 when none yet.",
    )

    _insurer_number_uniq = models.Constraint(
        "unique(insurer_id, name)",
        "An insurer's policy number is unique: this policy is registered already.",
    )

    @api.depends("vehicle_id")
    def _compute_partner_id(self):
        for policy in self:
            policy.partner_id = policy.vehicle_id.customer_id or policy.partner_id

    @api.depends("renewal_ids.state")
    def _compute_is_renewed(self):
        for policy in self:
            policy.is_renewed = any(renewal.state == "done" for renewal in policy.renewal_ids)

    @api.depends("is_renewed", "date_end")
    @api.depends_context("tz")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for policy in self:
            if policy.is_renewed:
                policy.state = "renewed"
            elif policy.date_end and policy.date_end < today:
                policy.state = "expired"
            elif policy.date_end and (policy.date_end - today).days <= RENEWAL_REMINDER_DAYS[0]:
                policy.state = "expiring"
            else:
                policy.state = "running"

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for policy in self:
            if policy.date_end <= policy.date_start:
                raise ValidationError(self.env._(
                    "Policy %(policy)s expires on %(end)s, not after it starts on %(start)s: correct the dates.",
                    policy=policy.name, end=policy.date_end, start=policy.date_start,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ["renewal_reminder_days"], creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, ["renewal_reminder_days"])
        return super().write(vals)

    def _compute_display_name(self):
        labels = dict(self._fields["cover"]._description_selection(self.env))
        for policy in self:
            policy.display_name = f"{policy.name} ({labels.get(policy.cover, '')})" if policy.cover else policy.name

    # ------------------------------------------------------------
    # Renewal reminders
    # ------------------------------------------------------------

    def _dealer_renewal_user(self):
        """Who is reminded to renew this policy: the store's renewal clerk, else the policy's responsible."""
        self.ensure_one()
        return self.company_id.dealer_renewal_user_id or self.user_id or self.create_uid

    @api.model
    def _cron_renewal_reminders(self):
        """Remind the renewal clerk of each policy 60, 30 and 7 days before it expires, as an
        activity; idempotent: a reminder already sent is not sent again, and a reminder missed
        (the server was down that day) is sent the next time it runs."""
        stores = self.env["res.company"].search([("dealer_insurance_enabled", "=", True)])
        candidates = self.search([
            ("company_id", "in", stores.ids),
            ("is_renewed", "=", False),
            ("date_end", ">=", fields.Date.add(fields.Date.today(), days=-1)),
            ("date_end", "<=", fields.Date.add(fields.Date.today(), days=RENEWAL_REMINDER_DAYS[0] + 1)),
        ])
        reminded = self.browse()
        for policy in candidates:
            user = policy._dealer_renewal_user()
            # "today" where the clerk works (the store's day, not the server's)
            tz = user.tz or policy.company_id.resource_calendar_id.tz or "UTC"
            today = fields.Date.context_today(policy.with_context(tz=tz))
            days = (policy.date_end - today).days
            due = min((limit for limit in RENEWAL_REMINDER_DAYS if days <= limit), default=None)
            if days < 0 or due is None or (policy.renewal_reminder_days and policy.renewal_reminder_days <= due):
                continue
            policy.with_context(lang=user.lang).activity_schedule(
                "dealer_insurance.mail_activity_type_policy_renewal",
                date_deadline=today,
                summary=policy.with_context(lang=user.lang)._dealer_renewal_summary(days),
                user_id=user.id,
            )
            with unsealed(self.env):
                policy.renewal_reminder_days = due
            reminded |= policy
        _logger.info("Renewal reminders: %s policies reminded", len(reminded))
        return reminded

    def _dealer_renewal_summary(self, days):
        self.ensure_one()
        labels = dict(self._fields["cover"]._description_selection(self.env))
        return self.env._(
            "Renew %(cover)s policy %(policy)s of %(plate)s: expires in %(days)s days",
            cover=labels[self.cover], policy=self.name, plate=self.vehicle_id.license_plate or "-", days=days,
        )

    def action_new_renewal(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.insurance.renewal",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_policy_id": self.id, "default_company_id": self.company_id.id},
        }

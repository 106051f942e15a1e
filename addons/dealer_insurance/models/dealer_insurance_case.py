from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

CASE_STATES = [
    ("draft", "Registered"),
    ("estimated", "Estimate Sent"),
    ("assessed", "Assessed"),
    ("approved", "Approved"),
    ("supplement", "Supplement Pending"),
    ("invoiced", "Invoiced"),
    ("cancel", "Cancelled"),
]
LIABILITIES = [
    ("full", "Full"),
    ("major", "Major"),
    ("equal", "Equal"),
    ("minor", "Minor"),
    ("none", "None"),
]
# the customer's share of the liability for the accident (事故责任)
LIABILITY_SHARES = {"full": 100.0, "major": 70.0, "equal": 50.0, "minor": 30.0, "none": 0.0}
CASE_ACTION_FIELDS = ("cancelled", "start_override_reason", "start_override_user_id", "start_override_date")
CLAIMS_LEAD_GROUP = "dealer_insurance.dealer_insurance_group_lead"


class DealerInsuranceCase(models.Model):
    """An accident repair paid (in part) by an insurer: the report, the liability, the loss
    estimate and the insurer's assessment of it in rounds (the first estimate, then supplements),
    the repair agreement and the customer's authorisation for direct payment."""

    _name = "dealer.insurance.case"
    _description = "Accident Case"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_insurance_enabled"

    state = fields.Selection(
        CASE_STATES, string="Status", compute="_compute_state", store=True, index=True, tracking=True,
    )
    cancelled = fields.Boolean(readonly=True, copy=False)
    date = fields.Date(string="Registered On", required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users", string="Claims Adjuster", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", tracking=True, copy=False,
        check_company=True, domain="[('state', 'not in', ('invoiced', 'cancel'))]",
    )
    order_state = fields.Selection(related="repair_order_id.state", string="Repair Order Status")
    date_delivered = fields.Datetime(
        related="repair_order_id.date_delivered", store=True, index="btree_not_null", string="Vehicle Left On",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index=True, tracking=True, check_company=True,
        compute="_compute_partner_id", store=True, readonly=False, precompute=True,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", index="btree_not_null", tracking=True, check_company=True,
        compute="_compute_vehicle_id", store=True, readonly=False, precompute=True,
    )
    insurer_id = fields.Many2one(
        "res.partner", string="Insurer", index=True, tracking=True, domain="[('dealer_is_insurer', '=', True)]",
    )
    policy_id = fields.Many2one(
        "dealer.insurance.policy", string="Policy", check_company=True,
        domain="[('vehicle_id', '=', vehicle_id), ('insurer_id', '=', insurer_id)]",
    )
    report_number = fields.Char(
        string="Report Number", tracking=True, copy=False, help="The insurer's claim number (报案号).",
    )
    accident_date = fields.Datetime(string="Accident Date")
    accident_place = fields.Char(string="Accident Place")
    accident_description = fields.Text(string="What Happened")
    liability = fields.Selection(LIABILITIES, string="Liability", tracking=True)
    liability_share = fields.Float(
        string="Liability Share (%)", digits=(5, 2), tracking=True,
        compute="_compute_liability_share", store=True, readonly=False, precompute=True,
        help="The customer's share of the liability as the traffic police decided.",
    )
    assessor_id = fields.Many2one(
        "res.partner", string="Insurer's Assessor", tracking=True,
        domain="[('parent_id', '=', insurer_id)]",
    )
    photo_ids = fields.Many2many(
        "ir.attachment", "dealer_insurance_case_photo_rel", "case_id", "attachment_id", string="Photos",
    )
    assessment_ids = fields.One2many("dealer.insurance.assessment", "case_id", string="Assessments")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_estimated = fields.Monetary(
        string="Estimated", compute="_compute_amounts", store=True,
        help="The store's loss estimate of every round sent to the insurer (VAT included).",
    )
    amount_assessed = fields.Monetary(
        string="Assessed", compute="_compute_amounts", store=True,
        help="What the insurer assessed in the rounds assessed so far (定损金额, VAT included).",
    )
    amount_approved = fields.Monetary(
        string="Approved", compute="_compute_amounts", store=True,
        help="The assessed amount of the rounds the insurer approved: what the insurer is billed (VAT included).",
    )
    amount_difference = fields.Monetary(
        string="Estimate - Assessment", compute="_compute_amounts", store=True,
        help="How much less the insurer assessed than the store estimated, over the assessed rounds.",
    )
    invoice_ids = fields.One2many(
        "account.move", "dealer_insurance_case_id", string="Insurer Invoices", readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    amount_insurer_invoiced = fields.Monetary(
        string="Billed to the Insurer", compute="_compute_insurer_receivable",
        groups="account.group_account_invoice,account.group_account_readonly",
        help="The insurer's posted invoices of this case, less its credit notes (VAT included).",
    )
    amount_insurer_paid = fields.Monetary(
        string="Paid by the Insurer", compute="_compute_insurer_receivable",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    amount_insurer_open = fields.Monetary(
        string="Open with the Insurer", compute="_compute_insurer_receivable",
        groups="account.group_account_invoice,account.group_account_readonly",
        help="What the insurer still owes on this case's invoices.",
    )
    agreement_signature = fields.Binary(string="Repair Agreement Signature", copy=False, attachment=True)
    agreement_signed_by = fields.Char(string="Repair Agreement Signed By", copy=False)
    agreement_date = fields.Datetime(string="Repair Agreement Signed On", readonly=True, copy=False)
    authorisation_signature = fields.Binary(string="Direct Payment Authorisation", copy=False, attachment=True)
    authorisation_signed_by = fields.Char(string="Authorisation Signed By", copy=False)
    authorisation_date = fields.Datetime(string="Authorisation Signed On", readonly=True, copy=False)
    start_override_reason = fields.Text(string="Repair Started Before Assessment Because", readonly=True, copy=False)
    start_override_user_id = fields.Many2one("res.users", string="Override By", readonly=True, copy=False)
    start_override_date = fields.Datetime(string="Override On", readonly=True, copy=False)
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )
    _repair_order_uniq = models.UniqueIndex(
        "(repair_order_id) WHERE repair_order_id IS NOT NULL",
        "A repair order has one accident case.",
    )
    _report_number_uniq = models.UniqueIndex(
        "(insurer_id, report_number) WHERE report_number IS NOT NULL",
        "This insurer's report number belongs to another accident case already.",
    )

    @api.depends("repair_order_id")
    def _compute_vehicle_id(self):
        for case in self:
            case.vehicle_id = case.repair_order_id.vehicle_id or case.vehicle_id

    @api.depends("repair_order_id", "vehicle_id")
    def _compute_partner_id(self):
        for case in self:
            case.partner_id = case.repair_order_id.partner_id or case.partner_id or case.vehicle_id.customer_id

    @api.depends("liability")
    def _compute_liability_share(self):
        for case in self:
            if case.liability:
                case.liability_share = LIABILITY_SHARES[case.liability]

    @api.depends("cancelled", "repair_order_id.state", "assessment_ids.state")
    def _compute_state(self):
        for case in self:
            rounds = case.assessment_ids.filtered(lambda rec: rec.state != "draft").sorted("sequence")
            first = rounds[:1]
            if case.cancelled or case.repair_order_id.state == "cancel":
                case.state = "cancel"
            elif case.repair_order_id.state == "invoiced":
                case.state = "invoiced"
            elif not first:
                case.state = "draft"
            elif any(rec.state != "approved" for rec in rounds[1:]):
                case.state = "supplement"
            else:
                case.state = first.state

    @api.depends("assessment_ids.state", "assessment_ids.amount_estimated", "assessment_ids.amount_assessed")
    def _compute_amounts(self):
        for case in self:
            sent = case.assessment_ids.filtered(lambda rec: rec.state != "draft")
            assessed = sent.filtered(lambda rec: rec.state in ("assessed", "approved"))
            case.amount_estimated = sum(sent.mapped("amount_estimated"))
            case.amount_assessed = sum(assessed.mapped("amount_assessed"))
            case.amount_approved = sum(assessed.filtered(lambda rec: rec.state == "approved").mapped("amount_assessed"))
            case.amount_difference = sum(assessed.mapped("amount_estimated")) - case.amount_assessed

    @api.depends("invoice_ids.state", "invoice_ids.amount_total_signed", "invoice_ids.amount_residual_signed")
    def _compute_insurer_receivable(self):
        for case in self:
            posted = case.invoice_ids.filtered(lambda move: move.state == "posted")
            case.amount_insurer_invoiced = sum(posted.mapped("amount_total_signed"))
            case.amount_insurer_open = sum(posted.mapped("amount_residual_signed"))
            case.amount_insurer_paid = case.amount_insurer_invoiced - case.amount_insurer_open

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            check_sealed(self, vals, CASE_ACTION_FIELDS, creating=True)
            for prefix in ("agreement", "authorisation"):
                if vals.get(f"{prefix}_signature"):
                    vals[f"{prefix}_date"] = now
        cases = super().create(vals_list)
        cases._dealer_sync_order_insurer()
        return cases

    def write(self, vals):
        check_sealed(self, vals, CASE_ACTION_FIELDS)
        locked = self.filtered(lambda rec: rec.state in ("invoiced", "cancel"))
        if locked and set(vals) - {"note", "photo_ids", "message_main_attachment_id"}:
            raise UserError(self.env._(
                "%(cases)s is invoiced or cancelled: it no longer changes.",
                cases=", ".join(locked.mapped("name")),
            ))
        if "repair_order_id" in vals:
            self._dealer_check_rounds_sent(self.env._("Changing the repair order"))
        for prefix in ("agreement", "authorisation"):
            if f"{prefix}_signature" in vals:
                vals[f"{prefix}_date"] = vals[f"{prefix}_signature"] and fields.Datetime.now()
        res = super().write(vals)
        if {"insurer_id", "repair_order_id"} & set(vals):
            self._dealer_sync_order_insurer()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        self._dealer_check_rounds_sent(self.env._("Deleting"))

    def _dealer_check_rounds_sent(self, action):
        sent = self.filtered(lambda rec: rec.assessment_ids.filtered(lambda a: a.state != "draft"))
        if sent:
            raise UserError(self.env._(
                "%(action)s is not possible for %(cases)s: its estimate was sent to the insurer. Cancel the case "
                "instead.",
                action=action, cases=", ".join(sent.mapped("name")),
            ))

    def _dealer_sync_order_insurer(self):
        """The insurer of an accident case is the insurer billed on its repair order."""
        for case in self.filtered("repair_order_id"):
            if case.repair_order_id.insurer_id != case.insurer_id:
                case.repair_order_id.insurer_id = case.insurer_id

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_create_repair_order(self):
        """Receive the damaged vehicle: a draft repair order of this case for the reception to check in."""
        self.ensure_one()
        if self.repair_order_id:
            raise UserError(self.env._("%(case)s has its repair order already.", case=self.name))
        if not self.partner_id or not self.vehicle_id:
            raise UserError(self.env._(
                "Set the customer and the vehicle of %(case)s before receiving the vehicle.", case=self.name,
            ))
        order = self.env["dealer.repair.order"].with_company(self.company_id).create({
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "insurer_id": self.insurer_id.id,
            "customer_complaint": self.accident_description,
            "dealer_insurance_case_ids": [Command.link(self.id)],
        })
        return order._get_records_action()

    def action_view_repair_order(self):
        self.ensure_one()
        return self.repair_order_id._get_records_action()

    def action_send_estimate(self):
        """Send the insurer the estimate of the insurer's lines not estimated yet: the first
        estimate, or a supplement (追加定损) for the damage found since."""
        self.ensure_one()
        if self.state in ("invoiced", "cancel"):
            raise UserError(self.env._("%(case)s is invoiced or cancelled.", case=self.name))
        assessment = self.assessment_ids.filtered(lambda rec: rec.state == "draft")[:1] or \
            self.env["dealer.insurance.assessment"].create({"case_id": self.id})
        assessment.action_estimate()
        return True

    @dealer_action
    def action_cancel(self):
        if self.filtered(lambda rec: rec.state == "invoiced"):
            raise UserError(self.env._("An invoiced accident case cannot be cancelled: credit its invoices first."))
        self.write({"cancelled": True})
        return True

    def action_open_start_override(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Start the Repair Before the Assessment"),
            "res_model": "dealer.insurance.start.override",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_case_id": self.id},
        }

    @dealer_action
    def _dealer_override_start(self, reason):
        """The claims lead lets the repair start before the insurer assessed the loss, with a reason."""
        if not self.env.user.has_group(CLAIMS_LEAD_GROUP):
            raise AccessError(self.env._(
                "Only the claims lead lets a repair start before the insurer's assessment.",
            ))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the repair starts before the insurer's assessment."))
        self.write({
            "start_override_reason": reason,
            "start_override_user_id": self.env.uid,
            "start_override_date": fields.Datetime.now(),
        })
        for case in self:
            body = self.env._(
                "%(user)s lets the repair start before the insurer's assessment. Reason: %(reason)s",
                user=self.env.user.name, reason=reason,
            )
            case.message_post(body=body)
            if case.repair_order_id:
                case.repair_order_id.message_post(body=body)
        return True

    @api.model
    def _dealer_accident_output(self, company, date_from, date_to):
        """``{claims adjuster: amount}``: the amount the insurers approved (VAT included) for the
        accident cars of ``company`` that left between the two datetimes (the accident output
        staff commission is paid on)."""
        return dict(self._read_group(
            [
                ("company_id", "=", company.id), ("state", "!=", "cancel"),
                ("date_delivered", ">=", date_from), ("date_delivered", "<", date_to),
            ],
            ["user_id"], ["amount_approved:sum"],
        ))

    def _dealer_insurer_contract(self):
        """The store's contract with the case's insurer, valid when the vehicle arrived."""
        self.ensure_one()
        day = fields.Date.context_today(self, self.repair_order_id.date_in or fields.Datetime.now())
        contracts = self.env["dealer.payer.contract"].search([
            ("company_id", "=", self.company_id.id), ("partner_id", "=", self.insurer_id.id),
        ])
        return contracts.filtered(lambda contract: contract._is_valid_on(day))[:1]

    def _dealer_direct_payment(self):
        """Whether the insurer pays the store directly: its contract in the store says so."""
        self.ensure_one()
        return bool(self._dealer_insurer_contract().dealer_direct_payment)

    def _dealer_check_settlement(self):
        """At settlement every line the insurer pays is in an estimate it approved, and the customer
        signed the authorisation the insurer pays the store directly on."""
        for case in self.filtered(lambda rec: not rec.cancelled):
            order = case.repair_order_id
            unapproved = order.line_ids.filtered(
                lambda line: line.payer == "insurance" and line.approval_state != "declined" and line.quantity
                and line.dealer_assessment_id.state != "approved"
            )
            if unapproved:
                raise UserError(self.env._(
                    "%(lines)s of %(order)s are billed to the insurer but not in an estimate it approved (%(case)s): "
                    "send them as a supplement and record the insurer's answer, or bill them to the customer.",
                    lines=", ".join(unapproved.mapped("name")), order=order.name, case=case.name,
                ))
            if case._dealer_direct_payment() and not case.authorisation_signature:
                raise UserError(self.env._(
                    "%(insurer)s pays %(case)s directly on the customer's authorisation: have the customer sign "
                    "it on the case first.",
                    insurer=case.insurer_id.name, case=case.name,
                ))

    def _dealer_may_start_repair(self):
        """Whether the workshop may start: the insurer assessed the first estimate, or the claims
        lead overrode it."""
        self.ensure_one()
        first = self.assessment_ids.filtered(lambda rec: rec.state != "draft").sorted("sequence")[:1]
        return self.cancelled or self.start_override_date or first.state in ("assessed", "approved")

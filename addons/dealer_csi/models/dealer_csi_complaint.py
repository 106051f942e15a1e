import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.dealer_service.sealed import check_sealed, unsealed

COMPLAINT_STATES = [
    ("new", "Registered"),
    ("in_progress", "Investigating"),
    ("to_approve", "Solution Proposed"),
    ("approved", "Solution Approved"),
    ("accepted", "Accepted by Customer"),
    ("closed", "Closed"),
    ("rejected", "Not Valid"),
]
DONE_STATES = ("closed", "rejected")
CHANNELS = [
    ("phone", "Phone"),
    ("counter", "At the Counter"),
    ("followup", "Follow-up Call"),
    ("survey", "CSI Survey"),
    ("oem", "From the Maker"),
    ("online", "Online"),
    ("letter", "Letter or E-mail"),
]
DEPARTMENTS = [
    ("reception", "Reception"),
    ("workshop", "Workshop"),
    ("parts", "Parts"),
    ("customer_care", "Customer Care"),
    ("sales", "Sales"),
    ("other", "Other"),
]
CATEGORIES = [
    ("attitude", "Service Attitude"),
    ("quality", "Repair Quality"),
    ("time", "Waiting or Delivery Time"),
    ("price", "Price and Charges"),
    ("parts", "Parts Availability"),
    ("product", "Vehicle Quality (Maker)"),
    ("other", "Other"),
]
VALIDITY = [("pending", "To Judge"), ("valid", "Stands"), ("invalid", "Does Not Stand")]
# the SLA clocks: (milestone, deadline field, done field, breach field)
SLA_MILESTONES = [
    ("response", "response_deadline", "date_responded", "response_breached"),
    ("sort", "sort_deadline", "date_sorted", "sort_breached"),
    ("close", "close_deadline", "date_closed", "close_breached"),
]
SEALED_FIELDS = (
    "state", "validity", "date_responded", "date_sorted", "date_accepted", "date_closed",
    "response_breached", "sort_breached", "close_breached", "escalation_level",
    "solution_approved_by_id", "solution_approved_date",
)


class DealerCsiComplaint(models.Model):
    """A customer complaint (投诉), from registration to the customer's acceptance and the
    follow-up call, against the store's clocks: first response, sorted out, closed, each in
    the store's working time."""

    _name = "dealer.csi.complaint"
    _description = "Customer Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "date_registered desc, id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_csi_enabled"

    state = fields.Selection(
        COMPLAINT_STATES, default="new", required=True, readonly=True, copy=False, index=True, tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True, check_company=True,
    )
    phone = fields.Char(related="partner_id.phone")
    repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", tracking=True,
        check_company=True, domain="[('partner_id', '=', partner_id)]",
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", index="btree_not_null", check_company=True,
        compute="_compute_vehicle_id", store=True, readonly=False, precompute=True,
    )
    advisor_id = fields.Many2one(related="repair_order_id.user_id", string="Service Advisor")
    user_id = fields.Many2one(
        "res.users", string="Registered By", default=lambda self: self.env.user, readonly=True, copy=False,
    )
    date_registered = fields.Datetime(
        string="Received On", required=True, default=fields.Datetime.now, copy=False, tracking=True,
        help="When the customer complained: the complaint's clocks start here.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    description = fields.Text(string="Complaint", help="What the customer complains about, in their words.")
    customer_request = fields.Text(string="Customer's Request")
    call_id = fields.Many2one(
        "dealer.csi.call", string="From Call", readonly=True, copy=False, index="btree_not_null",
        check_company=True,
    )
    call_ids = fields.One2many("dealer.csi.call", "complaint_id", string="Follow-up Calls")
    # judgement and investigation
    validity = fields.Selection(VALIDITY, default="pending", required=True, readonly=True, tracking=True, copy=False)
    category = fields.Selection(CATEGORIES, string="Classification", tracking=True)
    department = fields.Selection(DEPARTMENTS, string="Responsible Department", tracking=True)
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible Person", index="btree_not_null", tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    investigation = fields.Text(string="Investigation and Cause")
    solution = fields.Text(string="Solution")
    solution_approved_by_id = fields.Many2one("res.users", string="Solution Approved By", readonly=True, copy=False)
    solution_approved_date = fields.Datetime(string="Solution Approved On", readonly=True, copy=False)
    acceptance_signature = fields.Binary(string="Customer's Acceptance", copy=False, attachment=True)
    acceptance_signed_by = fields.Char(string="Accepted By", copy=False)
    # the clocks
    date_responded = fields.Datetime(string="Responded On", readonly=True, copy=False)
    date_sorted = fields.Datetime(string="Sorted Out On", readonly=True, copy=False)
    date_accepted = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    response_deadline = fields.Datetime(
        string="Respond By", compute="_compute_deadlines", store=True,
        help="The first response is due within the store's response time, counted in its working hours.",
    )
    sort_deadline = fields.Datetime(string="Sort Out By", compute="_compute_deadlines", store=True)
    close_deadline = fields.Datetime(string="Close By", compute="_compute_deadlines", store=True)
    response_breached = fields.Boolean(string="Response Late", readonly=True, copy=False)
    sort_breached = fields.Boolean(string="Sorting Out Late", readonly=True, copy=False)
    close_breached = fields.Boolean(string="Closing Late", readonly=True, copy=False)
    is_breached = fields.Boolean(
        string="Late", compute="_compute_is_breached", store=True,
        help="One of the complaint's clocks ran out before its step was done.",
    )
    escalation_level = fields.Integer(
        string="Escalation Level", readonly=True, copy=False,
        help="How many levels above the responsible person the complaint was escalated.",
    )

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )

    @api.depends("repair_order_id")
    def _compute_vehicle_id(self):
        for complaint in self:
            if complaint.repair_order_id:
                complaint.vehicle_id = complaint.repair_order_id.vehicle_id

    @api.depends(
        "date_registered", "company_id.resource_calendar_id", "company_id.dealer_csi_sla_response_minutes",
        "company_id.dealer_csi_sla_sort_minutes", "company_id.dealer_csi_sla_close_days",
    )
    def _compute_deadlines(self):
        for complaint in self:
            company = complaint.company_id
            calendar = company.resource_calendar_id
            start = complaint.date_registered
            complaint.response_deadline = complaint._dealer_csi_working_deadline(
                calendar, start, company.dealer_csi_sla_response_minutes / 60.0,
            )
            complaint.sort_deadline = complaint._dealer_csi_working_deadline(
                calendar, start, company.dealer_csi_sla_sort_minutes / 60.0,
            )
            complaint.close_deadline = complaint._dealer_csi_working_deadline(
                calendar, start, company.dealer_csi_sla_close_days * (calendar.hours_per_day or 8.0),
            )

    @api.model
    def _dealer_csi_working_deadline(self, calendar, start, hours):
        """``start`` plus ``hours`` of the calendar's working time (its leaves and public
        holidays skipped), in UTC."""
        if not calendar or not start:
            return False
        end = calendar.plan_hours(hours, pytz.utc.localize(start), compute_leaves=True)
        if not end:
            return False
        if end.tzinfo:
            end = end.astimezone(pytz.utc).replace(tzinfo=None)
        return end

    @api.depends("response_breached", "sort_breached", "close_breached")
    def _compute_is_breached(self):
        for complaint in self:
            complaint.is_breached = complaint.response_breached or complaint.sort_breached or \
                complaint.close_breached

    @api.constrains("date_registered")
    def _check_date_registered(self):
        for complaint in self:
            if complaint.date_registered > fields.Datetime.now() + relativedelta(minutes=1):
                raise ValidationError(self.env._(
                    "Complaint %(complaint)s cannot be received in the future: enter when the customer complained.",
                    complaint=complaint.name,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, SEALED_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        # the clocks start at registration: moving it later would hide a late response
        check_sealed(self, vals, (*SEALED_FIELDS, "date_registered"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if self.filtered(lambda c: c.state != "new" or c.date_responded):
            raise UserError(self.env._(
                "A complaint the store has answered is kept for the records; only a complaint registered "
                "by mistake (not responded to yet) can be deleted.",
            ))

    # ------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------

    def _check_state(self, allowed, step):
        wrong = self.filtered(lambda c: c.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "%(step)s is not possible for %(complaints)s: allowed only in state %(states)s.",
                step=step, complaints=", ".join(f"{c.name} ({labels[c.state]})" for c in wrong),
                states=", ".join(labels[s] for s in allowed),
            ))

    def _check_filled(self, fnames, step):
        for complaint in self:
            missing = [complaint._fields[f]._description_string(self.env) for f in fnames if not complaint[f]]
            if missing:
                raise UserError(self.env._(
                    "%(step)s of complaint %(complaint)s needs: %(fields)s.",
                    step=step, complaint=complaint.name, fields=", ".join(missing),
                ))

    def _dealer_csi_reach(self, milestone, values):
        """Write a step and its clock: the time it was reached and whether it was late."""
        now = fields.Datetime.now()
        _name, deadline_f, done_f, breach_f = next(m for m in SLA_MILESTONES if m[0] == milestone)
        for complaint in self:
            vals = dict(values)
            if not complaint[done_f]:
                vals[done_f] = now
                if complaint[deadline_f] and now > complaint[deadline_f]:
                    vals[breach_f] = True
            with unsealed(self.env):
                complaint.write(vals)

    def action_respond(self):
        """First response: the responsible person has the complaint and the customer is answered."""
        step = self.env._("The first response")
        self._check_state(["new"], step)
        self._check_filled(["description", "department", "responsible_user_id"], step)
        self._dealer_csi_reach("response", {"state": "in_progress"})
        for complaint in self.filtered(lambda c: c.responsible_user_id != self.env.user):
            complaint.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=complaint.company_id._dealer_csi_today(),
                summary=self.env._("Investigate complaint %(complaint)s", complaint=complaint.name),
                note=complaint.description, user_id=complaint.responsible_user_id.id,
            )
        return True

    def action_propose_solution(self):
        """The complaint stands: its investigation and the solution are written (sorted out) for the
        manager's approval."""
        step = self.env._("Proposing a solution")
        self._check_state(["in_progress"], step)
        self._check_filled(["category", "investigation", "solution"], step)
        self._dealer_csi_reach("sort", {"state": "to_approve", "validity": "valid"})
        for complaint in self.filtered(lambda c: c.company_id.dealer_csi_complaint_manager_id):
            complaint.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=complaint.company_id._dealer_csi_today(),
                summary=self.env._("Approve the solution of complaint %(complaint)s", complaint=complaint.name),
                note=complaint.solution, user_id=complaint.company_id.dealer_csi_complaint_manager_id.id,
            )
        return True

    def action_reject(self):
        """The complaint does not stand: the customer was answered with the explanation."""
        step = self.env._("Judging the complaint not valid")
        self._check_state(["in_progress"], step)
        self._check_filled(["investigation"], step)
        self._dealer_csi_reach("sort", {"validity": "invalid"})
        self._dealer_csi_reach("close", {"state": "rejected"})
        self._dealer_csi_clear_activities()
        return True

    def action_approve_solution(self):
        self._check_state(["to_approve"], self.env._("Approving the solution"))
        self._check_manager()
        with unsealed(self.env):
            self.write({
                "state": "approved",
                "solution_approved_by_id": self.env.user.id,
                "solution_approved_date": fields.Datetime.now(),
            })
        self.activity_feedback(["mail.mail_activity_data_todo"], only_automated=False, user_id=self.env.user.id)
        return True

    def action_send_back(self):
        """The manager sends the solution back to the investigation."""
        self._check_state(["to_approve"], self.env._("Sending the solution back"))
        self._check_manager()
        with unsealed(self.env):
            self.write({"state": "in_progress"})
        return True

    def _check_manager(self):
        if not self.env.user.has_group("dealer_service.dealer_service_group_manager"):
            raise AccessError(self.env._("Only a service manager approves the solution of a complaint."))

    def action_customer_accept(self):
        """The customer signed the acceptance of the solution: a follow-up call is planned."""
        step = self.env._("The customer's acceptance")
        self._check_state(["approved"], step)
        self._check_filled(["acceptance_signature", "acceptance_signed_by"], step)
        with unsealed(self.env):
            self.write({"state": "accepted", "date_accepted": fields.Datetime.now()})
        Call = self.env["dealer.csi.call"]
        Call._dealer_csi_plan([{
            "company_id": complaint.company_id.id,
            "call_type": "complaint",
            "partner_id": complaint.partner_id.id,
            "vehicle_id": complaint.vehicle_id.id,
            "order_id": complaint.repair_order_id.id,
            "complaint_id": complaint.id,
            "date_due": complaint.company_id._dealer_csi_today() + relativedelta(days=1),
            "list_key": f"{complaint.id}:{complaint.date_accepted}",
        } for complaint in self])
        return True

    def _dealer_csi_close(self):
        """The follow-up call found the customer satisfied: the complaint is closed."""
        self._check_state(["accepted"], self.env._("Closing"))
        self._dealer_csi_reach("close", {"state": "closed"})
        self._dealer_csi_clear_activities()

    def _dealer_csi_reopen(self):
        """The follow-up call found the customer still unhappy: back to the investigation."""
        with unsealed(self.env):
            self.filtered(lambda c: c.state == "accepted").write({"state": "in_progress"})
        for complaint in self:
            complaint.message_post(body=self.env._(
                "The customer is still not satisfied after the solution: the complaint is investigated again.",
            ))

    def _dealer_csi_clear_activities(self):
        self.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")) \
            .action_feedback(feedback=self.env._("Complaint done."))

    # ------------------------------------------------------------
    # Clocks
    # ------------------------------------------------------------

    @api.model
    def _cron_dealer_csi_check_sla(self):
        """Flag each clock that ran out before its step (once) and escalate the complaint one
        level up."""
        now = fields.Datetime.now()
        for milestone, deadline_f, done_f, breach_f in SLA_MILESTONES:
            late = self.search([
                (deadline_f, "<=", now), (done_f, "=", False), (breach_f, "=", False),
                ("state", "not in", DONE_STATES), ("company_id.dealer_csi_enabled", "=", True),
            ])
            for complaint in late:
                complaint._dealer_csi_escalate(milestone)

    def _dealer_csi_escalate(self, milestone):
        self.ensure_one()
        _name, deadline_f, _done_f, breach_f = next(m for m in SLA_MILESTONES if m[0] == milestone)
        with unsealed(self.env):
            self.write({breach_f: True, "escalation_level": self.escalation_level + 1})
        target = self._dealer_csi_escalation_user()
        labels = {
            "response": self.env._("first response"),
            "sort": self.env._("sorting out"),
            "close": self.env._("closing"),
        }
        self.message_post(body=self.env._(
            "The %(step)s of this complaint was due by %(deadline)s and is late: escalated to %(user)s "
            "(level %(level)s).",
            step=labels[milestone], deadline=fields.Datetime.to_string(self[deadline_f]),
            user=target.name or "-", level=self.escalation_level,
        ))
        if target:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.company_id._dealer_csi_today(),
                summary=self.env._("Escalated: the %(step)s of complaint %(complaint)s is late",
                                   step=labels[milestone], complaint=self.name),
                note=self.description, user_id=target.id,
            )

    def _dealer_csi_escalation_user(self):
        """The person ``escalation_level`` levels above the responsible person (or, before anyone
        is responsible, the agent who registered it): each level is the manager in Employees of the
        level below; where the chain ends, the store's complaint escalation contact."""
        self.ensure_one()
        person = self.responsible_user_id or self.user_id
        fallback = self.company_id.dealer_csi_complaint_manager_id
        for _level in range(self.escalation_level):
            employee = person.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
            manager = employee.parent_id.user_id
            if not manager or manager == person:
                return fallback or person
            person = manager
        return person

    # ------------------------------------------------------------
    # Commission
    # ------------------------------------------------------------

    @api.model
    def _dealer_commission_penalty_events(self, company, date_from, date_to):
        """The complaints that stood (judged valid) against a person of ``company``, received
        between ``date_from`` and ``date_to`` (dates, inclusive, in the store's time zone), for
        the commission module: a list of dicts, oldest first, with ``complaint``, ``user`` (the
        responsible person), ``employee`` (their employee in the store, if any), ``date`` and
        ``oem`` (the maker passed the complaint on, which weighs more in seed 001)."""
        tz = company._dealer_csi_tz()
        start = tz.localize(fields.Datetime.to_datetime(date_from)).astimezone(pytz.utc).replace(tzinfo=None)
        stop = tz.localize(
            fields.Datetime.to_datetime(date_to + relativedelta(days=1)),
        ).astimezone(pytz.utc).replace(tzinfo=None)
        complaints = self.search([
            ("company_id", "=", company.id),
            ("validity", "=", "valid"),
            ("responsible_user_id", "!=", False),
            ("date_registered", ">=", start),
            ("date_registered", "<", stop),
        ], order="date_registered, id")
        return [{
            "complaint": complaint,
            "user": complaint.responsible_user_id,
            "employee": complaint.responsible_user_id.employee_ids.filtered(
                lambda e, company=company: e.company_id == company)[:1],
            "date": company._dealer_csi_local_date(complaint.date_registered),
            "oem": complaint.channel == "oem",
        } for complaint in complaints]

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed

CALL_TYPES = [
    ("service", "Service Follow-up"),
    ("repeat", "Repeat Call"),
    ("complaint", "Complaint Follow-up"),
    ("new_car_thanks", "New-Car Thank-You"),
    ("new_car_call", "New-Car 24-Hour Call"),
    ("new_car_week", "New-Car 7-Day Call"),
    ("new_car_contact", "Two-Monthly Contact"),
    ("maintenance_due", "Maintenance Reminder"),
    ("not_back", "Not-Back Reminder"),
    ("lost", "Lost-Customer Call"),
    ("win_back", "Win-Back Call"),
    ("loyalty", "Loyal-Customer Care"),
    ("birthday", "Birthday Greeting"),
    ("anniversary", "Car Anniversary Greeting"),
]
CALL_STATES = [("open", "To Call"), ("done", "Done"), ("cancel", "Cancelled")]
OUTCOMES = [("satisfied", "Satisfied"), ("unsatisfied", "Not Satisfied"), ("unreachable", "Unreachable")]
# the calls whose to-do is a letter or a message, not a phone call
MESSAGE_TYPES = ("new_car_thanks",)
SEALED_FIELDS = ("state", "outcome", "date_done", "attempt_count")


class DealerCsiCall(models.Model):
    """A call of the customer-service desk (回访): the follow-up after a visit, the
    new-car calls, reminders and greetings. Each carries a call activity with its
    script for the agent; the outcome is recorded through the call's buttons."""

    _name = "dealer.csi.call"
    _description = "Customer Call"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin"]
    _order = "date_due, id"
    _check_company_auto = True
    _dealer_capability = "dealer_csi_enabled"

    call_type = fields.Selection(CALL_TYPES, string="Call", required=True, default="service", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, check_company=True,
    )
    phone = fields.Char(related="partner_id.phone")
    vehicle_id = fields.Many2one("fleet.vehicle", string="Vehicle", index="btree_not_null", check_company=True)
    order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", check_company=True,
    )
    advisor_id = fields.Many2one(related="order_id.user_id", string="Service Advisor")
    complaint_id = fields.Many2one(
        "dealer.csi.complaint", string="Complaint", index="btree_not_null", check_company=True,
    )
    parent_id = fields.Many2one(
        "dealer.csi.call", string="Repeats Call", index="btree_not_null", check_company=True,
        help="The earlier call whose customer was not satisfied.",
    )
    user_id = fields.Many2one(
        "res.users", string="Agent", index=True, tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    date_due = fields.Date(
        string="Due", required=True, index=True, tracking=True, default=fields.Date.context_today,
    )
    script = fields.Text(string="Call Script")
    state = fields.Selection(CALL_STATES, default="open", required=True, readonly=True, index=True, tracking=True)
    outcome = fields.Selection(OUTCOMES, readonly=True, tracking=True)
    date_done = fields.Datetime(string="Called On", readonly=True)
    attempt_count = fields.Integer(
        string="Unanswered Attempts", readonly=True, help="Times the customer could not be reached.",
    )
    note = fields.Text(string="What the Customer Said")
    list_key = fields.Char(
        string="Plan Key", readonly=True, copy=False,
        help="What the call was planned for (an order, a due date, a year): a list plans each call once.",
    )
    survey_answer_ids = fields.One2many("survey.user_input", "dealer_call_id", string="Survey Answers")

    _list_key_uniq = models.UniqueIndex(
        "(company_id, call_type, partner_id, COALESCE(vehicle_id, 0), list_key) WHERE list_key IS NOT NULL",
        "This call is planned already.",
    )

    @api.depends("call_type", "partner_id")
    def _compute_display_name(self):
        labels = dict(self._fields["call_type"]._description_selection(self.env))
        for call in self:
            call.display_name = f"{labels.get(call.call_type, '')} - {call.partner_id.name or ''}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, SEALED_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, SEALED_FIELDS)
        return super().write(vals)

    # ------------------------------------------------------------
    # Planning
    # ------------------------------------------------------------

    @api.model
    def _dealer_csi_plan(self, vals_list):
        """Create the calls of ``vals_list`` not planned yet (same store, call, customer,
        vehicle and ``list_key``) and give each its call activity. Returns the new calls."""
        seen = set()
        keyed = [vals for vals in vals_list if vals.get("list_key")]
        if keyed:
            existing = self.search_fetch([
                ("list_key", "in", list({vals["list_key"] for vals in keyed})),
                ("partner_id", "in", list({vals["partner_id"] for vals in keyed})),
            ], ["company_id", "call_type", "partner_id", "vehicle_id", "list_key"])
            seen = {
                (call.company_id.id, call.call_type, call.partner_id.id, call.vehicle_id.id, call.list_key)
                for call in existing
            }
        new_vals = []
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id") or self.env.company.id)
            if not company.dealer_csi_enabled:
                continue
            key = (company.id, vals["call_type"], vals["partner_id"], vals.get("vehicle_id") or False,
                   vals.get("list_key"))
            if vals.get("list_key") and key in seen:
                continue
            seen.add(key)
            new_vals.append({"company_id": company.id, "user_id": self._dealer_csi_agent(company).id, **vals})
        calls = self.create(new_vals)
        for call in calls:
            call.script = call._dealer_csi_render_script()
        calls._dealer_csi_schedule_activity()
        return calls

    @api.model
    def _dealer_csi_agent(self, company):
        """Who gets the calls planned for ``company``: its customer-service agent, else the user
        planning them."""
        return company.dealer_csi_agent_id or self.env.user

    @api.model
    def _dealer_csi_planned_notification(self, calls):
        """What a list's Plan Calls button answers: how many calls it planned."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if calls else "info",
                "message": self.env._("%(count)s calls planned.", count=len(calls)) if calls
                else self.env._("Every call of this list is planned already."),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _dealer_csi_schedule_activity(self):
        for call in self:
            call = call.with_context(lang=call.user_id.lang or self.env.lang)
            label = dict(call._fields["call_type"]._description_selection(call.env))[call.call_type]
            call.activity_schedule(
                "mail.mail_activity_data_todo" if call.call_type in MESSAGE_TYPES else "mail.mail_activity_data_call",
                date_deadline=call.date_due,
                summary=label,
                note=plaintext2html(call.script or ""),
                user_id=call.user_id.id,
            )

    def _dealer_csi_script_texts(self):
        """The script of each call, in the agent's language (placeholders: customer, vehicle,
        store, date, advisor, next_service)."""
        return {
            "service": self.env._(
                "Hello, this is {store}. May I speak to {customer}?\n"
                "Thank you for bringing your {vehicle} to us on {date}. Are you satisfied with the work "
                "done and with your service advisor {advisor}?\n"
                "[Satisfied] Do you have any suggestion for us?\n"
                "[Not satisfied] Could you tell me what we should improve? We will take care of it.\n"
                "Your next service is due {next_service}: we will be glad to book it for you. "
                "Drive safely, goodbye!"
            ),
            "repeat": self.env._(
                "Hello {customer}, this is {store} calling again about your {vehicle}. Last time you "
                "were not satisfied: has the problem been solved to your satisfaction?"
            ),
            "complaint": self.env._(
                "Hello {customer}, this is {store}. We are calling about your complaint on your {vehicle}: "
                "is the solution we agreed working well for you? Is there anything else we can do?"
            ),
            "new_car_thanks": self.env._(
                "Send {customer} the store's thank-you letter for choosing {store} and the new {vehicle}."
            ),
            "new_car_call": self.env._(
                "Hello {customer}, this is {store}. Thank you for buying your {vehicle} from us. How do you "
                "like it? Is there anything you are not sure how to use? How were you served by our sales "
                "staff? Do you need help with the licence plate?"
            ),
            "new_car_week": self.env._(
                "Hello {customer}, this is {store}. How is your new {vehicle} after the first week? May I "
                "remind you of the first service (due {next_service}) and help you book it? Do you need "
                "help with the licence plate?"
            ),
            "new_car_contact": self.env._(
                "Hello {customer}, this is {store}. How is your {vehicle} doing? Any question we can help "
                "with? May I remind you of the next service and of our events for owners?"
            ),
            "maintenance_due": self.env._(
                "Hello {customer}, this is {store}. Your {vehicle} is due for its service {next_service}. "
                "Shall we book a time for you? Customers with an appointment are received without waiting."
            ),
            "not_back": self.env._(
                "Hello {customer}, this is {store}. We have not seen your {vehicle} since {date}. Is the "
                "car running well? May we book its next service for you?"
            ),
            "lost": self.env._(
                "Hello {customer}, this is {store}. We miss you and your {vehicle}: may I ask why you have "
                "not come back to us? Your answer helps us improve."
            ),
            "win_back": self.env._(
                "Hello {customer}, this is {store}. Thank you for coming back to us with your {vehicle} on "
                "{date}. Were you satisfied this time? Has everything left open before been settled?"
            ),
            "loyalty": self.env._(
                "Hello {customer}, this is {store}. Thank you for your loyalty over the years. Is your "
                "{vehicle} running well? We would like to invite you to our next owners' event."
            ),
            "birthday": self.env._(
                "Hello {customer}, this is {store}. All of us wish you a happy birthday! Drive safely."
            ),
            "anniversary": self.env._(
                "Hello {customer}, this is {store}. Your {vehicle} has been with you for another year: "
                "congratulations! Is it running well? May we book its next check for you?"
            ),
        }

    def _dealer_csi_render_script(self):
        self.ensure_one()
        call = self.with_context(lang=self.user_id.lang or self.env.lang)
        vehicle = self.vehicle_id or self.order_id.vehicle_id
        order = self.order_id
        next_service = call.env._("soon")
        if order.next_service_date or order.next_service_mileage:
            next_service = ", ".join(filter(None, [
                order.next_service_date and str(order.next_service_date),
                order.next_service_mileage and call.env._("at %(km)s km", km=order.next_service_mileage),
            ]))
        elif vehicle.dealer_csi_service_due_date:
            next_service = str(vehicle.dealer_csi_service_due_date)
        when = self.company_id._dealer_csi_local_date(order.date_delivered or order.date_in) \
            or vehicle.dealer_csi_last_visit_date or self.date_due
        return call._dealer_csi_script_texts()[self.call_type].format(
            customer=self.partner_id.name or "",
            vehicle=vehicle.license_plate or vehicle.display_name or "",
            store=self.company_id.name,
            date=when,
            advisor=order.user_id.name or "",
            next_service=next_service,
        )

    # ------------------------------------------------------------
    # Outcomes
    # ------------------------------------------------------------

    def _check_open(self):
        closed = self.filtered(lambda call: call.state != "open")
        if closed:
            raise UserError(self.env._(
                "The call %(calls)s is no longer open: its outcome is recorded.",
                calls=", ".join(closed.mapped("display_name")),
            ))

    @dealer_action
    def _dealer_csi_close(self, outcome):
        self.write({"state": "done", "outcome": outcome, "date_done": fields.Datetime.now()})
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        for call in self:
            call.activity_feedback(
                ["mail.mail_activity_data_call", "mail.mail_activity_data_todo"],
                feedback=(call.note or labels[outcome]),
            )
        self._dealer_csi_after_call()

    def action_satisfied(self):
        self._check_open()
        self._dealer_csi_close("satisfied")
        return True

    def action_unsatisfied(self):
        """Not satisfied: the agent opens a complaint or plans a repeat call (a complaint's own
        follow-up call reopens the complaint)."""
        self._check_open()
        complaint_calls = self.filtered(lambda call: call.call_type == "complaint")
        if complaint_calls:
            complaint_calls._dealer_csi_close("unsatisfied")
            complaint_calls.complaint_id._dealer_csi_reopen()
        others = self - complaint_calls
        if not others:
            return True
        others.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Not Satisfied"),
            "res_model": "dealer.csi.call.unsatisfied",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_call_id": others.id},
        }

    def _dealer_csi_record_unsatisfied(self, next_step, note, repeat_date=None):
        """The outcome of the not-satisfied wizard: a complaint or a repeat call."""
        self.ensure_one()
        self._check_open()
        if note:
            self.note = note
        self._dealer_csi_close("unsatisfied")
        if next_step == "complaint":
            complaint = self.env["dealer.csi.complaint"].create({
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "repair_order_id": self.order_id.id,
                "vehicle_id": (self.vehicle_id or self.order_id.vehicle_id).id,
                "channel": "followup",
                "call_id": self.id,
                "description": note or self.note,
            })
            return complaint
        return self._dealer_csi_plan([{
            **self._dealer_csi_copy_values(),
            "call_type": "repeat",
            "parent_id": self.id,
            "date_due": repeat_date or self.company_id._dealer_csi_today() + relativedelta(days=1),
        }])

    def _dealer_csi_copy_values(self):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "order_id": self.order_id.id,
            "complaint_id": self.complaint_id.id,
            "user_id": self.user_id.id,
        }

    @dealer_action
    def action_unreachable(self):
        """Nobody answered: try again the next day, until the store's attempts are used up."""
        self._check_open()
        for call in self:
            call.attempt_count += 1
            if call.attempt_count >= call.company_id.dealer_csi_call_attempts:
                call._dealer_csi_close("unreachable")
                continue
            retry = max(call.company_id._dealer_csi_today(), call.date_due) + relativedelta(days=1)
            call.date_due = retry
            call.activity_reschedule(
                ["mail.mail_activity_data_call", "mail.mail_activity_data_todo"], date_deadline=retry,
            )
            call.message_post(body=self.env._(
                "Attempt %(attempt)s: the customer could not be reached; call again on %(date)s.",
                attempt=call.attempt_count, date=retry,
            ))
        return True

    def action_cancel(self):
        self._check_open()
        with unsealed(self.env):
            self.write({"state": "cancel"})
        self.activity_unlink(["mail.mail_activity_data_call", "mail.mail_activity_data_todo"])
        return True

    def _dealer_csi_after_call(self):
        """Hook after an outcome: a satisfied complaint call closes its complaint; a new car's
        contact plans the next one two months later."""
        self.filtered(
            lambda call: call.call_type == "complaint" and call.outcome == "satisfied"
        ).complaint_id._dealer_csi_close()
        contacts = self.filtered(lambda call: call.call_type == "new_car_contact")
        self._dealer_csi_plan([{
            **call._dealer_csi_copy_values(),
            "call_type": "new_car_contact",
            "date_due": call.date_due + relativedelta(months=2),
            "list_key": str(call.date_due + relativedelta(months=2)),
        } for call in contacts])

    # ------------------------------------------------------------
    # CSI survey
    # ------------------------------------------------------------

    def _dealer_csi_survey_answer(self):
        """The CSI survey answer of this call's customer, made once and linked to the order."""
        self.ensure_one()
        answer = self.survey_answer_ids.filtered(lambda a: a.state != "done")[:1]
        if answer:
            return answer
        survey = self.company_id.dealer_csi_survey_id
        if not survey:
            raise UserError(self.env._(
                "%(store)s has no CSI survey: choose one in the After-Sales settings.",
                store=self.company_id.display_name,
            ))
        return survey._create_answer(
            partner=self.partner_id, check_attempts=False,
            dealer_call_id=self.id, dealer_repair_order_id=self.order_id.id,
        )

    def action_fill_survey(self):
        """The agent fills the CSI survey with the customer during the call."""
        answer = self._dealer_csi_survey_answer()
        return {"type": "ir.actions.act_url", "url": answer.get_start_url(), "target": "new"}

    def action_send_survey(self):
        """Send the customer the link to the CSI survey."""
        for call in self:
            answer = call._dealer_csi_survey_answer()
            url = f"{answer.get_base_url()}{answer.get_start_url()}"
            call.message_post(
                body=Markup("%s<br/><a href='%s'>%s</a>") % (
                    self.env._(
                        "Dear %(customer)s, please tell us how satisfied you are with your visit:",
                        customer=call.partner_id.name,
                    ), url, url,
                ),
                partner_ids=call.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

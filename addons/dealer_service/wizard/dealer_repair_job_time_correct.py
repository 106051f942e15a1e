from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..sealed import unsealed

WORKSHOP_MANAGER = "dealer_service.dealer_service_group_workshop_manager"
# the fields of a log whose change is posted, old and new, on the job
TRACKED_FIELDS = ("employee_id", "date_start", "date_stop")


class DealerRepairJobTimeCorrect(models.TransientModel):
    """A workshop manager corrects clocked time, always with a reason: new times for a log
    (the originally clocked ones are kept on it), time the technician did not clock, or the
    removal of a log entered by hand. The change is posted on the job, old and new values."""

    _name = "dealer.repair.job.time.correct"
    _description = "Correct Clocked Time"
    _check_company_auto = True

    job_id = fields.Many2one("dealer.repair.job", string="Job", required=True, readonly=True, check_company=True)
    company_id = fields.Many2one(related="job_id.company_id")
    operation = fields.Selection(
        [("correct", "Correct the times"), ("add", "Add time not clocked"), ("remove", "Remove time entered by hand")],
        required=True, default=lambda self: "correct" if self.env.context.get("default_time_id") else "add",
    )
    time_id = fields.Many2one(
        "dealer.repair.job.time", string="Time Log", check_company=True, domain="[('job_id', '=', job_id)]",
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Technician", check_company=True, domain="[('dealer_trade', '!=', False)]",
        compute="_compute_from_time", store=True, readonly=False, precompute=True,
    )
    date_start = fields.Datetime(
        string="Clocked On", compute="_compute_from_time", store=True, readonly=False, precompute=True,
    )
    date_stop = fields.Datetime(
        string="Clocked Off", compute="_compute_from_time", store=True, readonly=False, precompute=True,
    )
    reason = fields.Text(help="Why the clocked time is wrong: kept on the log and posted on the job.")

    @api.depends("time_id")
    def _compute_from_time(self):
        for wizard in self:
            wizard.employee_id = wizard.time_id.employee_id or wizard.job_id.technician_id
            wizard.date_start = wizard.time_id.date_start
            wizard.date_stop = wizard.time_id.date_stop

    def _check_request(self):
        """Refuse a correction that is not a workshop manager's, has no reason or touches settled hours."""
        if not self.env.user.has_group(WORKSHOP_MANAGER):
            raise AccessError(self.env._("Only a workshop manager corrects clocked time."))
        if not (self.reason or "").strip():
            raise UserError(self.env._(
                "Give the reason for the correction of the time on job %(job)s: it is kept as evidence.",
                job=self.job_id.name,
            ))
        self.job_id._dealer_check_time_unlocked()
        if self.operation == "add":
            return
        if not self.time_id or self.time_id.job_id != self.job_id:
            raise UserError(self.env._("Choose the time log of job %(job)s to change.", job=self.job_id.name))
        if self.operation == "remove" and not self.time_id.is_manual:
            raise UserError(self.env._(
                "The time of %(technician)s was clocked on the job and cannot be removed: correct its times instead.",
                technician=self.time_id.employee_id.name,
            ))

    def _check_times(self):
        missing = not (self.employee_id and self.date_start) or (
            not self.date_stop and (self.operation == "add" or self.time_id.date_stop)
        )
        if missing:
            raise UserError(self.env._(
                "Give the technician and the times he clocked on and off on job %(job)s.", job=self.job_id.name,
            ))
        now = fields.Datetime.now()
        if self.date_start > now or (self.date_stop and self.date_stop > now):
            raise UserError(self.env._("Clocked time cannot lie in the future: correct the times."))

    def action_apply(self):
        self.ensure_one()
        self._check_request()
        log = self.time_id
        technician = log.employee_id or self.employee_id
        before = {fname: log[fname] for fname in TRACKED_FIELDS} if log else dict.fromkeys(TRACKED_FIELDS, False)
        if self.operation != "remove":
            self._check_times()
        stamp = {"corrected_by_id": self.env.uid, "corrected_on": fields.Datetime.now(),
                 "correction_reason": self.reason.strip()}
        times = {"employee_id": self.employee_id.id, "date_start": self.date_start, "date_stop": self.date_stop}
        Log = self.env["dealer.repair.job.time"]
        with unsealed(self.env):
            if self.operation == "remove":
                tracking = self._tracking_values(log, before, dict.fromkeys(TRACKED_FIELDS, False))
                log.unlink()
            elif self.operation == "add":
                log = Log.create({"job_id": self.job_id.id, "is_manual": True, **times, **stamp})
                tracking = self._tracking_values(log, before, {fname: log[fname] for fname in TRACKED_FIELDS})
            else:
                if not (log.corrected_on or log.is_manual):
                    stamp.update(original_date_start=log.date_start, original_date_stop=log.date_stop)
                log.write({**times, **stamp})
                tracking = self._tracking_values(log, before, {fname: log[fname] for fname in TRACKED_FIELDS})
        self._post_on_job(technician, tracking)
        # nobody left on a job whose open log was closed by the correction
        if self.job_id.state == "in_progress" and not self.job_id.is_clocked_on:
            self.job_id.state = "paused"
        return {"type": "ir.actions.act_window_close"}

    def _tracking_values(self, log, before, after):
        """Tracking values (old and new) of the log's changed fields, to post on its job."""
        Tracking = self.env["mail.tracking.value"]
        col_info = log.fields_get(TRACKED_FIELDS, attributes=("string", "type", "selection", "currency_field"))
        return [
            Command.create(Tracking._create_tracking_values(before[fname], after[fname], fname, col_info[fname], log))
            for fname in TRACKED_FIELDS if before[fname] != after[fname]
        ]

    def _post_on_job(self, technician, tracking):
        messages = {
            "correct": self.env._(
                "Time of %(technician)s corrected by %(user)s. Reason: %(reason)s",
                technician=technician.name, user=self.env.user.name, reason=self.reason.strip(),
            ),
            "add": self.env._(
                "Time of %(technician)s not clocked, added by %(user)s. Reason: %(reason)s",
                technician=technician.name, user=self.env.user.name, reason=self.reason.strip(),
            ),
            "remove": self.env._(
                "Time of %(technician)s entered by hand, removed by %(user)s. Reason: %(reason)s",
                technician=technician.name, user=self.env.user.name, reason=self.reason.strip(),
            ),
        }
        self.job_id._message_log(body=messages[self.operation], tracking_value_ids=tracking)

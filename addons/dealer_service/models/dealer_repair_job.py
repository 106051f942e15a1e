from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..sealed import is_data_load, unsealed
from .dealer_repair_order import TRADES

JOB_STATES = [
    ("pending", "To Do"),
    ("in_progress", "In Progress"),
    ("paused", "Paused"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
OPEN_JOB_STATES = ("pending", "in_progress", "paused")


class DealerRepairJob(models.Model):
    """A workshop job (派工): a labour line of a repair order dispatched to a
    technician or a team and a bay, clocked on and off by the technicians."""

    _name = "dealer.repair.job"
    _description = "Workshop Job"
    _inherit = ["mail.thread"]
    _order = "date_planned, id"
    _check_company_auto = True

    name = fields.Char(string="Job", required=True)
    order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", required=True, index=True, ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True, precompute=True)
    vehicle_id = fields.Many2one(related="order_id.vehicle_id")
    line_id = fields.Many2one(
        "dealer.repair.order.line", string="Labour Line", index="btree_not_null", ondelete="cascade",
        domain="[('order_id', '=', order_id), ('line_type', '=', 'labour')]",
    )
    trade = fields.Selection(
        TRADES, required=True, compute="_compute_from_line", store=True, readonly=False, precompute=True,
    )
    standard_hours = fields.Float(
        string="Standard Hours", compute="_compute_from_line", store=True, readonly=False, precompute=True,
        help="The labour operation's standard (flat-rate) hours.",
    )
    technician_id = fields.Many2one(
        "hr.employee", string="Technician", index="btree_not_null", check_company=True,
        domain="[('dealer_trade', '!=', False)]",
    )
    team_id = fields.Many2one("dealer.workshop.team", string="Team", index="btree_not_null", check_company=True)
    bay_id = fields.Many2one("dealer.service.bay", string="Bay", check_company=True)
    date_planned = fields.Datetime(string="Planned Start", index=True)
    state = fields.Selection(JOB_STATES, default="pending", required=True, readonly=True, index=True, copy=False)
    date_done = fields.Datetime(string="Finished On", readonly=True, copy=False)
    time_ids = fields.One2many("dealer.repair.job.time", "job_id", string="Time Log")
    actual_hours = fields.Float(string="Actual Hours", compute="_compute_actual_hours", store=True)
    efficiency = fields.Float(
        string="Efficiency (%)", compute="_compute_actual_hours", store=True, aggregator="avg",
        help="Standard hours / actual hours: above 100% the job was done faster than the standard.",
    )
    quality_check_ids = fields.One2many("dealer.quality.check", "job_id", string="Quality Checks")
    rework_count = fields.Integer(
        string="Rework", compute="_compute_rework_count", store=True,
        help="Times a failed quality check sent the job back (internal rework).",
    )
    # every clock of the job, also those of the technicians the user may not read
    is_clocked_on = fields.Boolean(compute="_compute_is_clocked_on", compute_sudo=True)

    @api.depends("line_id")
    def _compute_from_line(self):
        for job in self:
            if job.line_id:
                job.trade = job.line_id.trade or job.trade or "mechanical"
                job.standard_hours = job.line_id.quantity
            elif not job.trade:
                job.trade = "mechanical"

    @api.depends("time_ids.hours", "standard_hours")
    def _compute_actual_hours(self):
        for job in self:
            job.actual_hours = sum(job.time_ids.mapped("hours"))
            job.efficiency = job.actual_hours and 100.0 * job.standard_hours / job.actual_hours

    @api.depends("quality_check_ids.result")
    def _compute_rework_count(self):
        for job in self:
            job.rework_count = len(job.quality_check_ids.filtered(lambda check: check.result == "failed"))

    @api.depends("time_ids.date_stop")
    def _compute_is_clocked_on(self):
        for job in self:
            job.is_clocked_on = any(not log.date_stop for log in job.time_ids)

    @api.constrains("standard_hours")
    def _check_standard_hours(self):
        for job in self:
            if job.standard_hours < 0:
                raise ValidationError(self.env._(
                    "The standard hours of job %(job)s cannot be negative.", job=job.name,
                ))

    @api.onchange("team_id")
    def _onchange_team_id(self):
        if self.team_id and not self.technician_id and self.team_id.leader_id:
            self.technician_id = self.team_id.leader_id

    # ------------------------------------------------------------
    # Clocking
    # ------------------------------------------------------------

    def _dealer_acting_employee(self):
        """The employee clocking on this job for the current user: the technician
        himself (or a member of the job's team); a workshop manager clocks for the
        job's technician."""
        self.ensure_one()
        user = self.env.user
        employee = user.employee_ids.filtered(lambda e: e.company_id == self.company_id)[:1]
        if employee and (employee == self.technician_id or employee in self.team_id.member_ids):
            return employee
        if user.has_group("dealer_service.dealer_service_group_workshop_manager"):
            if not (self.technician_id or self.team_id.leader_id):
                raise UserError(self.env._(
                    "Dispatch job %(job)s to a technician before clocking on it.", job=self.name,
                ))
            return self.technician_id or self.team_id.leader_id
        raise AccessError(self.env._(
            "Job %(job)s of order %(order)s is not dispatched to you: only its technician, "
            "a member of its team or a workshop manager can clock on it.",
            job=self.name, order=self.order_id.name,
        ))

    def _check_can_start(self):
        for job in self:
            if job.state not in ("pending", "paused", "in_progress"):
                raise UserError(self.env._(
                    "Job %(job)s is %(state)s: it cannot be started.",
                    job=job.name, state=dict(JOB_STATES)[job.state],
                ))
            if job.order_id.state not in ("approved", "in_progress"):
                raise UserError(self.env._(
                    "Order %(order)s is not approved for repair: the customer must approve the work "
                    "order before job %(job)s is started.",
                    order=job.order_id.name, job=job.name,
                ))
        self.line_id._check_added_work_approved()

    def action_clock_on(self):
        self._check_can_start()
        logs = []
        for job in self:
            employee = job._dealer_acting_employee()
            if any(not log.date_stop and log.employee_id == employee for log in job.time_ids):
                raise UserError(self.env._(
                    "%(employee)s is already clocked on job %(job)s.", employee=employee.name, job=job.name,
                ))
            logs.append({"job_id": job.id, "employee_id": employee.id, "date_start": fields.Datetime.now()})
        with unsealed(self.env):
            self.env["dealer.repair.job.time"].create(logs)
        self.write({"state": "in_progress"})
        # The first clock-on starts the repair. Technicians may not edit repair orders
        # (customer, prices): the state change is the consequence of the clock-on they
        # are entitled to, checked above, so it is made with superuser rights.
        self.order_id.filtered(lambda order: order.state == "approved").sudo().action_start_repair()
        return True

    def _close_time_logs(self):
        """Clock off everyone still on the jobs (done, or sent back by a QC inspector, who may
        not read the technicians' logs: closing them is the consequence of his action)."""
        open_logs = self.sudo().time_ids.filtered(lambda log: not log.date_stop)
        with unsealed(self.env):
            open_logs.write({"date_stop": fields.Datetime.now()})

    def action_clock_off(self):
        wrong = self.filtered(lambda job: job.state != "in_progress")
        if wrong:
            raise UserError(self.env._(
                "Jobs %(jobs)s are not in progress: nobody is clocked on them.",
                jobs=", ".join(wrong.mapped("name")),
            ))
        for job in self:
            employee = job._dealer_acting_employee()
            with unsealed(self.env):
                job.time_ids.filtered(lambda log, e=employee: not log.date_stop and log.employee_id == e).write(
                    {"date_stop": fields.Datetime.now()}
                )
        self.filtered(lambda job: not job.is_clocked_on).write({"state": "paused"})
        return True

    def action_done(self):
        wrong = self.filtered(lambda job: job.state not in ("in_progress", "paused"))
        if wrong:
            raise UserError(self.env._(
                "Jobs %(jobs)s were never started: clock on them before marking them done.",
                jobs=", ".join(wrong.mapped("name")),
            ))
        for job in self:
            job._dealer_acting_employee()
        self._close_time_logs()
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    def action_cancel(self):
        started = self.filtered("time_ids")
        if started:
            raise UserError(self.env._(
                "Jobs %(jobs)s have clocked time and cannot be cancelled.", jobs=", ".join(started.mapped("name")),
            ))
        self.write({"state": "cancel"})

    def _dealer_cancel_with_order(self):
        """The order is cancelled: its open jobs are cancelled and no longer booked against the
        workshop's capacity (their clocked time stays in the labour history)."""
        open_jobs = self.filtered(lambda job: job.state in OPEN_JOB_STATES)
        clocked = open_jobs.filtered("is_clocked_on")
        if clocked:
            raise UserError(self.env._(
                "Technicians are clocked on jobs %(jobs)s: they clock off before the order is cancelled.",
                jobs=", ".join(clocked.mapped("name")),
            ))
        open_jobs.write({"state": "cancel"})

    def _dealer_send_back(self):
        """A failed quality check sends the job back to the workshop (internal rework)."""
        self._close_time_logs()
        self.write({"state": "pending", "date_done": False})

    def _dealer_check_time_unlocked(self):
        """Refuse changes to the time logs of the jobs of an invoiced or cancelled order, whoever
        makes them: its clocked hours are settled."""
        if is_data_load(self.env):
            return
        locked = self.order_id.filtered(lambda order: order.state in ("invoiced", "cancel"))
        if locked:
            raise UserError(self.env._(
                "The time logs of %(orders)s are locked: the order is invoiced or cancelled, so its clocked "
                "hours are settled.",
                orders=", ".join(locked.mapped("name")),
            ))

    def action_open_time_correction(self):
        """Add time the technician did not clock (workshop managers)."""
        self.ensure_one()
        return self._dealer_correction_action(self.env["dealer.repair.job.time"])

    def _dealer_correction_action(self, log):
        """The correction wizard of ``log`` (empty: time to add) on this job."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct Time"),
            "res_model": "dealer.repair.job.time.correct",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_job_id": self.id, "default_time_id": log.id},
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_clocked(self):
        if self.time_ids:
            raise UserError(self.env._(
                "A job with clocked time cannot be deleted: it is part of the order's labour history."
            ))

    # ------------------------------------------------------------
    # Capacity
    # ------------------------------------------------------------

    @api.model
    def _dealer_free_hours(self, company, day):
        """Free technician hours per trade on ``day`` in ``company``: the hours of
        the technicians' working calendars (minus their leaves) minus the standard
        hours of the open jobs planned that day.

        :return: {trade: {"capacity": h, "booked": h, "free": h}}
        """
        start, stop = self._dealer_day_bounds(day)
        technicians = self.env["hr.employee"].search([
            ("company_id", "=", company.id), ("dealer_trade", "!=", False),
        ])
        result = {trade: {"capacity": 0.0, "booked": 0.0, "free": 0.0} for trade, _label in TRADES}
        # the working schedules (resource calendars) minus leaves, like resource.mixin does, but
        # read through the public profile so that advisors can see it too
        for calendar in technicians.resource_calendar_id:
            staff = technicians.filtered(lambda tech, calendar=calendar: tech.resource_calendar_id == calendar)
            intervals = calendar._work_intervals_batch(start, stop, staff.resource_id)
            for technician in staff:
                hours = calendar._get_attendance_intervals_days_data(intervals[technician.resource_id.id])["hours"]
                result[technician.dealer_trade]["capacity"] += hours
        booked = self._read_group([
            ("company_id", "=", company.id),
            ("state", "in", OPEN_JOB_STATES),
            ("date_planned", ">=", fields.Datetime.to_string(start.replace(tzinfo=None))),
            ("date_planned", "<", fields.Datetime.to_string(stop.replace(tzinfo=None))),
        ], ["trade"], ["standard_hours:sum", "actual_hours:sum"])
        for trade, standard, actual in booked:
            result[trade]["booked"] += max(standard - actual, 0.0)
        for values in result.values():
            values["free"] = values["capacity"] - values["booked"]
        return result

    @api.model
    def _dealer_day_bounds(self, day):
        """UTC start and end of a calendar day in the user's time zone."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        stop = tz.localize(datetime.combine(day + timedelta(days=1), time.min)).astimezone(pytz.utc)
        return start, stop

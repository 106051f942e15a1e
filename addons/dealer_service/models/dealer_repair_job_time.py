from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from ..sealed import is_unsealed


class DealerRepairJobTime(models.Model):
    """One clock-on/clock-off period of a technician on a job: the evidence of the labour
    cost, the technicians' commission and the OEM's warranty claim.

    Only the job's clock actions write a log; a workshop manager corrects, adds or removes
    one with a reason (``dealer.repair.job.time.correct``), posted with the old and new
    values on the job. The logs of an invoiced or cancelled order are locked for everyone.

    Who reads the logs (record rules): a technician (and a QC inspector) his own and those
    of the jobs dispatched to him or his team; a workshop manager, a service manager and
    any other group given read access on this model (an advisor; the commission officer or
    the warranty clerk once their module grants it) all the logs of their stores.
    """

    _name = "dealer.repair.job.time"
    _description = "Job Time Log"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    job_id = fields.Many2one(
        "dealer.repair.job", string="Job", required=True, readonly=True, index=True, ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True, precompute=True)
    order_id = fields.Many2one(related="job_id.order_id", store=True, index=True, string="Repair Order")
    line_id = fields.Many2one(related="job_id.line_id", store=True, index="btree_not_null", string="Labour Line")
    trade = fields.Selection(related="job_id.trade", store=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Technician", required=True, readonly=True, index=True, check_company=True,
    )
    date_start = fields.Datetime(string="Clocked On", required=True, readonly=True, default=fields.Datetime.now)
    date_stop = fields.Datetime(string="Clocked Off", readonly=True)
    hours = fields.Float(compute="_compute_hours", store=True)
    is_manual = fields.Boolean(
        string="Entered by Hand", readonly=True, copy=False,
        help="Added by a workshop manager for time the technician did not clock.",
    )
    original_date_start = fields.Datetime(
        string="Originally Clocked On", readonly=True, copy=False,
        help="The time the technician clocked on, before the first correction.",
    )
    original_date_stop = fields.Datetime(
        string="Originally Clocked Off", readonly=True, copy=False,
        help="The time the technician clocked off, before the first correction.",
    )
    corrected_by_id = fields.Many2one("res.users", string="Corrected By", readonly=True, copy=False)
    corrected_on = fields.Datetime(string="Corrected On", readonly=True, copy=False)
    correction_reason = fields.Text(string="Reason for Correction", readonly=True, copy=False)

    @api.depends("date_start", "date_stop")
    def _compute_hours(self):
        for log in self:
            log.hours = (
                (log.date_stop - log.date_start).total_seconds() / 3600.0
                if log.date_start and log.date_stop else 0.0
            )

    @api.constrains("date_start", "date_stop")
    def _check_dates(self):
        for log in self:
            if log.date_stop and log.date_stop < log.date_start:
                raise ValidationError(self.env._(
                    "A technician cannot clock off (%(stop)s) before clocking on (%(start)s).",
                    stop=log.date_stop, start=log.date_start,
                ))

    def _dealer_refuse_direct_change(self):
        if not is_unsealed(self.env):
            raise AccessError(self.env._(
                "Clocked time is evidence: technicians record it with the job's Clock On and Clock Off "
                "buttons, and a workshop manager corrects it with Correct Time and a reason. It is never "
                "created, edited or deleted directly.",
            ))

    @api.model_create_multi
    def create(self, vals_list):
        self._dealer_refuse_direct_change()
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_refuse_direct_change()
        self.job_id._dealer_check_time_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_evidence(self):
        self.job_id._dealer_check_time_unlocked()
        clocked = self.filtered(lambda log: not log.is_manual)
        if clocked:
            raise UserError(self.env._(
                "The time of %(technicians)s was clocked on the job and cannot be deleted: a workshop manager "
                "corrects it (Correct Time) with the reason.",
                technicians=", ".join(clocked.employee_id.mapped("name")),
            ))
        self._dealer_refuse_direct_change()

    def action_open_correction(self):
        """Open the correction of this log (workshop managers)."""
        self.ensure_one()
        return self.job_id._dealer_correction_action(self)

    @api.model
    def _dealer_hours_by(self, groupby=("employee_id", "trade"), domain=()):
        """Clocked hours of the closed logs matching ``domain``, summed per ``groupby``: any
        groupable field of the log, e.g. ``employee_id``, ``trade``, ``job_id``, ``line_id``,
        ``order_id``, ``company_id``, ``date_start:month``.

        For the modules that pay or claim the hours (labour cost, commission, warranty). Runs
        with the caller's rights, without sudo: a technician gets his own logs and those of his
        jobs, a workshop or service manager and any other group given read access on this model
        (see the class) the logs of its stores.

        :return: ``{(value, ...): hours}``, one key per group, its values in ``groupby`` order as
            ``_read_group`` gives them (records, selection keys, dates)
        """
        groups = self._read_group(
            Domain(list(domain)) & Domain("date_stop", "!=", False), list(groupby), ["hours:sum"],
        )
        return {tuple(group[:-1]): group[-1] for group in groups}

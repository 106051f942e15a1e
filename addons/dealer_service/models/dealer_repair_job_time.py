from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DealerRepairJobTime(models.Model):
    """One clock-on/clock-off period of a technician on a job."""

    _name = "dealer.repair.job.time"
    _description = "Job Time Log"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    job_id = fields.Many2one(
        "dealer.repair.job", string="Job", required=True, index=True, ondelete="cascade", check_company=True,
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True, precompute=True)
    employee_id = fields.Many2one(
        "hr.employee", string="Technician", required=True, index=True, check_company=True,
    )
    date_start = fields.Datetime(string="Clocked On", required=True, default=fields.Datetime.now)
    date_stop = fields.Datetime(string="Clocked Off")
    hours = fields.Float(compute="_compute_hours", store=True)

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

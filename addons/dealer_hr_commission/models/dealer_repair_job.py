from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.dealer_service.models.dealer_repair_job import OPEN_JOB_STATES


class DealerRepairJob(models.Model):
    """What an open job will pay its technician under this month's rules: the job's standard
    hours at the rate of the band the technician's hours of the trade reach with it."""

    _inherit = "dealer.repair.job"

    dealer_commission_month_hours = fields.Float(
        string="Hours This Month", compute="_compute_dealer_commission", digits=(16, 2),
        help="The technician's clocked hours of the trade this month, with this job's standard hours.")
    dealer_commission_rate = fields.Float(
        string="Commission Rate per Hour", compute="_compute_dealer_commission", digits=(16, 2),
        help="The rate of the band the hours of the month reach under the store's rules of the trade.")
    dealer_commission_amount = fields.Float(
        string="Job Commission", compute="_compute_dealer_commission", digits="Account",
        help="Standard hours x the rate per hour: what the job pays before the assessment and the "
             "after-sales fund.")

    @api.depends("state", "trade", "standard_hours", "technician_id", "company_id")
    def _compute_dealer_commission(self):
        self.dealer_commission_month_hours = self.dealer_commission_rate = self.dealer_commission_amount = 0.0
        jobs = self.filtered(lambda job: job.state in OPEN_JOB_STATES and job.technician_id
                             and job.company_id.dealer_commission_enabled)
        if not jobs:
            return
        month = fields.Date.context_today(self).replace(day=1)
        hours = jobs.env["dealer.repair.job.time"]._dealer_hours_by(
            ("company_id", "employee_id", "trade"),
            [("employee_id", "in", jobs.technician_id.ids), ("date_start", ">=", fields.Datetime.to_datetime(month))])
        rules = defaultdict(lambda: self.env["dealer.commission.rule"])
        for rule in self.env["dealer.commission.rule"].search([
            ("company_id", "in", jobs.company_id.ids), ("scope", "=", "employee"), ("rule_type", "=", "band_rate"),
            ("measure_code", "=like", "hours_%"), ("date_from", "<=", month),
            "|", ("date_to", "=", False), ("date_to", ">=", month),
        ]):
            rules[(rule.company_id, rule.measure_code)] |= rule
        for job in jobs:
            technician = job.technician_id.sudo()  # the technician reads his group, not the HR file
            if technician.dealer_commission_trial_until and technician.dealer_commission_trial_until >= month:
                continue
            group = technician.dealer_commission_group_id
            rule = rules[(job.company_id, f"hours_{job.trade}")].filtered(
                lambda r, g=group: r.group_id in (g, g.browse()))[:1]
            if not rule:
                continue
            month_hours = hours.get((job.company_id, job.technician_id, job.trade), 0.0) + job.standard_hours
            band = rule._dealer_band("rate", month_hours)
            job.dealer_commission_month_hours = month_hours
            job.dealer_commission_rate = band.value
            job.dealer_commission_amount = job.standard_hours * band.value

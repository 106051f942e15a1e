from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.dealer_service.models.dealer_repair_order import TRADES


class DealerWorkshopReport(models.Model):
    """Workshop quality per job: comeback rate (返修率) and first-time final-inspection
    pass rate per technician, team and month."""

    _name = "dealer.workshop.report"
    _description = "Workshop Quality Analysis"
    _auto = False
    _order = "date desc"

    job_id = fields.Many2one("dealer.repair.job", string="Job", readonly=True)
    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    technician_id = fields.Many2one("hr.employee", string="Technician", readonly=True)
    team_id = fields.Many2one("dealer.workshop.team", string="Team", readonly=True)
    trade = fields.Selection(TRADES, readonly=True)
    date = fields.Datetime(string="Date", readonly=True)
    job_count = fields.Integer(string="Jobs", readonly=True, aggregator="sum")
    standard_hours = fields.Float(readonly=True, aggregator="sum")
    actual_hours = fields.Float(readonly=True, aggregator="sum")
    rework_count = fields.Integer(string="Internal Rework", readonly=True, aggregator="sum")
    comeback_rate = fields.Float(
        string="Comeback Rate (%)", readonly=True, aggregator="avg",
        help="Share of the jobs whose order came back as a comeback within the store's window.",
    )
    first_pass_rate = fields.Float(
        string="First-Time Pass Rate (%)", readonly=True, aggregator="avg",
        help="Share of the jobs whose order passed its first final inspection.",
    )

    @property
    def _table_query(self):
        return SQL("%s %s %s", self._select(), self._from(), self._where())

    def _select(self):
        return SQL("""
            SELECT j.id AS id,
                   j.id AS job_id,
                   j.order_id AS order_id,
                   o.company_id AS company_id,
                   j.technician_id AS technician_id,
                   COALESCE(j.team_id, e.dealer_team_id) AS team_id,
                   j.trade AS trade,
                   COALESCE(j.date_done, j.date_planned, o.date_in) AS date,
                   1 AS job_count,
                   j.standard_hours AS standard_hours,
                   j.actual_hours AS actual_hours,
                   j.rework_count AS rework_count,
                   CASE WHEN EXISTS (
                       SELECT 1 FROM dealer_repair_order c
                        WHERE c.comeback_of_id = j.order_id AND c.state != 'cancel'
                   ) THEN 100.0 ELSE 0.0 END AS comeback_rate,
                   first_final.rate AS first_pass_rate
        """)

    def _from(self):
        return SQL("""
              FROM dealer_repair_job j
              JOIN dealer_repair_order o ON o.id = j.order_id
         LEFT JOIN hr_employee e ON e.id = j.technician_id
         LEFT JOIN LATERAL (
                   SELECT CASE WHEN q.result = 'passed' THEN 100.0 ELSE 0.0 END AS rate
                     FROM dealer_quality_check q
                    WHERE q.order_id = j.order_id AND q.level = 'final'
                 ORDER BY q.date, q.id
                    LIMIT 1
              ) first_final ON TRUE
        """)

    def _where(self):
        return SQL("WHERE j.state != 'cancel' AND o.state != 'cancel'")

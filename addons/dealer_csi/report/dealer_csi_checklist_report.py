from odoo import fields, models
from odoo.tools import SQL

from ..models.dealer_csi_checklist import PENALTY_THRESHOLD


class DealerCsiChecklistReport(models.Model):
    """Each service advisor's monthly checklist score: 100 minus the points the month's signed
    checks took off; below 96 the commission is cut by 10 %."""

    _name = "dealer.csi.checklist.report"
    _description = "Advisor Checklist Monthly Score"
    _auto = False
    _order = "month desc, user_id"
    _depends = {"dealer.csi.checklist": ["company_id", "user_id", "date", "deduction", "state"]}

    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    user_id = fields.Many2one("res.users", string="Service Advisor", readonly=True)
    month = fields.Date(readonly=True)
    check_count = fields.Integer(string="Checks", readonly=True, aggregator="sum")
    deduction = fields.Float(string="Points Off", readonly=True, aggregator="sum")
    score = fields.Float(string="Monthly Score", readonly=True, aggregator="avg")
    below_threshold = fields.Boolean(
        string="Commission Cut", readonly=True, help="The month scored below 96: 10 % off the commission.",
    )

    @property
    def _table_query(self):
        return SQL("""
            SELECT MIN(c.id) AS id,
                   c.company_id AS company_id,
                   c.user_id AS user_id,
                   DATE_TRUNC('month', c.date)::date AS month,
                   COUNT(*) AS check_count,
                   SUM(c.deduction) AS deduction,
                   GREATEST(100.0 - SUM(c.deduction), 0.0) AS score,
                   GREATEST(100.0 - SUM(c.deduction), 0.0) < %s AS below_threshold
              FROM dealer_csi_checklist c
             WHERE c.state = 'done'
          GROUP BY c.company_id, c.user_id, DATE_TRUNC('month', c.date)
        """, PENALTY_THRESHOLD)

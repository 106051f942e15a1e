from odoo import fields, models
from odoo.tools import SQL


class DealerCsiScoreReport(models.Model):
    """CSI (customer satisfaction) per completed survey answer, to compare stores, service
    advisors and months."""

    _name = "dealer.csi.score.report"
    _description = "CSI Score Analysis"
    _auto = False
    _order = "date desc"
    _depends = {
        "survey.user_input": [
            "state", "test_entry", "partner_id", "end_datetime", "dealer_repair_order_id", "dealer_company_id",
            "dealer_advisor_id", "dealer_csi_score", "dealer_process_score",
        ],
    }

    answer_id = fields.Many2one("survey.user_input", string="Survey Answer", readonly=True)
    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    advisor_id = fields.Many2one("res.users", string="Service Advisor", readonly=True)
    date = fields.Datetime(string="Answered On", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="sum")
    csi_score = fields.Float(string="CSI Score", readonly=True, aggregator="avg")
    process_score = fields.Float(string="Process Compliance (%)", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL("""
            SELECT a.id AS id,
                   a.id AS answer_id,
                   a.dealer_repair_order_id AS order_id,
                   a.dealer_company_id AS company_id,
                   a.partner_id AS partner_id,
                   a.dealer_advisor_id AS advisor_id,
                   a.end_datetime AS date,
                   1 AS answer_count,
                   a.dealer_csi_score AS csi_score,
                   a.dealer_process_score AS process_score
              FROM survey_user_input a
             WHERE a.state = 'done' AND a.dealer_company_id IS NOT NULL AND a.test_entry IS NOT TRUE
        """)

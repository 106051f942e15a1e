from odoo import fields, models
from odoo.tools import SQL


class DealerCsiTechnicianScoreReport(models.Model):
    """CSI per technician: each completed survey answer counts for every technician who
    worked on the order."""

    _name = "dealer.csi.technician.score.report"
    _description = "CSI Score per Technician"
    _auto = False
    _order = "date desc"
    _depends = {
        "survey.user_input": [
            "state", "test_entry", "end_datetime", "dealer_repair_order_id", "dealer_company_id",
            "dealer_technician_ids", "dealer_csi_score",
        ],
    }

    answer_id = fields.Many2one("survey.user_input", string="Survey Answer", readonly=True)
    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    technician_id = fields.Many2one("hr.employee", string="Technician", readonly=True)
    date = fields.Datetime(string="Answered On", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="sum")
    csi_score = fields.Float(string="CSI Score", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL("""
            SELECT ROW_NUMBER() OVER (ORDER BY a.id, rel.%(technician)s) AS id,
                   a.id AS answer_id,
                   a.dealer_repair_order_id AS order_id,
                   a.dealer_company_id AS company_id,
                   rel.%(technician)s AS technician_id,
                   a.end_datetime AS date,
                   1 AS answer_count,
                   a.dealer_csi_score AS csi_score
              FROM survey_user_input a
              JOIN %(rel)s rel ON rel.%(answer)s = a.id
             WHERE a.state = 'done' AND a.dealer_company_id IS NOT NULL AND a.test_entry IS NOT TRUE
        """, **self._technician_relation())

    def _technician_relation(self):
        field = self.env["survey.user_input"]._fields["dealer_technician_ids"]
        return {
            "rel": SQL.identifier(field.relation),
            "answer": SQL.identifier(field.column1),
            "technician": SQL.identifier(field.column2),
        }

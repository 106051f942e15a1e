from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.dealer_csi_complaint import DONE_STATES


class DealerCsiDashboard(models.Model):
    """The service manager's morning page: one card per store with yesterday's and this
    month's vehicles in and revenue, the open complaints and those late, the calls due and
    this month's CSI. The figures are read when the card is, in the user's calendar day."""

    _name = "dealer.csi.dashboard"
    _description = "Service Manager Dashboard"
    _auto = False
    _order = "company_id"

    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    vehicles_yesterday = fields.Integer(string="Vehicles In Yesterday", compute="_compute_kpis")
    vehicles_month = fields.Integer(string="Vehicles In This Month", compute="_compute_kpis")
    revenue_yesterday = fields.Monetary(string="Revenue Yesterday", compute="_compute_kpis")
    revenue_month = fields.Monetary(string="Revenue This Month", compute="_compute_kpis")
    csi_month = fields.Float(string="CSI This Month", compute="_compute_kpis")
    csi_answer_month = fields.Integer(string="CSI Answers This Month", compute="_compute_kpis")
    complaint_open_count = fields.Integer(string="Open Complaints", compute="_compute_complaints")
    complaint_late_count = fields.Integer(string="Late Complaints", compute="_compute_complaints")
    call_due_count = fields.Integer(
        string="Calls Due", compute="_compute_calls", help="Calls still to make whose day is today or past.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """CREATE OR REPLACE VIEW %s AS (
                   SELECT c.id AS id, c.id AS company_id FROM res_company c
                    WHERE c.active AND c.dealer_csi_enabled
               )""",
            SQL.identifier(self._table),
        ))

    @api.model
    def _dealer_days(self):
        """Today, yesterday and the first day of this month, on the user's calendar."""
        today = fields.Date.context_today(self)
        return today, today - relativedelta(days=1), today.replace(day=1)

    def _dealer_kpis(self, date_from, date_to):
        """{store id: {measure: sum}} of the KPI rows of the stores between two days."""
        measures = ["vehicle_count", "revenue", "csi_answer_count", "csi_score_total"]
        groups = self.env["dealer.csi.kpi.report"]._read_group(
            [("company_id", "in", self.company_id.ids), ("date", ">=", date_from), ("date", "<=", date_to)],
            ["company_id"], [f"{measure}:sum" for measure in measures],
        )
        return {company.id: dict(zip(measures, values, strict=True)) for company, *values in groups}

    def _compute_kpis(self):
        today, yesterday, first_day = self._dealer_days()
        yesterdays, months = self._dealer_kpis(yesterday, yesterday), self._dealer_kpis(first_day, today)
        for board in self:
            day, month = yesterdays.get(board.company_id.id, {}), months.get(board.company_id.id, {})
            board.vehicles_yesterday = day.get("vehicle_count", 0)
            board.vehicles_month = month.get("vehicle_count", 0)
            board.csi_answer_month = month.get("csi_answer_count", 0)
            board.csi_month = month["csi_score_total"] / board.csi_answer_month if board.csi_answer_month else 0.0
            board.revenue_yesterday = day.get("revenue", 0.0)
            board.revenue_month = month.get("revenue", 0.0)

    def _compute_complaints(self):
        counts = {}
        for company, late, count in self.env["dealer.csi.complaint"]._read_group(
            [("company_id", "in", self.company_id.ids), ("state", "not in", DONE_STATES)],
            ["company_id", "is_breached"], ["__count"],
        ):
            counts[company.id, late] = count
        for board in self:
            late = counts.get((board.company_id.id, True), 0)
            board.complaint_open_count = late + counts.get((board.company_id.id, False), 0)
            board.complaint_late_count = late

    def _compute_calls(self):
        today = self._dealer_days()[0]
        counts = dict(self.env["dealer.csi.call"]._read_group(
            [("company_id", "in", self.company_id.ids), ("state", "=", "open"), ("date_due", "<=", today)],
            ["company_id"], ["__count"],
        ))
        for board in self:
            board.call_due_count = counts.get(board.company_id, 0)

    def _dealer_action(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("company_id", "=", self.company_id.id), *domain]
        action["context"] = context or {}
        return action

    def action_open_kpis(self):
        first_day = self._dealer_days()[2]
        return self._dealer_action("dealer_csi.dealer_csi_kpi_report_action", [("date", ">=", first_day)])

    def action_open_complaints(self):
        return self._dealer_action("dealer_csi.dealer_csi_complaint_action", [("state", "not in", DONE_STATES)])

    def action_open_late_complaints(self):
        return self._dealer_action(
            "dealer_csi.dealer_csi_complaint_action", [("state", "not in", DONE_STATES), ("is_breached", "=", True)],
        )

    def action_open_calls(self):
        today = self._dealer_days()[0]
        return self._dealer_action(
            "dealer_csi.dealer_csi_call_action", [("state", "=", "open"), ("date_due", "<=", today)],
        )

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.dealer_service.models.dealer_repair_order import COST_GROUPS

# the analysis' figures in order: (KPI report field, column kind of the XLSX mixin)
ANALYSIS_FIGURES = [
    ("vehicle_count", "integer"),
    ("appointment_rate", "quantity"),
    ("revenue", "monetary"),
    ("revenue_per_vehicle", "monetary"),
    ("labour_revenue", "monetary"),
    ("parts_revenue", "monetary"),
    ("insurance_revenue", "monetary"),
    ("warranty_revenue", "monetary"),
    ("cost", "monetary"),
    ("gross_margin", "monetary"),
    ("gross_margin_rate", "quantity"),
    ("comeback_rate", "quantity"),
    ("first_pass_rate", "quantity"),
    ("csi_answer_count", "integer"),
    ("csi_score", "quantity"),
]


class DealerCsiKpiAnalysis(models.TransientModel):
    """The monthly operating analysis (月度经营分析) of a store: its KPIs for the month beside the
    month before, and labour and parts revenue per trade; printed as PDF or exported as XLSX."""

    _name = "dealer.csi.kpi.analysis"
    _description = "Monthly Operating Analysis"

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_month = fields.Date(
        string="Month", required=True, help="Any day of the month to analyse.",
        default=lambda self: fields.Date.context_today(self).replace(day=1) - relativedelta(months=1),
    )
    date_from = fields.Date(string="From", compute="_compute_period")
    date_to = fields.Date(string="To", compute="_compute_period")

    @api.depends("date_month")
    def _compute_period(self):
        for analysis in self:
            first_day = analysis.date_month.replace(day=1) if analysis.date_month else False
            analysis.date_from = first_day
            analysis.date_to = first_day and first_day + relativedelta(months=1, days=-1)

    def _dealer_figure_fields(self):
        """The figures the user may read: costs and margins are for those who see costs."""
        can_see_costs = self.env.user.has_groups(COST_GROUPS)
        Kpi = self.env["dealer.csi.kpi.report"]
        return [
            (name, kind) for name, kind in ANALYSIS_FIGURES
            if can_see_costs or not Kpi._fields[name].groups
        ]

    def _dealer_month_figures(self, date_from, date_to, groupby=()):
        """The KPI report's figures of the store between two days, per ``groupby``."""
        names = [name for name, _kind in self._dealer_figure_fields()]
        groups = self.env["dealer.csi.kpi.report"]._read_group(
            [("company_id", "=", self.company_id.id), ("date", ">=", date_from), ("date", "<=", date_to)],
            list(groupby), [f"{name}:sum" for name in names],
        )
        result = []
        for values in groups:
            keys, sums = values[:len(groupby)], values[len(groupby):]
            result.append((dict(zip(names, [value or 0 for value in sums], strict=True)), keys))
        return result

    def _dealer_analysis(self):
        """The analysis' content: ``figures`` (label, kind, this month, the month before) and
        ``trades`` (trade label, labour revenue, parts revenue, revenue) of this month."""
        self.ensure_one()
        Kpi = self.env["dealer.csi.kpi.report"]
        previous_from = self.date_from - relativedelta(months=1)
        # without a group-by, one line of sums (empty sums when the month has no figures)
        month = self._dealer_month_figures(self.date_from, self.date_to)[0][0]
        before = self._dealer_month_figures(previous_from, self.date_from - relativedelta(days=1))[0][0]
        figures = [
            (Kpi._fields[name]._description_string(self.env), kind, month[name], before[name])
            for name, kind in self._dealer_figure_fields()
        ]
        trade_labels = dict(Kpi._fields["trade"]._description_selection(self.env))
        trades = [
            (trade_labels.get(trade, self.env._("Other")), values["labour_revenue"], values["parts_revenue"],
             values["revenue"])
            for values, (trade,) in self._dealer_month_figures(self.date_from, self.date_to, ["trade"])
            if values["revenue"]
        ]
        return {"figures": figures, "trades": trades}

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("dealer_csi.action_report_kpi_analysis").report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref("dealer_csi.action_report_kpi_analysis_xlsx").report_action(self)

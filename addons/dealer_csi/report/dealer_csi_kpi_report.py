from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.dealer_service.models.dealer_repair_order import COST_GROUPS

# a ratio measure: (numerator, denominator, factor), each a sum over the rows grouped, so a ratio
# holds for any grouping (a store-year is not the average of its months)
KPI_RATIOS = {
    "revenue_per_vehicle": ("revenue", "vehicle_count", 1.0),
    "gross_margin_rate": ("gross_margin", "revenue", 100.0),
    "appointment_rate": ("appointment_count", "vehicle_count", 100.0),
    "comeback_rate": ("comeback_count", "vehicle_count", 100.0),
    "first_pass_rate": ("first_pass_count", "inspected_count", 100.0),
    "csi_score": ("csi_score_total", "csi_answer_count", 1.0),
}
KPI_KINDS = [
    ("visit", "Vehicle In"),
    ("revenue", "Posted Revenue"),
    ("cost", "Cost of Invoiced Orders"),
    ("csi", "CSI Answer"),
]
# the measures of the rows that count them; the others carry 0
KPI_MEASURES = (
    "vehicle_count", "appointment_count", "comeback_count", "inspected_count", "first_pass_count",
    "revenue", "labour_revenue", "parts_revenue", "insurance_revenue", "warranty_revenue", "cost", "gross_margin",
    "csi_answer_count", "csi_score_total",
)


class DealerCsiKpiReport(models.Model):
    """The service manager's KPIs per store and day, to group by store and month: one row per
    vehicle in (arrival), per posted invoice or credit-note line of a repair order (revenue on its
    accounting date, credit notes deducted), per invoiced order (its cost on the settlement day)
    and per answered CSI survey. Rates are ratios of sums (``KPI_RATIOS``)."""

    _name = "dealer.csi.kpi.report"
    _description = "Service KPIs"
    _auto = False
    _order = "date desc, id desc"
    _depends = {
        "dealer.repair.order": [
            "company_id", "date_in", "state", "user_id", "appointment_id", "comeback_of_id", "date_invoiced", "cost",
            "dealer_csi_date_in_day", "dealer_csi_qc_outcome",
        ],
        "account.move": ["dealer_repair_order_id", "state", "invoice_user_id"],
        "account.move.line": [
            "move_id", "company_id", "date", "balance", "parent_state", "dealer_line_type", "dealer_trade",
            "dealer_payer", "dealer_repair_line_id",
        ],
        "dealer.repair.order.line": ["order_id"],
        "survey.user_input": [
            "state", "test_entry", "end_datetime", "dealer_company_id", "dealer_repair_order_id", "dealer_advisor_id",
            "dealer_csi_score",
        ],
        "res.company": ["resource_calendar_id"],
    }

    kind = fields.Selection(KPI_KINDS, string="Figure", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(readonly=True, help="Arrival, accounting date, settlement or answer, in the store's time zone.")
    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", readonly=True)
    advisor_id = fields.Many2one("res.users", string="Service Advisor", readonly=True)
    trade = fields.Selection(selection="_selection_trade", readonly=True)
    line_type = fields.Selection(selection="_selection_line_type", string="Line Type", readonly=True)
    payer = fields.Selection(selection="_selection_payer", readonly=True)

    vehicle_count = fields.Integer(string="Vehicles In", readonly=True, aggregator="sum")
    appointment_count = fields.Integer(string="By Appointment", readonly=True, aggregator="sum")
    comeback_count = fields.Integer(string="Comebacks", readonly=True, aggregator="sum")
    inspected_count = fields.Integer(
        string="Final Inspections Passed", readonly=True, aggregator="sum",
        help="Vehicles in whose final inspection passed.",
    )
    first_pass_count = fields.Integer(
        string="Passed First Time", readonly=True, aggregator="sum",
        help="Vehicles in whose final inspection passed with no failed quality check before.",
    )
    revenue = fields.Monetary(
        readonly=True, aggregator="sum", help="Untaxed, from posted invoices of repair orders, credit notes deducted.",
    )
    labour_revenue = fields.Monetary(string="Labour Revenue", readonly=True, aggregator="sum")
    parts_revenue = fields.Monetary(string="Parts Revenue", readonly=True, aggregator="sum")
    insurance_revenue = fields.Monetary(string="Insurance Revenue", readonly=True, aggregator="sum")
    warranty_revenue = fields.Monetary(string="Warranty Revenue", readonly=True, aggregator="sum")
    cost = fields.Monetary(
        readonly=True, aggregator="sum", groups=COST_GROUPS,
        help="The cost of the orders invoiced: parts issued, clocked hours, sublet work.",
    )
    gross_margin = fields.Monetary(string="Gross Margin", readonly=True, aggregator="sum", groups=COST_GROUPS)
    csi_answer_count = fields.Integer(string="CSI Answers", readonly=True, aggregator="sum")
    csi_score_total = fields.Float(string="CSI Points", readonly=True, aggregator="sum")

    revenue_per_vehicle = fields.Monetary(
        string="Revenue per Vehicle", readonly=True, aggregator="avg", help="Revenue / vehicles in.",
    )
    gross_margin_rate = fields.Float(
        string="Gross Margin (%)", readonly=True, aggregator="avg", groups=COST_GROUPS,
        help="Gross margin / revenue.",
    )
    appointment_rate = fields.Float(
        string="Appointment Rate (%)", readonly=True, aggregator="avg",
        help="Vehicles in by appointment / vehicles in.",
    )
    comeback_rate = fields.Float(
        string="Comeback Rate (%)", readonly=True, aggregator="avg", help="Comebacks / vehicles in.",
    )
    first_pass_rate = fields.Float(
        string="First-Time Pass Rate (%)", readonly=True, aggregator="avg",
        help="Vehicles passed first time / vehicles whose final inspection passed.",
    )
    csi_score = fields.Float(string="CSI Score", readonly=True, aggregator="avg", help="Average of the CSI answers.")

    @api.model
    def _selection_trade(self):
        return self.env["dealer.repair.order.line"]._fields["trade"].selection

    @api.model
    def _selection_line_type(self):
        return self.env["dealer.repair.order.line"]._fields["line_type"].selection

    @api.model
    def _selection_payer(self):
        return self.env["dealer.repair.order.line"]._fields["payer"].selection

    def _read_group_select(self, aggregate_spec, query):
        """A rate is the ratio of its two sums over the rows grouped, whatever the aggregate asked."""
        fname = aggregate_spec.split(":")[0]
        if fname not in KPI_RATIOS:
            return super()._read_group_select(aggregate_spec, query)
        numerator, denominator, factor = KPI_RATIOS[fname]
        return SQL(
            "(%s * %s / NULLIF(%s, 0))::float8",
            factor,
            self._read_group_select(f"{numerator}:sum", query),
            self._read_group_select(f"{denominator}:sum", query),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            "CREATE OR REPLACE VIEW %s AS (%s UNION ALL %s UNION ALL %s UNION ALL %s)",
            SQL.identifier(self._table), self._select_visits(), self._select_revenue(), self._select_costs(),
            self._select_csi(),
        ))

    @api.model
    def _kpi_columns(self, kind, row_id, values):
        """The row's columns in the view's order: ``values`` gives the SQL of the kind's
        dimensions and measures, the others are empty or 0."""
        dimensions = ("company_id", "date", "order_id", "advisor_id", "trade", "line_type", "payer")
        columns = [SQL("%s AS id", row_id), SQL("%s::varchar AS kind", kind)]
        columns += [SQL("%s AS %s", values.get(name, SQL("NULL")), SQL.identifier(name)) for name in dimensions]
        columns += [SQL("%s AS %s", values.get(name, SQL("0")), SQL.identifier(name)) for name in KPI_MEASURES]
        columns += [SQL("NULL::float8 AS %s", SQL.identifier(name)) for name in KPI_RATIOS]
        return SQL(", ").join(columns)

    @api.model
    def _select_visits(self):
        """A vehicle in: each checked-in order on its arrival day, with its appointment, comeback
        and final inspection."""
        return SQL(
            """SELECT %s
                 FROM dealer_repair_order o
                WHERE o.state NOT IN ('draft', 'cancel')""",
            self._kpi_columns("visit", SQL("o.id * 4"), {
                "company_id": SQL("o.company_id"),
                "date": SQL("o.dealer_csi_date_in_day"),
                "order_id": SQL("o.id"),
                "advisor_id": SQL("o.user_id"),
                "vehicle_count": SQL("1"),
                "appointment_count": SQL("(o.appointment_id IS NOT NULL)::int"),
                "comeback_count": SQL("(o.comeback_of_id IS NOT NULL)::int"),
                "inspected_count": SQL("(o.dealer_csi_qc_outcome IS NOT NULL)::int"),
                "first_pass_count": SQL("(o.dealer_csi_qc_outcome = 'first_time')::int"),
            }),
        )

    @api.model
    def _select_revenue(self):
        """Revenue: each posted invoice line billing a repair order line, on its accounting
        date (income is a credit: a credit note's line deducts), the order's own invoices and
        the moves booked apart from them (an OEM's warranty claim) alike; the advisor is the
        invoice's salesperson, the order's advisor at settlement."""
        revenue = SQL("(-aml.balance)")

        def when(condition):
            return SQL("CASE WHEN %s THEN -aml.balance ELSE 0 END", condition)

        return SQL(
            """SELECT %s
                 FROM account_move_line aml
                 JOIN account_move m ON m.id = aml.move_id
            LEFT JOIN dealer_repair_order_line rol ON rol.id = aml.dealer_repair_line_id
                WHERE aml.parent_state = 'posted' AND aml.dealer_line_type IS NOT NULL""",
            self._kpi_columns("revenue", SQL("aml.id * 4 + 1"), {
                "company_id": SQL("aml.company_id"),
                "date": SQL("aml.date"),
                "order_id": SQL("COALESCE(m.dealer_repair_order_id, rol.order_id)"),
                "advisor_id": SQL("m.invoice_user_id"),
                "trade": SQL("aml.dealer_trade"),
                "line_type": SQL("aml.dealer_line_type"),
                "payer": SQL("aml.dealer_payer"),
                "revenue": revenue,
                "labour_revenue": when(SQL("aml.dealer_line_type = 'labour'")),
                "parts_revenue": when(SQL("aml.dealer_line_type = 'part'")),
                "insurance_revenue": when(SQL("aml.dealer_payer = 'insurance'")),
                "warranty_revenue": when(SQL("aml.dealer_payer = 'warranty'")),
                "gross_margin": revenue,
            }),
        )

    @api.model
    def _select_costs(self):
        """Cost: each invoiced order's cost on its settlement day."""
        return SQL(
            """SELECT %s
                 FROM dealer_repair_order o
                WHERE o.date_invoiced IS NOT NULL AND o.cost <> 0""",
            self._kpi_columns("cost", SQL("o.id * 4 + 2"), {
                "company_id": SQL("o.company_id"),
                "date": SQL("o.date_invoiced"),
                "order_id": SQL("o.id"),
                "advisor_id": SQL("o.user_id"),
                "cost": SQL("o.cost"),
                "gross_margin": SQL("(-o.cost)"),
            }),
        )

    @api.model
    def _select_csi(self):
        """CSI: each completed CSI survey answer of a store on the day it was answered."""
        return SQL(
            """SELECT %s
                 FROM survey_user_input a
                 JOIN res_company c ON c.id = a.dealer_company_id
            LEFT JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
                WHERE a.state = 'done' AND a.test_entry IS NOT TRUE""",
            self._kpi_columns("csi", SQL("a.id * 4 + 3"), {
                "company_id": SQL("a.dealer_company_id"),
                # the answer's day in the store's time zone (its working hours', else UTC)
                "date": SQL("(a.end_datetime AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(cal.tz, 'UTC'))::date"),
                "order_id": SQL("a.dealer_repair_order_id"),
                "advisor_id": SQL("a.dealer_advisor_id"),
                "csi_answer_count": SQL("1"),
                "csi_score_total": SQL("COALESCE(a.dealer_csi_score, 0)"),
            }),
        )

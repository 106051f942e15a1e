from collections import defaultdict
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.dealer_service.sealed import check_sealed

# what a repair order line pays the technicians who clocked it in hours: its sold hours shared by
# their clocked time ("hours_<trade>"), or their clocked time itself ("clocked_hours_<trade>")
HOURS_CODE = "hours_%s"
CLOCKED_HOURS_CODE = "clocked_hours_%s"
# accessories sold below this percent of their list price earn no commission (seed 004)
ACCESSORY_MIN_PERCENT_OF_LIST = 75.0


class DealerCommissionMeasure(models.Model):
    """A figure of the month for one employee or one group (output, hours, complaints...),
    computed from the store's documents (kept for drill-down) or entered."""

    _name = "dealer.commission.measure"
    _description = "Commission Measure"
    _order = "sheet_id, code, id"
    _check_company_auto = True

    sheet_id = fields.Many2one("dealer.commission.sheet", string="Sheet", required=True, ondelete="cascade",
                               index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True, index=True)
    employee_id = fields.Many2one("hr.employee", string="Employee", check_company=True, index=True)
    group_id = fields.Many2one("dealer.commission.group", string="Group", check_company=True)
    code = fields.Char(string="Measure", required=True)
    value = fields.Float(string="Value", digits=(16, 4))
    origin = fields.Selection([("computed", "Computed"), ("manual", "Entered")], string="Origin",
                              required=True, default="manual")
    repair_order_ids = fields.Many2many("dealer.repair.order", string="Repair Orders", check_company=True,
                                        help="The documents behind the figure.")
    document_model = fields.Char(string="Document Type", readonly=True,
                                 help="The model of the documents behind the figure when they are not "
                                      "repair orders (complaints, renewals, checklists...).")
    document_ids = fields.Json(string="Document IDs", readonly=True)
    document_count = fields.Integer(string="Documents", compute="_compute_document_count")

    _owner = models.Constraint("CHECK((employee_id IS NULL) != (group_id IS NULL))",
                               "A measure belongs to either an employee or a group.")

    @api.depends("repair_order_ids", "document_ids")
    def _compute_document_count(self):
        for measure in self:
            measure.document_count = len(measure.repair_order_ids) + len(measure.document_ids or [])

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ["origin", "document_model", "document_ids"], creating=True)
        measures = super().create(vals_list)
        measures.sheet_id._dealer_check_draft()
        return measures

    def write(self, vals):
        check_sealed(self, vals, ["origin", "repair_order_ids", "document_model", "document_ids"])
        self.sheet_id._dealer_check_draft()
        return super().write(vals)

    def unlink(self):
        self.sheet_id._dealer_check_draft()
        return super().unlink()

    def action_open_documents(self):
        """The documents behind the figure (as the user's rights allow)."""
        self.ensure_one()
        model, ids = ("dealer.repair.order", self.repair_order_ids.ids) if self.repair_order_ids \
            else (self.document_model, self.document_ids or [])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Documents behind %(measure)s", measure=self.code),
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("id", "in", ids)],
        }

    # -- the registry ------------------------------------------------------------------------

    @api.model
    def _dealer_measure_methods(self):
        """The registry: key -> method ``(sheet, employees)`` returning a list of
        ``{"employee_id" or "group_id", "value", "repair_order_ids" or "document_model" and
        "document_ids"}``, each with its own ``code`` or the key as code. Bridge modules add keys
        (they read their documents as the system, within the sheet's store)."""
        return {
            "output": "_dealer_measure_output",
            "hours": "_dealer_measure_hours",
            "accessory_revenue": "_dealer_measure_accessory_revenue",
            "detailing_revenue": "_dealer_measure_detailing_revenue",
            "gross_profit": "_dealer_measure_gross_profit",
            "vehicles_in": "_dealer_measure_vehicles_in",
            "collections": "_dealer_measure_collections",
        }

    @api.model
    def _dealer_compute_all(self, sheet):
        """Every figure of the sheet's month. The officer needs no rights on the documents: they
        are read as the system, each method restricted to the sheet's store."""
        employees = sheet._dealer_employees()
        measure = self.sudo()
        vals_list = []
        for code, method in self._dealer_measure_methods().items():
            vals_list += [{"code": code, **vals} for vals in getattr(measure, method)(sheet, employees)]
        return vals_list

    # -- helpers of the measures ---------------------------------------------------------------

    @api.model
    def _dealer_collected_orders_domain(self, sheet):
        """The store's repair orders collected in the sheet's month (work collected later counts later)."""
        return [("company_id", "=", sheet.company_id.id), ("date_collected", ">=", sheet.date_from),
                ("date_collected", "<=", sheet.date_to)]

    @api.model
    def _dealer_counted_orders_domain(self, sheet):
        """The store's repair orders whose work counts in the sheet's month: those collected in it
        (the customer's settlement and the OEM's warranty claims, every payer). Bridges move orders
        to another month (an accident repair counts when the car leaves with an approved amount)."""
        return self._dealer_collected_orders_domain(sheet)

    @api.model
    def _dealer_month_bounds(self, sheet):
        """The sheet's month as naive UTC datetimes ``[start, stop)`` in the store's time zone (that of
        its working hours), for documents dated with a time (a car that left on the 1st at 07:00 in
        Beijing left in that month)."""
        tz = pytz.timezone(sheet.company_id.resource_calendar_id.tz or "UTC")

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        return utc(sheet.date_from), utc(sheet.date_to + relativedelta(days=1))

    @api.model
    def _dealer_by_user(self, employees):
        return {employee.user_id: employee for employee in employees if employee.user_id}

    @api.model
    def _dealer_groups_using(self, sheet, code):
        """The groups whose group-pool rules read ``code``: a figure of the whole store goes to them."""
        rules = sheet._dealer_rules().filtered(
            lambda rule: rule.scope == "group" and code in (rule.measure_code, rule.factor_measure_code,
                                                            rule.adjust_measure_code))
        if rules.filtered(lambda rule: not rule.group_id):
            return sheet._dealer_employees().dealer_commission_group_id
        return rules.group_id

    @api.model
    def _dealer_per_advisor(self, employees, domain):
        """Sum the revenue of the repair order lines of ``domain`` per advisor of their order:
        ``[{"employee_id", "value", "repair_order_ids"}]``."""
        by_user = self._dealer_by_user(employees)
        groups = self.env["dealer.repair.order.line"]._read_group(
            [*domain, ("order_id.user_id", "in", [user.id for user in by_user])],
            ["order_id.user_id"], ["revenue:sum", "order_id:array_agg"])
        return [{"employee_id": by_user[user].id, "value": revenue, "repair_order_ids": [(6, 0, sorted(set(ids)))]}
                for user, revenue, ids in groups]

    # -- the measures ------------------------------------------------------------------------

    @api.model
    def _dealer_counted_lines_domain(self, sheet):
        """The repair order lines of the orders counted in the month."""
        return [("order_id", "any", self._dealer_counted_orders_domain(sheet))]

    @api.model
    def _dealer_output_lines_domain(self, sheet):
        """The lines whose revenue is the advisors' output (bridges take out what another document
        measures better, e.g. the insurer's part of an accident repair: its approved amount)."""
        return self._dealer_counted_lines_domain(sheet)

    @api.model
    def _dealer_measure_output(self, sheet, employees):
        """The advisor's output: the revenue of the orders they received that count in the month."""
        return self._dealer_per_advisor(employees, self._dealer_output_lines_domain(sheet))

    @api.model
    def _dealer_measure_accessory_revenue(self, sheet, employees):
        """The advisor's accessory revenue collected in the month; an accessory sold below 75 % of its
        list price earns nothing (its line does not count)."""
        return self._dealer_per_advisor(employees, [
            *self._dealer_counted_lines_domain(sheet), ("line_type", "=", "accessory"),
            ("percent_of_list", ">=", ACCESSORY_MIN_PERCENT_OF_LIST)])

    @api.model
    def _dealer_measure_detailing_revenue(self, sheet, employees):
        """The store's detailing revenue collected in the month, for the groups whose pools read it."""
        groups = self.env["dealer.repair.order.line"]._read_group(
            [*self._dealer_counted_lines_domain(sheet), ("trade", "=", "detailing")],
            ["order_id"], ["revenue:sum"])
        if not groups:
            return []
        orders = [(6, 0, [order.id for order, _revenue in groups])]
        value = sum(revenue for _order, revenue in groups)
        return [{"group_id": group.id, "value": value, "repair_order_ids": orders}
                for group in self._dealer_groups_using(sheet, "detailing_revenue")]

    @api.model
    def _dealer_paint_material(self, orders):
        """``{order: paint material revenue}`` of the given orders (products of a paint material category)."""
        return dict(self.env["dealer.repair.order.line"]._read_group(
            [("order_id", "in", orders.ids), ("product_id.categ_id.dealer_paint_material", "=", True)],
            ["order_id"], ["revenue:sum"]))

    @api.model
    def _dealer_measure_hours(self, sheet, employees):
        """Per technician and trade, on the orders counted in the month: ``hours_<trade>``, the
        sold hours of each labour line shared by the time each technician clocked on it, and
        ``clocked_hours_<trade>``, the time clocked (the rule says which it pays); ``washes``, the
        cars washed (orders with wash time); ``paint_material_per_hour``, the paint material of the
        orders painted, shared by paint time, per sold paint hour."""
        hours = self.env["dealer.repair.job.time"]._dealer_hours_by(
            ("employee_id", "order_id", "line_id", "trade"),
            [("company_id", "=", sheet.company_id.id), ("employee_id", "in", employees.ids),
             ("order_id", "any", self._dealer_counted_orders_domain(sheet))])
        # the sold hours of every line in one query, whatever the month's size
        self.env["dealer.repair.order.line"].search_fetch(
            [("id", "in", list({key[2].id for key in hours if key[2]}))], ["quantity"])
        line_clocked = defaultdict(float)
        order_paint = defaultdict(float)
        for (_employee, order, line, trade), clocked in hours.items():
            line_clocked[line] += clocked
            if trade == "paint":
                order_paint[order] += clocked
        figures = defaultdict(float)  # (employee, code) -> value
        orders_of = defaultdict(set)  # (employee, code) -> order ids
        paint_share = defaultdict(float)  # (employee, order) -> share of the order's paint time
        for (employee, order, line, trade), clocked in hours.items():
            if not trade or not clocked:
                continue
            sold = line.quantity * clocked / line_clocked[line] if line else 0.0
            for code, value in ((HOURS_CODE % trade, sold), (CLOCKED_HOURS_CODE % trade, clocked)):
                figures[employee, code] += value
                orders_of[employee, code].add(order.id)
            if trade == "wash":
                orders_of[employee, "washes"].add(order.id)
                figures[employee, "washes"] = len(orders_of[employee, "washes"])
            elif trade == "paint":
                paint_share[employee, order] += clocked / order_paint[order]
        material = self._dealer_paint_material(self.env["dealer.repair.order"].union(*(key[1] for key in hours)))
        paint_material = defaultdict(float)
        for (employee, order), share in paint_share.items():
            paint_material[employee] += material.get(order, 0.0) * share
            orders_of[employee, "paint_material_per_hour"].add(order.id)
        for employee, amount in paint_material.items():
            paint_hours = figures[employee, HOURS_CODE % "paint"]
            figures[employee, "paint_material_per_hour"] = amount / paint_hours if paint_hours else 0.0
        return [{"employee_id": employee.id, "code": code, "value": figures[employee, code],
                 "repair_order_ids": [(6, 0, sorted(order_ids))]}
                for (employee, code), order_ids in orders_of.items()]

    # -- the advisor's actuals the month's targets compare besides output ----------------------

    @api.model
    def _dealer_advisor_figures(self, employees, domain, aggregate):
        """``aggregate`` of the repair orders in ``domain`` (the store's) per advisor, with the orders."""
        by_user = self._dealer_by_user(employees)
        groups = self.env["dealer.repair.order"]._read_group(
            [*domain, ("user_id", "in", [user.id for user in by_user])], ["user_id"], [aggregate, "id:array_agg"])
        return [{"employee_id": by_user[user].id, "value": value, "repair_order_ids": [(6, 0, ids)]}
                for user, value, ids in groups]

    @api.model
    def _dealer_measure_gross_profit(self, sheet, employees):
        """The gross profit of the advisor's orders counted in the month."""
        return self._dealer_advisor_figures(employees, self._dealer_counted_orders_domain(sheet), "gross_profit:sum")

    @api.model
    def _dealer_measure_collections(self, sheet, employees):
        """What the payers paid (taxes included) for the advisor's orders counted in the month."""
        figures = self._dealer_advisor_figures(employees, self._dealer_counted_orders_domain(sheet), "__count")
        order_ids = [order_id for vals in figures for order_id in vals["repair_order_ids"][0][2]]
        paid = {order.id: amount for order, amount in self.env["dealer.repair.order.settlement"]._read_group(
            [("order_id", "in", order_ids)], ["order_id"], ["amount_paid:sum"])}
        for vals in figures:
            vals["value"] = sum(paid.get(order_id, 0.0) for order_id in vals["repair_order_ids"][0][2])
        return figures

    @api.model
    def _dealer_measure_vehicles_in(self, sheet, employees):
        """The vehicles an advisor received in the month (orders by arrival, cancelled ones left out)."""
        start, stop = self._dealer_month_bounds(sheet)
        return self._dealer_advisor_figures(employees, [
            ("company_id", "=", sheet.company_id.id), ("state", "!=", "cancel"),
            ("date_in", ">=", start), ("date_in", "<", stop),
        ], "__count")

from odoo import api, fields, models

from odoo.addons.dealer_service.sealed import check_sealed


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

    _owner = models.Constraint("CHECK((employee_id IS NULL) != (group_id IS NULL))",
                               "A measure belongs to either an employee or a group.")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ["origin"], creating=True)
        measures = super().create(vals_list)
        measures.sheet_id._dealer_check_draft()
        return measures

    def write(self, vals):
        check_sealed(self, vals, ["origin", "repair_order_ids"])
        self.sheet_id._dealer_check_draft()
        return super().write(vals)

    def unlink(self):
        self.sheet_id._dealer_check_draft()
        return super().unlink()

    @api.model
    def _dealer_measure_methods(self):
        """The registry: measure code -> method ``(sheet, employees)`` returning a list of
        ``{"employee_id" or "group_id", "value", "repair_order_ids"}``. Modules add codes."""
        return {"output": "_dealer_measure_output"}

    @api.model
    def _dealer_compute_all(self, sheet):
        employees = sheet._dealer_employees()
        vals_list = []
        for code, method in self._dealer_measure_methods().items():
            vals_list += [dict(vals, code=code) for vals in getattr(self, method)(sheet, employees)]
        return vals_list

    @api.model
    def _dealer_collected_orders_domain(self, sheet):
        """The store's repair orders collected in the sheet's month (work collected later counts later)."""
        return [("company_id", "=", sheet.company_id.id), ("date_collected", ">=", sheet.date_from),
                ("date_collected", "<=", sheet.date_to)]

    @api.model
    def _dealer_measure_output(self, sheet, employees):
        """The advisor's output: the revenue of the repair orders they received, collected in the month."""
        by_user = {employee.user_id.id: employee for employee in employees if employee.user_id}
        groups = self.env["dealer.repair.order"]._read_group(
            [*self._dealer_collected_orders_domain(sheet), ("user_id", "in", list(by_user))],
            ["user_id"], ["revenue:sum", "id:array_agg"])
        return [{"employee_id": by_user[user.id].id, "value": revenue, "repair_order_ids": [(6, 0, ids)]}
                for user, revenue, ids in groups]

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class DealerCommissionMeasure(models.Model):
    """The advisor's actuals that the month's targets compare: gross profit, vehicles in and
    collections (output is the registry's own)."""

    _inherit = "dealer.commission.measure"

    @api.model
    def _dealer_measure_methods(self):
        return {
            **super()._dealer_measure_methods(),
            "gross_profit": "_dealer_measure_gross_profit",
            "vehicles_in": "_dealer_measure_vehicles_in",
            "collections": "_dealer_measure_collections",
        }

    @api.model
    def _dealer_advisor_figures(self, employees, domain, aggregate, sudo=False):
        """``aggregate`` of the repair orders in ``domain`` (the store's) per advisor, with the orders."""
        by_user = {employee.user_id.id: employee for employee in employees if employee.user_id}
        Order = self.env["dealer.repair.order"]
        groups = (Order.sudo() if sudo else Order)._read_group(
            [*domain, ("user_id", "in", list(by_user))],
            ["user_id"], [aggregate, "id:array_agg"])
        return [{"employee_id": by_user[user.id].id, "value": value, "repair_order_ids": [(6, 0, ids)]}
                for user, value, ids in groups]

    @api.model
    def _dealer_measure_gross_profit(self, sheet, employees):
        """The gross profit of the orders an advisor received, collected in the month. The officer
        sees the advisor's total, not each order's costs (read as the system)."""
        return self._dealer_advisor_figures(employees, self._dealer_collected_orders_domain(sheet),
                                            "gross_profit:sum", sudo=True)

    @api.model
    def _dealer_measure_collections(self, sheet, employees):
        """What the payers paid (taxes included) for the advisor's orders collected in the month.
        The officer reads the payments of the orders, not the billing screens (read as the system)."""
        figures = self._dealer_advisor_figures(employees, self._dealer_collected_orders_domain(sheet), "__count")
        order_ids = [order_id for vals in figures for order_id in vals["repair_order_ids"][0][2]]
        paid = dict(self.env["dealer.repair.order.settlement"].sudo()._read_group(
            [("order_id", "in", order_ids)], ["order_id"], ["amount_paid:sum"]))
        Order = self.env["dealer.repair.order"]
        for vals in figures:
            vals["value"] = sum(paid.get(Order.browse(order_id), 0.0) for order_id in vals["repair_order_ids"][0][2])
        return figures

    @api.model
    def _dealer_measure_vehicles_in(self, sheet, employees):
        """The vehicles an advisor received in the month (orders by arrival, cancelled ones left out)."""
        start = fields.Datetime.to_datetime(sheet.date_from)
        return self._dealer_advisor_figures(employees, [
            ("company_id", "=", sheet.company_id.id), ("state", "!=", "cancel"),
            ("date_in", ">=", start), ("date_in", "<", start + relativedelta(months=1)),
        ], "__count")

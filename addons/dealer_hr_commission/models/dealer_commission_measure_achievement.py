from odoo import api, models


class DealerCommissionMeasure(models.Model):
    """The advisor's actuals that the month's targets compare besides output: gross profit,
    collections and vehicles in."""

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

from odoo import api, models
from odoo.fields import Domain


class DealerCommissionMeasure(models.Model):
    _inherit = "dealer.commission.measure"

    @api.model
    def _dealer_measure_methods(self):
        return {
            **super()._dealer_measure_methods(),
            "accident_output": "_dealer_measure_accident_output",
            "assessed_amount": "_dealer_measure_assessed_amount",
            "renewal_rebate_gross_profit": "_dealer_measure_renewal_rebate_gross_profit",
        }

    @api.model
    def _dealer_accident_case_domain(self):
        return [("state", "!=", "cancel"), ("amount_approved", ">", 0)]

    @api.model
    def _dealer_accident_order_domain(self):
        """Repair orders of an accident the insurer approved an amount for."""
        return [("dealer_insurance_case_ids", "any", self._dealer_accident_case_domain())]

    @api.model
    def _dealer_counted_orders_domain(self, sheet):
        """An accident repair counts in the month the car left with an approved amount (owner-paid
        work included), not when it is collected."""
        start, stop = self._dealer_month_bounds(sheet)
        accident = self._dealer_accident_order_domain()
        return Domain.OR([
            Domain.AND([super()._dealer_counted_orders_domain(sheet), [("id", "not any", accident)]]),
            [("company_id", "=", sheet.company_id.id), *accident,
             ("date_delivered", ">=", start), ("date_delivered", "<", stop)],
        ])

    @api.model
    def _dealer_output_lines_domain(self, sheet):
        """The insurer's lines of an accident repair are output at the amount it approved (see
        :meth:`_dealer_measure_accident_output`), not at the store's estimate."""
        return Domain.AND([super()._dealer_output_lines_domain(sheet), Domain.OR([
            [("payer", "!=", "insurance")], [("order_id", "not any", self._dealer_accident_order_domain())]])])

    @api.model
    def _dealer_measure_accident_output(self, sheet, employees):
        """The advisor's output of the accident cars that left in the month: the amount the insurer
        approved (the owner-paid lines count as every order's, in :meth:`_dealer_measure_output`)."""
        start, stop = self._dealer_month_bounds(sheet)
        by_user = self._dealer_by_user(employees)
        groups = self.env["dealer.insurance.case"]._read_group([
            *self._dealer_accident_case_domain(), ("company_id", "=", sheet.company_id.id),
            ("date_delivered", ">=", start), ("date_delivered", "<", stop),
            ("repair_order_id.user_id", "in", [user.id for user in by_user])],
            ["repair_order_id"], ["amount_approved:sum"])
        return [{"employee_id": by_user[order.user_id].id, "code": "output", "value": amount,
                 "repair_order_ids": [(6, 0, order.ids)]} for order, amount in groups]

    @api.model
    def _dealer_documents_by_user(self, model, domain, field):
        """``{user: ids}`` of ``field`` of the records of ``model`` in ``domain``, per ``user_id``."""
        groups = self.env[model]._read_group(domain, ["user_id"], [f"{field}:array_agg"])
        return {user: sorted({record_id for record_id in ids if record_id}) for user, ids in groups}

    @api.model
    def _dealer_measure_assessed_amount(self, sheet, employees):
        """The claims adjuster's approved (assessed) amount of the accident cars that left in the month."""
        company = sheet.company_id
        start, stop = self._dealer_month_bounds(sheet)
        amounts = self.env["dealer.insurance.case"]._dealer_accident_output(company, start, stop)
        orders = self._dealer_documents_by_user("dealer.insurance.case", [
            ("company_id", "=", company.id), ("state", "!=", "cancel"),
            ("date_delivered", ">=", start), ("date_delivered", "<", stop)], "repair_order_id")
        by_user = self._dealer_by_user(employees)
        return [{"employee_id": by_user[user].id, "value": amount, "repair_order_ids": [(6, 0, orders.get(user, []))]}
                for user, amount in amounts.items() if user in by_user and amount]

    @api.model
    def _dealer_measure_renewal_rebate_gross_profit(self, sheet, employees):
        """The rebate gross profit of the policies each employee renewed in the month."""
        company = sheet.company_id
        profits = self.env["dealer.insurance.renewal"]._dealer_rebate_gross_profit(
            company, sheet.date_from, sheet.date_to)
        renewals = self._dealer_documents_by_user("dealer.insurance.renewal", [
            ("company_id", "=", company.id), ("state", "=", "done"),
            ("date", ">=", sheet.date_from), ("date", "<=", sheet.date_to)], "id")
        by_user = self._dealer_by_user(employees)
        return [{"employee_id": by_user[user].id, "value": profit, "document_model": "dealer.insurance.renewal",
                 "document_ids": renewals.get(user, [])}
                for user, profit in profits.items() if user in by_user and profit]

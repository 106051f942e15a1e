from collections import defaultdict

from odoo import api, models
from odoo.fields import Domain


class DealerCommissionMeasure(models.Model):
    _inherit = "dealer.commission.measure"

    @api.model
    def _dealer_measure_methods(self):
        return {
            **super()._dealer_measure_methods(),
            "warranty_output": "_dealer_measure_warranty_output",
        }

    @api.model
    def _dealer_claimed_lines(self, sheet):
        """The warranty lines of the orders counted in the month that the OEM pays through a claim,
        not through the order's settlement (``_dealer_claimed_from_oem``, the vehicles' warranty
        terms read in one search)."""
        if not sheet.company_id.dealer_warranty_enabled:
            return self.env["dealer.repair.order.line"]
        lines = self.env["dealer.repair.order.line"].search(
            [*self._dealer_counted_lines_domain(sheet), ("payer", "=", "warranty")])
        terms = lines.order_id.vehicle_id._dealer_warranty_terms()
        return lines.filtered(lambda line: terms.get(line.order_id.vehicle_id))

    @api.model
    def _dealer_output_lines_domain(self, sheet):
        """The warranty lines the OEM pays through a claim are output when the OEM pays the claim
        (see :meth:`_dealer_measure_warranty_output`), not at the order's collection."""
        return Domain.AND([super()._dealer_output_lines_domain(sheet),
                           [("id", "not in", self._dealer_claimed_lines(sheet).ids)]])

    @api.model
    def _dealer_claim_date_paid(self, claim):
        """The date of the reconciliation that settled the claim's receivable (its last one)."""
        receivables = claim.move_ids.filtered(lambda move: move.state == "posted").line_ids.filtered(
            lambda line: line.account_type == "asset_receivable")
        return max((receivables.matched_debit_ids | receivables.matched_credit_ids).mapped("max_date"))

    @api.model
    def _dealer_claims_paid(self, sheet):
        """The store's claims the OEM's payment settled in the sheet's month."""
        company = sheet.company_id
        claim_move = [("move_id.dealer_warranty_claim_id.company_id", "=", company.id)]
        partials = self.env["account.partial.reconcile"].search([
            ("company_id", "=", company.id), ("max_date", ">=", sheet.date_from), ("max_date", "<=", sheet.date_to),
            "|", ("debit_move_id", "any", claim_move), ("credit_move_id", "any", claim_move)])
        claims = (partials.debit_move_id | partials.credit_move_id).move_id.dealer_warranty_claim_id
        return claims.filtered(lambda claim: claim.state == "paid" and claim.company_id == company
                               and sheet.date_from <= self._dealer_claim_date_paid(claim) <= sheet.date_to)

    @api.model
    def _dealer_customer_part(self, sheet):
        """``{order: amount}``: what the customers were invoiced, before tax, for the claimed
        warranty lines of the orders counted in the month (their share of a goodwill, a cut the
        appraiser billed to them), collected with the order."""
        groups = self.env["account.move.line"]._read_group([
            ("dealer_repair_line_id", "in", self._dealer_claimed_lines(sheet).ids), ("dealer_payer", "=", "customer"),
            ("parent_state", "=", "posted"), ("move_id.move_type", "in", ("out_invoice", "out_refund"))],
            ["move_id"], ["balance:sum"])
        amounts = defaultdict(float)
        for move, balance in groups:
            amounts[move.dealer_repair_order_id] -= balance
        return amounts

    @api.model
    def _dealer_measure_warranty_output(self, sheet, employees):
        """The advisor's output of warranty work: the claims of their orders the OEM paid in the
        month, at the amount it approved (before tax); and what the customers paid of the claimed
        lines of the orders counted in the month."""
        by_user = self._dealer_by_user(employees)
        claims = defaultdict(lambda: [0.0, []])
        for claim in self._dealer_claims_paid(sheet):
            user = claim.repair_order_id.user_id
            if user in by_user:
                claims[by_user[user]][0] += claim.amount_approved
                claims[by_user[user]][1].append(claim.id)
        customers = defaultdict(lambda: [0.0, []])
        for order, amount in self._dealer_customer_part(sheet).items():
            if order.user_id in by_user:
                customers[by_user[order.user_id]][0] += amount
                customers[by_user[order.user_id]][1].append(order.id)
        return [{"employee_id": employee.id, "code": "output", "value": value,
                 "document_model": "dealer.warranty.claim", "document_ids": sorted(ids)}
                for employee, (value, ids) in claims.items()] + \
            [{"employee_id": employee.id, "code": "output", "value": value,
              "repair_order_ids": [(6, 0, sorted(ids))]} for employee, (value, ids) in customers.items()]

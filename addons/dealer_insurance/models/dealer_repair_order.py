from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import frozendict

# the claims staff handle accident cases; the reception sees their state and amounts on the order
CLAIMS_GROUPS = "dealer_insurance.dealer_insurance_group_clerk"
CASE_VIEW_GROUPS = "dealer_service.dealer_service_group_advisor,dealer_insurance.dealer_insurance_group_clerk"


class DealerRepairOrder(models.Model):
    _inherit = "dealer.repair.order"

    dealer_insurance_case_ids = fields.One2many(
        "dealer.insurance.case", "repair_order_id", string="Accident Cases", groups=CLAIMS_GROUPS,
    )
    dealer_rescue_request_ids = fields.One2many(
        "dealer.rescue.request", "repair_order_id", string="Rescue Requests", groups=CLAIMS_GROUPS,
    )
    dealer_insurance_case_id = fields.Many2one(
        "dealer.insurance.case", string="Accident Case", compute="_compute_dealer_insurance_case_id",
        store=True, index="btree_not_null", groups=CLAIMS_GROUPS,
    )
    dealer_insurance_state = fields.Selection(
        related="dealer_insurance_case_id.state", string="Accident Case Status", groups=CASE_VIEW_GROUPS,
    )
    dealer_insurance_amount_estimated = fields.Monetary(
        related="dealer_insurance_case_id.amount_estimated", string="Loss Estimate", groups=CASE_VIEW_GROUPS,
    )
    dealer_insurance_amount_assessed = fields.Monetary(
        related="dealer_insurance_case_id.amount_assessed", string="Assessed by the Insurer", groups=CASE_VIEW_GROUPS,
    )
    dealer_insurance_amount_difference = fields.Monetary(
        related="dealer_insurance_case_id.amount_difference", string="Estimate - Assessment",
        groups=CASE_VIEW_GROUPS,
    )

    @api.depends("dealer_insurance_case_ids")
    def _compute_dealer_insurance_case_id(self):
        for order in self:
            order.dealer_insurance_case_id = order.dealer_insurance_case_ids[:1]

    def write(self, vals):
        if "insurer_id" in vals:
            # whoever edits the order (not all may read accident cases), the case decides the insurer
            for order in self:
                case = order.sudo().dealer_insurance_case_ids[:1]
                if case and case.insurer_id.id != vals["insurer_id"]:
                    raise UserError(self.env._(
                        "The insurer of %(order)s is the insurer of its accident case %(case)s: change it there.",
                        order=order.name, case=case.name,
                    ))
        return super().write(vals)

    def action_start_repair(self):
        self._dealer_check_insurer_assessment()
        return super().action_start_repair()

    def _dealer_check_insurer_assessment(self):
        """An accident repair starts once the insurer assessed the loss, or when the claims lead
        let it start before, with a reason (the workshop's clock-on goes through here too)."""
        # checked for every role that starts a repair, also those who do not read accident cases
        waiting = self.sudo().dealer_insurance_case_ids.filtered(lambda case: not case._dealer_may_start_repair())
        if waiting:
            raise UserError(self.env._(
                "%(orders)s cannot start: the insurer has not assessed the loss of its accident case %(cases)s yet. "
                "Record the insurer's assessment, or ask the claims lead to let the repair start with a reason.",
                orders=", ".join(waiting.repair_order_id.mapped("name")), cases=", ".join(waiting.mapped("name")),
            ))

    def action_create_invoices(self):
        self.sudo().dealer_insurance_case_ids._dealer_check_settlement()
        return super().action_create_invoices()

    def _dealer_split_case(self):
        """The accident case whose insurer pays this order's insurer lines directly (split billing),
        or an empty recordset (the customer pays everything)."""
        self.ensure_one()
        case = self.sudo().dealer_insurance_case_id
        return case if case and not case.cancelled and case._dealer_direct_payment() else case.browse()

    def _get_invoice_groups(self):
        """The customer gets an invoice for what the insurer's assessment leaves to pay, even when
        none of the order's own lines is the customer's."""
        groups = super()._get_invoice_groups()
        case = self._dealer_split_case()
        if case and any(self._dealer_remainders(case).values()):
            customer_key = frozendict(partner_id=self.partner_id.id)
            groups.setdefault(customer_key, self.env["dealer.repair.order.line"])
        return groups

    def _dealer_remainders(self, case):
        """``{line: amount}``: what the insurer's approved assessments leave of each insurer line (VAT
        included)."""
        remainders = {}
        for assessment in case.assessment_ids.filtered(lambda rec: rec.state == "approved"):
            for line, share in assessment._dealer_line_shares().items():
                remainders[line] = self.currency_id.round(line.price_total - share)
        return remainders

    def _prepare_invoice_values(self, key, lines):
        values = super()._prepare_invoice_values(key, lines)
        if key.get("dealer_insurance_case_id"):
            case = self.env["dealer.insurance.case"].browse(key["dealer_insurance_case_id"])
            values["dealer_insurance_case_id"] = case.id
            terms = case.sudo()._dealer_insurer_contract().dealer_payment_term_id
            if terms:
                values["invoice_payment_term_id"] = terms.id
        return values

    def _prepare_invoice_lines_values(self, key, lines):
        """The insurer is billed its approved assessments, line by line (each share linked to its
        order line); the customer the rest of those lines beside its own."""
        case = self._dealer_split_case()
        if not case:
            return super()._prepare_invoice_lines_values(key, lines)
        twins = {tax: tax._dealer_price_included() for tax in self.line_ids.tax_ids}
        if key.get("dealer_insurance_case_id"):
            values = []
            for assessment in case.assessment_ids.filtered(lambda rec: rec.state == "approved"):
                for line, share in assessment._dealer_line_shares().items():
                    if line in lines and share:
                        values.append(line._dealer_prepare_share_values(share, self.env._(
                            "%(round)s %(case)s: %(line)s", round=assessment.name, case=case.name, line=line.name,
                        ), twins))
            return values
        values = super()._prepare_invoice_lines_values(key, lines)
        if key["partner_id"] == self.partner_id.id:
            values += [
                line._dealer_prepare_share_values(amount, self.env._(
                    "%(line)s (above the insurer's assessment)", line=line.name,
                ), twins)
                for line, amount in self._dealer_remainders(case).items() if amount
            ]
        return values

    def action_view_dealer_insurance_case(self):
        self.ensure_one()
        return self.dealer_insurance_case_id._get_records_action()

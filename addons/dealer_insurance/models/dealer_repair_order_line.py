from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import float_compare, frozendict
from odoo.tools.misc import format_amount

from odoo.addons.dealer_service.sealed import check_sealed, is_unsealed

from .dealer_repair_order import CASE_VIEW_GROUPS, CLAIMS_GROUPS

# what only the estimate's buttons change on a line
LINE_ESTIMATE_FIELDS = ("dealer_assessment_id", "dealer_estimated_amount")
# what makes the price the insurer was sent: frozen once the line's estimate is sent
LINE_ESTIMATED_FIELDS = {
    "order_id", "line_type", "labour_operation_id", "trade", "product_id", "quantity", "product_uom_id",
    "price_unit", "discount", "tax_ids", "payer", "payer_partner_id",
}


class DealerRepairOrderLine(models.Model):
    _inherit = "dealer.repair.order.line"

    dealer_assessment_id = fields.Many2one(
        "dealer.insurance.assessment", string="Insurer's Estimate", readonly=True, copy=False,
        index="btree_not_null", ondelete="restrict", groups=CLAIMS_GROUPS,
    )
    dealer_estimated_amount = fields.Monetary(
        string="Estimated", readonly=True, copy=False, groups=CASE_VIEW_GROUPS,
        help="The line's amount (VAT included) in the estimate sent to the insurer.",
    )
    dealer_assessed_amount = fields.Monetary(
        string="Assessed", copy=False, groups=CASE_VIEW_GROUPS,
        help="The insurer's assessment of this line (VAT included), when it assesses line by line.",
    )
    dealer_assessment_state = fields.Selection(
        related="dealer_assessment_id.state", string="Estimate Status", groups=CASE_VIEW_GROUPS,
    )

    @api.constrains("dealer_assessed_amount", "dealer_estimated_amount")
    def _check_dealer_assessed_amount(self):
        for line in self.filtered("dealer_assessment_id"):
            if line.dealer_assessed_amount < 0 or float_compare(
                line.dealer_assessed_amount, line.dealer_estimated_amount,
                precision_rounding=line.currency_id.rounding,
            ) > 0:
                raise ValidationError(self.env._(
                    "The insurer's assessment of %(line)s must be between 0 and the %(estimate)s estimated.",
                    line=line.name, estimate=format_amount(self.env, line.dealer_estimated_amount, line.currency_id),
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, LINE_ESTIMATE_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, LINE_ESTIMATE_FIELDS)
        if "dealer_assessed_amount" in vals and not is_unsealed(self.env):
            lines = self.sudo()
            wrong = lines.filtered(
                lambda rec: rec.dealer_assessment_id.state != "estimated"
                or rec.dealer_assessment_id.assessment_mode != "line"
            )
            if wrong:
                raise UserError(self.env._(
                    "The insurer's assessment per line is entered on lines of an estimate waiting for the "
                    "insurer's answer and assessed per line; %(lines)s are not.",
                    lines=", ".join(wrong.mapped("name")),
                ))
        if LINE_ESTIMATED_FIELDS & set(vals):
            self._dealer_check_not_estimated()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_estimated(self):
        self._dealer_check_not_estimated()

    def _dealer_check_not_estimated(self):
        # checked for every role that edits a line, also those who do not read the estimates
        sent = self.sudo().filtered(lambda rec: rec.dealer_assessment_id.state not in (False, "draft"))
        if sent:
            raise UserError(self.env._(
                "%(lines)s are in the estimate sent to the insurer (%(cases)s): take the estimate back to change "
                "them, or add the new work as a supplement.",
                lines=", ".join(sent.mapped("name")), cases=", ".join(sent.dealer_assessment_id.case_id.mapped("name")),
            ))

    @api.depends("order_id.dealer_insurance_case_id.insurer_id")
    def _compute_payer_partner_id(self):
        return super()._compute_payer_partner_id()

    def _get_payer_partner_insurance(self):
        """The insurer of the order's accident case pays its insurer lines."""
        # the case decides for every role that prices a line, also those who do not read cases
        return self.order_id.sudo().dealer_insurance_case_id.insurer_id or super()._get_payer_partner_insurance()

    def _get_invoice_grouping_key(self):
        """An insurer paying the store directly gets its own invoice of the case; otherwise the
        customer pays the insurer's lines too (and claims them from the insurer)."""
        key = super()._get_invoice_grouping_key()
        if self.payer != "insurance":
            return key
        case = self.order_id._dealer_split_case()
        if case:
            return frozendict(key, dealer_insurance_case_id=case.id)
        if self.order_id.sudo().dealer_insurance_case_id:
            return frozendict(key, partner_id=self.order_id.partner_id.id)
        return key

    def _dealer_prepare_share_values(self, amount, name, twins):
        """Invoice line values billing ``amount`` of this line, VAT included: the line's taxes as
        price-included (``twins``: ``{tax: its price-included twin}``, looked up once per invoice),
        so that the invoice totals the amount to the cent."""
        values = self._prepare_invoice_line_values()
        taxes = self.env["account.tax"].union(*(twins[tax] for tax in self.tax_ids))
        values.update(name=name, quantity=1.0, price_unit=amount, discount=0.0, tax_ids=[Command.set(taxes.ids)])
        return values

    # the claims staff handle the accident repair orders as the reception does (record rules keep
    # them to the orders of accident cases and rescues)

    def _can_change_prices(self):
        return super()._can_change_prices() or self.env.user.has_group(CLAIMS_GROUPS)

    def _dealer_refused_fields(self, fnames):
        refused = super()._dealer_refused_fields(fnames)
        if refused and self.env.user.has_group(CLAIMS_GROUPS):
            table = self._dealer_field_roles()
            refused = [fname for fname in refused if "advisor" not in table[fname]]
        return refused

from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerReceivableReportMixin(models.AbstractModel):
    """The after-sales payers filter of account_financial_report's wizards (aged
    partner balance, open items): a payer kind fills the partners to report on."""

    _name = "dealer.receivable.report.mixin"
    _description = "After-Sales Receivables Filter"

    dealer_receivable_kind = fields.Selection(
        selection="_selection_dealer_receivable_kind", string="After-Sales Payers",
        help="Report on the partners of this kind of after-sales payer only.",
    )

    @api.model
    def _selection_dealer_receivable_kind(self):
        kinds = self.env["res.partner"]._fields["dealer_receivable_kind"]._description_selection(self.env)
        return [("all", self.env._("All After-Sales Payers")), *kinds]

    def _dealer_receivable_partners(self):
        self.ensure_one()
        return self.env["res.partner"]._dealer_receivable_partners(
            self.dealer_receivable_kind, self.company_id or self.env.company)

    @api.onchange("dealer_receivable_kind", "company_id")
    def _onchange_dealer_receivable_kind(self):
        if self.dealer_receivable_kind:
            self.partner_ids = self._dealer_receivable_partners()

    def _dealer_receivable_report_data(self, data):
        """The report's data with the partners of the payer kind when none were chosen."""
        if self.dealer_receivable_kind and not data.get("partner_ids"):
            # an empty partner filter means every partner to the report: never for a payer kind
            partners = self._dealer_receivable_partners()
            if not partners:
                kind = dict(self._fields["dealer_receivable_kind"]._description_selection(self.env))
                raise UserError(self.env._(
                    "No partner of %(store)s is an after-sales payer of the kind “%(kind)s”: set the After-Sales "
                    "Payer on the partners' Invoicing tab, or choose another kind.",
                    kind=kind[self.dealer_receivable_kind], store=(self.company_id or self.env.company).name))
            data["partner_ids"] = partners.ids
        return data

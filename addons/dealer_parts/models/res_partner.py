from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    dealer_account_customer = fields.Boolean(
        string="Approved Account Customer", company_dependent=True, tracking=True,
        help="Parts may be sold on account (挂帐) to this customer, within the credit limit of Accounting: the "
             "customer's receivable plus the issue slip may not exceed it.",
    )

    @api.depends("dealer_account_customer")
    def _compute_dealer_receivable_kind(self):
        """An approved account customer of the parts counter, in any store, is an after-sales payer on account."""
        super()._compute_dealer_receivable_kind()
        companies = self.env["res.company"].sudo().search([])
        for partner in self.filtered(lambda partner: not partner.dealer_receivable_kind):
            if any(partner.with_company(company).dealer_account_customer for company in companies):
                partner.dealer_receivable_kind = "customer_account"

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    dealer_account_customer = fields.Boolean(
        string="Approved Account Customer", company_dependent=True, tracking=True,
        help="Parts may be sold on account (挂帐) to this customer, within the credit limit.",
    )
    dealer_parts_credit_limit = fields.Float(
        string="Parts Credit Limit", company_dependent=True, tracking=True,
        help="Maximum amount of unsettled parts issue slips on account.",
    )

    def _dealer_parts_open_account_amount(self, company):
        """Amount of the validated, unsettled, not voided issue slips on account."""
        self.ensure_one()
        slips = self.env["stock.picking"].search([
            ("company_id", "=", company.id),
            ("partner_id", "child_of", self.commercial_partner_id.id),
            ("dealer_doc_kind", "=", "account"),
            ("state", "=", "done"),
            ("dealer_voided", "=", False),
            ("dealer_settled", "=", False),
        ])
        return sum(slips.mapped("dealer_amount_total"))

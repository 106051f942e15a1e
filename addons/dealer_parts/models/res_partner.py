from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    dealer_account_customer = fields.Boolean(
        string="Approved Account Customer", company_dependent=True, tracking=True,
        help="Parts may be sold on account (挂帐) to this customer, within the credit limit of Accounting: the "
             "customer's receivable plus the issue slip may not exceed it.",
    )

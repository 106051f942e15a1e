from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_commission_enabled = fields.Boolean(related="company_id.dealer_commission_enabled", readonly=False)
    dealer_commission_journal_id = fields.Many2one(related="company_id.dealer_commission_journal_id", readonly=False)
    dealer_commission_expense_account_id = fields.Many2one(
        related="company_id.dealer_commission_expense_account_id", readonly=False)
    dealer_commission_payable_account_id = fields.Many2one(
        related="company_id.dealer_commission_payable_account_id", readonly=False)
    dealer_commission_fund_account_id = fields.Many2one(
        related="company_id.dealer_commission_fund_account_id", readonly=False)

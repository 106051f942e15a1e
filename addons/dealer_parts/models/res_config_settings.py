from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_parts_enabled = fields.Boolean(related="company_id.dealer_parts_enabled", readonly=False)
    dealer_parts_warehouse_id = fields.Many2one(related="company_id.dealer_parts_warehouse_id", readonly=False)
    dealer_abc_a_percent = fields.Float(related="company_id.dealer_abc_a_percent", readonly=False)
    dealer_abc_b_percent = fields.Float(related="company_id.dealer_abc_b_percent", readonly=False)
    dealer_slow_stock_days = fields.Integer(related="company_id.dealer_slow_stock_days", readonly=False)
    dealer_general_manager_id = fields.Many2one(related="company_id.dealer_general_manager_id", readonly=False)
    dealer_service_manager_id = fields.Many2one(related="company_id.dealer_service_manager_id", readonly=False)
    dealer_parts_manager_id = fields.Many2one(related="company_id.dealer_parts_manager_id", readonly=False)
    dealer_scrap_journal_id = fields.Many2one(related="company_id.dealer_scrap_journal_id", readonly=False)
    dealer_scrap_expense_account_id = fields.Many2one(
        related="company_id.dealer_scrap_expense_account_id", readonly=False,
    )
    dealer_scrap_stock_account_id = fields.Many2one(
        related="company_id.dealer_scrap_stock_account_id", readonly=False,
    )

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_warranty_enabled = fields.Boolean(related="company_id.dealer_warranty_enabled", readonly=False)
    dealer_warranty_journal_id = fields.Many2one(related="company_id.dealer_warranty_journal_id", readonly=False)
    dealer_warranty_goodwill_account_id = fields.Many2one(
        related="company_id.dealer_warranty_goodwill_account_id", readonly=False)

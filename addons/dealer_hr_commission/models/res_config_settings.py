from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_commission_enabled = fields.Boolean(related="company_id.dealer_commission_enabled", readonly=False)

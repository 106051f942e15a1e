from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_warranty_enabled = fields.Boolean(related="company_id.dealer_warranty_enabled", readonly=False)

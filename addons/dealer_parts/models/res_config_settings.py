from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_parts_enabled = fields.Boolean(related="company_id.dealer_parts_enabled", readonly=False)

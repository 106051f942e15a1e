from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_insurance_enabled = fields.Boolean(related="company_id.dealer_insurance_enabled", readonly=False)

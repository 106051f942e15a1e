from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_csi_enabled = fields.Boolean(related="company_id.dealer_csi_enabled", readonly=False)

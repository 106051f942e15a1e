from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_comeback_days = fields.Integer(related="company_id.dealer_comeback_days", readonly=False)
    dealer_advisor_discount_limit = fields.Float(related="company_id.dealer_advisor_discount_limit", readonly=False)
    dealer_labour_cost_rate = fields.Monetary(related="company_id.dealer_labour_cost_rate", readonly=False)

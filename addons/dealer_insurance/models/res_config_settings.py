from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_insurance_enabled = fields.Boolean(related="company_id.dealer_insurance_enabled", readonly=False)
    dealer_insurer_contact_minimum = fields.Integer(
        related="company_id.dealer_insurer_contact_minimum", readonly=False,
    )
    dealer_insurer_contact_minimum_active = fields.Integer(
        related="company_id.dealer_insurer_contact_minimum_active", readonly=False,
    )
    dealer_renewal_user_id = fields.Many2one(related="company_id.dealer_renewal_user_id", readonly=False)
    dealer_insurance_writeoff_account_id = fields.Many2one(
        related="company_id.dealer_insurance_writeoff_account_id", readonly=False,
    )

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    dealer_csi_enabled = fields.Boolean(related="company_id.dealer_csi_enabled", readonly=False)
    dealer_csi_agent_id = fields.Many2one(related="company_id.dealer_csi_agent_id", readonly=False)
    dealer_csi_complaint_manager_id = fields.Many2one(
        related="company_id.dealer_csi_complaint_manager_id", readonly=False,
    )
    dealer_csi_followup_days = fields.Integer(related="company_id.dealer_csi_followup_days", readonly=False)
    dealer_csi_call_attempts = fields.Integer(related="company_id.dealer_csi_call_attempts", readonly=False)
    dealer_csi_sla_response_minutes = fields.Integer(
        related="company_id.dealer_csi_sla_response_minutes", readonly=False,
    )
    dealer_csi_sla_sort_minutes = fields.Integer(related="company_id.dealer_csi_sla_sort_minutes", readonly=False)
    dealer_csi_sla_close_days = fields.Integer(related="company_id.dealer_csi_sla_close_days", readonly=False)
    dealer_csi_not_back_months = fields.Integer(related="company_id.dealer_csi_not_back_months", readonly=False)
    dealer_csi_due_days = fields.Integer(related="company_id.dealer_csi_due_days", readonly=False)
    dealer_csi_greeting_days = fields.Integer(related="company_id.dealer_csi_greeting_days", readonly=False)
    dealer_csi_loyalty_top = fields.Integer(related="company_id.dealer_csi_loyalty_top", readonly=False)
    dealer_csi_survey_id = fields.Many2one(related="company_id.dealer_csi_survey_id", readonly=False)

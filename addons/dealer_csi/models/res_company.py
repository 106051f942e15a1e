from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_csi_enabled = fields.Boolean(
        string="Customer Satisfaction",
        default=True,
        help="Follow-up calls, CSI surveys, complaints, maintenance reminders and lost-customer tracking.",
    )

from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    dealer_csi_process = fields.Boolean(
        string="Process Compliance",
        help="A yes/no question on a step of the service process: it counts in the process-compliance "
        "score, not in the satisfaction score.",
    )

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    dealer_commission_group_id = fields.Many2one(
        "dealer.commission.group", string="Commission Group", check_company=True,
        groups="hr.group_hr_user")
    dealer_commission_coefficient = fields.Float(
        string="Commission Coefficient", digits=(16, 4),
        groups="hr.group_hr_user",
        help="The employee's share of the group pool is this coefficient over the sum of the members'.")
    dealer_commission_trial_until = fields.Date(
        string="Trial Period Until", groups="hr.group_hr_user",
        help="Employees in their trial period earn no commission.")

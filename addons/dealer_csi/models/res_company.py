from datetime import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_csi_enabled = fields.Boolean(
        string="Customer Satisfaction",
        default=True,
        help="Follow-up calls, CSI surveys, complaints, maintenance reminders and lost-customer tracking.",
    )
    dealer_csi_agent_id = fields.Many2one(
        "res.users", string="Customer-Service Agent",
        domain="[('share', '=', False), ('company_ids', 'in', id)]",
        help="Who gets the calls planned automatically (after delivery, for new cars); "
        "without one, whoever triggers the plan.",
    )
    dealer_csi_complaint_manager_id = fields.Many2one(
        "res.users", string="Complaint Escalation",
        domain="[('share', '=', False), ('company_ids', 'in', id)]",
        help="Who receives an escalated complaint when the person escalated to last has no manager "
        "in Employees.",
    )
    dealer_csi_followup_days = fields.Integer(
        string="Follow-up Call Within (days)", default=3,
        help="The follow-up call after a delivery is due this many days after the delivery.",
    )
    dealer_csi_call_attempts = fields.Integer(
        string="Call Attempts", default=3,
        help="How many times an unreachable customer is called before the call is given up.",
    )
    dealer_csi_sla_response_minutes = fields.Integer(
        string="Complaint: First Response (minutes)", default=30,
        help="Working minutes from registration to the first response to the customer.",
    )
    dealer_csi_sla_sort_minutes = fields.Integer(
        string="Complaint: Sorted Out (minutes)", default=60,
        help="Working minutes from registration until the investigation and the solution are written.",
    )
    dealer_csi_sla_close_days = fields.Integer(
        string="Complaint: Closed (working days)", default=2,
        help="Working days (of the store's working hours) from registration until the complaint is closed.",
    )
    dealer_csi_not_back_months = fields.Integer(
        string="Not Back After (months)", default=3,
        help="Customers whose vehicle has not been back for this many months are reminded.",
    )
    dealer_csi_due_days = fields.Integer(
        string="Maintenance Due Within (days)", default=30,
        help="The maintenance-due list shows vehicles due for service within this many days (or overdue).",
    )
    dealer_csi_greeting_days = fields.Integer(
        string="Greetings Ahead (days)", default=7,
        help="Birthdays and car anniversaries this many days ahead are listed for greeting calls.",
    )
    dealer_csi_loyalty_top = fields.Integer(
        string="Loyal Customers Called", default=20,
        help="Planning calls from the loyalty ranking without a selection calls this many top customers.",
    )
    dealer_csi_survey_id = fields.Many2one(
        "survey.survey", string="CSI Survey",
        default=lambda self: self.env.ref("dealer_csi.survey_csi", raise_if_not_found=False),
        help="The survey sent to customers after their visit (the maker's satisfaction factors).",
    )

    @api.constrains(
        "dealer_csi_followup_days", "dealer_csi_call_attempts", "dealer_csi_sla_response_minutes",
        "dealer_csi_sla_sort_minutes", "dealer_csi_sla_close_days", "dealer_csi_not_back_months",
        "dealer_csi_due_days", "dealer_csi_greeting_days", "dealer_csi_loyalty_top",
    )
    def _check_dealer_csi_settings(self):
        for company in self:
            if min(company.dealer_csi_call_attempts, company.dealer_csi_sla_response_minutes,
                   company.dealer_csi_sla_sort_minutes, company.dealer_csi_sla_close_days,
                   company.dealer_csi_not_back_months) < 1 or min(
                       company.dealer_csi_followup_days, company.dealer_csi_due_days,
                       company.dealer_csi_greeting_days, company.dealer_csi_loyalty_top) < 0:
                raise ValidationError(self.env._(
                    "The customer-care settings of %(store)s must be positive numbers (call attempts, "
                    "complaint time limits and the not-back months at least 1).",
                    store=company.display_name,
                ))

    @api.model
    def _dealer_csi_set_default_survey(self):
        """The stores without a CSI survey use the one this module ships."""
        self.search([("dealer_csi_survey_id", "=", False)]).dealer_csi_survey_id = self.env.ref("dealer_csi.survey_csi")

    def _dealer_csi_tz(self):
        """The store's time zone: that of its working hours."""
        self.ensure_one()
        return pytz.timezone(self.resource_calendar_id.tz or "UTC")

    def _dealer_csi_local_date(self, value):
        """The store's calendar day of a UTC datetime."""
        self.ensure_one()
        if not value:
            return False
        if not isinstance(value, datetime):
            return value
        return pytz.utc.localize(value).astimezone(self._dealer_csi_tz()).date()

    def _dealer_csi_today(self):
        return self._dealer_csi_local_date(fields.Datetime.now())

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

CSI_GROUP = "dealer_csi.dealer_csi_group_agent"


class DealerRepairOrder(models.Model):
    _inherit = "dealer.repair.order"

    dealer_csi_call_ids = fields.One2many("dealer.csi.call", "order_id", string="Customer Calls", groups=CSI_GROUP)
    dealer_csi_call_count = fields.Integer(
        string="Customer Call Count", compute="_compute_dealer_csi_counts", groups=CSI_GROUP,
    )
    dealer_csi_complaint_ids = fields.One2many(
        "dealer.csi.complaint", "repair_order_id", string="Complaints", groups=CSI_GROUP,
    )
    dealer_csi_complaint_count = fields.Integer(
        string="Complaint Count", compute="_compute_dealer_csi_counts", groups=CSI_GROUP,
    )
    dealer_csi_survey_answer_ids = fields.One2many(
        "survey.user_input", "dealer_repair_order_id", string="CSI Survey Answers", groups=CSI_GROUP,
    )
    # stored for the service KPIs (dealer.csi.kpi.report): the arrival day and the first-time pass rate
    dealer_csi_date_in_day = fields.Date(
        string="Arrival Day", compute="_compute_dealer_csi_date_in_day", store=True, index=True,
        help="The arrival's day in the store's time zone (its working hours').",
    )
    dealer_csi_qc_outcome = fields.Selection(
        [("first_time", "Passed First Time"), ("reworked", "Passed after Rework")],
        string="Final Inspection Outcome", compute="_compute_dealer_csi_qc_outcome", store=True,
        help="Empty until a final inspection passed; passed first time when no quality check failed before.",
    )

    @api.depends("dealer_csi_call_ids", "dealer_csi_complaint_ids")
    def _compute_dealer_csi_counts(self):
        for order in self:
            order.dealer_csi_call_count = len(order.dealer_csi_call_ids)
            order.dealer_csi_complaint_count = len(order.dealer_csi_complaint_ids)

    @api.model
    def _dealer_computed_only_fields(self):
        # the KPI view reads them: computed from the arrival time and the final inspections only
        return super()._dealer_computed_only_fields() | {"dealer_csi_date_in_day", "dealer_csi_qc_outcome"}

    @api.depends("date_in", "company_id.resource_calendar_id.tz")
    def _compute_dealer_csi_date_in_day(self):
        for order in self:
            tz = pytz.timezone(order.company_id.resource_calendar_id.tz or "UTC")
            order.dealer_csi_date_in_day = order.date_in and pytz.utc.localize(order.date_in).astimezone(tz).date()

    @api.depends("quality_check_ids.level", "quality_check_ids.result")
    def _compute_dealer_csi_qc_outcome(self):
        for order in self:
            checks = order.quality_check_ids
            if not any(check.level == "final" and check.result == "passed" for check in checks):
                order.dealer_csi_qc_outcome = False
            elif any(check.result == "failed" for check in checks):
                order.dealer_csi_qc_outcome = "reworked"
            else:
                order.dealer_csi_qc_outcome = "first_time"

    def _action_deliver(self):
        res = super()._action_deliver()
        self._dealer_csi_plan_followups()
        return res

    def _action_check_in(self):
        res = super()._action_check_in()
        # a lost customer is back: the customer-service desk calls again a week later
        lost = self.env["dealer.csi.lost"].sudo().search([
            ("vehicle_id", "in", self.vehicle_id.ids), ("state", "=", "lost"),
        ])
        for order in self:
            lost.filtered(lambda rec, order=order: rec.vehicle_id == order.vehicle_id)._dealer_csi_returned(order)
        return res

    def _dealer_csi_plan_followups(self):
        """The follow-up call (回访) of each delivered order, due within the store's follow-up days
        of the delivery, for every customer (an order paid only internally has none). The calls are
        the customer-service desk's: planned with its rights, whoever delivers."""
        vals_list = [{
            "company_id": order.company_id.id,
            "call_type": "service",
            "partner_id": order.partner_id.id,
            "vehicle_id": order.vehicle_id.id,
            "order_id": order.id,
            "date_due": order.company_id._dealer_csi_local_date(order.date_delivered)
            + relativedelta(days=order.company_id.dealer_csi_followup_days),
            "list_key": f"order:{order.id}",
        } for order in self if order.date_delivered and set(order.line_ids.mapped("payer")) != {"internal"}]
        return self.env["dealer.csi.call"].sudo()._dealer_csi_plan(vals_list).sudo(False)

    def action_dealer_csi_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_csi.dealer_csi_call_action")
        action.update(domain=[("order_id", "=", self.id)], context={"create": False})
        return action

    def action_dealer_csi_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_csi.dealer_csi_complaint_action")
        action.update(domain=[("repair_order_id", "=", self.id)], context={
            "default_repair_order_id": self.id, "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
        })
        return action

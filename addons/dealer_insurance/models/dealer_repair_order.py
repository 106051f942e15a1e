from odoo import api, fields, models
from odoo.exceptions import UserError

# the claims staff handle accident cases; the reception sees their state and amounts on the order
CLAIMS_GROUPS = "dealer_insurance.dealer_insurance_group_clerk"
CASE_VIEW_GROUPS = "dealer_service.dealer_service_group_advisor,dealer_insurance.dealer_insurance_group_clerk"


class DealerRepairOrder(models.Model):
    _inherit = "dealer.repair.order"

    dealer_insurance_case_ids = fields.One2many(
        "dealer.insurance.case", "repair_order_id", string="Accident Cases", groups=CLAIMS_GROUPS,
    )
    dealer_rescue_request_ids = fields.One2many(
        "dealer.rescue.request", "repair_order_id", string="Rescue Requests", groups=CLAIMS_GROUPS,
    )
    dealer_insurance_case_id = fields.Many2one(
        "dealer.insurance.case", string="Accident Case", compute="_compute_dealer_insurance_case_id",
        store=True, index="btree_not_null", groups=CLAIMS_GROUPS,
    )
    dealer_insurance_state = fields.Selection(
        related="dealer_insurance_case_id.state", string="Accident Case Status", groups=CASE_VIEW_GROUPS,
    )
    dealer_insurance_amount_estimated = fields.Monetary(
        related="dealer_insurance_case_id.amount_estimated", string="Loss Estimate", groups=CASE_VIEW_GROUPS,
    )
    dealer_insurance_amount_assessed = fields.Monetary(
        related="dealer_insurance_case_id.amount_assessed", string="Assessed by the Insurer", groups=CASE_VIEW_GROUPS,
    )
    dealer_insurance_amount_difference = fields.Monetary(
        related="dealer_insurance_case_id.amount_difference", string="Estimate - Assessment",
        groups=CASE_VIEW_GROUPS,
    )

    @api.depends("dealer_insurance_case_ids")
    def _compute_dealer_insurance_case_id(self):
        for order in self:
            order.dealer_insurance_case_id = order.dealer_insurance_case_ids[:1]

    def write(self, vals):
        if "insurer_id" in vals:
            # whoever edits the order (not all may read accident cases), the case decides the insurer
            for order in self:
                case = order.sudo().dealer_insurance_case_ids[:1]
                if case and case.insurer_id.id != vals["insurer_id"]:
                    raise UserError(self.env._(
                        "The insurer of %(order)s is the insurer of its accident case %(case)s: change it there.",
                        order=order.name, case=case.name,
                    ))
        return super().write(vals)

    def action_start_repair(self):
        self._dealer_check_insurer_assessment()
        return super().action_start_repair()

    def _dealer_check_insurer_assessment(self):
        """An accident repair starts once the insurer assessed the loss, or when the claims lead
        let it start before, with a reason (the workshop's clock-on goes through here too)."""
        # checked for every role that starts a repair, also those who do not read accident cases
        waiting = self.sudo().dealer_insurance_case_ids.filtered(lambda case: not case._dealer_may_start_repair())
        if waiting:
            raise UserError(self.env._(
                "%(orders)s cannot start: the insurer has not assessed the loss of its accident case %(cases)s yet. "
                "Record the insurer's assessment, or ask the claims lead to let the repair start with a reason.",
                orders=", ".join(waiting.repair_order_id.mapped("name")), cases=", ".join(waiting.mapped("name")),
            ))

    def action_view_dealer_insurance_case(self):
        self.ensure_one()
        return self.dealer_insurance_case_id._get_records_action()

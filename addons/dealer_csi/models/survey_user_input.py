from odoo import api, fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    dealer_call_id = fields.Many2one("dealer.csi.call", string="Customer Call", index="btree_not_null", readonly=True)
    dealer_repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", readonly=True,
    )
    dealer_company_id = fields.Many2one(
        "res.company", string="Store", compute="_compute_dealer_links", store=True, index="btree_not_null",
    )
    dealer_advisor_id = fields.Many2one(
        "res.users", string="Service Advisor", compute="_compute_dealer_links", store=True,
    )
    dealer_technician_ids = fields.Many2many(
        "hr.employee", string="Technicians", compute="_compute_dealer_links", store=True,
        help="The technicians who worked on the order's jobs.",
    )
    dealer_csi_score = fields.Float(
        string="CSI Score", compute="_compute_dealer_scores", store=True, aggregator="avg",
        help="Satisfaction in % of the best possible answers (the process questions left out).",
    )
    dealer_process_score = fields.Float(
        string="Process Compliance (%)", compute="_compute_dealer_scores", store=True, aggregator="avg",
        help="Share of the process steps the customer confirms were done.",
    )

    @api.depends("dealer_repair_order_id.company_id", "dealer_repair_order_id.user_id",
                 "dealer_repair_order_id.job_ids.technician_id", "dealer_repair_order_id.job_ids.state",
                 "dealer_call_id.company_id")
    def _compute_dealer_links(self):
        for answer in self:
            order = answer.dealer_repair_order_id
            answer.dealer_company_id = order.company_id or answer.dealer_call_id.company_id
            answer.dealer_advisor_id = order.user_id
            answer.dealer_technician_ids = order.job_ids.filtered(lambda job: job.state != "cancel").technician_id

    @api.depends("user_input_line_ids.answer_score", "user_input_line_ids.skipped",
                 "predefined_question_ids.dealer_csi_process")
    def _compute_dealer_scores(self):
        for answer in self:
            scores = {True: [0.0, 0.0], False: [0.0, 0.0]}
            for question in answer.predefined_question_ids.filtered(lambda q: q.question_type == "simple_choice"):
                best = max([score for score in question.suggested_answer_ids.mapped("answer_score")], default=0.0)
                if best <= 0:
                    continue
                lines = answer.user_input_line_ids.filtered(
                    lambda line, q=question: line.question_id == q and not line.skipped
                )
                if not lines:  # an unanswered question does not count
                    continue
                got = sum(lines.mapped("answer_score"))
                scores[question.dealer_csi_process][0] += got
                scores[question.dealer_csi_process][1] += best
            answer.dealer_csi_score = 100.0 * scores[False][0] / scores[False][1] if scores[False][1] else 0.0
            answer.dealer_process_score = 100.0 * scores[True][0] / scores[True][1] if scores[True][1] else 0.0

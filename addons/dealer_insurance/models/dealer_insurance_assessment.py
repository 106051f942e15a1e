from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.misc import format_amount

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

ASSESSMENT_STATES = [
    ("draft", "Draft"),
    ("estimated", "Estimate Sent"),
    ("assessed", "Assessed"),
    ("approved", "Approved"),
]
ASSESSMENT_MODES = [
    ("total", "As a Total"),
    ("line", "Per Line"),
]
ASSESSMENT_ACTION_FIELDS = ("state", "date_estimated", "date_assessed", "date_approved")
# what the insurer's answer is entered in, while the estimate waits for it
ASSESSMENT_ANSWER_FIELDS = ("assessment_mode", "amount_assessed_total")


class DealerInsuranceAssessment(models.Model):
    """One round of an accident case with its insurer: the store's estimate of some of the order's
    insurer lines, the insurer's assessment of it (定损金额, per line or as a total) and its approval.
    The first round is the loss estimate; each later one a supplement (追加定损) for damage found
    during the repair. Amounts include VAT, as the insurer writes its assessment: the insurer's
    invoice totals what it assessed."""

    _name = "dealer.insurance.assessment"
    _description = "Loss Assessment"
    _order = "case_id, sequence, id"
    _check_company_auto = True

    case_id = fields.Many2one(
        "dealer.insurance.case", string="Accident Case", required=True, index=True, ondelete="cascade",
    )
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True, precompute=True)
    currency_id = fields.Many2one(related="case_id.currency_id")
    order_id = fields.Many2one(related="case_id.repair_order_id", string="Repair Order")
    sequence = fields.Integer(
        string="Round", readonly=True, copy=False, compute="_compute_sequence", store=True, precompute=True,
        help="0 for the first estimate, 1, 2... for the supplements.",
    )
    name = fields.Char(compute="_compute_name")
    state = fields.Selection(
        ASSESSMENT_STATES, default="draft", required=True, readonly=True, copy=False, index=True,
    )
    line_ids = fields.One2many("dealer.repair.order.line", "dealer_assessment_id", string="Lines")
    assessment_mode = fields.Selection(
        ASSESSMENT_MODES, string="Assessed", required=True, default="total",
        help="The insurer assessed the estimate line by line, or gave one amount for all of it.",
    )
    amount_estimated = fields.Monetary(
        string="Estimated", compute="_compute_amount_estimated", store=True,
        help="The store's estimate of the lines of this round, VAT included (frozen when sent).",
    )
    amount_assessed_total = fields.Monetary(string="Assessed Total")
    amount_assessed = fields.Monetary(
        string="Assessed Amount", compute="_compute_amount_assessed", store=True,
        help="What the insurer assessed for this round, VAT included (定损金额).",
    )
    amount_difference = fields.Monetary(
        string="Estimate - Assessment", compute="_compute_amount_assessed", store=True,
    )
    date_estimated = fields.Datetime(string="Estimate Sent On", readonly=True, copy=False)
    date_assessed = fields.Datetime(string="Assessed On", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    note = fields.Text(
        string="Notes", help="What the assessor said: parts to repair rather than replace, prices cut...",
    )

    _case_round_uniq = models.Constraint(
        "unique(case_id, sequence)", "Each round of an accident case is numbered once.",
    )

    @api.depends("case_id")
    def _compute_sequence(self):
        for assessment in self:
            others = assessment.case_id.assessment_ids - assessment
            assessment.sequence = max(others.mapped("sequence"), default=-1) + 1

    @api.depends("sequence")
    def _compute_name(self):
        for assessment in self:
            assessment.name = self.env._("Estimate") if not assessment.sequence else self.env._(
                "Supplement %(number)s", number=assessment.sequence,
            )

    @api.depends("state", "line_ids.price_total", "line_ids.dealer_estimated_amount")
    def _compute_amount_estimated(self):
        for assessment in self:
            field = "price_total" if assessment.state == "draft" else "dealer_estimated_amount"
            assessment.amount_estimated = sum(assessment.line_ids.mapped(field))

    @api.depends("assessment_mode", "amount_assessed_total", "line_ids.dealer_assessed_amount", "amount_estimated")
    def _compute_amount_assessed(self):
        for assessment in self:
            assessment.amount_assessed = sum(assessment.line_ids.mapped("dealer_assessed_amount")) \
                if assessment.assessment_mode == "line" else assessment.amount_assessed_total
            assessment.amount_difference = assessment.amount_estimated - assessment.amount_assessed

    @api.constrains("amount_assessed_total", "amount_assessed", "amount_estimated")
    def _check_amount_assessed(self):
        for assessment in self.filtered(lambda rec: rec.state != "draft"):
            rounding = assessment.currency_id.rounding
            if assessment.amount_assessed < 0 or float_compare(
                assessment.amount_assessed, assessment.amount_estimated, precision_rounding=rounding,
            ) > 0:
                raise ValidationError(self.env._(
                    "The insurer's assessment of %(round)s of %(case)s must be between 0 and the %(estimate)s "
                    "estimated.",
                    round=assessment.name, case=assessment.case_id.name,
                    estimate=assessment._dealer_format(assessment.amount_estimated),
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ASSESSMENT_ACTION_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, ASSESSMENT_ACTION_FIELDS)
        if set(ASSESSMENT_ANSWER_FIELDS) & set(vals):
            self._dealer_check_waiting(self.env._("Entering the insurer's assessment"))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        sent = self.filtered(lambda rec: rec.state != "draft")
        if sent:
            raise UserError(self.env._(
                "%(rounds)s of %(cases)s was sent to the insurer: it stays on the case.",
                rounds=", ".join(sent.mapped("name")), cases=", ".join(sent.case_id.mapped("name")),
            ))

    def _dealer_check_waiting(self, action):
        wrong = self.filtered(lambda rec: rec.state != "estimated")
        if wrong:
            raise UserError(self.env._(
                "%(action)s is possible only while the estimate waits for the insurer's answer, not for "
                "%(rounds)s of %(cases)s.",
                action=action, rounds=", ".join(wrong.mapped("name")), cases=", ".join(wrong.case_id.mapped("name")),
            ))

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    @dealer_action
    def action_estimate(self):
        """Send the estimate: the round takes the order's insurer lines not estimated in another
        round, and their amounts are frozen as the estimate."""
        for assessment in self:
            if assessment.state != "draft":
                raise UserError(self.env._("%(round)s of %(case)s was sent already.",
                                           round=assessment.name, case=assessment.case_id.name))
            case = assessment.case_id
            order = case.repair_order_id
            if not order or not case.insurer_id:
                raise UserError(self.env._(
                    "Set the repair order and the insurer of %(case)s before sending its estimate.", case=case.name,
                ))
            new_lines = order.line_ids.filtered(
                lambda rec: rec.payer == "insurance" and rec.approval_state != "declined"
                and not rec.dealer_assessment_id
            )
            lines = assessment.line_ids | new_lines
            if not lines:
                raise UserError(self.env._(
                    "%(order)s has no line billed to the insurer that is not estimated yet: add the repair "
                    "work with the insurer as payer first.",
                    order=order.name,
                ))
            for line in lines:
                line.write({"dealer_assessment_id": assessment.id, "dealer_estimated_amount": line.price_total})
            assessment.write({"state": "estimated", "date_estimated": fields.Datetime.now()})
            case.message_post(body=self.env._(
                "%(round)s sent to %(insurer)s: %(amount)s estimated.",
                round=assessment.name, insurer=case.insurer_id.name,
                amount=assessment._dealer_format(assessment.amount_estimated),
            ))
        return True

    @dealer_action
    def action_assess(self):
        """Record the insurer's assessment (定损) entered per line or as a total."""
        self._dealer_check_waiting(self.env._("Recording the assessment"))
        self.write({"state": "assessed", "date_assessed": fields.Datetime.now()})
        self._check_amount_assessed()
        for assessment in self:
            assessment.case_id.message_post(body=self.env._(
                "%(round)s assessed by %(insurer)s: %(assessed)s of %(estimated)s estimated (%(difference)s less).",
                round=assessment.name, insurer=assessment.case_id.insurer_id.name,
                assessed=assessment._dealer_format(assessment.amount_assessed),
                estimated=assessment._dealer_format(assessment.amount_estimated),
                difference=assessment._dealer_format(assessment.amount_difference),
            ))
        return True

    @dealer_action
    def action_approve(self):
        """The insurer approved the assessment (核损): it is billed to the insurer at settlement."""
        wrong = self.filtered(lambda rec: rec.state != "assessed")
        if wrong:
            raise UserError(self.env._(
                "Only an assessed round can be approved; %(rounds)s of %(cases)s is not.",
                rounds=", ".join(wrong.mapped("name")), cases=", ".join(wrong.case_id.mapped("name")),
            ))
        self.write({"state": "approved", "date_approved": fields.Datetime.now()})
        for assessment in self:
            assessment.case_id.message_post(body=self.env._(
                "%(round)s approved by %(insurer)s: %(assessed)s.",
                round=assessment.name, insurer=assessment.case_id.insurer_id.name,
                assessed=assessment._dealer_format(assessment.amount_assessed),
            ))
        return True

    @dealer_action
    def action_reset(self):
        """Take back an estimate the insurer has not approved, to correct its lines and send it again."""
        wrong = self.filtered(lambda rec: rec.state not in ("estimated", "assessed"))
        if wrong:
            raise UserError(self.env._(
                "Only an estimate sent or assessed, not approved, can be taken back; %(rounds)s of %(cases)s "
                "cannot.",
                rounds=", ".join(wrong.mapped("name")), cases=", ".join(wrong.case_id.mapped("name")),
            ))
        self.line_ids.write({"dealer_estimated_amount": 0.0, "dealer_assessed_amount": 0.0})
        self.write({"state": "draft", "date_estimated": False, "date_assessed": False, "amount_assessed_total": 0.0})
        return True

    def _dealer_line_shares(self):
        """``{line: amount}``: the assessed amount of this round spread over its lines (VAT included):
        as assessed per line, or a total shared in proportion to the lines' estimates (the cents
        left by rounding go to the largest lines, so that the shares add up to the total)."""
        self.ensure_one()
        if self.assessment_mode == "line":
            return {line: line.dealer_assessed_amount for line in self.line_ids}
        currency = self.currency_id
        estimated = self.amount_estimated
        if not estimated:
            return dict.fromkeys(self.line_ids, 0.0)
        shares = {line: currency.round(self.amount_assessed * line.dealer_estimated_amount / estimated)
                  for line in self.line_ids}
        cents = currency.round(self.amount_assessed - sum(shares.values()))
        if cents:
            largest = max(self.line_ids, key=lambda line: line.dealer_estimated_amount)
            shares[largest] = currency.round(shares[largest] + cents)
        return shares

    def _dealer_format(self, amount):
        self.ensure_one()
        return format_amount(self.env, amount, self.currency_id)

    def _dealer_estimate_sections(self):
        """The lines of this round grouped the way the insurer reads an estimate: labour per trade
        (mechanical, body, paint...), then parts, accessories and sublet work. A list of
        ``(title, lines)``."""
        self.ensure_one()
        line_model = self.env["dealer.repair.order.line"]
        trades = dict(line_model._fields["trade"]._description_selection(self.env))
        types = dict(line_model._fields["line_type"]._description_selection(self.env))
        groups = defaultdict(lambda: line_model)
        for line in self.line_ids:
            key = ("labour", line.trade or "mechanical") if line.line_type == "labour" else (line.line_type, "")
            groups[key] |= line
        sections = []
        for kind, trade in [("labour", trade) for trade in trades] + [(kind, "") for kind in types if kind != "labour"]:
            lines = groups.get((kind, trade))
            if lines:
                title = self.env._("Labour: %(trade)s", trade=trades[trade]) if kind == "labour" else types[kind]
                sections.append((title, lines))
        return sections


from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import check_sealed, unsealed

CHECKLIST_STATES = [("draft", "Draft"), ("done", "Signed")]
# a month scored below this costs the advisor 10 % of the commission (seed 004)
PENALTY_THRESHOLD = 96.0


class DealerCsiChecklist(models.Model):
    """One check of a service advisor's work by the front-desk supervisor (售后业务前台6S管理
    检查考核表). Each lapse takes points off the advisor's month, which starts at 100."""

    _name = "dealer.csi.checklist"
    _description = "Advisor Checklist"
    _inherit = ["mail.thread", "dealer.capability.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_csi_enabled"

    user_id = fields.Many2one(
        "res.users", string="Service Advisor", required=True, index=True, tracking=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    inspector_id = fields.Many2one(
        "res.users", string="Checked By", required=True, readonly=True, default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    template_id = fields.Many2one(
        "dealer.csi.checklist.template", string="Template", required=True, check_company=True,
        default=lambda self: self.env["dealer.csi.checklist.template"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1),
    )
    line_ids = fields.One2many(
        "dealer.csi.checklist.line", "checklist_id", string="Checks",
        compute="_compute_line_ids", store=True, readonly=False, precompute=True,
    )
    deduction = fields.Float(
        string="Points Off", compute="_compute_deduction", store=True, aggregator="sum",
    )
    state = fields.Selection(CHECKLIST_STATES, default="draft", required=True, readonly=True, tracking=True)
    note = fields.Text(string="Notes")

    @api.depends("template_id")
    def _compute_line_ids(self):
        for checklist in self:
            if checklist.state == "draft":
                checklist.line_ids = [Command.clear()] + [
                    Command.create({"item_id": item.id, "sequence": item.sequence})
                    for item in checklist.template_id.item_ids
                ]

    @api.depends("line_ids.deduction")
    def _compute_deduction(self):
        for checklist in self:
            checklist.deduction = sum(checklist.line_ids.mapped("deduction"))

    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for checklist in self:
            checklist.display_name = f"{checklist.user_id.name or ''} {checklist.date or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ("state",), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, ("state", "inspector_id"))
        self._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self._check_draft()

    def _check_draft(self):
        signed = self.filtered(lambda c: c.state == "done")
        if signed:
            raise UserError(self.env._(
                "The checklist %(checklists)s is signed and counts in the advisor's month: it cannot be changed.",
                checklists=", ".join(signed.mapped("display_name")),
            ))

    def action_sign(self):
        self._check_draft()
        if self.filtered(lambda c: c.user_id == self.env.user):
            raise UserError(self.env._("An advisor's checklist is signed by the supervisor, not by the advisor."))
        with unsealed(self.env):
            self.write({"state": "done", "inspector_id": self.env.user.id})
        return True

    @api.model
    def _dealer_csi_monthly_scores(self, company, date_from, date_to):
        """Each advisor's score for the signed checklists of ``company`` between the two dates
        (inclusive): 100 minus the points taken off, never below 0."""
        groups = self._read_group([
            ("company_id", "=", company.id), ("state", "=", "done"),
            ("date", ">=", date_from), ("date", "<=", date_to),
        ], ["user_id"], ["deduction:sum"])
        return {user: max(100.0 - deduction, 0.0) for user, deduction in groups}

    @api.model
    def _dealer_commission_checklist_scores(self, company, date_from, date_to):
        """For the commission module: ``{user: (score, penalised)}`` of the advisors checked in
        the period, ``penalised`` when the score is below 96 (10 % off the commission, seed 004)."""
        return {
            user: (score, score < PENALTY_THRESHOLD)
            for user, score in self._dealer_csi_monthly_scores(company, date_from, date_to).items()
        }

from odoo import api, fields, models
from odoo.exceptions import ValidationError

RESULTS = [("ok", "OK"), ("minor", "Minor (-1)"), ("medium", "Medium (-2)"), ("poor", "Poor (-5)")]
RESULT_POINTS = {"ok": 0.0, "minor": 1.0, "medium": 2.0, "poor": 5.0}


class DealerCsiChecklistLine(models.Model):
    _name = "dealer.csi.checklist.line"
    _description = "Advisor Checklist Line"
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        "dealer.csi.checklist", string="Checklist", required=True, index=True, ondelete="cascade",
    )
    company_id = fields.Many2one(related="checklist_id.company_id", store=True, index=True)
    item_id = fields.Many2one("dealer.csi.checklist.template.item", string="Item", required=True, ondelete="restrict")
    sequence = fields.Integer(default=10)
    section = fields.Selection(related="item_id.section", store=True)
    name = fields.Char(related="item_id.name", string="Check")
    kind = fields.Selection(related="item_id.kind")
    result = fields.Selection(RESULTS, required=True, default="ok")
    count = fields.Integer(string="Cases", help="For items counted per case: how many cases were found.")
    deduction = fields.Float(string="Points Off", compute="_compute_deduction", store=True)
    note = fields.Char(string="Remark")

    @api.depends("result", "count", "item_id.kind", "item_id.points_per_count")
    def _compute_deduction(self):
        for line in self:
            if line.item_id.kind == "count":
                line.deduction = line.count * line.item_id.points_per_count
            else:
                line.deduction = RESULT_POINTS[line.result or "ok"]

    @api.constrains("count")
    def _check_count(self):
        for line in self:
            if line.count < 0:
                raise ValidationError(self.env._("The number of cases of %(item)s cannot be negative.",
                                                 item=line.name))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.checklist_id._check_draft()
        return lines

    def write(self, vals):
        self.checklist_id._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self.checklist_id._check_draft()

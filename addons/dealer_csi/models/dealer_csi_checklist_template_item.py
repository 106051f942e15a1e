from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHECKLIST_SECTIONS = [
    ("desk", "Reception Desk"),
    ("duty", "Daily Duty"),
    ("phone", "Telephone"),
    ("process", "Service Process"),
]
ITEM_KINDS = [("graded", "Graded (1, 2 or 5 points off)"), ("count", "Points per Case")]


class DealerCsiChecklistTemplateItem(models.Model):
    _name = "dealer.csi.checklist.template.item"
    _description = "Advisor Checklist Item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "dealer.csi.checklist.template", string="Template", required=True, index=True, ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    section = fields.Selection(CHECKLIST_SECTIONS, required=True, default="desk")
    name = fields.Char(string="Check", required=True, translate=True)
    kind = fields.Selection(ITEM_KINDS, required=True, default="graded")
    points_per_count = fields.Float(
        string="Points per Case", default=1.0,
        help="For items counted per case: the points each case takes off.",
    )

    @api.constrains("points_per_count")
    def _check_points_per_count(self):
        for item in self:
            if item.points_per_count < 0:
                raise ValidationError(self.env._(
                    "The points per case of %(item)s cannot be negative.", item=item.name,
                ))

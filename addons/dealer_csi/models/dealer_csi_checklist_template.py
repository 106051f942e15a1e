from odoo import api, fields, models


class DealerCsiChecklistTemplate(models.Model):
    """The items the front-desk supervisor checks on a service advisor (seed 001: 36 items
    of 6S, duty, telephone and process)."""

    _name = "dealer.csi.checklist.template"
    _description = "Advisor Checklist Template"
    _order = "id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", string="Store", index=True, help="Leave empty to use the template in every store.",
    )
    active = fields.Boolean(default=True)
    item_ids = fields.One2many("dealer.csi.checklist.template.item", "template_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_item_count", string="Items Count")

    @api.depends("item_ids")
    def _compute_item_count(self):
        for template in self:
            template.item_count = len(template.item_ids)

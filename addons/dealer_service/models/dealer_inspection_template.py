from odoo import api, fields, models


class DealerInspectionTemplate(models.Model):
    """A multi-point inspection (health check) template, per brand."""

    _name = "dealer.inspection.template"
    _description = "Health Check Template"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    brand_id = fields.Many2one(
        "fleet.vehicle.model.brand", string="Brand", index=True,
        help="Used for this brand's vehicles; a template without brand serves every brand.",
    )
    company_id = fields.Many2one(
        "res.company", string="Store", index=True,
        help="Leave empty to share the template between the stores.",
    )
    item_ids = fields.One2many("dealer.inspection.template.item", "template_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_item_count")

    @api.depends("item_ids")
    def _compute_item_count(self):
        for template in self:
            template.item_count = len(template.item_ids)

    @api.model
    def _dealer_template_domain(self, company):
        """The templates a health check in ``company`` may start from by default."""
        return [("company_id", "in", [False, company.id])]

    @api.model
    def _dealer_template_for(self, vehicle, company):
        """The template for a vehicle: its brand's first, else a brandless one."""
        domain = self._dealer_template_domain(company)
        brand = vehicle.model_id.brand_id
        return (
            brand and self.search(domain + [("brand_id", "=", brand.id)], limit=1)
        ) or self.search(domain + [("brand_id", "=", False)], limit=1)

from odoo import api, fields, models


class DealerNumberedMixin(models.AbstractModel):
    """Documents numbered per store from the ``ir.sequence`` whose code is the
    model's name, the number being taken when the document is created."""

    _name = "dealer.numbered.mixin"
    _description = "After-Sales Numbered Document"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, index="trigram",
        default=lambda self: self.env._("New"),
    )

    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            if vals.get("name", new) == new:
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(self._name) or new
        return super().create(vals_list)

from odoo import api, models
from odoo.fields import Domain


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def _search_display_name(self, operator, value):
        """Parts are found by their OEM number too."""
        domain = super()._search_display_name(operator, value)
        if value and operator in ("ilike", "=", "=ilike", "like"):
            domain = Domain.OR([domain, [("dealer_oem_number", operator, value)]])
        return domain

    def _dealer_parts(self):
        """The products that are parts: an OEM part number, or filed under the Parts category."""
        category = self.env.ref("dealer_service.product_category_parts", raise_if_not_found=False)
        prefix = category.parent_path if category else None
        return self.filtered(lambda product: product.dealer_oem_number or (
            prefix and (product.categ_id.parent_path or "").startswith(prefix)))

    def _dealer_is_part(self):
        return bool(self._dealer_parts())

    def _dealer_current_number(self):
        """The part that replaces this one at the end of the supersession chain (itself if not superseded)."""
        self.ensure_one()
        template, seen = self.product_tmpl_id, set()
        while template.dealer_superseded_by_id and template.id not in seen:
            seen.add(template.id)
            template = template.dealer_superseded_by_id
        return template.product_variant_id if template != self.product_tmpl_id else self

    @api.model
    def _dealer_propose_current_number(self, line):
        """Onchange of a line's part: a superseded number is replaced on ``line`` by the new
        one, with a warning saying so (the onchange's result), else None."""
        product = line.product_id
        if not product:
            return None
        new = product._dealer_current_number()
        if new == product:
            return None
        line.product_id = new
        return {"warning": {
            "title": line.env._("Superseded part number"),
            "message": line.env._("%(old)s is superseded by %(new)s: the new number is proposed instead.",
                                  old=product.display_name, new=new.display_name),
        }}

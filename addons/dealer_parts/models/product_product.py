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

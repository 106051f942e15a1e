from odoo import api, models
from odoo.exceptions import ValidationError


class StockPutawayRule(models.Model):
    _inherit = "stock.putaway.rule"

    @api.constrains("product_id", "location_out_id")
    def _check_dealer_one_part_per_bin(self):
        """A four-number bin (position) holds one part: one number, one place."""
        rules = self.filtered(lambda rule: rule.location_out_id.dealer_bin_level == "position" and rule.product_id)
        if not rules:
            return
        groups = self._read_group([
            ("location_out_id", "in", rules.location_out_id.ids), ("product_id", "!=", False),
        ], ["location_out_id"], ["product_id:count_distinct", "product_id:array_agg"])
        for location, count, product_ids in groups:
            if count > 1:
                raise ValidationError(self.env._(
                    "Bin %(bin)s already holds %(parts)s: one part per bin.",
                    bin=location.dealer_bin_code,
                    parts=", ".join(self.env["product.product"].browse(set(product_ids)).mapped("display_name"))))

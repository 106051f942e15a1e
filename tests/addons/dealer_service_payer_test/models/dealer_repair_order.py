from odoo import models


class DealerRepairOrder(models.Model):
    _inherit = "dealer.repair.order"

    def _prepare_invoice_values(self, key, lines):
        values = super()._prepare_invoice_values(key, lines)
        if key.get("dealer_fleet_line_type"):
            values["ref"] = f"FLEET {self.name} {key['dealer_fleet_line_type']}"
        return values

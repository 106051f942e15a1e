from odoo import models


class DealerRepairOrder(models.Model):
    _inherit = "dealer.repair.order"

    def _get_parts_picking_type(self):
        """Parts for a repair are issued on the store's repair requisition (修理领料单)."""
        self.ensure_one()
        warehouse = self.company_id.dealer_parts_warehouse_id
        if self.company_id.dealer_parts_enabled and warehouse.dealer_requisition_type_id:
            return warehouse.dealer_requisition_type_id
        return super()._get_parts_picking_type()

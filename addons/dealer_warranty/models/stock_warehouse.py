from odoo import api, fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    dealer_old_part_shipment_type_id = fields.Many2one(
        "stock.picking.type", string="Old-Part Shipment Type", check_company=True, copy=False,
        help="Transfers of tagged old parts from the warranty old-part store back to the OEM.",
    )

    def _dealer_parts_setup(self):
        res = super()._dealer_parts_setup()
        self._dealer_warranty_setup()
        return res

    @api.model
    def _dealer_warranty_setup_all(self):
        self.search([("dealer_old_part_warranty_loc_id", "!=", False)])._dealer_warranty_setup()

    def _dealer_warranty_setup(self):
        """The operation type shipping old parts from the warranty old-part store to the OEM
        (outside the parts discipline: old parts leave only through shipments and disposals)."""
        PickingType = self.env["stock.picking.type"]
        vendors = self.env.ref("stock.stock_location_suppliers")
        for warehouse in self.filtered(lambda wh: wh.dealer_old_part_warranty_loc_id
                                       and not wh.dealer_old_part_shipment_type_id):
            name = self.env._("Old-Part Shipments")
            sequence = self.env["ir.sequence"].create({
                "name": f"{warehouse.name} {name}",
                "prefix": f"{warehouse.code}/OPS/",
                "padding": 5,
                "company_id": warehouse.company_id.id,
            })
            warehouse.dealer_old_part_shipment_type_id = PickingType.create({
                "name": name,
                "code": "outgoing",
                "sequence_code": "OPS",
                "sequence_id": sequence.id,
                "warehouse_id": warehouse.id,
                "company_id": warehouse.company_id.id,
                "default_location_src_id": warehouse.dealer_old_part_warranty_loc_id.id,
                "default_location_dest_id": vendors.id,
                "create_backorder": "never",
            })

from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    dealer_requisition_type_id = fields.Many2one(
        "stock.picking.type", string="Repair Requisition Type", check_company=True, copy=False,
    )
    dealer_counter_type_id = fields.Many2one(
        "stock.picking.type", string="Parts Counter Type", check_company=True, copy=False,
    )
    dealer_old_part_warranty_loc_id = fields.Many2one(
        "stock.location", string="Warranty Old-Part Store", check_company=True, copy=False,
    )
    dealer_old_part_counter_loc_id = fields.Many2one(
        "stock.location", string="Counter Old-Part Store", check_company=True, copy=False,
    )

    def _dealer_parts_setup(self):
        """Make the warehouse the store's parts warehouse: create the old-part
        stores (internal locations: old parts are stock that can be found) and
        the repair requisition and counter operation types (with their own
        reference sequences), and mark its receipts and deliveries as governed
        by the parts discipline."""
        for warehouse in self:
            company = warehouse.company_id
            Location = self.env["stock.location"]
            values = {}
            store_names = {
                "dealer_old_part_warranty_loc_id": self.env._("Old Parts (Warranty)"),
                "dealer_old_part_counter_loc_id": self.env._("Old Parts (Counter)"),
            }
            for field, name in store_names.items():
                if not warehouse[field]:
                    values[field] = Location.create({
                        "name": name, "usage": "internal", "dealer_old_part_store": True,
                        "company_id": company.id, "location_id": warehouse.view_location_id.id,
                    }).id
            customer = warehouse.out_type_id.default_location_dest_id or self.env["stock.location"].search([
                ("usage", "=", "customer"), ("company_id", "in", [company.id, False])], limit=1)
            PickingType = self.env["stock.picking.type"]
            max_sequence = max(PickingType.search([("warehouse_id", "=", warehouse.id)]).mapped("sequence") or [0])
            for field, name, code, kind, seq in (
                ("dealer_requisition_type_id", self.env._("Repair Requisitions"), "RQ", "requisition", 1),
                ("dealer_counter_type_id", self.env._("Parts Counter Sales"), "CS", "retail", 2),
            ):
                if warehouse[field]:
                    continue
                sequence = self.env["ir.sequence"].create({
                    "name": f"{warehouse.name} {name}",
                    "prefix": f"{warehouse.code}/{code}/",
                    "padding": 5,
                    "company_id": company.id,
                })
                values[field] = PickingType.create({
                    "name": name,
                    "code": "outgoing",
                    "sequence_code": code,
                    "sequence_id": sequence.id,
                    "sequence": max_sequence + seq,
                    "warehouse_id": warehouse.id,
                    "company_id": company.id,
                    "default_location_src_id": warehouse.lot_stock_id.id,
                    "default_location_dest_id": customer.id,
                    "dealer_doc_kind": kind,
                    "create_backorder": "always",
                }).id
            if values:
                warehouse.write(values)
            warehouse.in_type_id.filtered(lambda t: not t.dealer_doc_kind).dealer_doc_kind = "receipt"
            (warehouse.in_type_id | warehouse.out_type_id | warehouse.dealer_requisition_type_id
             | warehouse.dealer_counter_type_id).dealer_parts_governed = True

"""1.2: the parts discipline runs in one parts warehouse per store, chosen by an
administrator. A store that ran it keeps it in the warehouse that has its
repair requisitions when there is exactly one; otherwise it is switched off
until an administrator chooses the warehouse. Old-part stores become internal
locations, out of the stock valuation."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for company in env["res.company"].search([("dealer_parts_enabled", "=", True)]):
        warehouses = env["stock.warehouse"].search([
            ("company_id", "=", company.id), ("dealer_requisition_type_id", "!=", False)])
        if len(warehouses) == 1:
            company.write({"dealer_parts_warehouse_id": warehouses.id})
        else:
            company.write({"dealer_parts_enabled": False})
    warehouses = env["stock.warehouse"].search([])
    stores = warehouses.dealer_old_part_warranty_loc_id | warehouses.dealer_old_part_counter_loc_id
    stores.write({"usage": "internal", "dealer_old_part_store": True})

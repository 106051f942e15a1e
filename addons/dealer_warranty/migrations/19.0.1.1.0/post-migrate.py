"""Databases with the first version (a placeholder claim): the stores get the numbering of
the new documents and their parts warehouses the operation type shipping old parts."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([])._dealer_create_sequences()
    env["stock.warehouse"].search([("dealer_old_part_warranty_loc_id", "!=", False)])._dealer_warranty_setup()

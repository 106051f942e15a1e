"""Databases with the first version (a placeholder claim): the stores get the numbering of
the new documents (their parts warehouses get the old-part shipment type from the data file)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].search([])._dealer_create_sequences()

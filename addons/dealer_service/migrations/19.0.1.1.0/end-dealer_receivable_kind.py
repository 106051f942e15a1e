"""1.1: partners carry their kind of after-sales payer. The column is computed
when dealer_service updates, before the modules that add kinds (the parts
counter's account customers) are loaded: compute it again once all are."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    partners = env["res.partner"].with_context(active_test=False).search([])
    env.add_to_compute(partners._fields["dealer_receivable_kind"], partners)
    partners._recompute_recordset(["dealer_receivable_kind"])

from odoo.addons.dealer_service.hooks import post_init_hook as dealer_service_post_init_hook


def post_init_hook(env):
    """The stores that exist at install number this module's documents with their own
    sequences, and their parts warehouses get an operation type to ship old parts."""
    dealer_service_post_init_hook(env)
    env["stock.warehouse"].search([("dealer_old_part_warranty_loc_id", "!=", False)])._dealer_warranty_setup()

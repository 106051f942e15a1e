from odoo.addons.dealer_service.hooks import post_init_hook as dealer_service_post_init_hook


def post_init_hook(env):
    """The stores that exist at install number this module's documents with their own sequences."""
    dealer_service_post_init_hook(env)

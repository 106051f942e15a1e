def post_init_hook(env):
    """Each existing store numbers its after-sales documents with its own sequences."""
    env["res.company"].search([])._dealer_create_sequences()

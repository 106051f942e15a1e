def post_init_hook(env):
    """Each existing store numbers its after-sales documents with its own sequences and
    books its labour, parts, accessories and sublet revenue on their own accounts."""
    companies = env["res.company"].search([])
    companies._dealer_create_sequences()
    companies._dealer_set_income_accounts()

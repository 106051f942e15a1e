{
    "name": "Dealer After-Sales: payer extension (tests only)",
    "summary": "A fleet-account payer added the way a module extends the repair order, for dealer_service's tests",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["dealer_service"],
    "data": [],
    "installable": True,
}

{
    "name": "Dealer After-Sales: Commission on Insurance Work",
    "summary": "Accident output, insurer assessed amounts and renewal rebates in the commission sheet",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["dealer_hr_commission", "dealer_insurance"],
    "auto_install": True,
    "installable": True,
}

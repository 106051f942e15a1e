{
    "name": "Dealer After-Sales: Commission on Warranty Claims",
    "summary": "Warranty work in the advisor's output when the OEM pays its claim",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["dealer_hr_commission", "dealer_warranty"],
    "auto_install": True,
    "installable": True,
}

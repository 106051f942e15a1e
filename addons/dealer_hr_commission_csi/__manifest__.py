{
    "name": "Dealer After-Sales: Commission on Customer Satisfaction",
    "summary": "Complaints that stood and checklist scores in the commission sheet",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["dealer_hr_commission", "dealer_csi"],
    "auto_install": True,
    "installable": True,
}

{
    "name": "Dealer After-Sales: Commission",
    "summary": "Commission rules, monthly commission sheets and exports",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["dealer_service", "hr"],
    "data": [
        "security/dealer_hr_commission_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/dealer_commission_sheet_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_hr_commission_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}

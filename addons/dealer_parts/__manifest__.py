{
    "name": "Dealer After-Sales: Parts",
    "summary": "Parts warehouse discipline and its numbered multi-copy documents",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["dealer_service", "stock", "purchase", "stock_account"],
    "data": [
        "security/dealer_parts_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/dealer_parts_plan_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_parts_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "installable": True,
}

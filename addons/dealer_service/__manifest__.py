{
    "name": "Dealer After-Sales: Service",
    "summary": "Vehicles and repair orders of a 4S dealership, from appointment to invoice",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Dealer After-Sales for Odoo",
    "website": "https://github.com/dealer-aftersales/dealer-aftersales",
    "license": "LGPL-3",
    "depends": ["mail", "portal", "fleet", "hr", "stock", "account"],
    "data": [
        "security/dealer_service_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "views/dealer_repair_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/dealer_service_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "dealer_service/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}

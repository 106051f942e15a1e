from odoo.tests import tagged

from .common import DealerCase


@tagged("post_install", "-at_install")
class TestCapabilityMenu(DealerCase):
    """The menu filter that the capability modules rely on."""

    def test_menu_of_switched_capability_is_pruned_with_children(self):
        Menu = self.env["ir.ui.menu"]
        root = self.env.ref("dealer_service.dealer_aftersales_menu_root")
        parent = Menu.create({"name": "Switched", "parent_id": root.id})
        child = Menu.create({
            "name": "Switched child", "parent_id": parent.id,
            "action": f"ir.actions.act_window,{self.env.ref('dealer_service.dealer_repair_order_action').id}",
        })
        # any boolean field of res.company works as a switch
        parent.dealer_capability = "dealer_test_switch"
        self.assertNotIn(parent.id, Menu._dealer_hidden_menu_ids(), "unknown switch names hide nothing")
        parent.dealer_capability = "account_use_credit_limit"
        self.env.company.account_use_credit_limit = False
        menus = Menu.load_menus(False)
        self.assertNotIn(parent.id, menus)
        self.assertNotIn(child.id, menus)
        self.assertNotIn(parent.id, menus[root.id]["children"])
        self.env.company.account_use_credit_limit = True
        menus = Menu.load_menus(False)
        self.assertIn(child.id, menus[parent.id]["children"])

    def test_pruning_does_not_alter_the_cached_menus(self):
        Menu = self.env["ir.ui.menu"]
        root = self.env.ref("dealer_service.dealer_aftersales_menu_root")
        service = self.env.ref("dealer_service.dealer_service_menu")
        service.dealer_capability = "account_use_credit_limit"
        self.env.company.account_use_credit_limit = False
        self.assertNotIn(service.id, Menu.load_menus(False)[root.id]["children"])
        self.env.company.account_use_credit_limit = True
        self.assertIn(service.id, Menu.load_menus(False)[root.id]["children"])

"""Every screen of the After-Sales app, as every demo login: Odoo's clickbot opens
each menu the user sees, every view type it offers and the first record, and fails
on any client error or access error."""

import logging
import time

from odoo.tests import HttpCase, tagged

_logger = logging.getLogger(__name__)

APP_MENU = "dealer_service.dealer_aftersales_menu_root"
# the After-Sales menus each demo login is offered (a menu a role cannot use is not shown);
# every employee reads their own commission
APP_MENUS = {
    "technician": {"Service", "Workshop", "My Commission"},
    "qc": {"Service", "Workshop", "My Commission"},
    "workshop": {"Service", "Workshop", "My Commission"},
    "advisor": {"Service", "Workshop", "My Commission"},
    "parts": {"Parts", "My Commission"},
    "partsmanager": {"Parts", "My Commission"},
    "warranty": {"Warranty", "My Commission"},
    "appraiser": {"Warranty", "My Commission"},
    "insurance": {"Insurance", "My Commission"},
    "commission": {"Commission", "My Commission"},
    "csagent": {"Customer Care", "My Commission"},
    "cssupervisor": {"Customer Care", "My Commission"},
    "frontdesk": {"Service", "Workshop", "Customer Care", "My Commission"},
    "manager": {"Service", "Workshop", "Parts", "Warranty", "Insurance", "Commission", "Customer Care",
                "Reporting", "Configuration",
                "My Commission"},
}


@tagged("post_install", "-at_install")
class TestClickEverywhere(HttpCase):

    def _click_everywhere(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"demo login {login} is missing")
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        if self.env.ref(APP_MENU).id not in visible:
            return False
        started = time.monotonic()
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            f".startClickEverywhere('{APP_MENU}');",
            "odoo.isReady === true",
            login=login, timeout=600, success_signal="clickbot test succeeded",
        )
        _logger.info("clickbot as %s: %.0f s", login, time.monotonic() - started)
        return True

    def test_menus_per_role(self):
        for login, expected in APP_MENUS.items():
            with self.subTest(login=login):
                user = self.env["res.users"].search([("login", "=", login)])
                menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
                app = next(menu for menu in menus.values() if menu.get("xmlid") == APP_MENU)
                self.assertEqual({menus[child]["name"] for child in app["children"]}, expected)
                service = next((menu for menu in menus.values()
                                if menu.get("xmlid") == "dealer_service.dealer_service_menu"), None)
                if service:
                    vehicles = {menus[child]["name"] for child in service["children"]} & {"Vehicles"}
                    self.assertEqual(bool(vehicles), login in ("advisor", "frontdesk", "manager"),
                                     "Fleet's vehicle screens are for advisors, not the workshop")

    def test_admin(self):
        self.assertTrue(self._click_everywhere("admin"))

    def test_manager(self):
        self.assertTrue(self._click_everywhere("manager"))

    def test_advisor(self):
        self.assertTrue(self._click_everywhere("advisor"))

    def test_technician(self):
        self.assertTrue(self._click_everywhere("technician"))

    def test_qc(self):
        self.assertTrue(self._click_everywhere("qc"))

    def test_workshop(self):
        self.assertTrue(self._click_everywhere("workshop"))

    def test_parts(self):
        self.assertTrue(self._click_everywhere("parts"))

    def test_partsmanager(self):
        self.assertTrue(self._click_everywhere("partsmanager"))

    def test_warranty(self):
        self.assertTrue(self._click_everywhere("warranty"))

    def test_appraiser(self):
        self.assertTrue(self._click_everywhere("appraiser"))

    def test_insurance(self):
        self.assertTrue(self._click_everywhere("insurance"))

    def test_commission(self):
        self.assertTrue(self._click_everywhere("commission"))

    def test_csagent(self):
        self.assertTrue(self._click_everywhere("csagent"))

    def test_cssupervisor(self):
        self.assertTrue(self._click_everywhere("cssupervisor"))

    def test_frontdesk(self):
        self.assertTrue(self._click_everywhere("frontdesk"))

    def test_accountant(self):
        """The accountant keeps the books in Odoo's Accounting app: After-Sales is not
        offered to Odoo's accounting groups (or, where it is, it works for them)."""
        if not self._click_everywhere("accountant"):
            self.authenticate("accountant", "accountant")
            menus = self.url_open("/web/webclient/load_menus").json()
            self.assertNotIn(APP_MENU, {menu["xmlid"] for key, menu in menus.items() if key != "root"})

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAfterSalesTour(HttpCase):

    def test_admin_opens_aftersales_menu(self):
        self.start_tour("/odoo", "dealer_aftersales_menu_tour", login="admin")

    def test_login_form_then_web_client(self):
        """A real login through the form, as a person does (it exercises the
        session check that needs geoip2), then the web client and menus load."""
        page = self.url_open("/web/login")
        self.assertEqual(page.status_code, 200)
        csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = self.url_open("/web/login", data={
            "login": "admin", "password": "admin", "csrf_token": csrf,
        })
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/odoo"), response.url)
        menus = self.url_open("/web/webclient/load_menus").json()
        xmlids = {menu["xmlid"] for key, menu in menus.items() if key != "root"}
        self.assertIn("dealer_service.dealer_aftersales_menu_root", xmlids)

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAfterSalesTour(HttpCase):

    def test_admin_opens_aftersales_menu(self):
        self.start_tour("/odoo", "dealer_aftersales_menu_tour", login="admin")

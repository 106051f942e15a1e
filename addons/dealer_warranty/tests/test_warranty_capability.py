from odoo.tests import tagged

from odoo.addons.dealer_service.tests import common


@tagged("post_install", "-at_install")
class TestWarrantyClaimCapability(common.CapabilitySwitchCase):
    capability_field = "dealer_warranty_enabled"
    capability_menu = "dealer_warranty.dealer_warranty_menu"
    capability_group = "dealer_warranty.dealer_warranty_group_clerk"

    def _create_document(self, env):
        return env["dealer.warranty.claim"].create({})

    def test_document_numbered_per_store(self):
        doc = self._create_document(self.env)
        self.assertRegex(doc.name, r"^WC\d{4}-\d{5}$")

from odoo.tests import tagged

from odoo.addons.dealer_service.tests import common


@tagged("post_install", "-at_install")
class TestPartsPlanCapability(common.CapabilitySwitchCase):
    capability_field = "dealer_parts_enabled"
    capability_menu = "dealer_parts.dealer_parts_menu"
    capability_group = "dealer_parts.dealer_parts_group_clerk"

    def _create_document(self, env):
        return env["dealer.parts.plan"].create({})

    def test_document_numbered_per_store(self):
        doc = self._create_document(self.env)
        self.assertRegex(doc.name, r"^PP\d{4}-\d{5}$")

from odoo.tests import tagged

from odoo.addons.dealer_service.tests import common


@tagged("post_install", "-at_install")
class TestCsiComplaintCapability(common.CapabilitySwitchCase):
    capability_field = "dealer_csi_enabled"
    capability_menu = "dealer_csi.dealer_csi_menu"
    capability_group = "dealer_csi.dealer_csi_group_agent"

    def _create_document(self, env):
        return env["dealer.csi.complaint"].create({"partner_id": self.customer.id})

    def test_document_numbered_per_store(self):
        doc = self._create_document(self.env)
        self.assertRegex(doc.name, r"^CP\d{4}-\d{5}$")

from odoo.tests import tagged

from odoo.addons.dealer_service.tests import common


@tagged("post_install", "-at_install")
class TestInsuranceCaseCapability(common.CapabilitySwitchCase):
    capability_field = "dealer_insurance_enabled"
    capability_menu = "dealer_insurance.dealer_insurance_menu"
    capability_group = "dealer_insurance.dealer_insurance_group_clerk"

    def _create_document(self, env):
        return env["dealer.insurance.case"].create({"partner_id": self.customer.id})

    def test_document_numbered_per_store(self):
        doc = self._create_document(self.env)
        self.assertRegex(doc.name, r"^IC\d{4}-\d{5}$")

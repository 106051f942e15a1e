from odoo.tests import tagged

from odoo.addons.dealer_service.tests import common


@tagged("post_install", "-at_install")
class TestCommissionSheetCapability(common.CapabilitySwitchCase):
    capability_field = "dealer_commission_enabled"
    capability_menu = "dealer_hr_commission.dealer_hr_commission_menu"
    capability_group = "dealer_hr_commission.dealer_hr_commission_group_officer"

    def _create_document(self, env):
        return env["dealer.commission.sheet"].create({})

    def test_document_numbered_per_store(self):
        doc = self._create_document(self.env)
        self.assertRegex(doc.name, r"^CM\d{4}-\d{5}$")

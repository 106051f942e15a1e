"""Each after-sales role reaches its own documents and not another role's."""

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

# role group -> documents (model names) that role works with
ROLE_DOCUMENTS = {
    "dealer_service.dealer_service_group_technician": set(),
    "dealer_service.dealer_service_group_advisor": set(),
    "dealer_parts.dealer_parts_group_clerk": {"dealer.parts.plan"},
    "dealer_warranty.dealer_warranty_group_clerk": {"dealer.warranty.claim"},
    "dealer_warranty.dealer_warranty_group_appraiser": {"dealer.warranty.claim"},
    "dealer_insurance.dealer_insurance_group_clerk": {"dealer.insurance.case"},
    "dealer_hr_commission.dealer_hr_commission_group_officer": {"dealer.commission.sheet"},
    "dealer_csi.dealer_csi_group_agent": {"dealer.csi.complaint"},
}
# role group -> documents of other roles that role reads without making them (advisors follow
# the state of their orders' warranty claims)
ROLE_READS = {
    "dealer_service.dealer_service_group_advisor": {"dealer.warranty.claim"},
}
ROLE_DOCUMENT_MODELS = set().union(*ROLE_DOCUMENTS.values())
ROLES = [
    "dealer_service.dealer_service_group_technician",
    "dealer_service.dealer_service_group_qc_inspector",
    "dealer_service.dealer_service_group_workshop_manager",
    "dealer_service.dealer_service_group_advisor",
    "dealer_service.dealer_service_group_manager",
    "dealer_parts.dealer_parts_group_clerk",
    "dealer_parts.dealer_parts_group_manager",
    "dealer_warranty.dealer_warranty_group_clerk",
    "dealer_warranty.dealer_warranty_group_appraiser",
    "dealer_insurance.dealer_insurance_group_clerk",
    "dealer_hr_commission.dealer_hr_commission_group_officer",
    "dealer_csi.dealer_csi_group_agent",
    "dealer_csi.dealer_csi_group_supervisor",
    "dealer_csi.dealer_csi_group_frontdesk",
]


@tagged("post_install", "-at_install")
class TestRoleIsolation(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Qian Hong"})
        cls.documents = {
            model: cls.env[model].create(cls._document_values(model)) for model in ROLE_DOCUMENT_MODELS
        }

    @classmethod
    def _document_values(cls, model):
        """The least a document needs: the test's customer where one is required."""
        return {
            name: cls.customer.id for name, field in cls.env[model]._fields.items()
            if field.required and field.comodel_name == "res.partner"
        }

    def _user(self, group):
        login = group.split(".")[1]
        return new_test_user(self.env, login=f"iso_{login}", groups=group)

    def test_every_role_group_exists_under_after_sales(self):
        category = self.env.ref("dealer_service.module_category_after_sales")
        for xmlid in ROLES:
            group = self.env.ref(xmlid)
            self.assertEqual(group.privilege_id.category_id, category, xmlid)

    def test_role_reaches_only_its_documents(self):
        for group, own in ROLE_DOCUMENTS.items():
            user = self._user(group)
            for model, document in self.documents.items():
                with self.subTest(role=group, model=model):
                    if model in own:
                        self.assertTrue(document.with_user(user).read(["name"]))
                        self.assertTrue(self.env[model].with_user(user).create(self._document_values(model)))
                    elif model in ROLE_READS.get(group, ()):
                        self.assertTrue(document.with_user(user).read(["name"]))
                        with self.assertRaises(AccessError):
                            self.env[model].with_user(user).create(self._document_values(model))
                    else:
                        with self.assertRaises(AccessError):
                            document.with_user(user).read(["name"])
                        with self.assertRaises(AccessError):
                            self.env[model].with_user(user).create(self._document_values(model))

    def test_service_manager_reaches_every_document(self):
        manager = self._user("dealer_service.dealer_service_group_manager")
        for model, document in self.documents.items():
            with self.subTest(model=model):
                self.assertTrue(document.with_user(manager).read(["name"]))

    def test_accountant_is_odoo_accounting_not_after_sales(self):
        accountant = new_test_user(self.env, login="iso_accountant", groups="account.group_account_manager")
        self.assertTrue(self.env["account.move"].with_user(accountant).check_access("read") is None)
        # finance approves and accrues the commission sheets (issue 13): it reads them, never edits them
        self.assertTrue(self.documents["dealer.commission.sheet"].with_user(accountant).read(["name"]))
        with self.assertRaises(AccessError):
            self.env["dealer.commission.sheet"].with_user(accountant).create({})

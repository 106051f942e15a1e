from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import common


@tagged("post_install", "-at_install")
class TestPartsPlanCapability(common.CapabilitySwitchCase):
    capability_field = "dealer_parts_enabled"
    capability_menu = "dealer_parts.dealer_parts_menu"
    capability_group = "dealer_parts.dealer_parts_group_clerk"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a new store starts with the parts discipline off: the administrator switches it on in its warehouse
        for store in cls.store_a | cls.store_b:
            warehouse = cls.env["stock.warehouse"].search([("company_id", "=", store.id)], order="id", limit=1)
            settings = Form(cls.env["res.config.settings"].with_user(cls.admin).with_company(store))
            settings.dealer_parts_enabled = True
            settings.dealer_parts_warehouse_id = warehouse
            settings.save().execute()

    def test_switch_is_on_by_default(self):
        """Parts: a new store starts with the discipline off (overrides the generic check)."""
        store = self.env["res.company"].create({"name": "Store C (test)"})
        self.assertFalse(store.dealer_parts_enabled)
        self.assertFalse(store.dealer_parts_warehouse_id)
        self.assertTrue(self.store_b.dealer_parts_enabled)
        warehouse = self.store_b.dealer_parts_warehouse_id
        self.assertTrue(warehouse.dealer_requisition_type_id.dealer_parts_governed)
        self.assertEqual(warehouse.in_type_id.dealer_doc_kind, "receipt")

    def _create_document(self, env):
        return env["dealer.parts.plan"].create({})

    def test_document_numbered_at_approval_per_store(self):
        plan = self._create_document(self.env)
        self.assertFalse(plan.name, "a plan is numbered when approved, not at creation")
        product = self.env["product.product"].create({"name": "Spark plug", "is_storable": True})
        plan.line_ids = [(0, 0, {"product_id": product.id, "quantity": 4})]
        plan.action_submit()
        plan.with_user(self.admin).validate_tier()
        self.assertRegex(plan.name, r"^PP\d{4}-\d{5}$")
        plan_b = self._create_document(self.env(context=dict(self.env.context, allowed_company_ids=[self.store_b.id])))
        plan_b.line_ids = [(0, 0, {"product_id": product.id, "quantity": 1})]
        plan_b.action_submit()
        plan_b.with_user(self.admin).validate_tier()
        self.assertTrue(plan_b.name.endswith("-00001"), "each store has its own sequence")

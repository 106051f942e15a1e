from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user


class DealerCase(TransactionCase):
    """Two stores (companies) of one dealership group, a customer and a vehicle
    in each, and helpers to make users of a role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_a = cls.env.company
        cls.store_b = cls.env["res.company"].create({"name": "Store B (test)"})
        cls.customer = cls.env["res.partner"].create({"name": "Zhang Wei"})
        brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Testbrand"})
        cls.car_model = cls.env["fleet.vehicle.model"].create({"name": "Sedan", "brand_id": brand.id})
        cls.vehicle_a = cls._make_vehicle(cls.store_a, "京A12345")
        cls.vehicle_b = cls._make_vehicle(cls.store_b, "沪B54321")

    @classmethod
    def _make_vehicle(cls, company, plate):
        return cls.env["fleet.vehicle"].create({
            "model_id": cls.car_model.id,
            "license_plate": plate,
            "company_id": company.id,
        })

    @classmethod
    def _make_user(cls, login, groups, companies=None):
        companies = companies or cls.store_a
        return new_test_user(
            cls.env, login=login, groups=groups,
            company_id=companies[0].id, company_ids=[(6, 0, companies.ids)],
        )

    def _make_order(self, company, user=None):
        env = (self.env(user=user) if user else self.env)
        vehicle = self.vehicle_a if company == self.store_a else self.vehicle_b
        return env["dealer.repair.order"].with_company(company).create({
            "partner_id": self.customer.id,
            "vehicle_id": vehicle.id,
            "company_id": company.id,
        })


class CapabilitySwitchCase(DealerCase):
    """Checks every per-store capability switch must pass.

    A module's test class sets the class attributes below and implements
    ``_create_document(env)`` creating one document in ``env.company``.
    """

    capability_field = None  # boolean switch on res.company
    capability_menu = None  # xmlid of the capability's top menu
    capability_group = None  # xmlid of a group that works with the capability

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.worker = cls._make_user(
            f"{cls.capability_field}_worker", cls.capability_group,
            companies=cls.store_a | cls.store_b,
        )
        cls.admin = cls._make_user(
            f"{cls.capability_field}_admin", "base.group_system,dealer_service.dealer_service_group_manager",
            companies=cls.store_a | cls.store_b,
        )

    def _create_document(self, env):
        raise NotImplementedError

    def _menu_ids(self, company):
        menus = self.env["ir.ui.menu"].with_user(self.worker).with_context(
            allowed_company_ids=(company | (self.store_a | self.store_b)).ids
        ).load_menus(False)
        return set(menus)

    def _switch(self, company, enabled):
        settings = Form(self.env["res.config.settings"].with_user(self.admin).with_company(company))
        setattr(settings, self.capability_field, enabled)
        settings.save().execute()

    def test_each_store_numbers_with_its_own_sequence(self):
        model = self._create_document(self.env)._name
        for store in self.store_a | self.store_b:
            self.assertEqual(self.env["ir.sequence"].search_count([
                ("code", "=", model), ("company_id", "=", store.id),
            ]), 1, f"{store.name} has no sequence of its own for {model}")

    def test_switch_is_on_by_default(self):
        self.assertTrue(self.store_a[self.capability_field])
        self.assertTrue(self.store_b[self.capability_field])

    def test_switch_hides_menus_for_one_store_only(self):
        menu = self.env.ref(self.capability_menu)
        self.assertIn(menu.id, self._menu_ids(self.store_b))
        self._switch(self.store_b, False)
        self.assertFalse(self.store_b[self.capability_field])
        self.assertTrue(self.store_a[self.capability_field])
        self.assertNotIn(menu.id, self._menu_ids(self.store_b))
        self.assertFalse(menu.child_id.ids and set(menu.child_id.ids) & self._menu_ids(self.store_b))
        self.assertIn(menu.id, self._menu_ids(self.store_a))

    def test_switch_blocks_documents_server_side(self):
        env_b = self.env(user=self.worker, context=dict(self.env.context, allowed_company_ids=[self.store_b.id]))
        kept = self._create_document(env_b)
        self._switch(self.store_b, False)
        with self.assertRaisesRegex(UserError, "switched off for Store B"):
            self._create_document(env_b)
        env_a = self.env(user=self.worker, context=dict(self.env.context, allowed_company_ids=[self.store_a.id]))
        self.assertTrue(self._create_document(env_a))
        # switching back on loses nothing
        self._switch(self.store_b, True)
        self.assertTrue(kept.exists())
        self.assertTrue(self._create_document(env_b))

from odoo.fields import Command

from odoo.addons.dealer_service.tests import common


class PartsCase(common.DealerCase):
    """Store A with its bins, parts, a supplier, the parts roles and helpers to
    buy, receive and issue parts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls._enable_parts(cls.store_a)
        cls.warehouse_b = cls._enable_parts(cls.store_b)
        cls.stock = cls.warehouse.lot_stock_id
        cls.customer_location = cls.warehouse.dealer_requisition_type_id.default_location_dest_id
        cls.bins = cls.env["stock.location"]._dealer_create_bins(cls.warehouse, "T", 1, 1, 3)
        cls.bin_1, cls.bin_2, cls.bin_3 = cls.bins
        cls.brand = cls.env["fleet.vehicle.model.brand"].create({"name": "Partsbrand"})
        cls.supplier = cls.env["res.partner"].create({"name": "FAW Parts Supply"})
        cls.supplier_2 = cls.env["res.partner"].create({"name": "Jiading Parts"})
        cls.supplier_3 = cls.env["res.partner"].create({"name": "Anting Parts"})
        cls.filter = cls._make_part("06A115561B", "Oil filter 机油滤清器", 30.0, 50.0, cls.bin_1)
        cls.pads = cls._make_part("1K0698151", "Brake pads 刹车片", 200.0, 320.0, cls.bin_2, returnable=True)
        cls.pump = cls._make_part("06H121026", "Water pump 水泵", 500.0, 800.0, cls.bin_3, returnable=True)
        cls.clerk = cls._make_user("parts_clerk_t", "dealer_parts.dealer_parts_group_clerk",
                                   companies=cls.store_a | cls.store_b)
        cls.clerk_2 = cls._make_user("parts_clerk_t2", "dealer_parts.dealer_parts_group_clerk")
        cls.manager = cls._make_user("parts_manager_t", "dealer_parts.dealer_parts_group_manager",
                                     companies=cls.store_a | cls.store_b)
        cls.advisor = cls._make_user("parts_advisor_t", "dealer_service.dealer_service_group_advisor",
                                     companies=cls.store_a | cls.store_b)
        cls.warranty_sup = cls._make_user("parts_warranty_t", "dealer_parts.dealer_parts_group_warranty_supervisor")
        cls.service_manager = cls._make_user("parts_sm_t", "dealer_service.dealer_service_group_manager")
        # exactly the groups of the demo login `accountant` (Billing Administrator), no parts role
        cls.accountant = cls._make_user("parts_accountant_t", "account.group_account_manager")

    @classmethod
    def _enable_parts(cls, company):
        """Switch the parts discipline on in the store's warehouse, as an administrator does in the settings."""
        warehouse = cls.env["stock.warehouse"].search([("company_id", "=", company.id)], order="id", limit=1)
        company.write({"dealer_parts_enabled": True, "dealer_parts_warehouse_id": warehouse.id})
        return warehouse

    @classmethod
    def _make_part(cls, oem, name, cost, price, bin_location=None, returnable=False, brand=None):
        template = cls.env["product.template"].create({
            "name": name,
            "dealer_oem_number": oem,
            "dealer_brand_id": (brand or cls.brand).id,
            "is_storable": True,
            "type": "consu",
            "standard_price": cost,
            "list_price": price,
            "dealer_returnable": returnable,
            "seller_ids": [Command.create({"partner_id": cls.supplier.id, "price": cost})],
        })
        if bin_location:
            template.dealer_default_bin_id = bin_location
        return template.product_variant_id

    @classmethod
    def _set_stock(cls, product, quantity, location=None):
        """Put stock through an inventory adjustment (a real move)."""
        quant = cls.env["stock.quant"].with_context(inventory_mode=True).create({
            "product_id": product.id,
            "location_id": (location or product.dealer_default_bin_id or cls.stock).id,
            "inventory_quantity": quantity,
        })
        quant._apply_inventory()
        return quant

    def _approve(self, record, *users):
        """Each user approves their tier of the document with its Validate button."""
        for user in users:
            record.with_user(user).with_company(record.company_id).validate_tier()

    def _purchase(self, product, quantity, price=None):
        order = self.env["purchase.order"].create({
            "partner_id": self.supplier.id,
            "order_line": [Command.create({
                "product_id": product.id, "product_qty": quantity,
                "price_unit": price if price is not None else product.standard_price,
            })],
        })
        order.button_confirm()
        return order

    def _pay(self, picking):
        """Cash first: the counter invoices the ticket, the cashier registers the payment of the invoice."""
        picking.with_user(self.clerk).action_dealer_register_payment()
        self._pay_invoice(picking.dealer_invoice_id)

    def _pay_invoice(self, invoice):
        self.env["account.payment.register"].with_user(self.accountant).with_context(
            active_model="account.move", active_ids=invoice.ids).create({})._create_payments()

    def _inspect(self, picking, user=None):
        picking = picking.with_user(user or self.clerk)
        picking.dealer_inspect_planner_id = self.manager
        picking.action_dealer_inspect_buyer()
        picking.action_dealer_inspect_keeper()

    def _validate(self, picking, user=None, backorder=False):
        picking = picking.with_user(user) if user else picking
        if backorder:
            return picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        return picking.with_context(skip_backorder=True, skip_sms=True,
                                    picking_ids_not_to_backorder=picking.ids).button_validate()

    def _receive(self, product, quantity, counted=None, user=None):
        order = self._purchase(product, quantity)
        picking = order.picking_ids
        picking.move_ids.quantity = quantity if counted is None else counted
        self._inspect(picking)
        self._validate(picking, user=user or self.clerk)
        return picking

    def _issue(self, kind, lines, partner=None, plate="京A12345", sign=True, user=None, warehouse=None,
               set_quantity=True):
        warehouse = warehouse or self.warehouse
        stock = warehouse.lot_stock_id
        picking_type = (warehouse.dealer_requisition_type_id if kind in ("requisition", "warranty_requisition")
                        else warehouse.dealer_counter_type_id)
        env = self.env(user=user) if user else self.env
        picking = env["stock.picking"].with_company(warehouse.company_id).create({
            "picking_type_id": picking_type.id,
            "dealer_doc_kind": kind,
            "partner_id": (partner or self.customer).id,
            "location_id": stock.id,
            "location_dest_id": picking_type.default_location_dest_id.id,
            "dealer_license_plate": plate if kind in ("requisition", "warranty_requisition") else False,
            "move_ids": [Command.create({
                "product_id": product.id,
                "product_uom_qty": quantity,
                "location_id": stock.id,
                "location_dest_id": picking_type.default_location_dest_id.id,
            }) for product, quantity in lines],
        })
        picking.action_confirm()
        picking.action_assign()
        if set_quantity:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
        if sign and kind in ("requisition", "warranty_requisition"):
            picking.with_user(self.advisor).action_dealer_sign_settlement()
        return picking

"""With the suite installed, the rest of the store works as standard Odoo: the
sales department receives goods from a purchase order and delivers a sale
order with no dealer step, while the parts warehouse keeps every parts rule."""

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_parts.tests import common


@tagged("post_install", "-at_install")
class TestStandardFlowsBesideTheParts(common.PartsCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an Inventory/Purchase/Sales user of the store, without any after-sales role
        cls.storeman = cls._make_user(
            "storeman_t", "stock.group_stock_user,purchase.group_purchase_user,sales_team.group_sale_salesman")
        cls.car_mat = cls.env["product.product"].create({
            "name": "Floor mats (sales accessory)", "is_storable": True, "type": "consu",
            "standard_price": 40.0, "list_price": 90.0,
        })
        cls.buyer = cls.env["res.partner"].create({"name": "Li Na"})

    def _buy(self, product, quantity, user):
        order = Form(self.env["purchase.order"].with_user(user))
        order.partner_id = self.supplier
        with order.order_line.new() as line:
            line.product_id = product
            line.product_qty = quantity
            line.price_unit = 40.0
        order = order.save()
        order.button_confirm()
        return order

    def test_purchase_receipt_and_sale_delivery_of_non_parts_are_standard(self):
        self.assertTrue(self.store_a.dealer_parts_enabled)
        order = self._buy(self.car_mat, 10, self.storeman)
        receipt = order.picking_ids
        self.assertEqual(receipt.picking_type_id, self.warehouse.in_type_id, "the parts warehouse's own receipts")
        self.assertFalse(receipt.dealer_inspect_buyer_id)
        receipt.move_ids.quantity = 10
        receipt.with_user(self.storeman).button_validate()
        self.assertEqual(receipt.state, "done")
        self.assertFalse(receipt.dealer_number, "no parts document for goods that are not parts")
        self.assertEqual(self.car_mat.with_context(warehouse_id=self.warehouse.id).qty_available, 10)

        sale = Form(self.env["sale.order"].with_user(self.storeman))
        sale.partner_id = self.buyer
        with sale.order_line.new() as line:
            line.product_id = self.car_mat
            line.product_uom_qty = 4
        sale = sale.save()
        sale.action_confirm()
        delivery = sale.picking_ids
        delivery.move_ids.quantity = 4
        delivery.with_user(self.storeman).button_validate()
        self.assertEqual(delivery.state, "done")
        self.assertFalse(delivery.dealer_number)
        self.assertEqual(sale.order_line.qty_delivered, 4)
        self.assertEqual(self.car_mat.with_context(warehouse_id=self.warehouse.id).qty_available, 6)

        # a plain scrap of goods that are not parts is Odoo's scrap
        scrap = self.env["stock.scrap"].with_user(self.storeman).create({
            "product_id": self.car_mat.id, "scrap_qty": 1, "location_id": self.stock.id})
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")

    def test_parts_warehouse_still_enforces_the_parts_rules(self):
        # receipt of a part: inspections and parts staff
        order = self._buy(self.filter, 5, self.storeman)
        receipt = order.picking_ids
        receipt.move_ids.quantity = 5
        with self.assertRaisesRegex(UserError, "Only parts staff validate goods receipts"):
            receipt.with_user(self.storeman).button_validate()
        with self.assertRaisesRegex(UserError, "Record both inspections"):
            self._validate(receipt, user=self.clerk)
        self.assertEqual(receipt.state, "assigned")
        self._inspect(receipt)
        self._validate(receipt, user=self.clerk)
        self.assertRegex(receipt.dealer_number, r"^GR\d{4}-\d{5}$")
        # a plain delivery of a part leaves without a document: refused
        out = self.env["stock.picking"].create({
            "picking_type_id": self.warehouse.out_type_id.id,
            "partner_id": self.buyer.id,
            "move_ids": [Command.create({"product_id": self.filter.id, "product_uom_qty": 1,
                                         "location_id": self.stock.id,
                                         "location_dest_id": self.customer_location.id})],
        })
        out.action_confirm()
        out.action_assign()
        out.move_ids.quantity = 1
        with self.assertRaisesRegex(UserError, "No goods leave without a document"):
            out.with_user(self.storeman).button_validate()
        self.assertEqual(out.state, "assigned")
        # a plain Odoo scrap of a part of the parts warehouse: refused, nothing scrapped
        scrap = self.env["stock.scrap"].create({
            "product_id": self.filter.id, "scrap_qty": 1, "location_id": self.filter.dealer_default_bin_id.id})
        with self.assertRaisesRegex(UserError, "scrap it through a scrap request"):
            scrap.action_validate()
        self.assertEqual(scrap.state, "draft")
        self.assertEqual(self.filter.with_context(location=self.stock.id).qty_available, 5)

    def _receive_plainly(self, pickings, warehouse, quantity):
        """Receive ``quantity`` filters into ``warehouse`` the way a stock user does in Odoo."""
        receipt = pickings.create({
            "picking_type_id": warehouse.in_type_id.id,
            "partner_id": self.supplier.id,
            "move_ids": [Command.create({"product_id": self.filter.id, "product_uom_qty": quantity,
                                         "location_id": warehouse.in_type_id.default_location_src_id.id,
                                         "location_dest_id": warehouse.lot_stock_id.id})],
        })
        receipt.action_confirm()
        receipt.move_ids.quantity = quantity
        receipt.button_validate()
        return receipt

    def test_other_warehouse_and_other_store_are_standard(self):
        # a second warehouse of the same store: parts received there follow no parts rule
        second = self.env["stock.warehouse"].create({"name": "New Cars Yard", "code": "NCY",
                                                     "company_id": self.store_a.id})
        self.assertFalse(second.in_type_id.dealer_parts_governed)
        picking = self._receive_plainly(self.env["stock.picking"].with_user(self.storeman), second, 2)
        self.assertEqual(picking.state, "done")
        self.assertFalse(picking.dealer_number)
        # a new store of the group starts with the parts discipline off: its receipts of parts are standard
        store_c = self.env["res.company"].create({"name": "Store C (test)"})
        self.assertFalse(store_c.dealer_parts_enabled)
        warehouse_c = self.env["stock.warehouse"].search([("company_id", "=", store_c.id)])
        receipt = self._receive_plainly(self.env["stock.picking"].with_company(store_c), warehouse_c, 3)
        self.assertEqual(receipt.state, "done")
        self.assertFalse(receipt.dealer_number)

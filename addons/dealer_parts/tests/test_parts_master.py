from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from . import common


@tagged("post_install", "-at_install")
class TestPartsMaster(common.PartsCase):

    def test_oem_number_unique_per_brand(self):
        other_brand = self.env["fleet.vehicle.model.brand"].create({"name": "Otherbrand"})
        self._make_part("06A115561B", "Same number, other brand", 10.0, 20.0, brand=other_brand)
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError), \
                self.env.cr.savepoint():
            self._make_part("06A115561B", "Duplicate", 10.0, 20.0)
            self.env.flush_all()

    def test_search_by_oem_number_and_supersession(self):
        new_filter = self._make_part("06A115561C", "Oil filter (new)", 32.0, 52.0)
        self.filter.product_tmpl_id.dealer_superseded_by_id = new_filter.product_tmpl_id
        self.assertEqual(new_filter.product_tmpl_id.dealer_supersedes_ids, self.filter.product_tmpl_id)
        found = self.env["product.template"].name_search("06A115561B")
        self.assertEqual(found[0][0], self.filter.product_tmpl_id.id)
        self.assertIn("[06A115561B]", self.filter.product_tmpl_id.display_name)

    def test_bin_codes_and_putaway(self):
        self.assertEqual(self.bin_1.dealer_bin_code, "T-01-1-01")
        rack = self.env["stock.location"]._dealer_create_bins(self.warehouse, "B", 3, 2, 15)
        self.assertEqual(len(rack), 90)
        self.assertEqual(rack[-1].dealer_bin_code, "B-03-2-15")
        with self.assertRaises(ValidationError):
            self.env["stock.location"].create({
                "name": "7", "location_id": self.bin_1.location_id.id, "dealer_bin_level": "position",
                "usage": "internal",
            })
        self.assertEqual(self.filter.product_tmpl_id.dealer_default_bin_id, self.bin_1)
        picking = self._receive(self.filter, 10)
        self.assertEqual(picking.move_line_ids.location_dest_id, self.bin_1, "received parts go to their bin")

    def test_safety_stock_is_a_reordering_rule(self):
        self.pads.product_tmpl_id.dealer_safety_stock = 6
        point = self.env["stock.warehouse.orderpoint"].search([("product_id", "=", self.pads.id)])
        self.assertEqual(point.product_min_qty, 6)
        self.pads.product_tmpl_id.invalidate_recordset(["dealer_safety_stock"])
        self.assertEqual(self.pads.product_tmpl_id.dealer_safety_stock, 6)

    def test_abc_from_twelve_months_consumption(self):
        # store B: a store of its own, without any other consumption
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.store_b.id)], limit=1)
        for product, cost, stock in ((self.pump, 500.0, 20), (self.pads, 200.0, 20), (self.filter, 30.0, 40)):
            product.with_company(self.store_b).standard_price = cost
            self._set_stock(product, stock, location=warehouse.lot_stock_id)
        for product, quantity in ((self.pump, 7), (self.pads, 5), (self.filter, 17)):
            picking = self._issue("requisition", [(product, quantity)], warehouse=warehouse)
            picking.move_ids.filtered(lambda m: m.dealer_old_part_state == "required").action_dealer_book_old_part()
            self._validate(picking)
        # a loss is no consumption: the count finds 13 filters missing (23 -> 10), booked as an inventory loss
        self._set_stock(self.filter, 10, location=warehouse.lot_stock_id)
        # the consumption is the moves' value: today's cost does not rewrite it
        self.pump.with_company(self.store_b).standard_price = 900.0
        # pump 3500 (69.9 %), pads 1000 (cumulated 89.8 %), filter 510 of 5010
        self.env["product.template"]._dealer_compute_abc(self.store_b)

        def classes():
            return [p.with_company(self.store_b).dealer_abc_class for p in (self.pump, self.pads, self.filter)]
        self.assertEqual(classes(), ["a", "b", "c"])
        self.assertAlmostEqual(self.pump.product_tmpl_id.with_company(self.store_b).dealer_consumption_value, 3500.0)
        # moves older than 12 months do not count
        self.env["product.template"]._dealer_compute_abc(
            self.store_b, date_to=fields.Datetime.now() + timedelta(days=400))
        self.assertEqual(classes(), ["c", "c", "c"])
        # thresholds are configurable: with 40 / 60 the filter (cumulated 100 %) is B
        self.store_b.write({"dealer_abc_a_percent": 40.0, "dealer_abc_b_percent": 60.0})
        self.env["product.template"]._dealer_compute_abc(self.store_b)
        self.assertEqual(classes(), ["a", "b", "b"])

    def test_superseded_number_proposes_the_new_one(self):
        new_filter = self._make_part("06A115561C", "Oil filter (new)", 32.0, 52.0)
        self.filter.product_tmpl_id.dealer_superseded_by_id = new_filter.product_tmpl_id
        # a purchase order typed in the form by the parts manager (the buyer of the parts desk)
        order = Form(self.env["purchase.order"].with_user(self.manager))
        order.partner_id = self.supplier
        with order.order_line.new() as line:
            line.product_id = self.filter
            self.assertEqual(line.product_id, new_filter)
        order = order.save()
        self.assertEqual(order.order_line.product_id, new_filter)
        # a plan line typed in the form
        plan = Form(self.env["dealer.parts.plan"].with_user(self.clerk))
        with plan.line_ids.new() as line:
            line.product_id = self.filter
            self.assertEqual(line.product_id, new_filter)
        # the plan gathers the back-order of the old number under the new one
        requisition = self._issue("requisition", [(self.filter, 2)], set_quantity=False, sign=False)
        self.assertEqual(requisition.state, "confirmed")
        gathered = self.env["dealer.parts.plan"].create({"partner_id": self.supplier.id})
        gathered.action_gather()
        line = gathered.line_ids.filtered(lambda line: line.product_id == new_filter)
        self.assertEqual(line.quantity, 2)
        self.assertFalse(gathered.line_ids.filtered(lambda line: line.product_id == self.filter))

    def test_one_part_per_bin(self):
        with self.assertRaisesRegex(ValidationError, "one part per bin"), self.env.cr.savepoint():
            self.pump.product_tmpl_id.dealer_default_bin_id = self.bin_1
            self.env.flush_all()
        self.pump.product_tmpl_id.invalidate_recordset(["dealer_default_bin_id"])
        self.assertEqual(self.pump.product_tmpl_id.dealer_default_bin_id, self.bin_3)
        # nor is a part received into another part's bin
        order = self._purchase(self.pump, 1)
        receipt = order.picking_ids
        receipt.move_line_ids.location_dest_id = self.bin_1
        self._inspect(receipt)
        with self.assertRaisesRegex(UserError, "belongs to"):
            self._validate(receipt, user=self.clerk)
        self.assertEqual(receipt.state, "assigned")

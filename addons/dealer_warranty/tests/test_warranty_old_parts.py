from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyOldParts(common.WarrantyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carrier = cls.env["res.partner"].create({"name": "顺丰速运 SF Express", "is_company": True})
        cls.shelf = cls.env["stock.location"].create({
            "name": "W-01", "location_id": cls.old_part_store.id, "usage": "internal", "company_id": cls.store_a.id,
        })

    def _on_hand(self, product, location):
        return self.env["stock.quant"]._get_available_quantity(product, location, strict=True)

    def _shipment(self, tags):
        return self.env["dealer.warranty.shipment"].with_user(self.clerk).create({
            "partner_id": self.oem.id, "carrier_id": self.carrier.id, "waybill": "SF1234567890",
            "old_part_ids": [Command.set(tags.ids)],
        })

    def test_old_part_booked_in_gets_its_tag(self):
        order = self._delivered_order()
        pump_move = order.picking_ids.move_ids.filtered(lambda move: move.product_id == self.pump)
        tag = pump_move.dealer_old_part_move_id.dealer_warranty_tag_ids
        self.assertRecordValues(tag, [{
            "state": "in_store", "product_id": self.pump.id, "oem_number": "1307010-E01", "quantity": 1.0,
            "repair_line_id": pump_move.dealer_repair_line_id.id, "repair_order_id": order.id, "vin": common.VIN,
            "location_id": self.old_part_store.id, "date": fields.Date.today(),
            "retention_date": fields.Date.today() + timedelta(days=60), "claim_id": False,
            "company_id": self.store_a.id,
        }])
        self.assertRegex(tag.name, r"^OP\d{4}-\d{5}$")
        self.assertEqual(self._on_hand(self.pump, self.old_part_store), 1.0)
        # the clerk puts it on a shelf: the stock follows
        tag.with_user(self.clerk).location_id = self.shelf
        self.assertEqual(self._on_hand(self.pump, self.shelf), 1.0)
        self.assertEqual(self._on_hand(self.pump, self.old_part_store), 0.0)
        with self.assertRaisesRegex(Exception, "lies in the warranty old-part store"):
            tag.with_user(self.clerk).location_id = self.warehouse_a.lot_stock_id
        # what was booked does not change
        with self.assertRaisesRegex(UserError, "no longer change"):
            tag.with_user(self.clerk).quantity = 2.0
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            tag.with_user(self.clerk).state = "shipped"
        # printing the label counts the prints
        action = tag.with_user(self.clerk).action_print_label()
        self.assertEqual(action["report_name"], "dealer_warranty.report_old_part_label")
        self.assertEqual(tag.print_count, 1)
        self.assertEqual(tag.qr_payload, f"{tag.name}|{common.VIN}|1307010-E01|")

    def test_shipment_rules_untagged_twice_and_draft_claim(self):
        order = self._delivered_order()
        claim = self._claim(order)
        tag = claim.old_part_ids
        shipment = self._shipment(tag)
        with self.assertRaisesRegex(UserError, f"Old part {tag.name} cannot ship while its claim {claim.name} is "
                                               "still a draft"):
            shipment.with_user(self.clerk).action_ship()
        claim.with_user(self.clerk).action_submit()
        shipment.with_user(self.clerk).action_ship()
        self.assertRecordValues(shipment, [{"state": "shipped"}])
        self.assertRecordValues(tag, [{"state": "shipped", "shipment_id": shipment.id}])
        picking = shipment.picking_id
        self.assertRecordValues(picking, [{"state": "done", "partner_id": self.oem.id,
                                           "location_id": self.old_part_store.id}])
        self.assertEqual(picking.move_ids.dealer_warranty_old_part_id, tag)
        self.assertEqual(self._on_hand(self.pump, self.old_part_store), 0.0)
        # twice: neither in a new batch nor in a transfer of its own
        with self.assertRaisesRegex(UserError, "no longer in the old-part store"):
            self._shipment(tag)
        picking_type = self.warehouse_a.dealer_old_part_shipment_type_id
        self.env["stock.quant"]._update_available_quantity(self.pump, self.old_part_store, 1.0)

        def transfer(tag=None):
            return self.env["stock.picking"].with_user(self.clerk).create({
                "picking_type_id": picking_type.id, "partner_id": self.oem.id,
                "location_id": self.old_part_store.id, "location_dest_id": picking_type.default_location_dest_id.id,
                "move_ids": [Command.create({
                    "product_id": self.pump.id, "product_uom_qty": 1.0, "location_id": self.old_part_store.id,
                    "location_dest_id": picking_type.default_location_dest_id.id,
                })],
            })
        again = transfer()
        again.move_ids.sudo().dealer_warranty_old_part_id = tag
        again.action_confirm()
        again.move_ids.quantity = 1.0
        with self.assertRaisesRegex(UserError,
                                    f"Old part {tag.name} .* left the store already: it is not shipped twice"):
            again.with_user(self.clerk).with_context(skip_backorder=True).button_validate()
        # an old part without its tag does not leave
        untagged = transfer()
        untagged.action_confirm()
        untagged.move_ids.quantity = 1.0
        with self.assertRaisesRegex(UserError, "leaves the warranty old-part store untagged"):
            untagged.with_user(self.clerk).with_context(skip_backorder=True).button_validate()
        # nor through a plain scrap order
        scrap = self.env["stock.scrap"].create({"product_id": self.pump.id, "scrap_qty": 1.0,
                                                "location_id": self.old_part_store.id, "company_id": self.store_a.id})
        with self.assertRaisesRegex(UserError, "untagged|scrap request"):
            scrap.action_validate()

    def test_disposal_needs_retention_over_and_tier_approval(self):
        order = self._delivered_order()
        claim = self._claim(order)
        claim.with_user(self.clerk).action_submit()
        tag = claim.old_part_ids
        disposal = self.env["dealer.warranty.disposal"].with_user(self.clerk).create({
            "reason": "交废品回收站 (to the scrap dealer)", "old_part_ids": [Command.set(tag.ids)],
        })
        with self.assertRaisesRegex(UserError, "The OEM has not answered"):
            disposal.with_user(self.clerk).action_submit()
        claim.with_user(self.clerk)._dealer_record_answer({line: line.amount for line in claim.line_ids}, False)
        with self.assertRaisesRegex(UserError, "are kept for the OEM until"):
            disposal.with_user(self.clerk).action_submit()
        tag.with_user(self.clerk).retention_date = fields.Date.today() - timedelta(days=1)
        tag.with_user(self.clerk).return_requested_date = fields.Date.today()
        with self.assertRaisesRegex(UserError, "asked for .* back"):
            disposal.with_user(self.clerk).action_submit()
        tag.with_user(self.clerk).return_requested_date = False
        # the clerk asks; the service manager approves (tier validation)
        disposal.with_user(self.clerk).action_submit()
        self.assertRecordValues(disposal, [{"state": "to_approve", "validation_status": "pending"}])
        with self.assertRaisesRegex(UserError, "Only an approved disposal"):
            disposal.with_user(self.clerk).action_done()
        with self.assertRaisesRegex(AccessError, "waits for the approval of"):
            disposal.with_user(self.appraiser).validate_tier()
        disposal.with_user(self.manager_a).validate_tier()
        self.assertRecordValues(disposal, [{"state": "approved", "validation_status": "validated"}])
        disposal.with_user(self.clerk).action_done()
        self.assertRecordValues(disposal, [{"state": "done", "user_id": self.clerk.id}])
        self.assertEqual(tag.state, "disposed")
        self.assertEqual(self._on_hand(self.pump, self.old_part_store), 0.0)
        self.assertEqual(tag.disposal_id, disposal)

    def test_a_tag_written_by_hand_tags_a_part_lying_in_the_store(self):
        with self.assertRaisesRegex(UserError, "there is no untagged one to tag"):
            self.env["dealer.warranty.old.part"].with_user(self.clerk).create({"product_id": self.pump.id})
        self.env["stock.quant"]._update_available_quantity(self.pump, self.old_part_store, 1.0)
        tag = self.env["dealer.warranty.old.part"].with_user(self.clerk).create({"product_id": self.pump.id})
        self.assertEqual(tag.location_id, self.old_part_store)
        with self.assertRaisesRegex(UserError, "there is no untagged one to tag"):
            self.env["dealer.warranty.old.part"].with_user(self.clerk).create({"product_id": self.pump.id})

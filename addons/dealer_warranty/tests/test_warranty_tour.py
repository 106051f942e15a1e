import base64

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)


@tagged("post_install", "-at_install")
class TestWarrantyTour(HttpCase):
    """The warranty clerk's work in the demo store, typed into the real forms as the demo
    login `warranty`: a claim from a delivered order, the old part's label printed, the part
    put on a shipment batch to the OEM, the claim submitted."""

    def test_claim_label_shipment_and_submission(self):
        ref = self.env.ref
        store = ref("dealer_service.company_dalian_demo")
        env = self.env["dealer.warranty.demo"].with_company(store).env
        vehicle = ref("dealer_service.vehicle_07_demo")
        order = self.env["dealer.warranty.demo"]._repair(env, vehicle, 23400, "刹车抖动", [
            {"line_type": "labour", "labour_operation_id": ref("dealer_service.labour_m004_demo").id,
             "payer": "warranty"},
            {"line_type": "part", "product_id": ref("dealer_service.part_brake_disc_demo").id, "payer": "warranty"},
        ], hours=2.0)
        # the workshop photographed the fault on the warranty lines
        for index, line in enumerate(order.line_ids, start=1):
            line.added_work_photo_ids = [Command.create({
                "name": f"fault{index}.png", "datas": PNG, "res_model": line._name, "res_id": line.id})]
        self.env["res.partner"].create({"name": "顺丰速运 SF Express", "is_company": True})
        clerk = ref("dealer_warranty.user_warranty_demo")

        self.start_tour("/odoo/warranty-orders-to-claim", "dealer_warranty_claim_tour", login="warranty")
        claim = order.dealer_claim_ids
        self.assertRecordValues(claim, [{"state": "draft", "fault_code": "C1234", "cause": "刹车盘变形导致制动抖动",
                                         "create_uid": clerk.id}])
        self.assertEqual(len(claim.photo_ids), 2, "the lines' photos go with the claim")
        tag = claim.old_part_ids
        self.assertEqual(tag.product_id, ref("dealer_service.part_brake_disc_demo"))
        self.assertEqual(tag.print_count, 1)

        self.start_tour("/odoo/warranty-shipments/new", "dealer_warranty_shipment_tour", login="warranty")
        shipment = tag.shipment_id
        self.assertRecordValues(shipment, [{"state": "draft", "waybill": "SF2026112301",
                                            "partner_id": ref("dealer_service.partner_oem_chery_demo").id}])

        self.start_tour(f"/odoo/warranty-claims/{claim.id}", "dealer_warranty_submit_tour", login="warranty")
        self.assertRecordValues(claim, [{"state": "submitted", "submission_count": 1}])
        self.assertEqual(claim.submission_ids.user_id, clerk)
        # the batch ships now that its claim is with the OEM
        shipment.with_user(clerk).action_ship()
        self.assertEqual(tag.state, "shipped")

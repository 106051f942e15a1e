import base64
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import unsealed

# a 1x1 PNG: the customer's signature and the claim's photos in the demo
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e70000000049454e44ae426082"
))


class DealerWarrantyDemo(models.AbstractModel):
    """Warranty work of the demo store, made through the documents' own actions: a powertrain
    repair claimed from Chery and cut by one labour hour (its credit note booked), its old timing
    kit tagged and shipped back, the recall's claim paid by the OEM; a brake disc repair delivered
    and waiting for its claim; goodwill on a 2018 car."""

    _name = "dealer.warranty.demo"
    _description = "Warranty Demo Data"

    @api.model
    def _generate(self):
        store = self.env.ref("dealer_service.company_dalian_demo", raise_if_not_found=False)
        if not store or self.env["dealer.warranty.claim"].search_count([("company_id", "=", store.id)]):
            return True
        env = self.with_company(store).with_context(tracking_disable=True, mail_notrack=True).env
        ref = self.env.ref
        timing = self._repair(env, ref("dealer_service.vehicle_13_demo"), 41200, "发动机异响，冷车启动明显", [
            {"line_type": "labour", "labour_operation_id": ref("dealer_service.labour_m007_demo").id,
             "payer": "warranty"},
            {"line_type": "part", "product_id": ref("dealer_service.part_timing_kit_demo").id, "payer": "warranty"},
            {"line_type": "labour", "labour_operation_id": ref("dealer_service.labour_m001_demo").id},
            {"line_type": "part", "product_id": ref("dealer_service.part_oil_filter_demo").id},
        ], hours=4.5, campaign=True)
        claims = self._claim(env, timing, "P0016", "正时皮带张紧器失效导致皮带跳齿")
        claims.action_submit()
        recall = claims.filtered(lambda rec: rec.claim_type == "campaign")
        recall._dealer_record_answer({line: line.amount for line in recall.line_ids}, False)
        # the OEM paid the recall claim by bank transfer: its invoice reconciled, the claim is paid
        env["account.payment.register"].with_context(
            active_model="account.move", active_ids=recall.move_ids.ids).create({})._create_payments()
        claim = claims - recall
        labour = claim.line_ids.filtered(lambda line: line.line_type == "labour")
        claim._dealer_record_answer(
            {line: line.amount - (labour.price_unit if line == labour else 0.0) for line in claim.line_ids},
            ref("dealer_warranty.reason_r01_demo"), "工时按3.2小时结算")
        carrier = env["res.partner"].create({"name": "顺丰速运 SF Express", "is_company": True})
        shipment = env["dealer.warranty.shipment"].create({
            "company_id": store.id, "partner_id": claim.partner_id.id, "carrier_id": carrier.id,
            "waybill": "SF1408826631", "old_part_ids": [Command.set(claim.old_part_ids.ids)],
        })
        shipment.action_ship()
        self._repair(env, ref("dealer_service.vehicle_19_demo"), 52800, "刹车时方向盘抖动", [
            {"line_type": "labour", "labour_operation_id": ref("dealer_service.labour_m004_demo").id,
             "payer": "warranty"},
            {"line_type": "part", "product_id": ref("dealer_service.part_brake_disc_demo").id, "payer": "warranty"},
        ], hours=1.8)
        self._goodwill(env, ref("dealer_service.vehicle_01_demo"))
        return True

    @api.model
    def _repair(self, env, vehicle, mileage, complaint, lines, hours, campaign=False):
        """A repair order through reception, approval, the workshop, the parts desk, quality
        control and delivery (its old parts booked into the warranty old-part store)."""
        order = env["dealer.repair.order"].create({
            "company_id": env.company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id,
            "user_id": self.env.ref("dealer_service.user_advisor_demo").id, "mileage": mileage, "fuel_level": "half",
            "covers_fitted": True, "valuables_reminded": True, "old_part_choice": "leave",
            "customer_complaint": complaint, "line_ids": [Command.create(line) for line in lines],
        })
        order.action_check_in()
        if campaign:
            order.action_add_campaign_lines()
        self._stock_parts(env, order.line_ids.product_id.filtered("is_storable"))
        order.write({"diagnosis_signature": PNG, "diagnosis_signed_by": vehicle.customer_id.name,
                     "work_order_signature": PNG, "work_order_signed_by": vehicle.customer_id.name})
        order.action_approve()
        order.action_dispatch_jobs()
        technician = self.env.ref("dealer_service.employee_wang_qiang_demo")
        start = fields.Datetime.now() - timedelta(hours=8)
        for job in order.job_ids:
            job_hours = hours if job.line_id.payer == "warranty" and not job.line_id.dealer_campaign_vehicle_id \
                else job.standard_hours
            with unsealed(env):  # the day's clocked time, loaded as demo data
                env["dealer.repair.job.time"].create({
                    "job_id": job.id, "employee_id": technician.id,
                    "date_start": start, "date_stop": start + timedelta(hours=job_hours)})
            start += timedelta(hours=job_hours)
        order.job_ids.write({"state": "done", "date_done": start})
        order.action_start_repair()
        pickings = order.picking_ids.filtered(lambda picking: picking.state not in ("done", "cancel"))
        pickings.move_ids.filtered(lambda move: move.dealer_old_part_state == "required").action_dealer_book_old_part()
        pickings.action_dealer_sign_settlement()
        pickings.with_context(skip_backorder=True, picking_ids_not_to_backorder=pickings.ids).button_validate()
        order.action_request_quality_check()
        env["dealer.quality.check"].create({"order_id": order.id, "level": "final", "result": "passed",
                                            "user_id": self.env.ref("dealer_service.user_qc_inspector_demo").id})
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        order.action_deliver()
        return order

    @api.model
    def _stock_parts(self, env, products):
        """Parts on the shelf of the store's parts warehouse (an inventory adjustment)."""
        location = env.company.dealer_parts_warehouse_id.lot_stock_id
        quants = env["stock.quant"].with_context(inventory_mode=True).create([{
            "product_id": product.id, "location_id": location.id, "inventory_quantity": 10.0,
        } for product in products if product.with_context(location=location.id).qty_available < 2])
        quants.action_apply_inventory()

    @api.model
    def _claim(self, env, order, fault_code, cause):
        """The claims of the order (its warranty work, a campaign's), with their photos."""
        order.action_create_warranty_claims()
        for claim in order.dealer_claim_ids:
            claim.write({"photo_ids": [Command.create({
                "name": f"{claim.name}-{index}.png", "datas": PNG, "res_model": claim._name,
            }) for index in (1, 2)]})
        claim = order.dealer_claim_ids.filtered(lambda rec: rec.claim_type == "warranty")
        claim.write({"fault_code": fault_code, "cause": cause})
        return order.dealer_claim_ids

    @api.model
    def _goodwill(self, env, vehicle):
        """A car out of its warranty: the warranty clerk asks for goodwill, 50 % the OEM, 30 % the
        store, 20 % the customer; the appraiser approves it."""
        order = env["dealer.repair.order"].create({
            "company_id": env.company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id,
            "user_id": self.env.ref("dealer_service.user_advisor_demo").id, "mileage": 96300, "fuel_level": "full",
            "covers_fitted": True, "valuables_reminded": True, "old_part_choice": "leave",
            "customer_complaint": "发动机故障灯亮，加速无力",
            "line_ids": [Command.create({"line_type": "labour", "payer": "warranty",
                                         "labour_operation_id": self.env.ref("dealer_service.labour_m008_demo").id})],
        })
        order.action_check_in()
        clerk = self.env.ref("dealer_warranty.user_warranty_demo")
        appraisal = env["dealer.warranty.appraisal"].with_user(clerk).create({
            "company_id": env.company.id, "order_id": order.id, "decision": "goodwill",
            "line_ids": [Command.set(order.line_ids.ids)],
            "reason": "超出整车质保期半年，老客户，故障为节气门积碳，厂家支持商誉保修",
            "oem_percent": 50.0, "dealer_percent": 30.0, "customer_percent": 20.0,
        })
        appraisal.with_user(clerk).action_decide()
        appraisal.with_user(self.env.ref("dealer_warranty.user_appraiser_demo")).validate_tier()
        return appraisal

from odoo import api, fields, models

DEMO_PART_NAMES = [
    ("Oil filter", "机油滤清器"), ("Air filter", "空气滤清器"), ("Cabin filter", "空调滤清器"),
    ("Fuel filter", "燃油滤清器"), ("Front brake pads", "前刹车片"), ("Rear brake pads", "后刹车片"),
    ("Brake disc", "刹车盘"), ("Spark plug", "火花塞"), ("Wiper blade", "雨刮片"), ("Headlamp bulb", "大灯灯泡"),
    ("Water pump", "水泵"), ("Timing belt", "正时皮带"), ("Drive belt", "发动机皮带"), ("Thermostat", "节温器"),
    ("Shock absorber", "减震器"), ("Control arm", "下摆臂"), ("Tie rod end", "横拉杆球头"),
    ("Wheel bearing", "轮毂轴承"), ("Clutch kit", "离合器套件"), ("Battery", "蓄电池"),
    ("Ignition coil", "点火线圈"), ("Oxygen sensor", "氧传感器"), ("Front bumper", "前保险杠"),
    ("Door mirror", "后视镜"), ("Radiator", "散热器"),
]
DEMO_COSTS = [8.0, 15.0, 30.0, 45.0, 80.0, 120.0, 260.0, 480.0]
DEMO_MODELS = ["Sagitar", "Magotan", "Bora", "Jetta", "CC", "Tiguan L", "Passat", "Lavida"]


class DealerPartsDemo(models.AbstractModel):
    """Deterministic demo data of the parts warehouse."""

    _name = "dealer.parts.demo"
    _description = "Parts Demo Data"

    @api.model
    def _enable_stores(self):
        """Switch the parts discipline on in the demo stores, each in the warehouse it was created with."""
        for xmlid in ("base.main_company", "dealer_service.company_dalian_demo"):
            company = self.env.ref(xmlid, raise_if_not_found=False)
            if not company or company.dealer_parts_warehouse_id:
                continue
            warehouse = self.env["stock.warehouse"].search([("company_id", "=", company.id)], order="id")
            company.write({"dealer_parts_enabled": True, "dealer_parts_warehouse_id": warehouse[:1].id})
        return True

    @api.model
    def _generate(self):
        company = self.env.ref("base.main_company")
        Product = self.env["product.template"].with_company(company)
        if Product.search_count([("dealer_oem_number", "=like", "DEMO-%")]):
            return True
        warehouse = company.dealer_parts_warehouse_id
        brand = self.env["fleet.vehicle.model.brand"].search([("name", "=", "Volkswagen")], limit=1) or \
            self.env["fleet.vehicle.model.brand"].create({"name": "Volkswagen"})
        models_ = self.env["fleet.vehicle.model"]
        for name in DEMO_MODELS:
            models_ |= models_.search([("name", "=", name), ("brand_id", "=", brand.id)], limit=1) or \
                models_.create({"name": name, "brand_id": brand.id})
        suppliers = self.env["res.partner"].create([
            {"name": name, "is_company": True, "supplier_rank": 1} for name in (
                "FAW-VW Parts Centre 一汽大众配件中心", "Changchun Auto Parts 长春汽配",
                "Shanghai Jiading Parts 嘉定汽配城", "Beijing Bosch Service 北京博世")])
        garage = self.env["res.partner"].create({"name": "Shunfeng Logistics Fleet 顺丰车队", "is_company": True})
        garage.with_company(company).write({"dealer_account_customer": True, "credit_limit": 20000.0})
        bins = self.env["stock.location"]._dealer_create_bins(warehouse, "A", 4, 5, 10)
        values = []
        for i in range(200):
            en, zh = DEMO_PART_NAMES[i % len(DEMO_PART_NAMES)]
            model = DEMO_MODELS[(i // len(DEMO_PART_NAMES)) % len(DEMO_MODELS)]
            cost = DEMO_COSTS[i % len(DEMO_COSTS)] * (1 + (i % 3) / 10)
            values.append({
                "name": f"{en} {zh} ({model})",
                "dealer_oem_number": f"DEMO-{i + 1:03d}-{model[:2].upper()}",
                "dealer_brand_id": brand.id,
                "dealer_model_ids": [fields.Command.set(models_.filtered(lambda m, n=model: m.name == n).ids)],
                "is_storable": True,
                "type": "consu",
                "standard_price": round(cost, 2),
                "list_price": round(cost * 1.6, 2),
                "dealer_returnable": en in ("Water pump", "Shock absorber", "Control arm", "Battery", "Clutch kit",
                                            "Radiator", "Ignition coil", "Front brake pads", "Rear brake pads"),
                "seller_ids": [fields.Command.create({
                    "partner_id": suppliers[i % len(suppliers)].id, "price": round(cost, 2),
                    "company_id": company.id})],
            })
        templates = Product.create(values)
        for template, bin_location in zip(templates, bins, strict=False):
            template.dealer_default_bin_id = bin_location
        for template in templates[::4]:
            template.dealer_safety_stock = 2 + template.id % 4
        # opening stock: an inventory adjustment into each part's bin; every 7th part has none
        Quant = self.env["stock.quant"].with_context(inventory_mode=True).with_company(company)
        quants = Quant.create([{
            "product_id": template.product_variant_id.id,
            "location_id": bin_location.id,
            "inventory_quantity": 4 + (index % 9) * 3,
        } for index, (template, bin_location) in enumerate(zip(templates, bins, strict=False)) if index % 7])
        quants._apply_inventory()
        # counter sales over the year: they drive the ABC classes
        picking_type = warehouse.dealer_counter_type_id
        customer_location = warehouse.dealer_counter_type_id.default_location_dest_id
        for ticket_no in range(8):
            lines = [t for index, t in enumerate(templates) if index % 7 and (index + ticket_no) % 11 == 0]
            ticket = self.env["stock.picking"].with_company(company).create({
                "picking_type_id": picking_type.id,
                "dealer_doc_kind": "retail",
                "partner_id": self.env.ref("base.res_partner_12").id,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": customer_location.id,
                "move_ids": [fields.Command.create({
                    "product_id": template.product_variant_id.id,
                    "product_uom_qty": 1 + (template.id + ticket_no) % 3,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": customer_location.id,
                }) for template in lines],
            })
            ticket.action_confirm()
            ticket.action_assign()
            # cash first: the ticket's invoice is paid at the cashier
            ticket.action_dealer_register_payment()
            self.env["account.payment.register"].with_company(company).with_context(
                active_model="account.move", active_ids=ticket.dealer_invoice_id.ids).create({})._create_payments()
            ticket.with_context(skip_backorder=True, skip_sms=True,
                               picking_ids_not_to_backorder=ticket.ids).button_validate()
        self.env["product.template"]._dealer_compute_abc(company)
        # repair requisitions waiting for parts out of stock: back-orders for the purchase plan
        requisition_type = warehouse.dealer_requisition_type_id
        for start, plate in ((0, "京A8K321"), (7, "京B5M902"), (14, "京N1C776")):
            requisition = self.env["stock.picking"].with_company(company).create({
                "picking_type_id": requisition_type.id,
                "partner_id": self.env.ref("base.res_partner_12").id,
                "dealer_license_plate": plate,
                "location_id": warehouse.lot_stock_id.id,
                "location_dest_id": customer_location.id,
                "move_ids": [fields.Command.create({
                    "product_id": templates[index].product_variant_id.id,
                    "product_uom_qty": 2,
                    "location_id": warehouse.lot_stock_id.id,
                    "location_dest_id": customer_location.id,
                }) for index in (start, start + 21)],
            })
            requisition.action_confirm()
            requisition.action_assign()
        plan = self.env["dealer.parts.plan"].with_company(company).create({
            "company_id": company.id, "partner_id": suppliers[0].id})
        plan.action_gather()
        # a scrap request appraised by the service manager: the warranty supervisor and the parts manager are next
        bulb = templates[9].product_variant_id
        request = self.env["dealer.parts.scrap.request"].with_user(self.env.ref("dealer_parts.user_parts_demo")) \
            .with_company(company).create({
                "company_id": company.id,
                "line_ids": [fields.Command.create({
                    "product_id": bulb.id, "location_id": bins[9].id, "quantity": 2, "reason": "damaged",
                    "note": "运输途中灯罩破裂, 供应商拒赔",
                })],
            })
        request.action_submit()
        request.with_user(self.env.ref("dealer_service.user_service_manager_demo")).with_company(company).validate_tier()
        return True

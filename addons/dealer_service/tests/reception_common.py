import base64

from odoo.fields import Command

from odoo.addons.dealer_service.tests import common

# a 1x1 PNG, enough for a signature field
SIGNATURE = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
))
# valid VINs (check digit verified by hand: ISO 3779)
VIN_OK = "LSVAU218XN2183294"
VIN_OK_2 = "1M8GDM9AXKP042788"


class ReceptionCase(common.DealerCase):
    """A store with taxes, labour rates, a small labour catalogue, a stocked part,
    an OEM and an insurer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.tax13 = env["account.tax"].create({
            "name": "VAT 13% (test)", "amount": 13.0, "amount_type": "percent",
            "type_tax_use": "sale", "company_id": cls.store_a.id,
        })
        # the categories ship with their own income accounts in a store with a chart of accounts
        cls.categ_labour = env.ref("dealer_service.product_category_labour")
        cls.categ_parts = env.ref("dealer_service.product_category_parts")
        cls.labour_account = cls.categ_labour.with_company(cls.store_a).property_account_income_categ_id
        cls.parts_account = cls.categ_parts.with_company(cls.store_a).property_account_income_categ_id

        Rate = env["dealer.labour.rate"]
        Rate.create([
            {"company_id": cls.store_a.id, "trade": "mechanical", "rate": 200.0},
            {"company_id": cls.store_a.id, "trade": "body", "rate": 250.0},
            {"company_id": cls.store_b.id, "trade": "mechanical", "rate": 180.0},
        ])
        Operation = env["dealer.labour.operation"]
        cls.op_oil = Operation.create({
            "code": "M001", "name": "Oil change", "trade": "mechanical", "standard_hours": 1.0,
            "model_time_ids": [Command.create({"model_id": cls.car_model.id, "hours": 1.5})],
        })
        cls.op_brake = Operation.create({
            "code": "M002", "name": "Brake inspection", "trade": "mechanical", "standard_hours": 1.0,
        })
        cls.op_bumper = Operation.create({
            "code": "B001", "name": "Front bumper repair", "trade": "body", "standard_hours": 2.0,
        })
        (cls.op_oil | cls.op_brake | cls.op_bumper).product_id.write({"taxes_id": [Command.set(cls.tax13.ids)]})
        cls.oil_filter = env["product.product"].create({
            "name": "Oil filter", "type": "consu", "is_storable": True, "lst_price": 80.0,
            "categ_id": cls.categ_parts.id, "taxes_id": [Command.set(cls.tax13.ids)],
        })
        cls.warehouse_a = env["stock.warehouse"].search([("company_id", "=", cls.store_a.id)], limit=1)
        env["stock.quant"]._update_available_quantity(cls.oil_filter, cls.warehouse_a.lot_stock_id, 100.0)

        cls.oem = env["res.partner"].create({"name": "Testbrand Motor Co. (OEM)", "is_company": True})
        cls.car_model.brand_id.dealer_oem_partner_id = cls.oem
        cls.insurer = env["res.partner"].create({"name": "PICC Test Insurance", "is_company": True})

        cls.advisor_a = cls._make_user("h1_advisor_a", "dealer_service.dealer_service_group_advisor")
        cls.manager_a = cls._make_user("h1_manager_a", "dealer_service.dealer_service_group_manager")
        cls.technician_a = cls._make_user("h1_technician_a", "dealer_service.dealer_service_group_technician")
        cls.advisor_b = cls._make_user(
            "h1_advisor_b", "dealer_service.dealer_service_group_advisor", companies=cls.store_b,
        )

    def _reception_values(self, **extra):
        values = {
            "mileage": 12000,
            "fuel_level": "half",
            "covers_fitted": True,
            "valuables_reminded": True,
            "old_part_choice": "leave",
            "customer_complaint": "刹车时有异响 (noise when braking)",
            "diagnosis": "Front pads worn",
        }
        values.update(extra)
        return values

    def _checked_in_order(self, user=None, **extra):
        order = self._make_order(self.store_a, user or self.advisor_a)
        order.write(self._reception_values(**extra))
        order.action_check_in()
        return order

    def _sign(self, order):
        order.write({
            "diagnosis_signature": SIGNATURE, "diagnosis_signed_by": "Zhang Wei",
            "work_order_signature": SIGNATURE, "work_order_signed_by": "Zhang Wei",
        })

    def _issue_parts(self, order):
        """The warehouse issues the order's parts: its open parts pickings are validated (signed
        for the settlement first where the parts desk, dealer_parts, asks for it)."""
        pickings = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        if not pickings:
            return
        if "dealer_settlement_user_id" in pickings._fields:
            pickings.with_user(self.advisor_a).action_dealer_sign_settlement()
        pickings.with_context(skip_backorder=True, picking_ids_not_to_backorder=pickings.ids).button_validate()
        self.assertEqual(set(pickings.mapped("state")), {"done"})

    def _ready_for_delivery(self, order, **values):
        """An approved order repaired, through its final inspection, ready and its delivery
        checklist done (``values``: more fields the advisor fills at delivery)."""
        order.action_start_repair()
        order.action_request_quality_check()
        self._pass_final_inspection(order)
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True, **values})

    def _pass_final_inspection(self, order):
        """The QC inspector's passed final inspection (the workshop's part of the flow)."""
        self.env["dealer.quality.check"].with_user(self.manager_a).create({
            "order_id": order.id, "level": "final", "result": "passed",
        })

import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import unsealed
from odoo.addons.dealer_service.tests import reception_common

CLERK = "dealer_warranty.dealer_warranty_group_clerk"
APPRAISER = "dealer_warranty.dealer_warranty_group_appraiser"
PARTS_CLERK = "dealer_parts.dealer_parts_group_clerk"
# a valid VIN (ISO 3779 check digit) for the vehicle of the warranty tests
VIN = "LVVDB21B0RD012345"
PHOTO = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)


class WarrantyCase(reception_common.ReceptionCase):
    """Store A with its parts warehouse (old-part stores), the brand's warranty terms (3 years
    or 100,000 km, a powertrain warranty of 8 years or 150,000 km, oil filters as wear parts),
    a returnable water pump in stock, a technician, and the warranty roles as the demo users
    have them (warranty clerk, warranty appraiser), a parts clerk and an accountant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.warehouse_a.company_id.write({"dealer_parts_enabled": True,
                                          "dealer_parts_warehouse_id": cls.warehouse_a.id})
        cls.old_part_store = cls.warehouse_a.dealer_old_part_warranty_loc_id
        cls.brand = cls.car_model.brand_id
        cls.brand.write({"dealer_claim_deadline_days": 30, "dealer_claim_photo_count": 2,
                         "dealer_old_part_retention_days": 60})
        cls.op_pump = env["dealer.labour.operation"].create({
            "code": "E010", "name": "Water pump replacement", "trade": "mechanical", "standard_hours": 2.0,
        })
        cls.op_gearbox = env["dealer.labour.operation"].create({
            "code": "E020", "name": "Gearbox overhaul", "trade": "mechanical", "standard_hours": 6.0,
        })
        (cls.op_pump | cls.op_gearbox).product_id.write({"taxes_id": [Command.set(cls.tax13.ids)]})
        cls.pump = env["product.product"].create({
            "name": "Water pump 水泵", "type": "consu", "is_storable": True, "lst_price": 800.0,
            "standard_price": 500.0, "categ_id": cls.categ_parts.id, "dealer_oem_number": "1307010-E01",
            "dealer_returnable": True, "taxes_id": [Command.set(cls.tax13.ids)],
        })
        env["stock.quant"]._update_available_quantity(cls.pump, cls.warehouse_a.lot_stock_id, 10.0)
        cls.term = env["dealer.warranty.term"].create({
            "name": "Testbrand 3 years / 100,000 km", "brand_id": cls.brand.id, "months": 36, "mileage": 100000,
            "wear_product_ids": [Command.set(cls.oil_filter.ids)],
            "component_ids": [Command.create({
                "name": "Powertrain", "months": 96, "mileage": 150000,
                "labour_operation_ids": [Command.set(cls.op_gearbox.ids)],
            })],
        })
        cls.vehicle_a.write({"vin_sn": VIN, "dealer_warranty_start_date": fields.Date.today() - relativedelta(years=1)})
        cls.technician = env["hr.employee"].create({
            "name": "Ma Gong", "company_id": cls.store_a.id, "dealer_trade": "mechanical",
        })
        cls.clerk = cls._make_user("w_clerk", CLERK, companies=cls.store_a)
        cls.appraiser = cls._make_user("w_appraiser", APPRAISER, companies=cls.store_a)
        cls.clerk_b = cls._make_user("w_clerk_b", CLERK, companies=cls.store_b)
        cls.parts_clerk = cls._make_user("w_parts_clerk", PARTS_CLERK, companies=cls.store_a)
        # exactly the groups of the demo login `accountant` (Billing Administrator)
        cls.accountant = cls._make_user("w_accountant", "account.group_account_manager", companies=cls.store_a)
        cls.reason = env["dealer.warranty.reason"].create({"code": "R07", "name": "Labour time above standard"})

    # ------------------------------------------------------------ the repair
    def _warranty_order(self, mileage=30000, **extra):
        """A checked-in order of vehicle A: the customer's oil change, and under warranty the
        water pump (2 h labour and the returnable part)."""
        order = self._checked_in_order(mileage=mileage, **extra)
        order.write({"line_ids": [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_pump.id, "payer": "warranty"}),
            Command.create({"line_type": "part", "product_id": self.pump.id, "quantity": 1, "payer": "warranty"}),
        ]})
        return order

    def _clock(self, order, line, hours):
        """The technician clocked ``hours`` on the job of ``line``."""
        job = order.job_ids.filtered(lambda rec: rec.line_id == line)
        if not job:
            job = self.env["dealer.repair.job"].create({"order_id": order.id, "line_id": line.id, "name": line.name,
                                                         "technician_id": self.technician.id})
        start = fields.Datetime.now() - timedelta(hours=hours + 1)
        with unsealed(self.env):  # the time the technician clocked earlier, as a fixture
            self.env["dealer.repair.job.time"].create({
                "job_id": job.id, "employee_id": self.technician.id,
                "date_start": start, "date_stop": start + timedelta(hours=hours),
            })
        return job

    def _book_old_parts(self, order):
        """The technician hands in the old parts; the parts clerk books them in."""
        moves = order.picking_ids.move_ids.filtered(lambda move: move.dealer_old_part_state == "required")
        moves.with_user(self.parts_clerk).action_dealer_book_old_part()
        return moves.dealer_old_part_move_id.dealer_warranty_tag_ids

    def _delivered_order(self, clocked=2.0, book=True, **extra):
        order = self._warranty_order(**extra)
        self._sign(order)
        order.action_approve()
        labour = order.line_ids.filtered(lambda rec: rec.labour_operation_id == self.op_pump)
        self._clock(order, labour, clocked).write({"state": "done", "date_done": fields.Datetime.now()})
        if book:
            self._book_old_parts(order)
        else:
            order.picking_ids.move_ids.filtered(
                lambda move: move.dealer_old_part_state == "required",
            ).with_user(self.env.ref("base.user_admin"))._dealer_exempt_old_part("lost in the test")
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        return order

    def _claim(self, order, photos=2):
        claim = order.with_user(self.clerk).action_create_warranty_claims()
        claim = self.env["dealer.warranty.claim"].browse(claim["res_id"])
        if photos:
            claim.with_user(self.clerk).write({"fault_code": "P0217", "cause": "水泵轴承损坏漏水",
                                               "photo_ids": [Command.create({"name": f"photo{i}.png", "datas": PHOTO})
                                                             for i in range(photos)]})
        return claim

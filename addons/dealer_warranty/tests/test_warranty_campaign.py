from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.dealer_service.tests.reception_common import VIN_OK, VIN_OK_2

from . import common

IMPORT_OPTIONS = {
    "import_skip_records": [], "import_set_empty_fields": [], "fallback_values": {},
    "name_create_enabled_fields": {}, "encoding": "", "separator": ",", "quoting": '"', "date_format": "",
    "datetime_format": "", "float_thousand_separator": ",", "float_decimal_separator": ".", "advanced": True,
    "has_headers": True, "keep_matches": False, "limit": 2000, "skip": 0, "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestWarrantyCampaign(common.WarrantyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.op_recall = cls.env["dealer.labour.operation"].create({
            "code": "RC01", "name": "Fuel pump connector inspection", "trade": "mechanical", "standard_hours": 0.5,
        })
        cls.seal = cls.env["product.product"].create({
            "name": "Connector seal 密封圈", "type": "consu", "is_storable": True, "lst_price": 35.0,
            "categ_id": cls.categ_parts.id, "dealer_oem_number": "1106015-RC1",
        })
        cls.env["stock.quant"]._update_available_quantity(cls.seal, cls.warehouse_a.lot_stock_id, 10.0)
        cls.campaign = cls.env["dealer.warranty.campaign"].with_user(cls.clerk).create({
            "code": "RC2026-01", "name": "燃油泵插接件检查 (fuel pump connector)", "kind": "recall",
            "brand_id": cls.brand.id,
            "line_ids": [
                Command.create({"line_type": "labour", "labour_operation_id": cls.op_recall.id}),
                Command.create({"line_type": "part", "product_id": cls.seal.id, "quantity": 2}),
            ],
        })
        cls.campaign.with_user(cls.clerk).action_open()

    def _import(self, user, rows, company=None):
        csv = "Campaign,VIN\n" + "".join(f"{code},{vin}\n" for code, vin in rows)
        env = self.env(user=user, context=dict(self.env.context, allowed_company_ids=(company or self.store_a).ids))
        wizard = env["base_import.import"].create({
            "res_model": "dealer.warranty.campaign.vehicle", "file": csv.encode(), "file_type": "text/csv",
            "file_name": "oem_vins.csv",
        })
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        self.assertFalse(preview.get("error"), preview)
        field_names = ["/".join(match) for match in preview["matches"].values()]
        self.assertEqual(field_names, ["campaign_id", "vin"])
        return wizard.execute_import(field_names, preview["headers"], dict(IMPORT_OPTIONS))

    def test_vins_imported_alert_at_check_in_and_work_added_as_warranty_lines(self):
        result = self._import(self.clerk, [("RC2026-01", common.VIN), ("RC2026-01", VIN_OK.lower())])
        self.assertFalse(result["messages"], result)
        vins = self.campaign.vehicle_ids
        self.assertEqual(sorted(vins.mapped("vin")), sorted([common.VIN, VIN_OK]))
        self.assertEqual(vins.company_id, self.store_a)
        self.assertEqual(vins.filtered(lambda vin: vin.vin == common.VIN).vehicle_id, self.vehicle_a)
        # the group's other store has a VIN of its own
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= self.store_b
        self.assertFalse(self._import(admin, [("RC2026-01", VIN_OK_2)], company=self.store_b)["messages"])
        # a typing error in the OEM's list is refused with the line to correct
        result = self._import(self.clerk, [("RC2026-01", "LVVDB21B8RD012345")])
        self.assertIn("is not a valid VIN", result["messages"][0]["message"])

        # the appointment already tells the advisor
        appointment = self.env["dealer.appointment"].with_user(self.advisor_a).create({
            "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id, "date_start": fields.Datetime.now(),
        })
        self.assertIn("RC2026-01", appointment.dealer_campaign_alert)
        # out of its warranty for years: a recall is done free of charge all the same
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(years=9)
        appointment.with_user(self.advisor_a).action_arrive()
        order = appointment.repair_order_id.with_user(self.advisor_a)
        order.write(self._reception_values())
        order.action_check_in()
        self.assertIn("RC2026-01", order.dealer_campaign_alert)
        self.assertTrue(any("Open campaigns for this VIN: [RC2026-01]" in body
                            for body in order.message_ids.mapped("body")), "check-in logs the alert on the order")
        order.action_add_campaign_lines()
        self.assertFalse(order.dealer_campaign_alert, "the campaign's work is on the order")
        vin = vins.filtered(lambda rec: rec.vin == common.VIN)
        self.assertRecordValues(order.line_ids, [
            {"line_type": "labour", "labour_operation_id": self.op_recall.id, "quantity": 0.5, "payer": "warranty",
             "payer_partner_id": self.oem.id, "dealer_campaign_vehicle_id": vin.id, "approval_state": "not_required"},
            {"line_type": "part", "labour_operation_id": False, "quantity": 2.0, "payer": "warranty",
             "payer_partner_id": self.oem.id, "dealer_campaign_vehicle_id": vin.id, "approval_state": "not_required"},
        ])
        self.assertEqual(order.line_ids[1].product_id, self.seal)
        self._sign(order)
        order.action_approve()
        self.assertRecordValues(vin, [{"state": "open", "repair_order_id": order.id}])
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        self.assertRecordValues(vin, [{"state": "done", "repair_order_id": order.id, "done_rate": 100.0}])
        # completion per store: A did 1 of its 2 VINs, B none of its 1
        completion = self.campaign.with_user(admin).with_context(
            allowed_company_ids=(self.store_a | self.store_b).ids)._dealer_completion_by_store()[self.campaign.id]
        self.assertEqual(
            {store: (values["done"], values["total"], values["rate"]) for store, values in completion.items()},
            {self.store_a: (1, 2, 50.0), self.store_b: (0, 1, 0.0)})
        self.assertRecordValues(self.campaign.with_user(self.clerk), [{"vehicle_count": 2, "done_count": 1,
                                                                       "completion_rate": 50.0}])
        # its claim is a campaign claim
        claim = self._claim(order)
        self.assertRecordValues(claim, [{"claim_type": "campaign", "campaign_id": self.campaign.id}])

    def test_advisor_cannot_mark_a_line_as_campaign_work(self):
        self._import(self.clerk, [("RC2026-01", common.VIN)])
        order = self._checked_in_order()
        with self.assertRaisesRegex(Exception, "change only through the document's own buttons"):
            order.with_user(self.advisor_a).write({"line_ids": [Command.create({
                "line_type": "labour", "labour_operation_id": self.op_pump.id, "payer": "warranty",
                "dealer_campaign_vehicle_id": self.campaign.vehicle_ids.id,
            })]})

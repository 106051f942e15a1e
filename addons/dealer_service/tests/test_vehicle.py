from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.dealer_service.models.fleet_vehicle import vin_check_digit
from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestVehicle(reception_common.ReceptionCase):

    def test_vin_check_digit(self):
        self.assertEqual(vin_check_digit("1M8GDM9AXKP042788"), "X")
        self.assertEqual(vin_check_digit("11111111111111111"), "1")
        self.assertEqual(vin_check_digit(reception_common.VIN_OK), "X")
        self.assertIsNone(vin_check_digit("1M8GDM9AXKP04278"))

    def test_valid_vin_is_normalised_and_searchable(self):
        vehicle = self._make_vehicle(self.store_a, "京A99999")
        vehicle.vin_sn = " lsvau218xn2183294 "
        self.assertEqual(vehicle.vin_sn, "LSVAU218XN2183294")
        Vehicle = self.env["fleet.vehicle"].with_user(self.advisor_a)
        self.assertEqual(Vehicle.name_search("2183294")[0][0], vehicle.id)
        self.assertEqual(Vehicle.search([("license_plate", "ilike", "A99999")]), vehicle)
        vehicle.customer_id = self.customer
        self.assertIn(vehicle.id, [vid for vid, _name in Vehicle.name_search("Zhang Wei")])

    def test_bad_vins_are_refused_and_nothing_written(self):
        vehicle = self._make_vehicle(self.store_a, "京A88888")
        cases = {
            "LSVAU218XN218329": "has 16 characters",
            "LSVAU218XN21832O4": "I, O and Q never appear",
            "LSVAU2180N2183294": r"check digit \(9th character\) is 0 but should be X",
        }
        for vin, message in cases.items():
            with self.subTest(vin=vin), self.assertRaisesRegex(ValidationError, message):
                with self.env.cr.savepoint():
                    vehicle.write({"vin_sn": vin})
            vehicle.invalidate_recordset(["vin_sn"])
            self.assertFalse(vehicle.vin_sn)
        with self.assertRaisesRegex(ValidationError, "check digit"), self.env.cr.savepoint():
            self.env["fleet.vehicle"].create({
                "model_id": self.car_model.id, "license_plate": "京A77777", "vin_sn": "LSVAU2180N2183294",
            })
        self.assertFalse(self.env["fleet.vehicle"].search([("license_plate", "=", "京A77777")]))

    def test_plate_unique_per_store(self):
        with self.assertRaisesRegex(ValidationError, "京A12345 is already registered"), self.env.cr.savepoint():
            self._make_vehicle(self.store_a, "京A 12345")
        self.assertEqual(self.env["fleet.vehicle"].search_count([("license_plate", "=", "京A12345")]), 1)
        # the same plate in another store is another record of the group
        other = self._make_vehicle(self.store_b, "京A12345")
        self.assertEqual(other.company_id, self.store_b)

    def test_repair_history_and_mileage_per_visit(self):
        order = self._checked_in_order()
        self.assertEqual(self.vehicle_a.dealer_repair_order_count, 1)
        self.assertEqual(self.vehicle_a.dealer_repair_order_ids, order)
        self.assertEqual(self.vehicle_a.odometer, 12000)
        self.assertEqual(order.odometer_id.dealer_repair_order_id, order)
        self.assertEqual(self.vehicle_a.customer_id, self.customer)
        action = self.vehicle_a.action_view_dealer_repair_orders()
        self.assertEqual(action["domain"], [("vehicle_id", "=", self.vehicle_a.id)])


@tagged("post_install", "-at_install")
class TestNumberingPerStore(reception_common.ReceptionCase):

    def test_each_store_numbers_its_documents(self):
        store_c, store_d = self.env["res.company"].create([{"name": "Store C (test)"}, {"name": "Store D (test)"}])
        sequences = self.env["ir.sequence"].search([
            ("code", "=", "dealer.repair.order"), ("company_id", "in", (store_c | store_d).ids),
        ])
        self.assertEqual(sequences.company_id, store_c | store_d)
        names = []
        for store in (store_c, store_d, store_c):
            vehicle = self._make_vehicle(store, f"粤B{len(names)}0001")
            names.append(self.env["dealer.repair.order"].with_company(store).create({
                "partner_id": self.customer.id, "vehicle_id": vehicle.id, "company_id": store.id,
            }).name)
        numbers = [int(name[-5:]) for name in names]
        self.assertEqual(numbers[1], numbers[0], "each store counts on its own")
        self.assertEqual(numbers[2], numbers[0] + 1)
        # creating the sequences again adds nothing
        (store_c | store_d)._dealer_create_sequences()
        self.assertEqual(len(self.env["ir.sequence"].search([
            ("code", "=", "dealer.repair.order"), ("company_id", "in", (store_c | store_d).ids),
        ])), 2)

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# ISO 3779 / GB 16735: value of each VIN character and weight of each position
VIN_TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit(vin):
    """Return the check digit ('0'-'9' or 'X') a 17-character VIN must carry at
    position 9, or None when the VIN has a character a VIN cannot have."""
    if len(vin) != 17 or any(char not in VIN_TRANSLITERATION for char in vin):
        return None
    remainder = sum(VIN_TRANSLITERATION[char] * weight for char, weight in zip(vin, VIN_WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"
    _rec_names_search = ["name", "driver_id.name", "license_plate", "vin_sn", "customer_id.name"]

    customer_id = fields.Many2one(
        "res.partner", string="Owner", index=True, tracking=True, check_company=True,
        help="The customer who owns the vehicle and is the default customer of its repair orders.",
    )
    vin_sn = fields.Char(index="trigram")
    license_plate = fields.Char(index="trigram")
    dealer_repair_order_ids = fields.One2many(
        "dealer.repair.order", "vehicle_id", string="Repair Orders",
    )
    dealer_repair_order_count = fields.Integer(
        string="Repair Order Count", compute="_compute_dealer_repair_order_count",
    )

    _license_plate_company_uniq = models.UniqueIndex(
        "(license_plate, company_id) WHERE license_plate IS NOT NULL AND active IS TRUE",
        "A licence plate can only be registered once per store.",
    )

    def _get_odometer(self):
        """The odometer is the highest reading since the instrument cluster was last replaced."""
        super()._get_odometer()
        Odometer = self.env["fleet.vehicle.odometer"]
        replacements = Odometer.search(
            [("vehicle_id", "in", self.ids), ("dealer_cluster_replaced", "=", True)], order="date desc, id desc",
        )
        for vehicle in self:
            replacement = replacements.filtered(lambda reading, vehicle=vehicle: reading.vehicle_id == vehicle)[:1]
            if replacement:
                since = Odometer.search([
                    ("vehicle_id", "=", vehicle.id),
                    "|", ("date", ">", replacement.date),
                    "&", ("date", "=", replacement.date), ("id", ">=", replacement.id),
                ], order="value desc", limit=1)
                vehicle.odometer = since.value

    @api.depends("dealer_repair_order_ids")
    def _compute_dealer_repair_order_count(self):
        counts = dict(self.env["dealer.repair.order"]._read_group(
            [("vehicle_id", "in", self.ids)], ["vehicle_id"], ["__count"],
        ))
        for vehicle in self:
            vehicle.dealer_repair_order_count = counts.get(vehicle, 0)

    @api.constrains("vin_sn")
    def _check_vin_sn(self):
        for vehicle in self.filtered("vin_sn"):
            vin = vehicle.vin_sn
            if len(vin) != 17:
                raise ValidationError(self.env._(
                    "The VIN %(vin)s has %(length)s characters: a VIN has exactly 17.",
                    vin=vin, length=len(vin),
                ))
            forbidden = sorted({char for char in vin if char in "IOQ"})
            if forbidden:
                raise ValidationError(self.env._(
                    "The VIN %(vin)s contains %(chars)s: the letters I, O and Q never appear in a VIN "
                    "(check whether they are the digits 1 and 0).",
                    vin=vin, chars=", ".join(forbidden),
                ))
            expected = vin_check_digit(vin)
            if expected is None:
                raise ValidationError(self.env._(
                    "The VIN %(vin)s may only contain capital letters and digits.", vin=vin,
                ))
            if vin[8] != expected:
                raise ValidationError(self.env._(
                    "The VIN %(vin)s is not valid: its check digit (9th character) is %(found)s "
                    "but should be %(expected)s. Check the VIN for a typing error.",
                    vin=vin, found=vin[8], expected=expected,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalize_dealer_identifiers(vals)
            if vals.get("license_plate"):
                company = self.env["res.company"].browse(vals.get("company_id", self.env.company.id))
                self._check_license_plate_free(vals["license_plate"], company)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_dealer_identifiers(vals)
        if vals.get("license_plate") or vals.get("company_id"):
            for vehicle in self:
                company = self.env["res.company"].browse(vals.get("company_id", vehicle.company_id.id))
                plate = vals.get("license_plate", vehicle.license_plate)
                if plate:
                    vehicle._check_license_plate_free(plate, company)
        return super().write(vals)

    @api.model
    def _normalize_dealer_identifiers(self, vals):
        if vals.get("vin_sn"):
            vals["vin_sn"] = vals["vin_sn"].strip().upper()
        if vals.get("license_plate"):
            vals["license_plate"] = "".join(vals["license_plate"].split()).upper()

    def _check_license_plate_free(self, plate, company):
        """Refuse a plate already registered on another vehicle of the store, with a clear
        message (the unique index guarantees it in the database)."""
        duplicate = self.search([
            ("id", "not in", self.ids),
            ("license_plate", "=", plate),
            ("company_id", "=", company.id),
        ], limit=1)
        if duplicate:
            raise ValidationError(self.env._(
                "The licence plate %(plate)s is already registered in %(store)s on %(vehicle)s: "
                "open that vehicle instead of creating a new one.",
                plate=plate, store=company.display_name or "-", vehicle=duplicate.display_name,
            ))

    def action_view_dealer_repair_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_service.dealer_repair_order_action")
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {
            "default_vehicle_id": self.id,
            "default_partner_id": self.customer_id.id,
            "default_company_id": self.company_id.id or self.env.company.id,
        }
        return action

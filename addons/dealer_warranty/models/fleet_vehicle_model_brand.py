from odoo import fields, models


class FleetVehicleModelBrand(models.Model):
    _inherit = "fleet.vehicle.model.brand"

    dealer_claim_deadline_days = fields.Integer(
        string="Claim Deadline (days)", default=30,
        help="The OEM accepts a warranty claim only within this many days after the repair (the vehicle's delivery).",
    )
    dealer_claim_photo_count = fields.Integer(
        string="Photos per Claim", default=2,
        help="Photos the OEM requires on every warranty claim (the fault, the old part).",
    )
    dealer_old_part_retention_days = fields.Integer(
        string="Old-Part Retention (days)", default=90,
        help="Old parts of a claim are kept this many days for the OEM's return request; after that, the store "
             "may dispose of them (with approval).",
    )
    dealer_warranty_term_ids = fields.One2many("dealer.warranty.term", "brand_id", string="Warranty Terms")

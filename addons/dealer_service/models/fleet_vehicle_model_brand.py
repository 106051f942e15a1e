from odoo import fields, models


class FleetVehicleModelBrand(models.Model):
    _inherit = "fleet.vehicle.model.brand"

    dealer_oem_partner_id = fields.Many2one(
        "res.partner", string="OEM (warranty payer)",
        help="The maker billed for the warranty lines of this brand's vehicles.",
    )

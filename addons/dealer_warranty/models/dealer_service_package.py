from odoo import fields, models


class DealerServicePackage(models.Model):
    _inherit = "dealer.service.package"

    dealer_oem_free = fields.Boolean(
        string="Free by the OEM",
        help="The maker pays this package (a new car's free first service): added to a repair order, its lines "
             "are warranty lines, claimed from the OEM as a free service.",
    )

from odoo import fields, models


class FleetVehicleOdometer(models.Model):
    _inherit = "fleet.vehicle.odometer"

    dealer_repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", readonly=True,
        help="The visit at which this mileage was read at check-in.",
    )
    dealer_cluster_replaced = fields.Boolean(
        string="Instrument Cluster Replaced", readonly=True,
        help="A service manager accepted this reading below the last one (instrument cluster replaced): "
        "later visits are compared with the readings from this one on.",
    )

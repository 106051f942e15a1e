from odoo import fields, models


class DealerCsiLostReason(models.Model):
    """Why a customer stopped coming (流失原因), for the lost-customer analysis."""

    _name = "dealer.csi.lost.reason"
    _description = "Lost-Customer Reason"
    _order = "sequence, id"

    name = fields.Char(string="Reason", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

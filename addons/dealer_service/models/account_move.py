from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    dealer_repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index="btree_not_null", readonly=True, copy=False,
    )

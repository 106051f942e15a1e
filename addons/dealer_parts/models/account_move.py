from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # the inverse of the parts documents' invoice: a change of an invoice finds its
    # documents (whose Paid and Settled follow its payment) in the cache, not by a search
    dealer_parts_picking_ids = fields.One2many("stock.picking", "dealer_invoice_id", string="Parts Documents")

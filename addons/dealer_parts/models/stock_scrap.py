from odoo import fields, models


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    dealer_scrap_request_id = fields.Many2one("dealer.parts.scrap.request", string="Scrap Request", readonly=True,
                                              index="btree_not_null", check_company=True)

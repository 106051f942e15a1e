from odoo import api, fields, models
from odoo.tools import frozendict


class DealerRepairOrderLine(models.Model):
    _inherit = "dealer.repair.order.line"

    payer = fields.Selection(selection_add=[("fleet", "Fleet Account")], ondelete={"fleet": "set default"})

    @api.depends("order_id.partner_id.parent_id")
    def _compute_payer_partner_id(self):
        super()._compute_payer_partner_id()

    def _get_payer_partner_fleet(self):
        """A fleet account is billed to the company the customer drives for."""
        return self.order_id.partner_id.parent_id

    def _get_invoice_grouping_key(self):
        key = super()._get_invoice_grouping_key()
        if self.payer != "fleet":
            return key
        # the fleet books labour and parts apart: one invoice per line type
        return frozendict(key, dealer_fleet_line_type=self.line_type)

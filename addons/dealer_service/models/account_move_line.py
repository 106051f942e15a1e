from odoo import api, fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # set when a repair order is invoiced (dealer.repair.order.line._prepare_invoice_line_values) and
    # carried to credit notes; a plain invoice leaves them empty
    dealer_repair_line_id = fields.Many2one(
        "dealer.repair.order.line", string="Repair Order Line", index="btree_not_null", readonly=True,
        copy=False, ondelete="set null",
    )
    dealer_line_type = fields.Selection(
        selection="_selection_dealer_line_type", string="Repair Line Type", readonly=True, copy=False,
        help="Labour, part, sublet or accessory: the type of the repair order line this line bills.",
    )
    dealer_trade = fields.Selection(
        selection="_selection_dealer_trade", string="Repair Trade", readonly=True, copy=False,
    )
    dealer_payer = fields.Selection(
        selection="_selection_dealer_payer", string="Repair Payer", readonly=True, copy=False,
    )

    @api.model
    def _selection_dealer_line_type(self):
        return self.env["dealer.repair.order.line"]._fields["line_type"].selection

    @api.model
    def _selection_dealer_trade(self):
        return self.env["dealer.repair.order.line"]._fields["trade"].selection

    @api.model
    def _selection_dealer_payer(self):
        return self.env["dealer.repair.order.line"]._fields["payer"].selection

    def _copy_data_extend_business_fields(self, values):
        # a credit note's line stays linked to the repair order line it corrects
        super()._copy_data_extend_business_fields(values)
        values.update(
            dealer_repair_line_id=self.dealer_repair_line_id.id,
            dealer_line_type=self.dealer_line_type,
            dealer_trade=self.dealer_trade,
            dealer_payer=self.dealer_payer,
        )

from odoo import api, fields, models

from odoo.addons.dealer_service.sealed import check_sealed


class DealerCommissionSheetItem(models.Model):
    """One rule's contribution to an employee's commission, with its formula."""

    _name = "dealer.commission.sheet.item"
    _description = "Commission Contribution"
    _order = "line_id, sequence, id"

    line_id = fields.Many2one("dealer.commission.sheet.line", string="Line", required=True, ondelete="cascade",
                              index=True)
    sequence = fields.Integer()
    rule_id = fields.Many2one("dealer.commission.rule", string="Rule", required=True, ondelete="restrict")
    amount = fields.Float(string="Amount", digits="Account")
    formula = fields.Char(string="Formula")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, list(vals), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, list(vals))
        return super().write(vals)

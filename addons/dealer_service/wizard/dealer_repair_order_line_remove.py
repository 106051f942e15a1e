from odoo import fields, models


class DealerRepairOrderLineRemove(models.TransientModel):
    """Take lines off a repair order with the reason, logged on the order: their parts
    not issued yet go back to the warehouse."""

    _name = "dealer.repair.order.line.remove"
    _description = "Remove Lines from a Repair Order"

    line_ids = fields.Many2many("dealer.repair.order.line", string="Lines", required=True)
    reason = fields.Text(required=True, help="Why the lines are no longer done, e.g. the part was not needed.")

    def action_remove(self):
        self.ensure_one()
        self.line_ids._remove_from_order(self.reason)
        return {"type": "ir.actions.act_window_close"}

from odoo import api, fields, models


class DealerRepairOrderPackageWizard(models.TransientModel):
    """Expand a maintenance package into labour and part lines of a repair order."""

    _name = "dealer.repair.order.package.wizard"
    _description = "Add a Maintenance Package"

    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", required=True)
    vehicle_model_id = fields.Many2one(related="order_id.vehicle_id.model_id")
    company_id = fields.Many2one(related="order_id.company_id")
    package_id = fields.Many2one(
        "dealer.service.package", string="Package", required=True,
        domain="[('company_id', 'in', (False, company_id)), '|', ('model_ids', '=', False), "
        "('model_ids', 'in', vehicle_model_id)]",
    )
    payer = fields.Selection(selection="_selection_payer", required=True, default="customer")

    @api.model
    def _selection_payer(self):
        # the repair order lines' payers, with those other modules add
        return self.env["dealer.repair.order.line"]._fields["payer"].selection

    def action_apply(self):
        self.ensure_one()
        self.order_id._add_service_package(self.package_id, payer=self.payer)
        return {"type": "ir.actions.act_window_close"}

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import unsealed


class DealerHealthCheck(models.Model):
    _inherit = "dealer.health.check"

    dealer_pdi = fields.Boolean(related="template_id.dealer_pdi")
    dealer_pdi_line_id = fields.Many2one("dealer.repair.order.line", string="PDI Claim Line", readonly=True,
                                         copy=False)

    def action_dealer_claim_pdi(self):
        """The PDI made on a new car is the OEM's: its labour operation becomes a warranty line of
        the order, claimed from the OEM as a PDI claim."""
        for check in self:
            operation = check.template_id.dealer_pdi_labour_operation_id
            if not check.dealer_pdi or not operation:
                raise UserError(self.env._(
                    "%(check)s is not made from a PDI checklist with its OEM labour operation: set them on the "
                    "health check template.", check=check.display_name))
            if check.dealer_pdi_line_id:
                raise UserError(self.env._("The PDI of %(check)s is on the order already.", check=check.display_name))
            if check.order_id.state in ("delivered", "invoiced", "cancel"):
                raise UserError(self.env._("Order %(order)s is closed: add the PDI while it is open.",
                                           order=check.order_id.name))
            with unsealed(self.env):
                line = self.env["dealer.repair.order.line"].create({
                    "order_id": check.order_id.id, "line_type": "labour", "labour_operation_id": operation.id,
                    "payer": "warranty", "dealer_claim_type": "pdi",
                })
                check.dealer_pdi_line_id = line
        return True

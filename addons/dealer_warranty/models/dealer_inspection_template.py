from odoo import api, fields, models


class DealerInspectionTemplate(models.Model):
    _inherit = "dealer.inspection.template"

    dealer_pdi = fields.Boolean(
        string="Pre-Delivery Inspection",
        help="The maker's PDI checklist of a new car: a health check made from it is claimed from the OEM.",
    )
    dealer_pdi_labour_operation_id = fields.Many2one(
        "dealer.labour.operation", string="PDI Labour Operation",
        help="The OEM's labour operation of the PDI, claimed at the OEM's hours and warranty labour rate.",
    )

    @api.model
    def _dealer_template_domain(self, company):
        """A PDI checklist is chosen on purpose, never by default."""
        return [*super()._dealer_template_domain(company), ("dealer_pdi", "=", False)]

from odoo import api, fields, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    dealer_warranty_start_date = fields.Date(
        string="Warranty Start", compute="_compute_dealer_warranty_start_date", store=True, readonly=False,
        help="The day the maker's warranty started: the sale (registration) date of the new car.",
    )

    @api.depends("acquisition_date")
    def _compute_dealer_warranty_start_date(self):
        for vehicle in self:
            vehicle.dealer_warranty_start_date = vehicle.acquisition_date

    def _dealer_warranty_term(self):
        """The maker's warranty terms of this vehicle: those of its model, else its brand's."""
        self.ensure_one()
        if not self.brand_id:
            return self.env["dealer.warranty.term"]
        terms = self.env["dealer.warranty.term"].search([("brand_id", "=", self.brand_id.id)])
        return (terms.filtered(lambda term: self.model_id in term.model_ids)
                or terms.filtered(lambda term: not term.model_ids))[:1]

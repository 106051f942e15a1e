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
        return self._dealer_warranty_terms()[self]

    def _dealer_warranty_terms(self):
        """``{vehicle: its warranty terms}`` for these vehicles, in one search."""
        terms = self.env["dealer.warranty.term"].search([("brand_id", "in", self.brand_id.ids)]) \
            if self.brand_id else self.env["dealer.warranty.term"]
        result = {}
        for vehicle in self:
            mine = terms.filtered(lambda term, vehicle=vehicle: term.brand_id == vehicle.brand_id)
            result[vehicle] = (mine.filtered(lambda term, vehicle=vehicle: vehicle.model_id in term.model_ids)
                               or mine.filtered(lambda term: not term.model_ids))[:1]
        return result

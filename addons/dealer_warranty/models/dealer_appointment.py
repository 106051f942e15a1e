from odoo import api, fields, models


class DealerAppointment(models.Model):
    _inherit = "dealer.appointment"

    dealer_campaign_vehicle_ids = fields.Many2many(
        "dealer.warranty.campaign.vehicle", string="Open Campaigns", compute="_compute_dealer_campaigns",
        help="Open recall and service campaigns listing this vehicle's VIN: plan their work with the visit.",
    )
    dealer_campaign_alert = fields.Char(string="Campaign Alert", compute="_compute_dealer_campaigns")

    @api.depends("vehicle_id.vin_sn", "company_id")
    def _compute_dealer_campaigns(self):
        open_vins = self.env["dealer.warranty.campaign.vehicle"]._dealer_open_for_vins(
            self.vehicle_id.mapped("vin_sn"))
        for appointment in self:
            found = open_vins.filtered(lambda vin, rec=appointment: vin.vin == rec.vehicle_id.vin_sn
                                       and vin.company_id == rec.company_id)
            appointment.dealer_campaign_vehicle_ids = found
            appointment.dealer_campaign_alert = bool(found) and self.env._(
                "Open campaigns for this VIN: %(campaigns)s. Plan their work with the visit (free of charge).",
                campaigns=", ".join(found.campaign_id.mapped("display_name")))

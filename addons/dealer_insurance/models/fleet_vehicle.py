from odoo import api, fields, models


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    dealer_is_rescue_vehicle = fields.Boolean(
        string="Rescue Vehicle", help="A tow truck or service van of the store that goes out on rescue calls.",
    )
    dealer_insurance_policy_ids = fields.One2many(
        "dealer.insurance.policy", "vehicle_id", string="Insurance Policies",
        groups="dealer_service.dealer_service_group_advisor,dealer_insurance.dealer_insurance_group_clerk",
    )
    dealer_insurance_policy_count = fields.Integer(
        string="Policies", compute="_compute_dealer_insurance_policy_count",
        groups="dealer_service.dealer_service_group_advisor,dealer_insurance.dealer_insurance_group_clerk",
    )

    @api.depends("dealer_insurance_policy_ids")
    def _compute_dealer_insurance_policy_count(self):
        for vehicle in self:
            vehicle.dealer_insurance_policy_count = len(vehicle.dealer_insurance_policy_ids)

    def action_view_dealer_insurance_policies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_insurance.dealer_insurance_policy_action")
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id, "default_company_id": self.company_id.id}
        return action

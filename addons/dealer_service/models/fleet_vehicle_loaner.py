from odoo import api, fields, models


class FleetVehicle(models.Model):
    """Workshop side of the vehicle: loaner flag and declined work."""

    _inherit = "fleet.vehicle"

    dealer_is_loaner = fields.Boolean(
        string="Loaner Car", help="A car of the store lent to customers during long repairs (代步车).",
    )
    dealer_declined_work_ids = fields.One2many(
        "dealer.declined.work", "vehicle_id", string="Declined Work",
    )
    dealer_open_declined_count = fields.Integer(
        string="Open Declined Work", compute="_compute_dealer_open_declined_count",
    )
    dealer_loan_ids = fields.One2many("dealer.loaner.loan", "loaner_vehicle_id", string="Loans")
    dealer_is_lent = fields.Boolean(string="Lent Out", compute="_compute_dealer_is_lent")

    @api.depends("dealer_declined_work_ids.state")
    def _compute_dealer_open_declined_count(self):
        for vehicle in self:
            vehicle.dealer_open_declined_count = len(
                vehicle.dealer_declined_work_ids.filtered(lambda work: work.state == "open")
            )

    @api.depends("dealer_loan_ids.state")
    def _compute_dealer_is_lent(self):
        for vehicle in self:
            vehicle.dealer_is_lent = any(loan.state == "out" for loan in vehicle.dealer_loan_ids)

    def action_view_dealer_declined_work(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_service.dealer_declined_work_action")
        action["domain"] = [("vehicle_id", "=", self.id)]
        action["context"] = {"default_vehicle_id": self.id, "search_default_filter_open": 1}
        return action

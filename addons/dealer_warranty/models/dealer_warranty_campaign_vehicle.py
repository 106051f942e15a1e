from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_service.models.fleet_vehicle import vin_check_digit


class DealerWarrantyCampaignVehicle(models.Model):
    """A VIN the OEM lists in a campaign for a store (imported from the OEM's CSV with Odoo's
    standard import). It is done once a repair order carrying the campaign's work is delivered."""

    _name = "dealer.warranty.campaign.vehicle"
    _description = "Campaign VIN"
    _order = "campaign_id, vin"
    _rec_name = "vin"
    _check_company_auto = True

    campaign_id = fields.Many2one("dealer.warranty.campaign", string="Campaign", required=True, index=True,
                                  ondelete="cascade")
    vin = fields.Char(string="VIN", required=True, index=True)
    company_id = fields.Many2one("res.company", string="Store", required=True, index=True,
                                 default=lambda self: self.env.company)
    vehicle_id = fields.Many2one("fleet.vehicle", string="Vehicle", compute="_compute_vehicle_id", store=True,
                                 index="btree_not_null")
    repair_line_ids = fields.One2many("dealer.repair.order.line", "dealer_campaign_vehicle_id",
                                      string="Repair Order Lines")
    repair_order_id = fields.Many2one("dealer.repair.order", string="Repair Order", compute="_compute_state",
                                      store=True, index="btree_not_null")
    state = fields.Selection([("open", "Open"), ("done", "Done")], compute="_compute_state", store=True, index=True)
    date_done = fields.Datetime(string="Done On", compute="_compute_state", store=True)
    done_rate = fields.Float(string="Completion (%)", compute="_compute_state", store=True, aggregator="avg",
                             help="100 for a vehicle done, 0 for one still open: its average is the completion rate.")

    _campaign_vin_uniq = models.Constraint("unique(campaign_id, vin, company_id)",
                                           "A VIN is listed once per campaign and store.")

    @api.depends("vin")
    def _compute_vehicle_id(self):
        vins = [record.vin for record in self if record.vin]
        vehicles = self.env["fleet.vehicle"].search([("vin_sn", "in", vins)]) if vins else self.env["fleet.vehicle"]
        by_vin = {vehicle.vin_sn: vehicle for vehicle in vehicles}
        for record in self:
            record.vehicle_id = by_vin.get(record.vin, False)

    @api.depends("repair_line_ids.order_id.state", "repair_line_ids.order_id.date_delivered")
    def _compute_state(self):
        for record in self:
            orders = record.repair_line_ids.order_id.filtered(lambda order: order.state != "cancel")
            delivered = orders.filtered(lambda order: order.state in ("delivered", "invoiced"))[:1]
            record.repair_order_id = delivered or orders[:1]
            record.state = "done" if delivered else "open"
            record.date_done = delivered.date_delivered
            record.done_rate = 100.0 if delivered else 0.0

    @api.constrains("vin")
    def _check_vin(self):
        for record in self:
            if vin_check_digit(record.vin) is None or record.vin[8] != vin_check_digit(record.vin):
                raise ValidationError(self.env._(
                    "%(vin)s in campaign %(campaign)s is not a valid VIN (17 characters, its 9th the check digit): "
                    "correct the line of the OEM's list.", vin=record.vin, campaign=record.campaign_id.code,
                ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._dealer_normalize(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_normalize(vals)
        return super().write(vals)

    @api.model
    def _dealer_normalize(self, vals):
        if vals.get("vin"):
            vals["vin"] = "".join(vals["vin"].split()).upper()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        done = self.filtered(lambda record: record.repair_line_ids)
        if done:
            raise UserError(self.env._(
                "The VINs %(vins)s already have the campaign's work on a repair order: they stay on the campaign.",
                vins=", ".join(done.mapped("vin")),
            ))

    @api.model
    def _dealer_open_for_vins(self, vins):
        """The open VINs of open campaigns among ``vins`` the user's stores see."""
        vins = [vin for vin in vins if vin]
        if not vins:
            return self.browse()
        return self.search([("vin", "in", vins), ("state", "=", "open"), ("campaign_id.state", "=", "open")])

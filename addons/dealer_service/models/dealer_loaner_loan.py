from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

FUEL_LEVELS = [
    ("0", "Empty"),
    ("25", "1/4"),
    ("50", "1/2"),
    ("75", "3/4"),
    ("100", "Full"),
]


class DealerLoanerLoan(models.Model):
    """A loaner car (代步车) lent to a customer while their car is repaired."""

    _name = "dealer.loaner.loan"
    _description = "Loaner Car Loan"
    _inherit = ["mail.thread"]
    _order = "date_out desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", required=True, index=True, check_company=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer", store=True)
    loaner_vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Loaner Car", required=True, index=True, check_company=True,
        domain="[('dealer_is_loaner', '=', True)]", tracking=True,
    )
    date_out = fields.Datetime(string="Given On", required=True, default=fields.Datetime.now, tracking=True)
    odometer_out = fields.Integer(string="Mileage Given (km)", required=True)
    fuel_out = fields.Selection(FUEL_LEVELS, string="Fuel Given", required=True, default="100")
    date_returned = fields.Datetime(string="Returned On", readonly=True, tracking=True)
    odometer_returned = fields.Integer(string="Mileage Returned (km)")
    fuel_returned = fields.Selection(FUEL_LEVELS, string="Fuel Returned")
    distance = fields.Integer(string="Distance (km)", compute="_compute_distance", store=True)
    state = fields.Selection(
        [("out", "Lent Out"), ("returned", "Returned")], default="out", required=True,
        readonly=True, index=True, tracking=True,
    )
    note = fields.Char()

    @api.depends("loaner_vehicle_id", "order_id")
    def _compute_display_name(self):
        for loan in self:
            loan.display_name = f"{loan.loaner_vehicle_id.license_plate or ''} / {loan.order_id.name or ''}"

    @api.depends("odometer_out", "odometer_returned", "state")
    def _compute_distance(self):
        for loan in self:
            loan.distance = loan.odometer_returned - loan.odometer_out if loan.state == "returned" else 0

    @api.onchange("loaner_vehicle_id")
    def _onchange_loaner_vehicle_id(self):
        if self.loaner_vehicle_id:
            self.odometer_out = int(self.loaner_vehicle_id.odometer)

    @api.constrains("loaner_vehicle_id", "state")
    def _check_loaner(self):
        for loan in self:
            if not loan.loaner_vehicle_id.dealer_is_loaner:
                raise ValidationError(self.env._(
                    "%(car)s is not a loaner car: tick 'Loaner Car' on the vehicle first.",
                    car=loan.loaner_vehicle_id.display_name,
                ))
            if loan.state == "out" and self.search_count([
                ("id", "!=", loan.id), ("loaner_vehicle_id", "=", loan.loaner_vehicle_id.id),
                ("state", "=", "out"),
            ]):
                raise ValidationError(self.env._(
                    "%(car)s is already lent out: it must be returned before it is lent again.",
                    car=loan.loaner_vehicle_id.display_name,
                ))

    @api.constrains("odometer_out", "odometer_returned", "state")
    def _check_odometer(self):
        for loan in self:
            if loan.odometer_out < 0:
                raise ValidationError(self.env._("The mileage given cannot be negative."))
            if loan.state == "returned" and loan.odometer_returned < loan.odometer_out:
                raise ValidationError(self.env._(
                    "The mileage returned (%(back)s km) cannot be lower than the mileage given (%(out)s km).",
                    back=loan.odometer_returned, out=loan.odometer_out,
                ))

    def action_return(self):
        for loan in self:
            if loan.state != "out":
                raise UserError(self.env._("The loan %(loan)s is already returned.", loan=loan.display_name))
            if not loan.odometer_returned or not loan.fuel_returned:
                raise UserError(self.env._(
                    "Record the mileage and the fuel level of %(car)s on its return.",
                    car=loan.loaner_vehicle_id.display_name,
                ))
            if loan.odometer_returned < loan.odometer_out:
                raise ValidationError(self.env._(
                    "The mileage returned (%(back)s km) cannot be lower than the mileage given (%(out)s km).",
                    back=loan.odometer_returned, out=loan.odometer_out,
                ))
        self.write({"state": "returned", "date_returned": fields.Datetime.now()})
        self.env["fleet.vehicle.odometer"].create([{
            "vehicle_id": loan.loaner_vehicle_id.id,
            "value": loan.odometer_returned,
            "date": fields.Date.context_today(self),
        } for loan in self])

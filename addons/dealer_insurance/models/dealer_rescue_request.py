from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed

RESCUE_STATES = [
    ("requested", "Requested"),
    ("dispatched", "Dispatched"),
    ("arrived", "Arrived"),
    ("done", "Towed In"),
    ("cancel", "Cancelled"),
]
# what only the request's buttons change
RESCUE_ACTION_FIELDS = ("state", "date_dispatched", "date_arrived", "repair_order_id")
# what the promise is measured from: fixed once the rescue vehicle is on its way
RESCUE_PROMISE_FIELDS = ("date_request", "zone_id")


class DealerRescueRequest(models.Model):
    """A call for towing or roadside rescue (救援): where, the promised arrival, who went, when
    they arrived, and the repair order the vehicle became."""

    _name = "dealer.rescue.request"
    _description = "Rescue Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "date_request desc, id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_insurance_enabled"

    state = fields.Selection(
        RESCUE_STATES, default="requested", required=True, readonly=True, copy=False, index=True, tracking=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, tracking=True, check_company=True)
    phone = fields.Char(compute="_compute_phone", store=True, readonly=False, precompute=True)
    vehicle_id = fields.Many2one("fleet.vehicle", string="Vehicle", index="btree_not_null", check_company=True)
    license_plate = fields.Char(
        string="Licence Plate", compute="_compute_license_plate", store=True, readonly=False, precompute=True,
    )
    is_accident = fields.Boolean(
        string="Accident", help="The vehicle was damaged in an accident: it becomes an accident case.",
    )
    place = fields.Char(string="Place", tracking=True, help="Where the vehicle is, as the customer describes it.")
    zone_id = fields.Many2one("dealer.rescue.zone", string="Zone", check_company=True, tracking=True)
    date_request = fields.Datetime(
        string="Called At", required=True, default=fields.Datetime.now, tracking=True,
        help="When the customer called: the promised arrival counts from here.",
    )
    date_promised = fields.Datetime(
        string="Promised Arrival", compute="_compute_date_promised", store=True,
    )
    driver_id = fields.Many2one("hr.employee", string="Driver", check_company=True, tracking=True)
    tow_vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Rescue Vehicle", check_company=True, tracking=True,
        domain="[('dealer_is_rescue_vehicle', '=', True)]",
    )
    date_dispatched = fields.Datetime(string="Dispatched At", readonly=True, copy=False)
    date_arrived = fields.Datetime(string="Arrived At", readonly=True, copy=False)
    arrival_minutes = fields.Integer(
        string="Minutes to Arrive", compute="_compute_arrival", store=True, aggregator="avg",
    )
    is_late = fields.Boolean(
        string="Late", compute="_compute_arrival", store=True,
        help="The rescue vehicle arrived after the time promised for the zone.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue",
        help="The promised arrival time is past and the rescue vehicle has not arrived yet.",
    )
    repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", readonly=True, copy=False, index="btree_not_null",
        check_company=True,
    )
    note = fields.Text(string="Notes")

    @api.depends("partner_id")
    def _compute_phone(self):
        for request in self:
            request.phone = request.partner_id.phone or request.phone

    @api.depends("vehicle_id")
    def _compute_license_plate(self):
        for request in self:
            request.license_plate = request.vehicle_id.license_plate or request.license_plate

    @api.depends("date_request", "zone_id.promised_minutes")
    def _compute_date_promised(self):
        for request in self:
            request.date_promised = request.zone_id and request.date_request + timedelta(
                minutes=request.zone_id.promised_minutes,
            )

    @api.depends("date_request", "date_arrived", "date_promised")
    def _compute_arrival(self):
        for request in self:
            arrived = request.date_arrived
            request.arrival_minutes = arrived and int((arrived - request.date_request).total_seconds() // 60)
            request.is_late = bool(arrived and request.date_promised and arrived > request.date_promised)

    @api.depends("date_promised", "date_arrived", "state")
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_overdue = bool(
                request.state in ("requested", "dispatched") and request.date_promised and request.date_promised < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain([("state", "in", ("requested", "dispatched")), ("date_promised", "<", fields.Datetime.now())])
        return domain if (True in value) == (operator == "in") else ~domain

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, RESCUE_ACTION_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, RESCUE_ACTION_FIELDS)
        if set(RESCUE_PROMISE_FIELDS) & set(vals):
            started = self.filtered(lambda rec: rec.state != "requested")
            if started:
                raise UserError(self.env._(
                    "The call time and the zone of %(requests)s are fixed once the rescue vehicle is dispatched: "
                    "the promised arrival is measured from them.",
                    requests=", ".join(started.mapped("name")),
                ))
        return super().write(vals)

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda rec: rec.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "%(action)s is not possible for %(requests)s: allowed only when %(states)s.",
                action=action, requests=", ".join(f"{rec.name} ({labels[rec.state]})" for rec in wrong),
                states=", ".join(labels[state] for state in allowed),
            ))

    @dealer_action
    def action_dispatch(self):
        self._check_state(["requested"], self.env._("Dispatching"))
        for request in self:
            missing = [
                request._fields[fname]._description_string(self.env)
                for fname in ("place", "zone_id", "driver_id", "tow_vehicle_id") if not request[fname]
            ]
            if missing:
                raise UserError(self.env._(
                    "Fill in %(fields)s of %(request)s before dispatching the rescue vehicle.",
                    fields=", ".join(missing), request=request.name,
                ))
        self.write({"state": "dispatched", "date_dispatched": fields.Datetime.now()})
        return True

    @dealer_action
    def action_arrive(self):
        """The driver reports arriving at the vehicle: the arrival time is now."""
        self._check_state(["dispatched"], self.env._("Recording the arrival"))
        self.write({"state": "arrived", "date_arrived": fields.Datetime.now()})
        late = self.filtered("is_late")
        for request in late:
            request.message_post(body=self.env._(
                "Arrived %(minutes)s minutes after the call: later than the %(promised)s minutes promised for "
                "%(zone)s.",
                minutes=request.arrival_minutes, promised=request.zone_id.promised_minutes,
                zone=request.zone_id.name,
            ))
        return True

    def action_view_repair_order(self):
        self.ensure_one()
        return self.repair_order_id._get_records_action()

    @dealer_action
    def action_cancel(self):
        self._check_state(["requested", "dispatched"], self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    def action_create_repair_order(self):
        """The rescued vehicle is received in the workshop: a draft repair order (with an accident
        case when it was an accident) that the reception completes at check-in."""
        self.ensure_one()
        self._check_state(["arrived"], self.env._("Receiving the vehicle"))
        if not self.partner_id or not self.vehicle_id:
            raise UserError(self.env._(
                "Set the customer and the vehicle of %(request)s before receiving it in the workshop.",
                request=self.name,
            ))
        vals = {
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "customer_complaint": self.env._(
                "Rescued at %(place)s (%(request)s). %(note)s", place=self.place, request=self.name,
                note=self.note or "",
            ).strip(),
            "dealer_rescue_request_ids": [Command.link(self.id)],
        }
        if self.is_accident:
            case = self.env["dealer.insurance.case"].create({
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "vehicle_id": self.vehicle_id.id,
                "accident_place": self.place,
                "accident_date": self.date_request,
            })
            vals["dealer_insurance_case_ids"] = [Command.link(case.id)]
        with unsealed(self.env):
            # linked at creation: the order is the rescue's, which the claims staff may handle
            order = self.env["dealer.repair.order"].with_company(self.company_id).create(vals)
            self.state = "done"
        return order._get_records_action()

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

APPOINTMENT_SOURCES = [
    ("phone", "Phone"),
    ("walk_in", "Walk-in"),
    ("oem", "OEM-dispatched"),
]
APPOINTMENT_STATES = [
    ("scheduled", "Scheduled"),
    ("arrived", "Arrived"),
    ("no_show", "No-Show"),
    ("cancel", "Cancelled"),
]


class DealerAppointment(models.Model):
    """A service appointment (预约): the customer books a time, the SA reserves a
    technician and a bay, and the appointment becomes a repair order on arrival."""

    _name = "dealer.appointment"
    _description = "Service Appointment"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    source = fields.Selection(
        APPOINTMENT_SOURCES, required=True, default="phone", tracking=True,
        help="Phone: the customer or the store called; walk-in: booked at the counter; "
        "OEM-dispatched: the maker's call centre sent the booking.",
    )
    date_start = fields.Datetime(string="Appointment Time", required=True, tracking=True, index=True)
    duration = fields.Float(string="Duration (hours)", default=1.0)
    date_end = fields.Datetime(string="End", compute="_compute_date_end", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True,
        check_company=True,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", index=True, tracking=True, check_company=True,
    )
    requested_work = fields.Text(help="What the customer asks for, in their words.")
    user_id = fields.Many2one(
        "res.users", string="Service Advisor", index=True, tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    technician_id = fields.Many2one(
        "hr.employee", string="Reserved Technician", check_company=True,
        domain="[('dealer_trade', '!=', False)]",
    )
    bay_id = fields.Many2one("dealer.service.bay", string="Reserved Bay", check_company=True)
    state = fields.Selection(
        APPOINTMENT_STATES, default="scheduled", required=True, readonly=True,
        copy=False, index=True, tracking=True,
    )
    repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", readonly=True, copy=False,
        index="btree_not_null", check_company=True,
    )
    declined_work_ids = fields.Many2many(
        "dealer.declined.work", string="Open Declined Work", compute="_compute_declined_work_ids",
        help="Work the customer declined on earlier visits and that is neither done nor dismissed.",
    )
    declined_work_count = fields.Integer(compute="_compute_declined_work_ids")

    @api.depends("date_start", "duration")
    def _compute_date_end(self):
        for appointment in self:
            appointment.date_end = appointment.date_start and (
                appointment.date_start + timedelta(hours=appointment.duration or 0.0)
            )

    @api.depends("vehicle_id.dealer_declined_work_ids.state")
    def _compute_declined_work_ids(self):
        for appointment in self:
            appointment.declined_work_ids = appointment.vehicle_id.dealer_declined_work_ids.filtered(
                lambda work: work.state == "open"
            )
            appointment.declined_work_count = len(appointment.declined_work_ids)

    @api.onchange("vehicle_id")
    def _onchange_vehicle_id(self):
        if self.vehicle_id.customer_id and not self.partner_id:
            self.partner_id = self.vehicle_id.customer_id

    @api.constrains("duration")
    def _check_duration(self):
        for appointment in self:
            if appointment.duration <= 0:
                raise ValidationError(self.env._(
                    "The appointment %(name)s must last more than 0 hours.", name=appointment.name,
                ))

    def _check_state(self, allowed):
        wrong = self.filtered(lambda a: a.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "This is only possible for %(allowed)s appointments, not for %(names)s.",
                allowed=" / ".join(states[state] for state in allowed),
                names=", ".join(f"{a.name} ({states[a.state]})" for a in wrong),
            ))

    def action_arrive(self):
        """The customer is here: open a repair order linked to the appointment."""
        self._check_state(("scheduled",))
        missing = self.filtered(lambda a: not a.vehicle_id)
        if missing:
            raise UserError(self.env._(
                "Set the vehicle on appointments %(names)s before receiving them.",
                names=", ".join(missing.mapped("name")),
            ))
        orders = self.env["dealer.repair.order"].create([
            appointment._prepare_repair_order_values() for appointment in self
        ])
        for appointment, order in zip(self, orders, strict=True):
            appointment.write({"state": "arrived", "repair_order_id": order.id})
        self._action_arrive()
        if len(orders) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "dealer.repair.order",
                "res_id": orders.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return True

    def _prepare_repair_order_values(self):
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "vehicle_id": self.vehicle_id.id,
            "user_id": self.user_id.id,
            "appointment_id": self.id,
        }

    def _action_arrive(self):
        """Hook after the appointments' repair orders are created."""

    def action_no_show(self):
        self._check_state(("scheduled",))
        self.write({"state": "no_show"})

    def action_cancel(self):
        self._check_state(("scheduled",))
        self.write({"state": "cancel"})

    def action_reschedule(self):
        self._check_state(("no_show", "cancel"))
        self.write({"state": "scheduled"})

    def action_view_repair_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.repair.order",
            "res_id": self.repair_order_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_arrived(self):
        if any(appointment.state == "arrived" for appointment in self):
            raise UserError(self.env._(
                "An appointment that became a repair order cannot be deleted."
            ))

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..sealed import unsealed

DECLINED_WORK_STATES = [
    ("open", "Open"),
    ("done", "Done"),
    ("dismissed", "Dismissed"),
]


class DealerDeclinedWork(models.Model):
    """Work recommended to the customer and declined, remembered on the vehicle and
    shown again at the next appointment, check-in and maintenance reminder until it is
    done or dismissed."""

    _name = "dealer.declined.work"
    _description = "Declined Work"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", required=True, index=True, check_company=True,
    )
    partner_id = fields.Many2one("res.partner", string="Customer", check_company=True)
    description = fields.Char(required=True)
    rating = fields.Selection(
        [("amber", "Amber"), ("red", "Red")], string="Urgency",
        help="The health-check rating when the work was recommended.",
    )
    estimated_amount = fields.Float(string="Estimated Amount", digits="Product Price")
    date = fields.Date(string="Declined On", required=True, default=fields.Date.context_today)
    order_id = fields.Many2one(
        "dealer.repair.order", string="Declined On Order", index="btree_not_null", check_company=True,
    )
    line_id = fields.Many2one("dealer.repair.order.line", string="Declined Line", index="btree_not_null")
    health_check_line_id = fields.Many2one("dealer.health.check.line", string="Health Check Item")
    state = fields.Selection(
        DECLINED_WORK_STATES, default="open", required=True, readonly=True, index=True, tracking=True,
    )
    done_order_id = fields.Many2one(
        "dealer.repair.order", string="Done On Order", readonly=True, check_company=True,
    )
    dismiss_reason = fields.Char(tracking=True)

    @api.depends("description", "vehicle_id")
    def _compute_display_name(self):
        for work in self:
            work.display_name = f"{work.vehicle_id.license_plate or work.vehicle_id.display_name} - {work.description}"

    def action_dismiss(self):
        wrong = self.filtered(lambda w: w.state != "open")
        if wrong:
            raise UserError(self.env._(
                "Only open declined work can be dismissed: %(names)s is not open.",
                names=", ".join(wrong.mapped("description")),
            ))
        self.write({"state": "dismissed"})

    def action_reopen(self):
        self.write({"state": "open", "done_order_id": False})

    def action_add_to_order(self):
        """Offer the declined work again on the vehicle's current repair order, as an
        added-work line waiting for the customer's approval."""
        order = self.env["dealer.repair.order"].browse(self.env.context.get("dealer_order_id"))
        if not order:
            raise UserError(self.env._("Open the vehicle's current repair order to offer the declined work again."))
        order.ensure_one()
        for work in self:
            if work.state != "open":
                raise UserError(self.env._(
                    "%(work)s is no longer open and cannot be offered again.", work=work.description,
                ))
            if work.vehicle_id != order.vehicle_id:
                raise UserError(self.env._(
                    "%(work)s belongs to another vehicle than order %(order)s.",
                    work=work.description, order=order.name,
                ))
        # recommendations are added work whatever the order's state: the customer approves them
        with unsealed(self.env):
            lines = self.env["dealer.repair.order.line"].create([
                order._dealer_prepare_recommended_line(
                    work.description, amount=work.estimated_amount,
                ) | {"dealer_declined_work_id": work.id}
                for work in self
            ])
        return lines

    def _mark_done(self, order):
        self.filtered(lambda w: w.state == "open").write({"state": "done", "done_order_id": order.id})

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import check_sealed, unsealed

LOST_STATES = [("lost", "Lost"), ("returned", "Returned")]
SEALED_FIELDS = ("state", "date_returned", "return_order_id")
# a returned customer is called again this many days after coming back
WIN_BACK_DAYS = 7


class DealerCsiLost(models.Model):
    """A lost customer (流失客户): a vehicle that no longer comes to the store, with the
    reason. When it comes back, a win-back call is planned a week later."""

    _name = "dealer.csi.lost"
    _description = "Lost Customer"
    _inherit = ["mail.thread", "dealer.capability.mixin"]
    _order = "date_lost desc, id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_csi_enabled"

    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", required=True, index=True, check_company=True, tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, check_company=True, tracking=True,
        compute="_compute_partner_id", store=True, readonly=False, precompute=True,
    )
    reason_id = fields.Many2one("dealer.csi.lost.reason", string="Reason", required=True, tracking=True)
    date_lost = fields.Date(string="Lost Since", required=True, default=fields.Date.context_today, tracking=True)
    note = fields.Text(string="Notes")
    state = fields.Selection(LOST_STATES, default="lost", required=True, readonly=True, index=True, tracking=True)
    date_returned = fields.Date(string="Returned On", readonly=True)
    return_order_id = fields.Many2one(
        "dealer.repair.order", string="Came Back With", readonly=True, check_company=True,
    )
    last_visit_date = fields.Date(related="vehicle_id.dealer_csi_last_visit_date")
    call_ids = fields.One2many("dealer.csi.call", compute="_compute_call_ids", string="Calls")

    _vehicle_lost_uniq = models.UniqueIndex(
        "(vehicle_id) WHERE state = 'lost'",
        "This vehicle is already on the lost-customer list.",
    )

    @api.depends("vehicle_id")
    def _compute_partner_id(self):
        for lost in self:
            if lost.vehicle_id.customer_id:
                lost.partner_id = lost.vehicle_id.customer_id

    @api.depends("vehicle_id", "partner_id")
    def _compute_call_ids(self):
        for lost in self:
            lost.call_ids = self.env["dealer.csi.call"].search([
                ("vehicle_id", "=", lost.vehicle_id.id), ("call_type", "in", ("lost", "win_back")),
            ])

    @api.depends("vehicle_id", "partner_id")
    def _compute_display_name(self):
        for lost in self:
            lost.display_name = " - ".join(filter(None, [lost.vehicle_id.license_plate, lost.partner_id.name]))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, SEALED_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, SEALED_FIELDS)
        return super().write(vals)

    def _dealer_csi_returned(self, order):
        """The vehicle is back with ``order``: plan the win-back call a week after its arrival."""
        day = order.company_id._dealer_csi_local_date(order.date_in)
        with unsealed(self.env):
            self.write({"state": "returned", "date_returned": day, "return_order_id": order.id})
        for lost in self:
            lost.message_post(body=self.env._(
                "The customer came back with %(order)s: win-back call planned.", order=order.name,
            ))
        return self.env["dealer.csi.call"]._dealer_csi_plan([{
            "company_id": lost.company_id.id,
            "call_type": "win_back",
            "partner_id": order.partner_id.id,
            "vehicle_id": lost.vehicle_id.id,
            "order_id": order.id,
            "date_due": day + relativedelta(days=WIN_BACK_DAYS),
            "list_key": f"lost:{lost.id}",
        } for lost in self])

    def action_dealer_csi_plan_calls(self):
        """Plan a lost-customer call (one a month) for the selected lost customers, or all of them."""
        losts = self or self.search([("state", "=", "lost"), ("company_id", "=", self.env.company.id)])
        if losts.filtered(lambda lost: lost.state != "lost"):
            raise UserError(self.env._("Only customers still lost can get a lost-customer call."))
        calls = self.env["dealer.csi.call"]._dealer_csi_plan([{
            "company_id": lost.company_id.id,
            "call_type": "lost",
            "partner_id": lost.partner_id.id,
            "vehicle_id": lost.vehicle_id.id,
            "date_due": lost.company_id._dealer_csi_today(),
            "list_key": f"lost:{lost.id}:{lost.company_id._dealer_csi_today():%Y-%m}",
        } for lost in losts])
        return self.env["dealer.csi.call"]._dealer_csi_planned_notification(calls)

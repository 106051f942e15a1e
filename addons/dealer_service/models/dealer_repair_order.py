from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command, Domain

from ..sealed import check_computed, is_unsealed, unsealed

REPAIR_ORDER_STATES = [
    ("draft", "Draft"),
    ("checked_in", "Checked In"),
    ("approved", "Approved"),
    ("in_progress", "In Progress"),
    ("quality_check", "Quality Check"),
    ("ready", "Ready"),
    ("delivered", "Delivered"),
    ("invoiced", "Invoiced"),
    ("cancel", "Cancelled"),
]
TRADES = [
    ("mechanical", "Mechanical"),
    ("body", "Body"),
    ("paint", "Paint"),
    ("wash", "Wash"),
    ("detailing", "Detailing"),
]
PAYERS = [
    ("customer", "Customer"),
    ("warranty", "OEM Warranty"),
    ("insurance", "Insurer"),
    ("internal", "Internal"),
]
# who may see and change money on repair orders and their lines
PRICE_GROUPS = "dealer_service.dealer_service_group_advisor"
# who sees what repair orders cost the store: service managers and the accountants, not advisors or the workshop
COST_GROUPS = "dealer_service.dealer_service_group_manager,account.group_account_manager"
# what only the action methods change on an order (the state machine)
ORDER_ACTION_FIELDS = {"state", "date_delivered", "odometer_id", "date_invoiced", "date_collected"}
# the order's sums of its lines' revenue and cost: computed, never written
ORDER_PROFIT_FIELDS = {"revenue", "cost", "gross_profit"}


class DealerRepairOrder(models.Model):
    """A repair order (任务委托单): one visit of a customer's vehicle."""

    _name = "dealer.repair.order"
    _description = "Repair Order"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "dealer.numbered.mixin"]
    _order = "date_in desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True,
        check_company=True,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", required=True, index=True, tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Service Advisor", index=True, tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    date_in = fields.Datetime(string="Arrival", default=fields.Datetime.now, required=True)
    state = fields.Selection(
        REPAIR_ORDER_STATES, default="draft", required=True, readonly=True,
        copy=False, index=True, tracking=True,
    )

    # --- reception, lines, parts, settlement: helper H1 ---
    currency_id = fields.Many2one(related="company_id.currency_id")
    insurer_id = fields.Many2one(
        "res.partner", string="Insurer", tracking=True, check_company=True,
        help="The insurance company billed for the lines whose payer is the insurer.",
    )
    mileage = fields.Integer(string="Mileage (km)", tracking=True, copy=False)
    last_mileage = fields.Float(
        string="Last Recorded Mileage", related="vehicle_id.odometer",
    )
    mileage_override_reason = fields.Char(
        string="Mileage Override Reason", copy=False,
        help="Why the mileage is lower than the last one recorded (e.g. instrument cluster replaced). "
        "Only a service manager can check in such a vehicle.",
    )
    odometer_id = fields.Many2one("fleet.vehicle.odometer", string="Odometer Reading", readonly=True, copy=False)
    fuel_level = fields.Selection(
        [("empty", "Empty"), ("quarter", "1/4"), ("half", "1/2"), ("three_quarters", "3/4"), ("full", "Full")],
        copy=False,
    )
    damage_notes = fields.Text(string="Walk-around Damage", copy=False)
    damage_photo_ids = fields.Many2many(
        "ir.attachment", "dealer_repair_order_damage_photo_rel", "order_id", "attachment_id",
        string="Damage Photos", copy=False,
    )
    valuables_reminded = fields.Boolean(string="Valuables Reminder Given", copy=False)
    covers_fitted = fields.Boolean(string="Protective Covers Fitted", copy=False)
    old_part_choice = fields.Selection(
        [("take", "Customer takes old parts"), ("leave", "Customer leaves old parts")],
        string="Old Parts", copy=False,
    )
    customer_complaint = fields.Text(string="Customer Complaint", help="In the customer's own words.")
    diagnosis = fields.Text(string="Advisor Diagnosis")
    estimated_amount = fields.Monetary(string="Estimated Cost", currency_field="currency_id", copy=False)
    promised_date = fields.Datetime(string="Promised Time", copy=False, tracking=True)
    diagnosis_signature = fields.Binary(string="Diagnosis Sheet Signature", copy=False, attachment=True)
    diagnosis_signed_by = fields.Char(string="Diagnosis Signed By", copy=False)
    work_order_signature = fields.Binary(string="Work Order Signature", copy=False, attachment=True)
    work_order_signed_by = fields.Char(string="Work Order Signed By", copy=False)
    added_work_signature = fields.Binary(
        string="Added Work Signature", copy=False, attachment=True,
        help="The customer's signature for the added work waiting for approval.",
    )
    line_ids = fields.One2many("dealer.repair.order.line", "order_id", string="Lines", copy=True)
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount", compute="_compute_amounts", store=True,
    )
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(string="Total", compute="_compute_amounts", store=True)
    revenue = fields.Monetary(
        compute="_compute_profit", store=True,
        help="What the order bills, untaxed: its internal and declined lines bill nothing.",
    )
    cost = fields.Monetary(
        compute="_compute_profit", store=True, groups=COST_GROUPS,
        help="Parts issued at their stock valuation, clocked hours at the labour cost rate, sublet vendor costs.",
    )
    gross_profit = fields.Monetary(
        string="Gross Profit", compute="_compute_profit", store=True, groups=COST_GROUPS,
    )
    has_pending_added_work = fields.Boolean(compute="_compute_has_pending_added_work")
    picking_ids = fields.One2many("stock.picking", "dealer_repair_order_id", string="Parts Pickings", readonly=True)
    picking_count = fields.Integer(compute="_compute_picking_count", compute_sudo=True)
    parts_waiting = fields.Boolean(
        string="Parts Waiting", compute="_compute_parts_waiting", search="_search_parts_waiting",
        compute_sudo=True,
    )
    invoice_ids = fields.One2many(
        "account.move", "dealer_repair_order_id", string="Invoices", readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    invoice_count = fields.Integer(
        compute="_compute_invoice_count", groups="account.group_account_invoice,account.group_account_readonly",
    )
    date_invoiced = fields.Date(
        string="Settled On", readonly=True, copy=False, index="btree_not_null", tracking=True,
        help="The day the order was invoiced (settlement).",
    )
    date_collected = fields.Date(
        string="Collected On", compute="_compute_date_collected", store=True, copy=False,
        index="btree_not_null",
        help="The day the last receivable of the order's invoices got paid: the date of the payment (or "
        "credit note) that settled it. Empty while anything is still due.",
    )
    settlement_ids = fields.One2many(
        "dealer.repair.order.settlement", "order_id", string="Settlement per Payer",
        compute="_compute_settlement_ids",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    delivery_washed = fields.Boolean(string="Vehicle Washed and Covers Removed", copy=False)
    delivery_walkround = fields.Boolean(string="Walk-round Done with the Customer", copy=False)
    delivery_charges_explained = fields.Boolean(string="Charges Explained", copy=False)
    delivery_old_parts = fields.Boolean(string="Old Parts Handled as Chosen", copy=False)
    charges_explanation = fields.Text(string="Explanation of Charges", copy=False)
    next_service_date = fields.Date(string="Next Service Date", copy=False)
    next_service_mileage = fields.Integer(string="Next Service Mileage (km)", copy=False)
    date_delivered = fields.Datetime(string="Delivered On", readonly=True, copy=False)
    # --- end of reception fields ---

    # --- workshop fields (appointments, jobs, QC, board, loaner, comebacks): helper H2 ---
    _dealer_in_shop_states = ("checked_in", "approved", "in_progress", "quality_check", "ready")

    appointment_id = fields.Many2one(
        "dealer.appointment", string="Appointment", readonly=True, copy=False, index="btree_not_null",
        check_company=True,
    )
    job_ids = fields.One2many("dealer.repair.job", "order_id", string="Jobs")
    job_count = fields.Integer(compute="_compute_job_count", string="Job Count")
    quality_check_ids = fields.One2many("dealer.quality.check", "order_id", string="Quality Checks")
    final_inspection_passed = fields.Boolean(
        compute="_compute_quality_status", string="Final Inspection Passed",
        help="A QC inspector signed a passed final inspection after the last failed check.",
    )
    rework_count = fields.Integer(
        compute="_compute_quality_status", string="Internal Rework",
        help="Failed quality checks that sent a job back to the workshop.",
    )
    health_check_ids = fields.One2many("dealer.health.check", "order_id", string="Health Checks")
    declined_work_ids = fields.Many2many(
        "dealer.declined.work", compute="_compute_declined_work_ids", string="Open Declined Work",
        help="Work the customer declined on earlier visits, neither done nor dismissed yet.",
    )
    declined_work_count = fields.Integer(compute="_compute_declined_work_ids")
    loan_ids = fields.One2many("dealer.loaner.loan", "order_id", string="Loaner Cars")
    has_loaner_out = fields.Boolean(compute="_compute_has_loaner_out", string="Loaner Car Out")
    key_tag = fields.Char(
        string="Key Tag", copy=False, tracking=True,
        help="Number of the tag hung on the customer's key while the vehicle is in the shop.",
    )
    is_late = fields.Boolean(
        compute="_compute_is_late", search="_search_is_late", string="Late",
        help="The promised time is past and the vehicle is not delivered yet.",
    )
    is_overnight = fields.Boolean(
        compute="_compute_is_overnight", search="_search_is_overnight", string="Overnight",
        help="The vehicle arrived on an earlier day and is still in the shop: its keys go to the key box.",
    )
    free_hours_summary = fields.Char(
        compute="_compute_capacity", string="Free Workshop Hours",
        help="Technician hours still free on the promised day, per trade: working schedules minus booked jobs.",
    )
    capacity_warning = fields.Char(compute="_compute_capacity")
    comeback_of_id = fields.Many2one(
        "dealer.repair.order", string="Comeback Of", copy=False, index="btree_not_null", tracking=True,
        check_company=True, domain="[('vehicle_id', '=', vehicle_id), ('id', '!=', id)]",
        help="The earlier order of this vehicle whose work had to be redone (返修).",
    )
    comeback_ids = fields.One2many("dealer.repair.order", "comeback_of_id", string="Comebacks")
    comeback_candidate_id = fields.Many2one(
        "dealer.repair.order", compute="_compute_comeback_candidate_id", string="Possible Comeback Of",
        help="An earlier order of the same vehicle delivered within the store's comeback window.",
    )
    # --- end of workshop fields ---

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "A repair order reference must be unique per store.",
    )
    # the list's first page (a store's newest orders, _order) without sorting the store's whole history
    _company_date_in_idx = models.Index("(company_id, date_in DESC, id DESC)")

    # --- workshop methods (appointments, jobs, QC, board, loaner, comebacks): helper H2 ---
    # Note: methods defined further down in this class body win over these, so the
    # workshop never redefines a reception method; it guards through write().

    @api.depends("job_ids")
    def _compute_job_count(self):
        for order in self:
            order.job_count = len(order.job_ids)

    @api.depends("quality_check_ids.result", "quality_check_ids.level")
    def _compute_quality_status(self):
        for order in self:
            checks = order.quality_check_ids.sorted(lambda check: (check.date, check.id))
            passed = False
            for check in checks:
                if check.result == "failed":
                    passed = False
                elif check.level == "final":
                    passed = True
            order.final_inspection_passed = passed
            order.rework_count = len(checks.filtered(lambda check: check.result == "failed"))

    @api.depends("vehicle_id.dealer_declined_work_ids.state")
    def _compute_declined_work_ids(self):
        for order in self:
            works = order.vehicle_id.dealer_declined_work_ids.filtered(
                lambda work, order=order: work.state == "open" and work.order_id != order
            )
            order.declined_work_ids = works
            order.declined_work_count = len(works)

    @api.depends("loan_ids.state")
    def _compute_has_loaner_out(self):
        for order in self:
            order.has_loaner_out = any(loan.state == "out" for loan in order.loan_ids)

    @api.depends("promised_date", "state")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for order in self:
            order.is_late = bool(
                order.state in self._dealer_in_shop_states and order.promised_date and order.promised_date < now
            )

    def _search_is_late(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain([("state", "in", self._dealer_in_shop_states), ("promised_date", "<", fields.Datetime.now())])
        return domain if (True in value) == (operator == "in") else ~domain

    def _dealer_today_start(self):
        return self.env["dealer.repair.job"]._dealer_day_bounds(fields.Date.context_today(self))[0].replace(
            tzinfo=None,
        )

    @api.depends("date_in", "state")
    @api.depends_context("uid", "tz")
    def _compute_is_overnight(self):
        today_start = self._dealer_today_start()
        for order in self:
            order.is_overnight = bool(order.state in self._dealer_in_shop_states and order.date_in < today_start)

    def _search_is_overnight(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = Domain([("state", "in", self._dealer_in_shop_states), ("date_in", "<", self._dealer_today_start())])
        return domain if (True in value) == (operator == "in") else ~domain

    def _dealer_required_hours(self):
        """Labour hours per trade of this order not booked on a job yet."""
        self.ensure_one()
        required = defaultdict(float)
        dispatched = self.job_ids.filtered(lambda job: job.state != "cancel").line_id
        for line in self.line_ids:
            if line.line_type == "labour" and line.approval_state != "declined" and line not in dispatched:
                required[line.trade or "mechanical"] += line.quantity
        return required

    @api.depends("promised_date", "company_id", "line_ids.quantity", "line_ids.trade", "job_ids.state")
    @api.depends_context("uid", "tz")
    def _compute_capacity(self):
        labels = dict(self.env["dealer.repair.job"]._fields["trade"]._description_selection(self.env))
        Job = self.env["dealer.repair.job"]
        for order in self:
            order.free_hours_summary = False
            order.capacity_warning = False
            if not order.promised_date or order.state not in ("draft", *self._dealer_in_shop_states):
                continue
            day = fields.Date.context_today(order, order.promised_date)
            free = Job._dealer_free_hours(order.company_id, day)
            required = order._dealer_required_hours()
            order.free_hours_summary = ", ".join(
                self.env._("%(trade)s %(hours)s h", trade=labels[trade], hours=round(values["free"], 1))
                for trade, values in free.items() if values["capacity"] or required.get(trade)
            ) or self.env._("No technician works on %(day)s", day=day)
            short = [
                self.env._(
                    "%(trade)s needs %(needed)s h but only %(free)s h are free",
                    trade=labels[trade], needed=round(hours, 1), free=round(free[trade]["free"], 1),
                )
                for trade, hours in required.items() if hours > free[trade]["free"] + 0.001
            ]
            if short:
                order.capacity_warning = self.env._(
                    "The promised time is beyond the workshop's capacity on %(day)s: %(short)s. "
                    "Promise a later time or plan overtime.",
                    day=day, short="; ".join(short),
                )

    @api.onchange("promised_date")
    def _onchange_promised_date_capacity(self):
        if self.capacity_warning:
            return {"warning": {"title": self.env._("Workshop capacity"), "message": self.capacity_warning}}
        return None

    def _dealer_comeback_window_orders(self):
        """Earlier, not cancelled orders of the vehicle that ended within the store's comeback window."""
        self.ensure_one()
        if not self.vehicle_id or not self.date_in:
            return self.browse()
        window_start = self.date_in - timedelta(days=self.company_id.dealer_comeback_days)
        earlier = self.search([
            ("vehicle_id", "=", self.vehicle_id.id),
            ("company_id", "=", self.company_id.id),
            ("id", "!=", self._origin.id or 0),
            ("state", "!=", "cancel"),
            ("date_in", "<", self.date_in),
            "|", ("date_delivered", ">=", window_start), ("date_in", ">=", window_start),
        ], order="date_in desc, id desc")
        return earlier

    @api.depends("vehicle_id", "date_in", "company_id.dealer_comeback_days")
    def _compute_comeback_candidate_id(self):
        for order in self:
            order.comeback_candidate_id = order._dealer_comeback_window_orders()[:1]

    @api.constrains("comeback_of_id", "vehicle_id", "date_in")
    def _check_comeback_of(self):
        for order in self.filtered("comeback_of_id"):
            if order.comeback_of_id not in order._dealer_comeback_window_orders():
                raise ValidationError(self.env._(
                    "%(order)s cannot be a comeback of %(earlier)s: a comeback is an order for the same vehicle "
                    "within %(days)s days after an earlier order.",
                    order=order.name, earlier=order.comeback_of_id.name, days=order.company_id.dealer_comeback_days,
                ))

    def _dealer_check_final_inspection(self):
        missing = self.filtered(lambda order: not order.final_inspection_passed)
        if missing:
            raise UserError(self.env._(
                "%(orders)s cannot be ready for delivery: a QC inspector must sign a passed final "
                "inspection first.",
                orders=", ".join(missing.mapped("name")),
            ))

    def action_link_comeback(self):
        for order in self:
            if not order.comeback_candidate_id:
                raise UserError(self.env._(
                    "%(vehicle)s had no other order within the last %(days)s days: %(order)s is no comeback.",
                    vehicle=order.vehicle_id.display_name, days=order.company_id.dealer_comeback_days,
                    order=order.name,
                ))
            order.comeback_of_id = order.comeback_candidate_id
        return True

    def action_dispatch_jobs(self):
        """Make a workshop job of every labour line that has none yet."""
        self._check_state(["approved", "in_progress", "quality_check"], self.env._("Dispatching jobs"))
        vals_list = []
        for order in self:
            dispatched = order.job_ids.filtered(lambda job: job.state != "cancel").line_id
            for line in order.line_ids:
                if line.line_type == "labour" and line.approval_state != "declined" and line not in dispatched:
                    vals_list.append({
                        "order_id": order.id,
                        "line_id": line.id,
                        "name": (line.name or "").splitlines()[0] if line.name else order.name,
                        "date_planned": fields.Datetime.now(),
                        # the technician and the bay reserved by the appointment
                        "technician_id": order.appointment_id.technician_id.id,
                        "bay_id": order.appointment_id.bay_id.id,
                    })
        if not vals_list:
            raise UserError(self.env._("Every labour line already has a job: there is nothing to dispatch."))
        self.env["dealer.repair.job"].create(vals_list)
        return self.action_view_jobs() if len(self) == 1 else True

    def action_view_jobs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_service.dealer_repair_job_action")
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def action_new_health_check(self):
        self.ensure_one()
        check = self.env["dealer.health.check"].create({"order_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.health.check",
            "res_id": check.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_new_quality_check(self):
        """Open a new quality check of this order to sign."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign Quality Check"),
            "res_model": "dealer.quality.check",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_order_id": self.id,
                "default_level": self.env["dealer.quality.check"]._dealer_default_level(self),
                # the form offers only the levels the user may sign
                "dealer_qc_signing": True,
            },
        }

    def action_view_workshop_capacity(self):
        """The free hours per trade around the promised day, to promise a feasible time."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_service.dealer_workshop_capacity_action")
        day = fields.Date.context_today(self, self.promised_date or fields.Datetime.now())
        action["context"] = {"default_company_id": self.company_id.id, "default_date_from": fields.Date.to_string(day)}
        return action

    def action_view_appointment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "dealer.appointment",
            "res_id": self.appointment_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _dealer_prepare_recommended_line(self, description, hours=0.0, amount=0.0, trade="mechanical"):
        """Values of an added-work labour line recommending work to the customer."""
        self.ensure_one()
        vals = {
            "order_id": self.id,
            "line_type": "labour",
            "name": description,
            "trade": trade or "mechanical",
            "quantity": hours or 1.0,
            "payer": "customer",
            "is_added_work": True,
        }
        if amount and not hours:
            vals["price_unit"] = amount
        return vals

    # --- end of workshop methods ---

    # --- reception, lines, parts, settlement methods: helper H1 ---

    @api.depends("line_ids.price_subtotal", "line_ids.price_tax", "line_ids.approval_state")
    def _compute_amounts(self):
        for order in self:
            lines = order.line_ids.filtered(lambda rec: rec.approval_state != "declined")
            order.amount_untaxed = sum(lines.mapped("price_subtotal"))
            order.amount_tax = sum(lines.mapped("price_tax"))
            order.amount_total = order.amount_untaxed + order.amount_tax

    @api.depends("line_ids.revenue", "line_ids.cost")
    def _compute_profit(self):
        for order in self:
            order.revenue = sum(order.line_ids.mapped("revenue"))
            order.cost = sum(order.line_ids.mapped("cost"))
            order.gross_profit = order.revenue - order.cost

    @api.depends("line_ids.approval_state")
    def _compute_has_pending_added_work(self):
        for order in self:
            order.has_pending_added_work = "pending" in order.line_ids.mapped("approval_state")

    @api.depends("picking_ids")
    def _compute_picking_count(self):
        for order in self:
            order.picking_count = len(order.picking_ids)

    @api.depends("line_ids.parts_waiting")
    def _compute_parts_waiting(self):
        for order in self:
            order.parts_waiting = any(order.line_ids.mapped("parts_waiting"))

    def _search_parts_waiting(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        positive = (True in value) == (operator == "in")
        return [("line_ids", "any" if positive else "not any", [("parts_waiting", "=", True)])]

    @api.depends("invoice_ids")
    def _compute_invoice_count(self):
        for order in self:
            order.invoice_count = len(order.invoice_ids)

    @api.depends(
        "invoice_ids.state", "invoice_ids.partner_id", "invoice_ids.amount_total_signed",
        "invoice_ids.amount_residual_signed", "invoice_ids.payment_state",
    )
    def _compute_settlement_ids(self):
        Settlement = self.env["dealer.repair.order.settlement"]
        # a view on the books: read afresh whenever the invoices changed, not from the cache
        Settlement.invalidate_model()
        rows = Settlement.search([("order_id", "in", self._origin.ids)])
        for order in self:
            order.settlement_ids = rows.filtered(lambda row, order=order: row.order_id == order._origin)

    @api.depends("invoice_ids.state", "invoice_ids.amount_residual")
    def _compute_date_collected(self):
        for order in self:
            order.date_collected = order._get_collection_date()

    def _get_collection_moves(self):
        """The posted moves whose receivables the order collects: its invoices and credit notes."""
        self.ensure_one()
        return self.invoice_ids.filtered(lambda move: move.state == "posted")

    def _get_collection_date(self):
        """The date of the reconciliation that settled the last receivable of the order, or False while
        one is still open (or nothing was invoiced)."""
        self.ensure_one()
        moves = self._get_collection_moves()
        receivables = moves.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
        if not moves or not all(receivables.mapped("reconciled")):
            return False
        partials = receivables.matched_debit_ids | receivables.matched_credit_ids
        return max(partials.mapped("max_date") or moves.mapped("date"))

    def _compute_access_url(self):
        super()._compute_access_url()
        for order in self:
            order.access_url = f"/my/repair_orders/{order.id}"

    @api.onchange("vehicle_id")
    def _onchange_vehicle_id_customer(self):
        if self.vehicle_id.customer_id and not self.partner_id:
            self.partner_id = self.vehicle_id.customer_id

    @api.model
    def _dealer_computed_only_fields(self):
        """The stored fields the server alone computes, refused in a plain create or write (modules
        add theirs: the figures their reports read)."""
        return ORDER_PROFIT_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        if not is_unsealed(self.env):
            for vals in vals_list:
                check_computed(self, vals, self._dealer_computed_only_fields())
                if vals.get("state", "draft") != "draft" or vals.get("date_delivered") or vals.get("odometer_id"):
                    raise UserError(self.env._(
                        "A repair order starts as a draft: its status changes only through its buttons "
                        "(check-in, approval, quality check, delivery, invoicing).",
                    ))
        return super().create(vals_list)

    def write(self, vals):
        check_computed(self, vals, self._dealer_computed_only_fields())
        if ORDER_ACTION_FIELDS & set(vals) and not is_unsealed(self.env):
            raise UserError(self.env._(
                "The status of %(orders)s changes only through its buttons (check-in, approval, quality "
                "check, delivery, invoicing, cancellation), which check that the step is complete.",
                orders=", ".join(self.mapped("name")),
            ))
        return super().write(vals)

    @api.constrains("partner_id", "vehicle_id", "insurer_id", "mileage", "company_id")
    def _check_not_invoiced(self):
        invoiced = self.filtered(lambda o: o.state == "invoiced")
        if invoiced:
            raise UserError(self.env._(
                "%(orders)s is invoiced and locked: correct it with a credit note.",
                orders=", ".join(invoiced.mapped("name")),
            ))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda o: o.state not in ("draft", "cancel"))
        if started:
            raise UserError(self.env._(
                "Only draft or cancelled repair orders can be deleted; cancel %(orders)s first.",
                orders=", ".join(started.mapped("name")),
            ))

    def _check_lines_editable(self):
        locked = self.filtered(lambda o: o.state in ("invoiced", "cancel"))
        if locked:
            raise UserError(self.env._(
                "The lines of %(orders)s can no longer be changed (invoiced or cancelled): "
                "corrections of an invoiced order go through a credit note.",
                orders=", ".join(locked.mapped("name")),
            ))

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda o: o.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "%(action)s is not possible for %(orders)s: allowed only in state %(states)s.",
                action=action,
                orders=", ".join(f"{o.name} ({labels[o.state]})" for o in wrong),
                states=", ".join(labels[s] for s in allowed),
            ))

    # ------------------------------------------------------------
    # State machine
    # ------------------------------------------------------------

    def action_check_in(self):
        self._check_state(["draft"], self.env._("Check-in"))
        self._check_check_in_data()
        with unsealed(self.env):
            self.write({"state": "checked_in"})
        self._action_check_in()
        return True

    def _check_check_in_data(self):
        is_manager = self.env.user.has_group("dealer_service.dealer_service_group_manager")
        for order in self:
            missing = [
                order._fields[fname]._description_string(self.env)
                for fname in ("mileage", "fuel_level", "customer_complaint", "old_part_choice",
                              "covers_fitted", "valuables_reminded")
                if not order[fname]
            ]
            if missing:
                raise UserError(self.env._(
                    "Complete the walk-around check of %(order)s before check-in: %(fields)s.",
                    order=order.name, fields=", ".join(missing),
                ))
            last = order.vehicle_id.odometer
            if order.mileage < last:
                if not is_manager or not order.mileage_override_reason:
                    raise UserError(self.env._(
                        "The mileage %(mileage)s km of %(order)s is lower than the %(last)s km last recorded "
                        "for %(vehicle)s: correct it, or have a service manager check in with a reason "
                        "for the override.",
                        mileage=order.mileage, order=order.name, last=int(last), vehicle=order.vehicle_id.display_name,
                    ))

    def _action_check_in(self):
        """Hook after check-in: record the mileage on the vehicle's odometer."""
        for order in self:
            last = order.vehicle_id.odometer
            if order.mileage < last:
                order.message_post(body=self.env._(
                    "Mileage override by %(user)s: %(mileage)s km recorded although %(last)s km was last "
                    "recorded. Reason: %(reason)s",
                    user=self.env.user.name, mileage=order.mileage, last=int(last),
                    reason=order.mileage_override_reason,
                ))
            with unsealed(self.env):
                order.odometer_id = self.env["fleet.vehicle.odometer"].create({
                    "vehicle_id": order.vehicle_id.id,
                    "value": order.mileage,
                    # later visits compare with this reading, not with the old cluster's
                    "dealer_cluster_replaced": order.mileage < last,
                    "date": fields.Date.context_today(order, order.date_in),
                    "driver_id": order.partner_id.id,
                    "dealer_repair_order_id": order.id,
                })
            if not order.vehicle_id.customer_id:
                order.vehicle_id.customer_id = order.partner_id
        self.vehicle_id.invalidate_recordset(["odometer", "odometer_count"])

    def action_approve(self):
        self._check_state(["checked_in"], self.env._("Approval"))
        for order in self:
            if not order.diagnosis_signature or not order.work_order_signature:
                raise UserError(self.env._(
                    "The customer has not signed the diagnosis sheet and the work order of %(order)s yet.",
                    order=order.name,
                ))
            if not order.line_ids:
                raise UserError(self.env._(
                    "%(order)s has no line: add the labour and parts the customer approves.", order=order.name,
                ))
        self.line_ids.filtered(lambda rec: rec.approval_state != "declined")._check_payer_partner()
        with unsealed(self.env):
            self.write({"state": "approved"})
        self._action_approve()
        return True

    def _action_approve(self):
        """Hook after the customer's approval: issue the parts from the warehouse."""
        self._create_parts_moves()

    def action_start_repair(self):
        self._check_state(["approved"], self.env._("Starting the repair"))
        with unsealed(self.env):
            self.write({"state": "in_progress"})
        self._action_start_repair()
        return True

    def _action_start_repair(self):
        """Hook after the repair started."""

    def action_request_quality_check(self):
        self._check_state(["in_progress"], self.env._("Quality check"))
        pending = self.line_ids.filtered(lambda rec: rec.approval_state == "pending")
        if pending:
            raise UserError(self.env._(
                "The customer has not answered the added work %(lines)s: record the approval or the refusal "
                "before the quality check.",
                lines=", ".join(f"{line.order_id.name}: {line.name}" for line in pending),
            ))
        with unsealed(self.env):
            self.write({"state": "quality_check"})
        self._action_request_quality_check()
        return True

    def _action_request_quality_check(self):
        """Hook after the vehicle went to quality check."""

    def action_mark_ready(self):
        self._check_state(["quality_check"], self.env._("Marking ready"))
        self._dealer_check_final_inspection()
        with unsealed(self.env):
            self.write({"state": "ready"})
        self._action_mark_ready()
        return True

    def _action_mark_ready(self):
        """Hook after the vehicle passed the quality check."""

    def _action_back_to_repair(self):
        """Send vehicles that failed the quality check back to the workshop."""
        self._check_state(["quality_check"], self.env._("Sending back to repair"))
        with unsealed(self.env):
            self.write({"state": "in_progress"})
        self._action_back_to_repair_done()
        return True

    def _action_back_to_repair_done(self):
        """Hook after a vehicle went back to the workshop."""

    def action_deliver(self):
        self._check_state(["ready"], self.env._("Delivery"))
        checklist = ("delivery_washed", "delivery_walkround", "delivery_charges_explained", "delivery_old_parts")
        for order in self:
            missing = [order._fields[f]._description_string(self.env) for f in checklist if not order[f]]
            if missing:
                raise UserError(self.env._(
                    "Complete the delivery checklist of %(order)s: %(items)s.",
                    order=order.name, items=", ".join(missing),
                ))
        self._check_parts_issued()
        with unsealed(self.env):
            self.write({"state": "delivered", "date_delivered": fields.Datetime.now()})
        self._action_deliver()
        return True

    def _check_parts_issued(self):
        """A vehicle leaves (and is billed) only with its parts issued from the warehouse, or
        taken off the order with a reason (Remove from Order)."""
        unissued = self.line_ids.filtered(
            lambda rec: rec.line_type in ("part", "accessory") and rec.product_id.type == "consu"
            and rec.approval_state in ("not_required", "approved") and rec.quantity and not rec._is_issued()
        )
        if unissued:
            raise UserError(self.env._(
                "The parts %(lines)s of %(orders)s are not issued from the warehouse yet: issue them (validate "
                "the parts picking), or use Remove from Order on the lines not fitted, with the reason.",
                lines=", ".join(unissued.mapped("name")), orders=", ".join(unissued.order_id.mapped("name")),
            ))

    def _action_deliver(self):
        """Hook after the vehicle was handed back to the customer."""

    def action_create_invoices(self):
        self._check_state(["delivered"], self.env._("Invoicing"))
        self.line_ids.filtered(lambda rec: rec.approval_state != "declined")._check_payer_partner()
        self._check_parts_issued()
        with unsealed(self.env):
            self.write({"state": "invoiced", "date_invoiced": fields.Date.context_today(self)})
        self._action_create_invoices()
        if len(self) == 1:
            return self.action_view_invoices()
        return True

    def _action_create_invoices(self):
        """Hook making the orders' invoices at settlement, in steps a module overrides:
        ``_get_invoiceable_lines`` (which lines), ``line._get_invoice_grouping_key`` (which invoice),
        ``_prepare_invoice_values`` and ``_prepare_invoice_lines_values`` (what it says),
        ``_dealer_post_invoices`` (which are posted at once). Returns the invoices."""
        vals_list = []
        for order in self:
            vals_list.extend(order._prepare_invoice_values(key, lines)
                             for key, lines in order._get_invoice_groups().items())
        invoices = self.env["account.move"].create(vals_list)
        self._dealer_post_invoices(invoices)
        return invoices

    def _get_invoice_groups(self):
        """``{grouping key: lines}``: one invoice per key (``line._get_invoice_grouping_key``). A module
        adds an invoice that no line's key makes (e.g. the customer's share of lines another payer bills)
        with a key of its own and no lines."""
        self.ensure_one()
        groups = defaultdict(lambda: self.env["dealer.repair.order.line"])
        for line in self._get_invoiceable_lines():
            groups[line._get_invoice_grouping_key()] |= line
        return groups

    def _get_invoiceable_lines(self):
        """The lines of this order invoiced at settlement: what the customer did not decline, not internal
        (the store's own cost) and with a quantity. A module drops the lines settled otherwise (e.g.
        warranty lines claimed from the OEM)."""
        self.ensure_one()
        return self.line_ids.filtered(
            lambda rec: rec.payer != "internal" and rec.approval_state != "declined" and rec.quantity
        )

    def _prepare_invoice_values(self, key, lines):
        """Values of the customer invoice of ``lines``, which share the grouping ``key``
        (see ``dealer.repair.order.line._get_invoice_grouping_key``)."""
        self.ensure_one()
        return {
            "move_type": "out_invoice",
            "company_id": self.company_id.id,
            "partner_id": key["partner_id"],
            "invoice_origin": self.name,
            "invoice_user_id": self.user_id.id,
            "dealer_repair_order_id": self.id,
            "invoice_line_ids": [Command.create(vals) for vals in self._prepare_invoice_lines_values(key, lines)],
        }

    def _prepare_invoice_lines_values(self, key, lines):
        """Values of the invoice lines billing ``lines``: one per order line, linked to it. An override may
        return other lines (e.g. one per approved insurance assessment instead of the insurer's lines);
        each invoice line that stands for one order line keeps ``dealer_repair_line_id``."""
        self.ensure_one()
        return [line._prepare_invoice_line_values() for line in lines]

    def _dealer_post_invoices(self, invoices):
        """Post the invoices made at settlement: all of them at once by default. A module keeps some
        in draft by posting only the others: ``super()._dealer_post_invoices(invoices - kept)``."""
        invoices.action_post()

    def action_cancel(self):
        allowed = ["draft", "checked_in", "approved", "in_progress", "quality_check", "ready"]
        self._check_state(allowed, self.env._("Cancelling"))
        # the open jobs no longer hold the workshop's capacity
        self.job_ids._dealer_cancel_with_order()
        with unsealed(self.env):
            self.write({"state": "cancel"})
        self._action_cancel()
        return True

    def _action_cancel(self):
        """Hook after cancelling: give back the parts not issued yet."""
        self.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")).action_cancel()

    # ------------------------------------------------------------
    # Parts and added work
    # ------------------------------------------------------------

    def _get_parts_picking_type(self):
        """Operation type of the store's warehouse used to issue parts to this order."""
        self.ensure_one()
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.company_id.id)], limit=1)
        if not warehouse.out_type_id:
            raise UserError(self.env._(
                "%(store)s has no warehouse to issue parts from: create one in Inventory.",
                store=self.company_id.display_name,
            ))
        return warehouse.out_type_id

    def _create_parts_moves(self):
        """Create (or extend) one open picking per order with a move per approved part line."""
        for order in self:
            lines = order.line_ids.filtered(
                lambda rec: rec.line_type in ("part", "accessory") and rec.product_id.type == "consu"
                and rec.approval_state in ("not_required", "approved") and rec.quantity
                and not rec.move_ids.filtered(lambda move: move.state != "cancel")
            )
            if not lines:
                continue
            picking_type = order._get_parts_picking_type()
            picking = order.picking_ids.filtered(
                lambda p, t=picking_type: p.picking_type_id == t and p.state not in ("done", "cancel")
            )[:1]
            if not picking:
                picking = self.env["stock.picking"].create({
                    "picking_type_id": picking_type.id,
                    "partner_id": order.partner_id.id,
                    "origin": order.name,
                    "company_id": order.company_id.id,
                    "dealer_repair_order_id": order.id,
                    "location_id": picking_type.default_location_src_id.id,
                    "location_dest_id": (picking_type.default_location_dest_id
                                         or self.env.ref("stock.stock_location_customers")).id,
                })
            moves = self.env["stock.move"].create([{
                "product_id": line.product_id.id,
                "product_uom_qty": line.quantity,
                "product_uom": (line.product_uom_id or line.product_id.uom_id).id,
                "picking_id": picking.id,
                "picking_type_id": picking_type.id,
                "location_id": picking.location_id.id,
                "location_dest_id": picking.location_dest_id.id,
                "company_id": order.company_id.id,
                "origin": order.name,
                "dealer_repair_line_id": line.id,
            } for line in lines])
            moves = moves.with_context(**self.env["stock.quant"]._dealer_prefetch_context(moves))._action_confirm()
            # the operation types that reserve at confirmation have reserved already
            moves.filtered(
                lambda move: move.state in ("confirmed", "partially_available") and not move._should_assign_at_confirm()
            )._action_assign()

    def action_open_added_work_answer(self):
        """The customer answers the added work at the counter: approve or decline each line, and sign."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer's Answer to Added Work"),
            "res_model": "dealer.added.work.answer",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _portal_answer_added_work(self, line_ids, approve, signer_name=None, signature=None):
        """The customer's answer through the portal link: approve or decline exactly the
        named lines of this order; any other line is refused."""
        self.ensure_one()
        wanted = set(line_ids)
        lines = self.line_ids.filtered(lambda rec: rec.id in wanted and rec.approval_state == "pending")
        if not wanted or len(lines) != len(wanted):
            raise UserError(self.env._("These lines are not waiting for your answer on %(order)s.", order=self.name))
        if approve and not signature:
            raise UserError(self.env._("Please sign to approve the added work."))
        if signature:
            self.added_work_signature = signature
        return lines._set_approval("approved" if approve else "declined", "portal", signer_name)

    def _add_service_package(self, package, payer="customer"):
        """Add the labour and part lines of a maintenance package to the order."""
        self.ensure_one()
        commands = []
        for pline in package.line_ids:
            vals = {"payer": payer, "line_type": pline.line_type}
            if pline.line_type == "labour":
                vals["labour_operation_id"] = pline.labour_operation_id.id
            else:
                vals.update(product_id=pline.product_id.id, quantity=pline.quantity)
            commands.append(Command.create(vals))
        self.line_ids = commands
        self.message_post(body=self.env._("Maintenance package added: %(package)s", package=package.name))

    def action_open_package_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Add a Maintenance Package"),
            "res_model": "dealer.repair.order.package.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    # ------------------------------------------------------------
    # Navigation
    # ------------------------------------------------------------

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        action["domain"] = [("dealer_repair_order_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        if len(self.invoice_ids) == 1:
            action.update(views=[(False, "form")], res_id=self.invoice_ids.id)
        return action

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("dealer_repair_order_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name

    # --- end of reception methods ---

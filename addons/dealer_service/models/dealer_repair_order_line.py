from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command

from .dealer_repair_order import PAYERS, PRICE_GROUPS, TRADES

LINE_TYPES = [
    ("labour", "Labour"),
    ("part", "Part"),
    ("sublet", "Sublet"),
    ("accessory", "Accessory"),
]
APPROVAL_STATES = [
    ("not_required", "Not Required"),
    ("pending", "Waiting for Customer"),
    ("approved", "Approved"),
    ("declined", "Declined"),
]
APPROVAL_METHODS = [
    ("signature", "Signature"),
    ("phone", "Phone"),
    ("portal", "Online (portal)"),
]
# what only a service advisor or manager may set
PRICE_FIELDS = {"price_unit", "discount", "tax_ids", "discount_approved_by_id"}
# what an invoiced order's lines can no longer change
LOCKED_FIELDS = {
    "order_id", "line_type", "product_id", "name", "quantity", "product_uom_id", "price_unit",
    "discount", "payer", "payer_partner_id", "tax_ids", "labour_operation_id",
}
# order states in which a new line is added work found in the workshop (增修)
ADDED_WORK_STATES = ("approved", "in_progress", "quality_check")


class DealerRepairOrderLine(models.Model):
    """A line of a repair order: labour, part, sublet or accessory, each with its payer."""

    _name = "dealer.repair.order.line"
    _description = "Repair Order Line"
    _order = "order_id, sequence, id"
    _check_company_auto = True

    order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", required=True, index=True, ondelete="cascade",
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True, precompute=True)
    currency_id = fields.Many2one(related="order_id.currency_id")
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(LINE_TYPES, string="Type", required=True, default="labour")
    labour_operation_id = fields.Many2one(
        "dealer.labour.operation", string="Labour Operation", check_company=True, index="btree_not_null",
    )
    trade = fields.Selection(
        TRADES, compute="_compute_trade", store=True, readonly=False, precompute=True,
    )
    product_id = fields.Many2one(
        "product.product", string="Product", check_company=True, index=True,
        compute="_compute_product_id", store=True, readonly=False, precompute=True,
    )
    name = fields.Text(
        string="Description", required=True,
        compute="_compute_name", store=True, readonly=False, precompute=True,
    )
    quantity = fields.Float(
        string="Quantity", digits="Product Unit",
        compute="_compute_quantity", store=True, readonly=False, precompute=True,
        help="Hours for labour, units for parts.",
    )
    product_uom_id = fields.Many2one(
        "uom.uom", string="Unit", compute="_compute_product_uom_id", store=True, readonly=False, precompute=True,
    )
    price_unit = fields.Float(
        string="Unit Price", digits="Product Price",
        compute="_compute_price_unit", store=True, readonly=False, precompute=True,
        help="Hourly rate of the trade for labour, sales price for parts.",
    )
    discount = fields.Float(string="Discount (%)", digits="Discount")
    discount_approved_by_id = fields.Many2one(
        "res.users", string="Discount Approved By", readonly=True, copy=False
    )
    payer = fields.Selection(PAYERS, required=True, default="customer")
    payer_partner_id = fields.Many2one(
        "res.partner", string="Billed Partner", index=True,
        compute="_compute_payer_partner_id", store=True, readonly=False, precompute=True,
        help="Customer, the brand's OEM for warranty or the insurer: invoices are made per billed partner.",
    )
    tax_ids = fields.Many2many(
        "account.tax", string="Taxes", check_company=True,
        domain=[("type_tax_use", "=", "sale")],
        compute="_compute_tax_ids", store=True, readonly=False, precompute=True,
    )
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_amount", store=True
    )
    price_tax = fields.Monetary(string="Tax", compute="_compute_amount", store=True)
    price_total = fields.Monetary(string="Total", compute="_compute_amount", store=True)
    is_added_work = fields.Boolean(
        string="Added Work", copy=False,
        help="Work found in the workshop after the customer approved the order: "
        "it needs the customer's approval before it is started or parts are issued.",
    )
    added_work_reason = fields.Text(string="Reason for Added Work")
    added_work_photo_ids = fields.Many2many(
        "ir.attachment", "dealer_repair_order_line_photo_rel", "line_id", "attachment_id",
        string="Photos",
    )
    approval_state = fields.Selection(
        APPROVAL_STATES, string="Customer Approval", required=True, readonly=True, copy=False,
        compute="_compute_approval_state", store=True, precompute=True, index=True,
    )
    approved_by = fields.Many2one("res.users", string="Recorded By", readonly=True, copy=False)
    approval_date = fields.Datetime(string="Approval Date", readonly=True, copy=False)
    approval_method = fields.Selection(APPROVAL_METHODS, readonly=True, copy=False)
    move_ids = fields.One2many("stock.move", "dealer_repair_line_id", string="Stock Moves", readonly=True)
    parts_waiting = fields.Boolean(
        string="Parts Waiting", compute="_compute_parts_waiting", search="_search_parts_waiting",
        compute_sudo=True,
        help="Parts of this line are neither issued nor reserved in the warehouse.",
    )

    @api.depends("labour_operation_id")
    def _compute_trade(self):
        for line in self:
            if line.labour_operation_id:
                line.trade = line.labour_operation_id.trade

    @api.depends("labour_operation_id")
    def _compute_product_id(self):
        for line in self:
            if line.labour_operation_id:
                line.product_id = line.labour_operation_id.product_id

    @api.depends("product_id", "labour_operation_id")
    def _compute_name(self):
        for line in self:
            if line.labour_operation_id:
                line.name = line.labour_operation_id.display_name
            elif line.product_id:
                line.name = line.product_id.get_product_multiline_description_sale() or line.product_id.display_name
            elif not line.name:
                line.name = False

    @api.depends("labour_operation_id", "order_id.vehicle_id")
    def _compute_quantity(self):
        for line in self:
            if line.labour_operation_id:
                line.quantity = line.labour_operation_id._get_hours(line.order_id.vehicle_id.model_id)
            elif not line.quantity:
                line.quantity = 1.0

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for line in self:
            line.product_uom_id = line.product_id.uom_id

    @api.depends("product_id", "line_type", "trade", "order_id.company_id")
    def _compute_price_unit(self):
        rates = {}
        for line in self:
            if line.line_type == "labour" and line.trade:
                key = (line.order_id.company_id.id, line.trade)
                if key not in rates:
                    rates[key] = self.env["dealer.labour.rate"].search(
                        [("company_id", "=", key[0]), ("trade", "=", line.trade)], limit=1,
                    ).rate
                line.price_unit = rates[key]
            elif line.product_id:
                line.price_unit = line.product_id.lst_price
            else:
                line.price_unit = line.price_unit or 0.0

    @api.depends("product_id", "order_id.company_id")
    def _compute_tax_ids(self):
        for line in self:
            company = line.order_id.company_id or self.env.company
            line.tax_ids = line.product_id.taxes_id._filter_taxes_by_company(company)

    @api.depends("payer", "order_id.partner_id", "order_id.insurer_id", "order_id.vehicle_id")
    def _compute_payer_partner_id(self):
        for line in self:
            order = line.order_id
            line.payer_partner_id = {
                "customer": order.partner_id,
                "warranty": order.vehicle_id.brand_id.dealer_oem_partner_id,
                "insurance": order.insurer_id,
                "internal": order.company_id.partner_id,
            }.get(line.payer) or order.partner_id

    @api.depends("is_added_work")
    def _compute_approval_state(self):
        for line in self:
            if not line.approval_state or line.approval_state in ("not_required", "pending"):
                line.approval_state = "pending" if line.is_added_work else "not_required"

    @api.depends("quantity", "price_unit", "discount", "tax_ids", "payer_partner_id")
    def _compute_amount(self):
        AccountTax = self.env["account.tax"]
        for line in self:
            company = line.order_id.company_id or self.env.company
            base_line = AccountTax._prepare_base_line_for_taxes_computation(
                line,
                price_unit=line.price_unit,
                quantity=line.quantity,
                discount=line.discount,
                tax_ids=line.tax_ids,
                partner_id=line.payer_partner_id,
                currency_id=line.order_id.currency_id or company.currency_id,
                product_id=line.product_id,
            )
            AccountTax._add_tax_details_in_base_line(base_line, company)
            AccountTax._round_base_lines_tax_details([base_line], company)
            line.price_subtotal = base_line["tax_details"]["total_excluded_currency"]
            line.price_total = base_line["tax_details"]["total_included_currency"]
            line.price_tax = line.price_total - line.price_subtotal

    @api.depends("move_ids.state")
    def _compute_parts_waiting(self):
        for line in self:
            line.parts_waiting = any(
                move.state not in ("done", "assigned", "cancel") for move in line.move_ids
            )

    def _search_parts_waiting(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        # any!: roles that see a line's parts status (technicians) need no stock rights to filter on it
        domain = [("move_ids", "any!", [("state", "in", ("draft", "waiting", "confirmed", "partially_available"))])]
        positive = (True in value) == (operator == "in")
        return domain if positive else ["!", *domain]

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity < 0:
                raise ValidationError(self.env._(
                    "The quantity of %(line)s on %(order)s is negative: enter a positive quantity "
                    "(returns of parts go through the warehouse).",
                    line=line.name or "-", order=line.order_id.name,
                ))

    @api.constrains("discount")
    def _check_discount(self):
        # constraints run as superuser: env.user is still the user who changed the discount
        is_manager = self.env.user.has_group("dealer_service.dealer_service_group_manager")
        for line in self:
            limit = line.order_id.company_id.dealer_advisor_discount_limit
            if line.discount < 0 or line.discount > 100:
                raise ValidationError(self.env._(
                    "The discount of %(line)s must be between 0%% and 100%%.", line=line.name or "-",
                ))
            if line.discount > limit and not is_manager:
                raise ValidationError(self.env._(
                    "A discount of %(discount)s%% on %(line)s is above your limit of %(limit)s%% in %(store)s: "
                    "ask a service manager to approve and enter it.",
                    discount=line.discount, line=line.name or "-", limit=limit,
                    store=line.order_id.company_id.display_name,
                ))

    def _can_change_prices(self):
        return self.env.su or self.env.user.has_group(PRICE_GROUPS)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._can_change_prices():
            # lines reported by the workshop are priced by the catalogue, whatever was sent
            for vals in vals_list:
                for fname in PRICE_FIELDS:
                    vals.pop(fname, None)
        orders = self.env["dealer.repair.order"].browse({vals.get("order_id") for vals in vals_list})
        orders._check_lines_editable()
        for vals in vals_list:
            order = orders.filtered(lambda o, vals=vals: o.id == vals.get("order_id"))
            if "is_added_work" not in vals and order.state in ADDED_WORK_STATES:
                vals["is_added_work"] = True
        lines = super().create(vals_list)
        lines._record_discount_approval()
        lines.order_id.filtered(lambda o: o.state in ("approved", "in_progress"))._create_parts_moves()
        return lines

    def write(self, vals):
        if PRICE_FIELDS & set(vals) and not self._can_change_prices():
            raise AccessError(self.env._(
                "Only service advisors and managers can change prices, discounts and taxes of repair order lines.",
            ))
        if LOCKED_FIELDS & set(vals):
            self.order_id._check_lines_editable()
        if {"product_id", "quantity"} & set(vals):
            self._check_parts_not_issued()
        res = super().write(vals)
        if "discount" in vals:
            self._record_discount_approval()
        if {"product_id", "quantity"} & set(vals):
            self._update_parts_moves()
        return res

    def unlink(self):
        self.move_ids.filtered(lambda move: move.state not in ("done", "cancel"))._action_cancel()
        return super().unlink()

    def _check_parts_not_issued(self):
        issued = self.filtered(lambda rec: any(move.state == "done" for move in rec.move_ids))
        if issued:
            raise UserError(self.env._(
                "Parts of %(lines)s were already issued from the warehouse: return them before changing the line.",
                lines=", ".join(issued.mapped("name")),
            ))

    def _update_parts_moves(self):
        """Follow a changed part or quantity in the warehouse: the open moves are replaced."""
        changed = self.filtered(lambda rec: rec.move_ids.filtered(lambda move: move.state != "cancel"))
        if not changed:
            return
        changed.move_ids.filtered(lambda move: move.state != "cancel")._action_cancel()
        changed.order_id.filtered(lambda o: o.state in ("approved", "in_progress"))._create_parts_moves()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.order_id._check_lines_editable()
        issued = self.move_ids.filtered(lambda m: m.state == "done")
        if issued:
            raise UserError(self.env._(
                "Parts of %(lines)s were already issued from the warehouse: return them before deleting the line.",
                lines=", ".join(issued.dealer_repair_line_id.mapped("name")),
            ))

    def _record_discount_approval(self):
        """Remember the manager who granted a discount above the store's advisor limit."""
        above = self.filtered(lambda rec: rec.discount > rec.order_id.company_id.dealer_advisor_discount_limit)
        if above:
            above.write({"discount_approved_by_id": self.env.uid})

    # ------------------------------------------------------------
    # Added work approval
    # ------------------------------------------------------------

    def _check_added_work_approved(self):
        """Raise unless every added-work line of ``self`` has the customer's approval.

        Call it before starting a job or issuing parts for a line."""
        unapproved = self.filtered(lambda rec: rec.is_added_work and rec.approval_state != "approved")
        if unapproved:
            raise UserError(self.env._(
                "The added work %(lines)s has no customer approval yet: record the customer's signature "
                "or phone approval (or send the portal link) before starting it or issuing its parts.",
                lines=", ".join(f"{line.order_id.name}: {line.name}" for line in unapproved),
            ))

    def _check_pending(self):
        not_pending = self.filtered(lambda rec: rec.approval_state != "pending")
        if not_pending:
            raise UserError(self.env._(
                "Only lines waiting for the customer can be approved or declined; %(lines)s are not.",
                lines=", ".join(not_pending.mapped("name")),
            ))

    def _set_approval(self, state, method, signer_name=None):
        """Record the customer's answer on pending lines, log it on the order, issue approved parts."""
        self._check_pending()
        self.write({
            "approval_state": state,
            "approved_by": False if method == "portal" else self.env.uid,
            "approval_date": fields.Datetime.now(),
            "approval_method": method,
        })
        method_label = dict(self._fields["approval_method"]._description_selection(self.env))[method]
        for order in self.order_id:
            lines = self.filtered(lambda rec, order=order: rec.order_id == order)
            if state == "approved":
                body = self.env._(
                    "Added work approved by %(signer)s (%(method)s, recorded by %(user)s): %(lines)s",
                    signer=signer_name or order.partner_id.name, method=method_label,
                    user=self.env.user.name, lines=", ".join(lines.mapped("name")),
                )
            else:
                body = self.env._(
                    "Added work declined by %(signer)s (%(method)s, recorded by %(user)s): %(lines)s",
                    signer=signer_name or order.partner_id.name, method=method_label,
                    user=self.env.user.name, lines=", ".join(lines.mapped("name")),
                )
            author = self.env.context.get("dealer_portal_author")
            order.message_post(body=body, **({"author_id": author} if author else {}))
        if state == "approved":
            self.order_id.filtered(lambda o: o.state in ("approved", "in_progress"))._create_parts_moves()
        return True

    def action_approve_by_phone(self):
        """The SA called the customer, who agreed: logged with time and SA."""
        return self._set_approval("approved", "phone")

    def action_decline(self):
        return self._set_approval("declined", "phone")

    def _prepare_invoice_line_values(self):
        self.ensure_one()
        return {
            "display_type": "product",
            "product_id": self.product_id.id,
            "name": self.name,
            "quantity": self.quantity,
            "product_uom_id": (self.product_uom_id or self.product_id.uom_id).id,
            "price_unit": self.price_unit,
            "discount": self.discount,
            "tax_ids": [Command.set(self.tax_ids.ids)],
        }

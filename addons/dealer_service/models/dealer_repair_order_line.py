from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import frozendict

from ..sealed import is_unsealed, unsealed
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
# what the server sets when the workshop reports a line: the catalogue's price, the payer's partner
PRICE_FIELDS = {"price_unit", "discount", "tax_ids", "payer_partner_id"}
# what an invoiced order's lines can no longer change
LOCKED_FIELDS = {
    "order_id", "line_type", "product_id", "name", "quantity", "product_uom_id", "price_unit",
    "discount", "payer", "payer_partner_id", "tax_ids", "labour_operation_id", "trade",
}
# what only the action methods change on a line: whether it is added work and the customer's answer
LINE_ACTION_FIELDS = {
    "is_added_work", "approval_state", "approved_by", "approval_date", "approval_method", "discount_approved_by_id",
}
# the roles of the repair order, each held through the group of its demo user (implied groups
# included: a QC inspector is also a technician, a service manager holds every role)
ROLE_GROUPS = {
    "advisor": "dealer_service.dealer_service_group_advisor",
    "technician": "dealer_service.dealer_service_group_technician",
    "qc": "dealer_service.dealer_service_group_qc_inspector",
    "workshop": "dealer_service.dealer_service_group_workshop_manager",
    "manager": "dealer_service.dealer_service_group_manager",
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
    invoice_line_ids = fields.One2many(
        "account.move.line", "dealer_repair_line_id", string="Invoice Lines", readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
        help="The invoice and credit note lines billing this line.",
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
        """The product's taxes in the store; a line without a product (manual labour,
        sublet, a health-check recommendation) gets the store's default sales tax."""
        for line in self:
            company = line.order_id.company_id or self.env.company
            line.tax_ids = line.product_id.taxes_id._filter_taxes_by_company(company) if line.product_id \
                else company.account_sale_tax_id

    @api.depends(
        "payer", "order_id.partner_id", "order_id.insurer_id", "order_id.company_id",
        "order_id.vehicle_id.brand_id.dealer_oem_partner_id",
    )
    def _compute_payer_partner_id(self):
        for line in self:
            if line.order_id.state == "invoiced":
                continue  # billed: the invoices keep the partner they were made out to
            line.payer_partner_id = line._get_payer_partner()

    def _get_payer_partner(self):
        """The partner billed for this line: ``_get_payer_partner_<payer>()``, so that a module adding
        a payer (``selection_add`` on ``payer``) adds only that method (and extends the depends of
        ``_compute_payer_partner_id`` with what it reads). No fallback on the customer: a line whose
        payer has nobody to bill is refused at approval and at invoicing (``_check_payer_partner``)."""
        self.ensure_one()
        method = getattr(self, f"_get_payer_partner_{self.payer}", None) if self.payer else None
        return method() if method else self.env["res.partner"]

    def _get_payer_partner_customer(self):
        return self.order_id.partner_id

    def _get_payer_partner_warranty(self):
        """The OEM of the vehicle's brand pays the warranty."""
        return self.order_id.vehicle_id.brand_id.dealer_oem_partner_id

    def _get_payer_partner_insurance(self):
        return self.order_id.insurer_id

    def _get_payer_partner_internal(self):
        """The store itself bears internal work (never invoiced)."""
        return self.order_id.company_id.partner_id

    def _check_payer_partner(self):
        """Refuse lines that have nobody to bill: the customer never pays for the OEM or the insurer."""
        problems = []
        for line in self.filtered(lambda rec: not rec.payer_partner_id):
            order = line.order_id
            if line.payer == "warranty":
                problems.append(self.env._(
                    "%(line)s on %(order)s is billed to the OEM warranty, but the brand %(brand)s has no OEM "
                    "partner: set the brand's OEM partner or change the payer of the line.",
                    line=line.name, order=order.name, brand=order.vehicle_id.brand_id.name or "-",
                ))
            elif line.payer == "insurance":
                problems.append(self.env._(
                    "%(line)s on %(order)s is billed to the insurer, but %(order)s has no insurer: "
                    "set the insurer of the order or change the payer of the line.",
                    line=line.name, order=order.name,
                ))
            else:
                problems.append(self.env._(
                    "%(line)s on %(order)s has no billed partner: set the billed partner of the line.",
                    line=line.name, order=order.name,
                ))
        if problems:
            raise UserError("\n".join(problems))

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

    @api.model
    def _dealer_field_roles(self):
        """Who may change which field of a repair order line: ``{field: roles}``, a role being a
        key of ``ROLE_GROUPS``. Enforced in ``write`` for every client (form, list, import, RPC).

        ======================================  =======  ==========  ==  ========  =======
        field                                   advisor  technician  qc  workshop  manager
        ======================================  =======  ==========  ==  ========  =======
        sequence, name (the description)        yes      yes         yes yes       yes
        added_work_reason, added_work_photo_ids yes      yes         yes yes       yes
        order_id, line_type, trade,             yes      no          no  no        yes
        labour_operation_id, product_id,
        quantity, product_uom_id (the price)
        price_unit, discount, tax_ids           yes      no          no  no        yes
        payer, payer_partner_id                 yes      no          no  no        yes
        dealer_declined_work_id                 yes      no          no  no        yes
        ======================================  =======  ==========  ==  ========  =======

        The workshop roles report added work by creating lines, priced by the catalogue and paid by
        the customer until an advisor decides otherwise (``create``); they document it (description,
        reason, photos) but change nothing that makes the price or the payer. The order itself is read-only
        for the workshop roles (``ir.model.access.csv``). Whatever the role, the added-work flag and
        the customer's approval (``LINE_ACTION_FIELDS``) change only through the action methods, and
        an invoiced order locks ``LOCKED_FIELDS``.
        """
        everyone = tuple(ROLE_GROUPS)
        reception = ("advisor", "manager")
        return {
            "sequence": everyone,
            "name": everyone,
            "added_work_reason": everyone,
            "added_work_photo_ids": everyone,
            **dict.fromkeys((
                "order_id", "line_type", "labour_operation_id", "trade", "product_id", "quantity",
                "product_uom_id", "price_unit", "discount", "tax_ids", "payer", "payer_partner_id",
                "dealer_declined_work_id",
            ), reception),
        }

    def _dealer_refused_fields(self, fnames):
        """The fields of ``fnames`` the current user's roles may not change."""
        if self.env.su:
            return []
        user = self.env.user
        roles = {role for role, group in ROLE_GROUPS.items() if user.has_group(group)}
        table = self._dealer_field_roles()
        return [fname for fname in fnames if fname in table and not roles.intersection(table[fname])]

    def _can_change_prices(self):
        return self.env.su or self.env.user.has_group(PRICE_GROUPS)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._can_change_prices():
            # lines reported by the workshop are priced by the catalogue, whatever was sent
            for vals in vals_list:
                for fname in PRICE_FIELDS:
                    vals.pop(fname, None)
                if vals.get("payer", "customer") != "customer":
                    raise AccessError(self.env._(
                        "Only service advisors and managers decide who pays a line: report the work for "
                        "the customer, the advisor changes the payer.",
                    ))
        orders = self.env["dealer.repair.order"].browse({vals.get("order_id") for vals in vals_list})
        orders._check_lines_editable()
        action = is_unsealed(self.env)
        for vals in vals_list:
            order = orders.filtered(lambda o, vals=vals: o.id == vals.get("order_id"))
            if not action:
                sent = sorted(fname for fname in LINE_ACTION_FIELDS - {"is_added_work"} if vals.get(fname))
                if sent:
                    raise UserError(self.env._(
                        "The customer's approval of a line is recorded with its buttons (phone approval, "
                        "counter signature, portal), not set on a new line: %(fields)s.",
                        fields=", ".join(sent),
                    ))
                # added work is what is found once the customer approved the order, whatever was sent
                vals["is_added_work"] = order.state in ADDED_WORK_STATES
            else:
                vals.setdefault("is_added_work", order.state in ADDED_WORK_STATES)
        lines = super().create(vals_list)
        lines._record_discount_approval()
        lines.order_id.filtered(lambda o: o.state in ("approved", "in_progress"))._create_parts_moves()
        return lines

    def write(self, vals):
        if LINE_ACTION_FIELDS & set(vals) and not is_unsealed(self.env):
            raise UserError(self.env._(
                "Whether a line is added work and the customer's answer are recorded by the line's buttons "
                "(phone approval, counter signature, portal, decline), not written on %(lines)s.",
                lines=", ".join(self.mapped("name")),
            ))
        refused = self._dealer_refused_fields(vals)
        if refused:
            raise AccessError(self.env._(
                "Only service advisors and managers may change %(fields)s of repair order lines: ask one.",
                fields=", ".join(self._fields[fname]._description_string(self.env) for fname in refused),
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
        requested = self.move_ids.filtered(lambda m: m.state != "cancel")
        if requested:
            raise UserError(self.env._(
                "Parts of %(lines)s are requested from the warehouse: use Remove from Order and give the reason.",
                lines=", ".join(requested.dealer_repair_line_id.mapped("name")),
            ))

    def _remove_from_order(self, reason):
        """Take lines off their order with a reason logged on the order: their parts not issued yet
        go back to the warehouse (issued parts are returned through the warehouse first)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason why the lines are removed from the order."))
        for order in self.order_id:
            order.message_post(body=self.env._(
                "Removed from the order by %(user)s: %(lines)s. Reason: %(reason)s",
                user=self.env.user.name, reason=reason,
                lines=", ".join(self.filtered(lambda rec, order=order: rec.order_id == order).mapped("name")),
            ))
        self.move_ids.filtered(lambda move: move.state not in ("done", "cancel"))._action_cancel()
        self.unlink()
        return True

    def _is_issued(self):
        """All the parts of the line left the warehouse (its moves are done)."""
        self.ensure_one()
        moves = self.move_ids.filtered(lambda move: move.state != "cancel")
        return bool(moves) and all(move.state == "done" for move in moves)

    def _record_discount_approval(self):
        """Remember the manager who granted a discount above the store's advisor limit."""
        above = self.filtered(lambda rec: rec.discount > rec.order_id.company_id.dealer_advisor_discount_limit)
        if above:
            with unsealed(self.env):
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
        if state == "approved":
            self._check_payer_partner()
        with unsealed(self.env):
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

    def action_open_remove_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Remove from Order"),
            "res_model": "dealer.repair.order.line.remove",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_line_ids": self.ids},
        }

    def action_approve_by_phone(self):
        """The SA called the customer, who agreed: logged with time and SA."""
        return self._set_approval("approved", "phone")

    def action_decline(self):
        return self._set_approval("declined", "phone")

    def _get_income_account(self):
        """Income account of this line in its store: the product's own account, else the
        account of the line's type (labour, parts, accessories, sublet), also for a line
        without a product; mapped by the billed partner's fiscal position."""
        self.ensure_one()
        company = self.order_id.company_id
        account = self.product_id.with_company(company).property_account_income_id \
            or company._dealer_income_account(self.line_type)
        fiscal_position = self.env["account.fiscal.position"].with_company(company)._get_fiscal_position(
            self.payer_partner_id,
        )
        return fiscal_position.map_account(account) if account else account

    def _get_invoice_grouping_key(self):
        """Lines of an order with equal keys go on one invoice: by default one invoice per billed
        partner. The key is a ``frozendict`` of invoice values; a module extends it, e.g.
        ``frozendict(super()._get_invoice_grouping_key(), dealer_case_id=...)``, and reads its
        entry back in ``dealer.repair.order._prepare_invoice_values``."""
        self.ensure_one()
        return frozendict(partner_id=self.payer_partner_id.id)

    def _prepare_invoice_line_values(self):
        """Values of the invoice line billing this line, linked back to it; its type, trade and payer
        are kept on the invoice line for revenue reports read from posted accounting."""
        self.ensure_one()
        account = self._get_income_account()
        return {
            "display_type": "product",
            **({"account_id": account.id} if account else {}),
            "product_id": self.product_id.id,
            "name": self.name,
            "quantity": self.quantity,
            "product_uom_id": (self.product_uom_id or self.product_id.uom_id).id,
            "price_unit": self.price_unit,
            "discount": self.discount,
            "tax_ids": [Command.set(self.tax_ids.ids)],
            "dealer_repair_line_id": self.id,
            "dealer_line_type": self.line_type,
            "dealer_trade": self.trade,
            "dealer_payer": self.payer,
        }

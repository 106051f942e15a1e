from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import frozendict

from ..sealed import check_computed, is_unsealed, unsealed
from .dealer_repair_order import COST_GROUPS, PAYERS, PRICE_GROUPS, TRADES

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
# what happens to the part a line replaces: the order's choice (customer takes the old parts or
# leaves them), the OEM's for a warranty part (returned to the maker through the claims clerk)
OLD_PART_FATES = [
    ("customer", "Customer Takes It"),
    ("store", "Stays with the Store"),
    ("oem", "Goes to the OEM"),
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
    "fault_code", "fault_cause", "old_part_fate",
}
# what only the action methods change on a line: whether it is added work and the customer's answer
LINE_ACTION_FIELDS = {
    "is_added_work", "approval_state", "approved_by", "approval_date", "approval_method", "discount_approved_by_id",
}
# what the server alone computes on a line (the catalogue, the payer's terms, the costs): never written
COMPUTED_ONLY_FIELDS = {"list_price", "terms_discount", "percent_of_list", "revenue", "cost", "gross_profit"}
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
        help="Hours for labour (the payer's own standard hours where it has them), units for parts.",
    )
    product_uom_id = fields.Many2one(
        "uom.uom", string="Unit", compute="_compute_product_uom_id", store=True, readonly=False, precompute=True,
    )
    price_unit = fields.Float(
        string="Unit Price", digits="Product Price",
        compute="_compute_price_values", store=True, readonly=False, precompute=True,
        help="What the payer is charged: the store's rate of the trade or the list price, unless the "
        "payer has its own (the OEM's warranty rate, a payer contract's rate).",
    )
    discount = fields.Float(
        string="Discount (%)", digits="Discount",
        compute="_compute_price_values", store=True, readonly=False, precompute=True,
    )
    list_price = fields.Float(
        string="List Price", digits="Product Price",
        compute="_compute_list_price", store=True, readonly=True, precompute=True,
        help="The catalogue's price before the payer's terms and any discount: the store's rate of the "
        "trade for labour, the product's sales price for parts.",
    )
    terms_discount = fields.Float(
        string="Payer's Discount (%)", digits="Discount",
        compute="_compute_list_price", store=True, readonly=True, precompute=True,
        help="The discount the payer's contract gives on this line: the advisor's discount limit "
        "applies only above it.",
    )
    percent_of_list = fields.Float(
        string="% of List", digits=(16, 2), aggregator=False,
        compute="_compute_percent_of_list", store=True,
        help="The net unit price charged (after discount) in percent of the list price; 100 for a line "
        "without list price.",
    )
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
    date_in = fields.Datetime(related="order_id.date_in", store=True, string="Arrival")
    revenue = fields.Monetary(
        compute="_compute_revenue", store=True,
        help="What the line bills, untaxed: nothing for internal and declined lines.",
    )
    vendor_cost = fields.Monetary(
        string="Vendor Cost", copy=False, groups=COST_GROUPS,
        help="What the vendor charges the store for this sublet work, untaxed.",
    )
    cost = fields.Monetary(
        compute="_compute_cost", store=True, groups=COST_GROUPS,
        help="The stock valuation of the parts issued for the line (returns deducted), the technicians' "
        "clocked hours at the store's labour cost rate, and the vendor cost of sublet work.",
    )
    gross_profit = fields.Monetary(
        string="Gross Profit", compute="_compute_gross_profit", store=True, groups=COST_GROUPS,
    )
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
    order_state = fields.Selection(related="order_id.state", string="Order Status")
    # evidence of a warranty claim, per line
    fault_code = fields.Char(
        string="Fault Code", help="The OEM's fault (defect) code of the failure this line repairs.",
    )
    fault_cause = fields.Text(string="Cause", help="What caused the failure, as found in the workshop.")
    old_part_fate = fields.Selection(
        OLD_PART_FATES, string="Old Part",
        compute="_compute_old_part_fate", store=True, readonly=False, precompute=True,
        help="What happens to the part this line replaces: by default the order's choice, "
        "and the OEM's for a warranty part.",
    )
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

    @api.depends("labour_operation_id", "order_id.vehicle_id", "payer")
    def _compute_quantity(self):
        for line in self:
            if line.labour_operation_id:
                line.quantity = line._dealer_standard_hours()
            elif not line.quantity:
                line.quantity = 1.0

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for line in self:
            line.product_uom_id = line.product_id.uom_id

    @api.depends(
        "product_id", "line_type", "trade", "payer", "payer_partner_id",
        "order_id.company_id", "order_id.vehicle_id", "order_id.date_in",
    )
    def _compute_price_values(self):
        """Price the lines by the catalogue and their payer's terms (``_dealer_price_values``);
        the lines of an invoiced or cancelled order keep their prices."""
        tables = self._dealer_price_tables()
        for line in self.filtered(lambda rec: rec._dealer_repriceable()):
            values = line._dealer_price_values(tables)
            line.price_unit = values["price_unit"]
            line.discount = values["discount"]

    @api.depends(
        "product_id", "line_type", "trade", "payer", "payer_partner_id",
        "order_id.company_id", "order_id.vehicle_id", "order_id.date_in",
    )
    def _compute_list_price(self):
        """Apart from the price charged, so that adding these columns leaves the prices of existing
        lines alone; an invoiced line keeps its list price, or gets the catalogue's if it has none."""
        tables = self._dealer_price_tables()
        for line in self.filtered(lambda rec: rec._dealer_repriceable() or not rec.list_price):
            values = line._dealer_price_values(tables)
            line.list_price = values["list_price"]
            line.terms_discount = values["discount"]

    def _dealer_repriceable(self):
        """Whether the line's prices may still change: not on an invoiced or cancelled order."""
        self.ensure_one()
        return self.order_id.state not in ("invoiced", "cancel")

    def _dealer_price_tables(self):
        """The price lists the payer hooks of ``self`` read, each read once for all the lines:
        ``{"labour_rates": {(company id, trade): rate}, "warranty_rates": {(company id, brand id): rate},
        "contracts": dealer.payer.contract}``. A module pricing by a list of its own adds it here."""
        companies = self.order_id.company_id
        labour_rates = self.env["dealer.labour.rate"].search_fetch(
            [("company_id", "in", companies.ids)], ["company_id", "trade", "rate"],
        )
        warranty_rates = self.env["dealer.warranty.labour.rate"]
        if "warranty" in self.mapped("payer"):
            warranty_rates = warranty_rates.search_fetch(
                [("company_id", "in", companies.ids)], ["company_id", "brand_id", "rate"],
            )
        contracts = self.env["dealer.payer.contract"]
        if self.payer_partner_id:
            contracts = contracts.search([
                ("company_id", "in", companies.ids), ("partner_id", "in", self.payer_partner_id.ids),
            ])
        return {
            "labour_rates": {(rate.company_id.id, rate.trade): rate.rate for rate in labour_rates},
            "warranty_rates": {(rate.company_id.id, rate.brand_id.id): rate.rate for rate in warranty_rates},
            "contracts": contracts,
        }

    def _dealer_price_values(self, tables):
        """The price of this line for its payer, from ``_get_price_values_<payer>(tables)`` (the list
        price for a payer without such a method): ``{"list_price", "price_unit", "discount"}``.
        Override a payer's method to price its lines otherwise (``tables``: ``_dealer_price_tables``)."""
        self.ensure_one()
        hook = getattr(self, f"_get_price_values_{self.payer}", self._get_price_values_list)
        return hook(tables)

    def _get_price_values_list(self, tables):
        """The catalogue's price: the store's hourly rate of the trade for labour, the product's
        sales price otherwise (a line without either keeps the price entered)."""
        if self.line_type == "labour" and self.trade:
            price = tables["labour_rates"].get((self.order_id.company_id.id, self.trade), 0.0)
        elif self.product_id:
            price = self.product_id.lst_price
        else:
            price = self.price_unit or 0.0
        return {"list_price": price, "price_unit": price, "discount": 0.0}

    def _get_price_values_contract(self, tables):
        """The list price under the terms of the billed partner's contract valid on the order's
        arrival in its store, if there is one."""
        values = self._get_price_values_list(tables)
        contract = self._dealer_payer_contract(tables)
        return contract._get_line_price_values(self, values) if contract else values

    def _dealer_payer_contract(self, tables):
        order = self.order_id
        day = fields.Date.context_today(self, order.date_in or fields.Datetime.now())
        return tables["contracts"].filtered(
            lambda contract: contract.company_id == order.company_id
            and contract.partner_id == self.payer_partner_id and contract._is_valid_on(day)
        )[:1]

    def _get_price_values_customer(self, tables):
        return self._get_price_values_contract(tables)

    def _get_price_values_insurance(self, tables):
        return self._get_price_values_contract(tables)

    def _get_price_values_warranty(self, tables):
        """The OEM pays labour at the brand's warranty rate in the store (the store's rate of the
        trade where the brand has none yet) and parts at the list price."""
        values = self._get_price_values_list(tables)
        if self.line_type == "labour":
            key = (self.order_id.company_id.id, self.order_id.vehicle_id.brand_id.id)
            if key in tables["warranty_rates"]:
                values["price_unit"] = tables["warranty_rates"][key]
        return values

    def _dealer_standard_hours(self):
        """The hours of the line's labour operation its payer pays: ``_get_standard_hours_<payer>()``
        where the payer has hours of its own (None where it has none for the operation), else the
        operation's hours for the vehicle's model."""
        self.ensure_one()
        hook = getattr(self, f"_get_standard_hours_{self.payer}", None)
        hours = hook() if hook else None
        return self.labour_operation_id._get_hours(self.order_id.vehicle_id.model_id) if hours is None else hours

    def _get_standard_hours_warranty(self):
        """The OEM's own hours for the operation on its brand."""
        return self.labour_operation_id._get_oem_hours(self.order_id.vehicle_id.brand_id)

    @api.depends("price_unit", "discount", "list_price")
    def _compute_percent_of_list(self):
        for line in self:
            net = line.price_unit * (1.0 - line.discount / 100.0)
            line.percent_of_list = 100.0 * net / line.list_price if line.list_price else 100.0

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

    @api.depends("line_type", "payer", "order_id.old_part_choice")
    def _compute_old_part_fate(self):
        for line in self:
            if line.order_id.state in ("invoiced", "cancel"):
                continue  # settled: the old part went where the line said
            if line.line_type != "part":
                line.old_part_fate = False
            elif line.payer == "warranty":
                line.old_part_fate = "oem"
            else:
                line.old_part_fate = {"take": "customer", "leave": "store"}.get(line.order_id.old_part_choice, False)

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

    @api.depends("price_subtotal", "payer", "approval_state")
    def _compute_revenue(self):
        for line in self:
            billed = line.payer != "internal" and line.approval_state != "declined"
            line.revenue = line.price_subtotal if billed else 0.0

    @api.depends(
        "line_type", "vendor_cost", "job_ids.actual_hours",
        "move_ids.state", "move_ids.value", "move_ids.returned_move_ids.state", "move_ids.returned_move_ids.value",
    )
    def _compute_cost(self):
        """Parts and accessories cost the stock valuation of their issues, labour its clocked hours at
        the store's labour cost rate when they are clocked (a later rate leaves past work alone),
        sublet work its vendor cost."""
        for line in self:
            if line.line_type == "labour":
                line.cost = sum(line.job_ids.mapped("actual_hours")) * line.company_id.dealer_labour_cost_rate
            elif line.line_type == "sublet":
                line.cost = line.vendor_cost
            else:
                line.cost = line._dealer_issued_value()

    def _dealer_issued_value(self):
        """The stock valuation of the parts issued for the line: its done moves out of the store's
        stock, less the moves that returned them (and so on for returns of returns)."""
        self.ensure_one()
        value = 0.0
        done = self.move_ids.filtered(lambda move: move.state == "done")
        seen = done
        while done:
            value += sum(move.value if move.is_out else -move.value if move.is_in else 0.0 for move in done)
            done = done.returned_move_ids.filtered(lambda move: move.state == "done") - seen
            seen |= done
        return value

    @api.depends("revenue", "cost")
    def _compute_gross_profit(self):
        for line in self:
            line.gross_profit = line.revenue - line.cost

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
            limit = line._dealer_discount_limit()
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

    def _dealer_discount_limit(self):
        """The highest discount an advisor gives on this line without a manager: the store's limit,
        or the discount of the payer's terms where that is higher."""
        self.ensure_one()
        return max(self.order_id.company_id.dealer_advisor_discount_limit, self.terms_discount)

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
        fault_code, fault_cause, old_part_fate  yes      no          no  yes       yes
        (the warranty claim's evidence)
        ======================================  =======  ==========  ==  ========  =======

        The prices, list prices and costs the server computes (``COMPUTED_ONLY_FIELDS``) are written by
        nobody; the vendor cost of sublet work is for the managers (field ``groups``, like every cost).
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
            **dict.fromkeys(("fault_code", "fault_cause", "old_part_fate"), ("advisor", "workshop", "manager")),
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
        for vals in vals_list:
            check_computed(self, vals, COMPUTED_ONLY_FIELDS)
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
        check_computed(self, vals, COMPUTED_ONLY_FIELDS)
        if LINE_ACTION_FIELDS & set(vals) and not is_unsealed(self.env):
            raise UserError(self.env._(
                "Whether a line is added work and the customer's answer are recorded by the line's buttons "
                "(phone approval, counter signature, portal, decline), not written on %(lines)s.",
                lines=", ".join(self.mapped("name")),
            ))
        refused = self._dealer_refused_fields(vals)
        if refused:
            table = self._dealer_field_roles()
            roles = [role for role in ROLE_GROUPS if any(role in table[fname] for fname in refused)]
            raise AccessError(self.env._(
                "Your role may not change %(fields)s of repair order lines: ask a %(roles)s.",
                fields=", ".join(self._fields[fname]._description_string(self.env) for fname in refused),
                roles=" / ".join(self.env.ref(ROLE_GROUPS[role]).name for role in roles),
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
        above = self.filtered(lambda rec: rec.discount > rec._dealer_discount_limit())
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

    def _dealer_income_account_is_products(self):
        """Whether this line's income account is its product's own (or its category's)."""
        company = self.order_id.company_id
        product = self.product_id.with_company(company)
        own = product.property_account_income_id or product.categ_id.property_account_income_categ_id
        line_types = product.property_account_income_id or company._dealer_income_account(self.line_type)
        return bool(own) and own == line_types

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
        # the invoice line computes the product's own income account (by the invoice's fiscal position)
        # itself: given only when the line's type has another one
        account = self.env["account.account"] if self._dealer_income_account_is_products() else \
            self._get_income_account()
        return {
            "display_type": "product",
            "sequence": self.sequence,
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

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.dealer_service.sealed import dealer_action, is_unsealed

from .stock_picking_type import DOC_KINDS, DOC_SEQUENCE, ISSUE_KINDS, PAID_FIRST_KINDS

# copies of each document as the parts procedure (seed 000) lists them
DOC_COPIES = {
    "receipt": ["Keeper / 保管员联", "Planner / 计划员留存联", "Finance with Invoice / 财务联(附发票)",
                "Finance with Waybill / 财务联(附运单)", "Finance Booking / 财务记帐联"],
    "requisition": ["Settlement Clerk / 结算员联", "Technician / 维修工联"],
    "warranty_requisition": ["Settlement Clerk / 结算员联", "Keeper / 保管员联"],
    "retail": ["Customer / 顾客联", "Keeper / 保管员联", "Finance / 财务联(一)", "Finance / 财务联(二)"],
    "cash": ["Keeper / 保管员联", "Picker / 提货人联", "Dispatcher / 调度员联", "Cashier to Finance / 收款员联"],
    "account": ["Keeper / 保管员联", "Picker / 提货人联", "Dispatcher / 调度员联", "Finance / 财务联",
                "Settlement / 结帐联"],
}


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "dealer.parts.document.mixin"]
    _dealer_number_field = "dealer_number"
    _dealer_report = "dealer_parts.action_report_parts_picking"
    _dealer_sealed_fields = (
        "dealer_inspect_buyer_id", "dealer_inspect_buyer_date", "dealer_inspect_keeper_id",
        "dealer_inspect_keeper_date",
        "dealer_settlement_user_id", "dealer_settlement_date", "dealer_warranty_user_id", "dealer_paid",
        "dealer_invoice_id", "dealer_settled", "dealer_void_picking_id", "dealer_void_of_id",
    )

    dealer_doc_kind = fields.Selection(
        DOC_KINDS, string="Parts Document", compute="_compute_dealer_doc_kind", store=True, readonly=False,
        precompute=True, index="btree_not_null",
    )
    dealer_number = fields.Char(string="Document Number", readonly=True, copy=False, index="btree_not_null",
                                help="Per-store gapless number taken when the document is validated.")
    dealer_parts_enabled = fields.Boolean(related="company_id.dealer_parts_enabled")
    # receipt: two inspections
    dealer_inspect_buyer_id = fields.Many2one("res.users", string="1st Inspection (Buyer)", readonly=True,
                                              copy=False)
    dealer_inspect_buyer_date = fields.Datetime(string="1st Inspection On", readonly=True, copy=False)
    dealer_inspect_planner_id = fields.Many2one("res.users", string="Planner", copy=False,
                                                domain="[('share', '=', False)]")
    dealer_inspect_keeper_id = fields.Many2one("res.users", string="2nd Inspection (Keeper)", readonly=True,
                                               copy=False)
    dealer_inspect_keeper_date = fields.Datetime(string="2nd Inspection On", readonly=True, copy=False)
    dealer_has_price_diff = fields.Boolean(string="Price Differences", compute="_compute_dealer_has_price_diff")
    dealer_discrepancy_ids = fields.One2many("dealer.parts.discrepancy", "picking_id", string="Discrepancy Notes")
    # issues
    dealer_repair_order_id = fields.Many2one("dealer.repair.order", string="Repair Order", check_company=True,
                                             index="btree_not_null")
    dealer_license_plate = fields.Char(string="Plate", compute="_compute_dealer_license_plate", store=True,
                                       readonly=False)
    dealer_old_part_choice = fields.Selection(
        [("leave", "Leave to the Workshop"), ("take", "Customer Takes It Home")], string="Old Parts",
        compute="_compute_dealer_old_part_choice", store=True, readonly=False, precompute=True,
    )
    dealer_old_part_due = fields.Boolean(string="Old Parts Due", compute="_compute_dealer_old_part_due")
    dealer_settlement_user_id = fields.Many2one("res.users", string="Signed by Settlement Clerk", readonly=True,
                                                copy=False)
    dealer_settlement_date = fields.Datetime(string="Settlement Signature On", readonly=True, copy=False)
    dealer_warranty_user_id = fields.Many2one("res.users", string="Signed by Warranty Clerk", readonly=True,
                                              copy=False)
    dealer_invoice_id = fields.Many2one("account.move", string="Customer Invoice", readonly=True, copy=False,
                                        index="btree_not_null",
                                        help="The invoice of a counter sale or issue slip: paid at the cashier "
                                             "(cash) or later (on account).")
    dealer_paid = fields.Boolean(string="Paid", compute="_compute_dealer_paid", store=True, tracking=True,
                                 help="The invoice of the document is paid.")
    dealer_settled = fields.Boolean(string="Settled", compute="_compute_dealer_paid", store=True, tracking=True,
                                    help="The account customer has paid the invoice of this issue slip.")
    dealer_amount_total = fields.Float(string="Total", digits="Product Price", compute="_compute_dealer_amount_total")
    # void
    dealer_void_picking_id = fields.Many2one("stock.picking", string="Counter-Document", readonly=True, copy=False)
    dealer_void_of_id = fields.Many2one("stock.picking", string="Voids", readonly=True, copy=False,
                                        index="btree_not_null")

    _dealer_number_company_uniq = models.Constraint(
        "unique(dealer_number, company_id)",
        "A parts document number must be unique per store.",
    )

    def write(self, vals):
        if "dealer_doc_kind" in vals and not is_unsealed(self.env):
            numbered = self.filtered("dealer_number")
            if numbered:
                raise UserError(self.env._(
                    "%(docs)s are numbered parts documents: their kind no longer changes.",
                    docs=", ".join(numbered.mapped("display_name"))))
        return super().write(vals)

    @api.depends("picking_type_id")
    def _compute_dealer_doc_kind(self):
        for picking in self:
            kind = picking.picking_type_id.dealer_doc_kind
            if picking.dealer_doc_kind and kind and picking.dealer_doc_kind in ISSUE_KINDS and kind in ISSUE_KINDS:
                continue
            picking.dealer_doc_kind = kind

    @api.depends("dealer_repair_order_id.vehicle_id")
    def _compute_dealer_license_plate(self):
        for picking in self:
            picking.dealer_license_plate = picking.dealer_repair_order_id.vehicle_id.license_plate or \
                picking.dealer_license_plate

    @api.depends("dealer_repair_order_id.old_part_choice")
    def _compute_dealer_old_part_choice(self):
        for picking in self:
            order = picking.dealer_repair_order_id
            if order.old_part_choice:
                picking.dealer_old_part_choice = order.old_part_choice
            elif not picking.dealer_old_part_choice:
                picking.dealer_old_part_choice = "leave"

    @api.depends("move_ids.dealer_old_part_state")
    def _compute_dealer_old_part_due(self):
        for picking in self:
            picking.dealer_old_part_due = any(
                state == "required" for state in picking.move_ids.mapped("dealer_old_part_state"))

    @api.depends("move_ids.dealer_price_diff")
    def _compute_dealer_has_price_diff(self):
        for picking in self:
            picking.dealer_has_price_diff = any(picking.move_ids.mapped("dealer_price_diff"))

    @api.depends("dealer_invoice_id.payment_state", "dealer_doc_kind")
    def _compute_dealer_paid(self):
        for picking in self:
            paid = picking.dealer_invoice_id.payment_state in ("paid", "in_payment")
            picking.dealer_paid = paid and picking.dealer_doc_kind in PAID_FIRST_KINDS
            picking.dealer_settled = paid and picking.dealer_doc_kind == "account"

    @api.depends("move_ids.dealer_amount")
    def _compute_dealer_amount_total(self):
        for picking in self:
            picking.dealer_amount_total = sum(picking.move_ids.filtered(lambda m: m.state != "cancel")
                                              .mapped("dealer_amount"))

    def _compute_display_name(self):
        super()._compute_display_name()
        for picking in self.filtered("dealer_number"):
            picking.display_name = f"{picking.dealer_number} ({picking.name})"

    # ------------------------------------------------------------------ documents
    def _dealer_sequence_code(self):
        return DOC_SEQUENCE[self.dealer_doc_kind]

    def _dealer_copy_names(self):
        return DOC_COPIES.get(self.dealer_doc_kind, super()._dealer_copy_names())

    def _dealer_document_title(self):
        return dict(self._fields["dealer_doc_kind"]._description_selection(self.env)).get(
            self.dealer_doc_kind, self.env._("Transfer"))

    # ------------------------------------------------------------------ actions
    def _dealer_require_group(self, group, message):
        if not self.env.user.has_group(group):
            raise AccessError(message)

    @dealer_action
    def action_dealer_inspect_buyer(self):
        self._dealer_require_group("dealer_parts.dealer_parts_group_clerk",
                                   self.env._("Only parts staff record receipt inspections."))
        self.write({"dealer_inspect_buyer_id": self.env.user.id, "dealer_inspect_buyer_date": fields.Datetime.now()})
        return True

    @dealer_action
    def action_dealer_inspect_keeper(self):
        self._dealer_require_group("dealer_parts.dealer_parts_group_clerk",
                                   self.env._("Only parts staff record receipt inspections."))
        for picking in self:
            if not picking.dealer_inspect_planner_id:
                raise UserError(self.env._("Name the planner who inspects %(doc)s with the keeper.",
                                           doc=picking.name))
        self.write({"dealer_inspect_keeper_id": self.env.user.id, "dealer_inspect_keeper_date": fields.Datetime.now()})
        return True

    def action_dealer_book_old_parts(self):
        """The technician hands in all the old parts due on the requisition."""
        moves = self.move_ids.filtered(lambda m: m.state != "cancel" and m.dealer_old_part_state == "required")
        if not moves:
            raise UserError(self.env._("No old part is due on %(doc)s.", doc=", ".join(self.mapped("name"))))
        return moves.action_dealer_book_old_part()

    @dealer_action
    def action_dealer_sign_settlement(self):
        self._dealer_require_group("dealer_service.dealer_service_group_advisor",
                                   self.env._("Only a settlement clerk (service advisor) signs requisitions."))
        self.write({"dealer_settlement_user_id": self.env.user.id, "dealer_settlement_date": fields.Datetime.now()})
        return True

    @dealer_action
    def action_dealer_sign_warranty(self):
        self._dealer_require_group("dealer_parts.dealer_parts_group_warranty_supervisor",
                                   self.env._("Only a warranty clerk signs warranty requisitions."))
        self.write({"dealer_warranty_user_id": self.env.user.id})
        return True

    @dealer_action
    def action_dealer_register_payment(self):
        """Cash first: the counter invoices the ticket or cash slip and opens Odoo's
        payment of that invoice; the goods leave once the invoice is paid."""
        self._dealer_require_group("dealer_parts.dealer_parts_group_clerk",
                                   self.env._("Only the parts counter invoices counter sales."))
        for picking in self:
            if picking.dealer_doc_kind not in PAID_FIRST_KINDS:
                raise UserError(self.env._("%(doc)s is not a cash document.", doc=picking.name))
        self.filtered(lambda p: not p.dealer_invoice_id)._dealer_create_invoice()
        invoices = self.dealer_invoice_id.filtered(lambda inv: inv.payment_state not in ("paid", "in_payment"))
        if invoices and self.env.user.has_group("account.group_account_invoice"):
            return invoices.action_register_payment()
        return True

    @dealer_action
    def _dealer_create_invoice(self):
        """Post the customer invoice of the issued parts, at their sale price."""
        for picking in self:
            partner = picking.partner_id.commercial_partner_id
            if not partner:
                raise UserError(self.env._("Name the customer of %(doc)s to invoice it.", doc=picking.name))
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel")
            invoice = self.env["account.move"].sudo().with_company(picking.company_id).create({
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_origin": picking.name,
                "invoice_line_ids": [fields.Command.create({
                    "product_id": move.product_id.id,
                    "quantity": move.quantity or move.product_uom_qty,
                    "product_uom_id": move.product_uom.id,
                    "price_unit": move.dealer_sale_price,
                }) for move in moves],
            })
            invoice.action_post()
            picking.dealer_invoice_id = invoice.id

    # ------------------------------------------------------------------ validation
    def button_validate(self):
        todo = self.filtered(lambda p: p.state != "done" and p._dealer_applies())
        todo._dealer_check_validation()
        # take the stock locks first, before Odoo touches other reservations
        checked = todo.filtered(lambda p: p.dealer_doc_kind in ISSUE_KINDS and p.state != "draft")
        checked._dealer_lock_and_check_stock()
        # the locks hold until the transaction ends: _action_done does not take them again in this call
        return super(StockPicking, self.with_context(dealer_stock_checked=checked.ids)).button_validate()

    def _dealer_applies(self):
        """The parts discipline governs transfers of parts on the operation types
        the suite marks in the store's parts warehouse, where the capability is on."""
        self.ensure_one()
        picking_type = self.picking_type_id
        return bool(
            self.company_id.dealer_parts_enabled
            and picking_type.dealer_parts_governed
            and picking_type.warehouse_id == self.company_id.dealer_parts_warehouse_id
            and not self.dealer_void_of_id and not self.return_id
            and (self.dealer_doc_kind in ISSUE_KINDS or self.move_ids.product_id._dealer_is_part())
        )

    def _dealer_check_validation(self):
        self._dealer_check_bins()
        for picking in self:
            kind = picking.dealer_doc_kind
            if picking.picking_type_code == "incoming":
                picking._dealer_require_group(
                    "dealer_parts.dealer_parts_group_clerk",
                    self.env._("Only parts staff validate goods receipts (%(doc)s).", doc=picking.name))
                if not picking.dealer_inspect_buyer_id or not picking.dealer_inspect_keeper_id:
                    raise UserError(self.env._(
                        "Record both inspections of %(doc)s (buyer on pick-up, keeper with the planner on "
                        "arrival) before validating it.", doc=picking.name))
            elif picking.picking_type_code == "outgoing":
                if kind not in ISSUE_KINDS and not picking._dealer_has_sale_document():
                    raise UserError(self.env._(
                        "No goods leave without a document: use a repair requisition, a retail ticket or an "
                        "issue slip instead of %(doc)s.", doc=picking.name))
                picking._dealer_check_issue()

    def _dealer_check_bins(self):
        """One part per bin: nothing is put into a four-number bin that belongs to another part."""
        for line in self.move_line_ids.filtered(lambda ml: ml.location_dest_id.dealer_bin_level == "position"):
            owners = line.location_dest_id.dealer_bin_product_ids.product_id
            if owners and line.product_id not in owners:
                raise UserError(self.env._(
                    "Bin %(bin)s belongs to %(owner)s: put %(part)s into its own bin (one part per bin).",
                    bin=line.location_dest_id.dealer_bin_code, owner=", ".join(owners.mapped("display_name")),
                    part=line.product_id.display_name))

    def _dealer_has_sale_document(self):
        """A delivery of a sale order has its document: the sale order."""
        self.ensure_one()
        return "sale_id" in self._fields and bool(self.sale_id)

    def _dealer_check_issue(self):
        self.ensure_one()
        kind = self.dealer_doc_kind
        if kind in PAID_FIRST_KINDS and not self.dealer_paid:
            raise UserError(self.env._(
                "Cash first, goods after: %(doc)s must be paid at the cashier before the goods leave.",
                doc=self.name))
        if kind == "account":
            partner = self.partner_id.commercial_partner_id.with_company(self.company_id)
            if not partner or not partner.dealer_account_customer:
                raise UserError(self.env._(
                    "%(partner)s is not an approved account customer: sell for cash instead.",
                    partner=partner.display_name or self.env._("No customer")))
            # the receivable and the limit of Accounting (read for the parts counter, not shown to it)
            partner.invalidate_recordset(["credit"])  # not stored: the invoices of this transaction count
            open_amount = partner.sudo().credit
            limit = partner.sudo().credit_limit
            if open_amount + self.dealer_amount_total > limit:
                raise UserError(self.env._(
                    "Credit limit of %(partner)s exceeded: %(open)s open plus %(amount)s on %(doc)s is more "
                    "than the limit of %(limit)s.",
                    partner=partner.display_name, open=f"{open_amount:.2f}",
                    amount=f"{self.dealer_amount_total:.2f}", doc=self.name,
                    limit=f"{limit:.2f}"))
        if kind in ("requisition", "warranty_requisition"):
            if not self.dealer_repair_order_id and not self.dealer_license_plate:
                raise UserError(self.env._(
                    "A repair requisition needs the repair order or the plate of the car (%(doc)s).",
                    doc=self.name))
            if not self.dealer_settlement_user_id:
                raise UserError(self.env._("The settlement clerk must sign %(doc)s before the parts are issued.",
                                           doc=self.name))
            if kind == "warranty_requisition" and not self.dealer_warranty_user_id:
                raise UserError(self.env._("The warranty clerk must sign %(doc)s first.", doc=self.name))
            due = self.move_ids.filtered(lambda m: m.state != "cancel" and m.dealer_old_part_state == "required")
            if due:
                raise UserError(self.env._(
                    "Exchange old for new: hand in the old %(parts)s before the new ones are issued, or have the "
                    "parts manager exempt them with a reason.",
                    parts=", ".join(due.product_id.mapped("display_name"))))

    def _dealer_lock_and_check_stock(self):
        """Lock the quants being issued so two users cannot issue the last unit at the
        same time (a quant another user holds is refused, not waited for), then check
        the stock on hand covers the issue: one query a picking."""
        if not self:
            return
        self.env["stock.quant"].flush_model()
        self.env["stock.move.line"].flush_model()
        self.env["stock.location"].flush_model(["parent_path"])
        for picking in self:
            needed = defaultdict(float)
            for move in picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel")
                                                  and m.product_id.is_storable):
                needed[move.product_id, move.location_id] += move.product_uom._compute_quantity(
                    move.quantity, move.product_id.uom_id)
            if not needed:
                continue
            pairs = SQL(", ").join(SQL("(%s, %s)", product.id, f"{location.parent_path}%")
                                   for product, location in needed)
            quants = SQL(
                "FROM stock_quant q JOIN stock_location l ON l.id = q.location_id "
                "JOIN (VALUES %s) AS needed(product_id, path) ON needed.product_id = q.product_id "
                "AND l.parent_path LIKE needed.path", pairs)
            # SKIP LOCKED leaves out the quants another transaction holds: no failed statement to roll back
            self.env.cr.execute(SQL(
                "WITH locked AS MATERIALIZED (SELECT q.id %s FOR NO KEY UPDATE OF q SKIP LOCKED) "
                "SELECT needed.product_id, needed.path, q.quantity, q.id IN (SELECT id FROM locked) %s",
                quants, quants))
            rows = self.env.cr.fetchall()
            if not all(is_locked for _product_id, _path, _quantity, is_locked in rows):
                raise UserError(self.env._(
                    "%(parts)s: being issued by another user right now: try again in a moment.",
                    parts=", ".join(product.display_name for product, _location in needed)))
            # a quant only counted, its count not applied yet, has no quantity (NULL): none on hand
            on_hand = defaultdict(float)
            for product_id, path, quantity, _is_locked in rows:
                on_hand[product_id, path] += quantity or 0.0
            for (product, location), quantity in needed.items():
                available = on_hand.get((product.id, f"{location.parent_path}%"), 0.0)
                if product.uom_id.compare(quantity, available) > 0:
                    raise UserError(self.env._(
                        "Only %(on_hand)s %(part)s in stock: %(doc)s cannot issue %(quantity)s.",
                        on_hand=available, part=product.display_name, doc=picking.name, quantity=quantity))

    def _action_done(self):
        todo = self.filtered(lambda p: p.state != "done" and p._dealer_applies())
        todo._dealer_check_validation()
        checked = self.env.context.get("dealer_stock_checked", ())
        todo.filtered(lambda p: p.dealer_doc_kind in ISSUE_KINDS and p.id not in checked)._dealer_lock_and_check_stock()
        receipts = todo.filtered(lambda p: p.dealer_doc_kind == "receipt")
        snapshot = {
            move.id: (move.product_uom_qty, move.quantity)
            for move in receipts.move_ids if move.state not in ("done", "cancel")
        }
        no_backorder = bool(self.env.context.get("cancel_backorder"))
        res = super()._action_done()
        done = todo.filtered(lambda p: p.state == "done" and p.dealer_doc_kind)
        done._dealer_assign_number()
        # on account: the invoice is the customer's debt, within Odoo's credit limit
        done.filtered(lambda p: p.dealer_doc_kind == "account" and not p.dealer_invoice_id)._dealer_create_invoice()
        receipts.filtered(lambda p: p.state == "done")._dealer_create_discrepancy(snapshot, no_backorder)
        return res

    def _dealer_create_discrepancy(self, snapshot, no_backorder):
        Discrepancy = self.env["dealer.parts.discrepancy"]
        for picking in self:
            lines = []
            for move in picking.move_ids.filtered(lambda m: m.id in snapshot):
                demand, counted = snapshot[move.id]
                rounding = move.product_uom
                refused = move.dealer_damaged_qty + move.dealer_wrong_qty
                shortage = max(demand - counted - refused, 0.0) if no_backorder else 0.0
                price = move.purchase_line_id.price_unit
                for kind, quantity in (("shortage", shortage), ("damaged", move.dealer_damaged_qty),
                                       ("wrong", move.dealer_wrong_qty)):
                    if not rounding.is_zero(quantity):
                        lines.append({"product_id": move.product_id.id, "kind": kind, "quantity": quantity,
                                      "price_unit": price, "move_id": move.id})
                if move.dealer_price_diff:
                    lines.append({"product_id": move.product_id.id, "kind": "price", "quantity": counted,
                                  "price_unit": move.dealer_delivery_price - price, "move_id": move.id})
            if lines:
                note = Discrepancy.create({
                    "picking_id": picking.id,
                    "partner_id": picking.partner_id.id,
                    "company_id": picking.company_id.id,
                    "line_ids": [fields.Command.create(line) for line in lines],
                })
                note.action_confirm()

    def _create_backorder(self, backorder_moves=None):
        """A back-order of a requisition stays a requisition of the same repair order."""
        backorders = super()._create_backorder(backorder_moves=backorder_moves)
        for backorder in backorders:
            origin = backorder.backorder_id
            if origin.dealer_repair_order_id and not backorder.dealer_repair_order_id:
                backorder.write({
                    "dealer_repair_order_id": origin.dealer_repair_order_id.id,
                    "dealer_license_plate": origin.dealer_license_plate,
                    "dealer_old_part_choice": origin.dealer_old_part_choice,
                })
        return backorders

    # ------------------------------------------------------------------ void
    @dealer_action
    def _dealer_do_void(self, reason):
        for picking in self:
            if picking.state != "done":
                raise UserError(self.env._("Only validated transfers are voided; cancel %(doc)s instead.",
                                           doc=picking.name))
            wizard = self.env["stock.return.picking"].with_context(
                active_id=picking.id, active_model="stock.picking").create({"picking_id": picking.id})
            for line in wizard.product_return_moves:
                line.quantity = line.move_id.quantity
            counter = wizard._create_return()
            counter.write({"dealer_void_of_id": picking.id, "dealer_doc_kind": False, "origin": self.env._(
                "Void of %(doc)s: %(reason)s", doc=picking.dealer_number, reason=reason)})
            for move in counter.move_ids:
                move.quantity = move.product_uom_qty
                move.picked = True
            counter.with_context(cancel_backorder=True)._action_done()
            picking.dealer_void_picking_id = counter
        return True

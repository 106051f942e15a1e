from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import dealer_action, is_unsealed

# what the approval covers: changed only on a draft plan (an approved one goes back to draft first)
PLAN_CONTENT = {"partner_id", "date", "kind", "user_id", "line_ids", "note", "company_id"}
PLAN_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("ordered", "Ordered"),
    ("cancel", "Cancelled"),
]


class DealerPartsPlan(models.Model):
    """A parts purchase plan (计划单) gathering the shortages to buy."""

    _name = "dealer.parts.plan"
    _description = "Parts Purchase Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin", "dealer.parts.document.mixin",
                "dealer.tier.validation"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_parts_enabled"
    _dealer_report = "dealer_parts.action_report_parts_plan"
    _dealer_sealed_fields = ("state",)
    _state_from = ["to_approve"]
    _state_to = ["approved"]

    name = fields.Char(string="Reference", readonly=True, copy=False, index="trigram",
                       help="Per-store gapless number taken at approval.")
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Default Supplier", index=True, tracking=True,
        check_company=True,
    )
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today)
    kind = fields.Selection([("regular", "Regular (Futures)"), ("urgent", "Temporary (Urgent)")],
                            string="Plan Type", required=True, default="regular")
    state = fields.Selection(PLAN_STATES, string="Status", default="draft", required=True, readonly=True,
                             copy=False, index=True, tracking=True)
    user_id = fields.Many2one("res.users", string="Planner", default=lambda self: self.env.user,
                              domain="[('share', '=', False)]")
    line_ids = fields.One2many("dealer.parts.plan.line", "plan_id", string="Lines", copy=True)
    purchase_ids = fields.One2many("purchase.order", "dealer_plan_id", string="Purchase Orders")
    purchase_count = fields.Integer(compute="_compute_purchase_count", string="RFQs")
    amount_total = fields.Float(string="Estimated Total", compute="_compute_amount_total", digits="Product Price")
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )

    @api.depends("purchase_ids")
    def _compute_purchase_count(self):
        for plan in self:
            plan.purchase_count = len(plan.purchase_ids)

    @api.depends("line_ids.subtotal")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = sum(plan.line_ids.mapped("subtotal"))

    def _compute_display_name(self):
        for plan in self:
            plan.display_name = plan.name or self.env._("Draft Plan %(id)s", id=plan.id or "")

    def write(self, vals):
        self._dealer_check_editable(set(vals) & PLAN_CONTENT)
        return super().write(vals)

    def _dealer_check_editable(self, changed):
        """An approved plan is what the manager approved: change it only after sending it back to draft."""
        if not changed or is_unsealed(self.env):
            return
        locked = self.filtered(lambda plan: plan.state != "draft")
        if locked:
            raise UserError(self.env._(
                "%(plans)s was submitted or approved as it is: send it back to draft (it is then approved again) "
                "before changing %(fields)s.",
                plans=", ".join(locked.mapped("display_name")),
                fields=", ".join(self._fields[name]._description_string(self.env) for name in sorted(changed))))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(plan.state != "draft" or plan.name for plan in self):
            raise UserError(self.env._("Only draft purchase plans are deleted; cancel or void the others."))

    def _dealer_copy_names(self):
        return ["Planner / 计划员留存联", "Buyer / 采购员联", "Office (Payment Approval) / 内勤联(付款审批)"]

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda plan: plan.state not in allowed)
        if wrong:
            raise UserError(self.env._("%(action)s is not possible for: %(plans)s.", action=action,
                                       plans=", ".join(wrong.mapped("display_name"))))

    def action_gather(self):
        """Fill the plan with the store's shortages: reordering rules below their
        minimum and repair-order parts waiting for stock (back-orders)."""
        self._check_state(("draft",), self.env._("Gathering shortages"))
        for plan in self:
            plan.line_ids.filtered(lambda line: line.source != "manual").unlink()
            plan.write({"line_ids": [fields.Command.create(vals) for vals in plan._dealer_shortage_lines()]})
        return True

    def _dealer_shortage_lines(self):
        """The shortages not yet covered: the back-orders of repair requisitions less
        what open RFQs and incoming receipts already bring, and the reordering rules'
        quantity to order (their forecast counts the back-orders and the RFQs already)."""
        self.ensure_one()
        company = self.company_id
        lines = {}
        waiting = self.env["stock.move"].search([
            ("company_id", "=", company.id),
            ("picking_id.dealer_doc_kind", "in", ("requisition", "warranty_requisition")),
            ("state", "in", ("confirmed", "partially_available", "waiting")),
            ("product_id.is_storable", "=", True),
        ])
        for move in waiting:
            missing = move.product_uom._compute_quantity(move.product_uom_qty - move.quantity, move.product_id.uom_id)
            if move.product_id.uom_id.compare(missing, 0) <= 0:
                continue
            vals = lines.setdefault(move.product_id, {"quantity": 0.0, "source": "backorder", "move_ids": []})
            vals["quantity"] += missing
            vals["move_ids"].append(move.id)
        points = self.env["stock.warehouse.orderpoint"].search([("company_id", "=", company.id)])
        with_point = points.product_id
        # back-orders of parts without a reordering rule: less the open RFQs and the receipts on their way
        products = self.env["product.product"].concat(*lines) - with_point
        if products:
            rfq = dict(self.env["purchase.order.line"]._read_group([
                ("company_id", "=", company.id), ("product_id", "in", products.ids),
                ("state", "in", ("draft", "sent", "to approve")),
            ], ["product_id"], ["product_qty:sum"]))
            incoming = {product.id: product.incoming_qty
                        for product in products.with_company(company).with_context(allowed_company_ids=company.ids)}
            for product in products:
                covered = rfq.get(product, 0.0) + incoming[product.id]
                lines[product]["quantity"] -= covered
                if product.uom_id.compare(lines[product]["quantity"], 0) <= 0:
                    del lines[product]
        for point in points:
            to_order = point.qty_to_order
            product = point.product_id
            if product in lines:
                # the rule's forecast already counts the back-orders: order what it says, once
                lines[product]["quantity"] = max(to_order, 0.0)
                lines[product]["source"] = "both"
                if product.uom_id.compare(to_order, 0) <= 0:
                    del lines[product]
            elif point.product_uom.compare(to_order, 0) > 0:
                lines[product] = {"quantity": to_order, "source": "reorder", "move_ids": []}
        current = {}
        for product, vals in lines.items():
            new = product._dealer_current_number()
            if new in current:
                current[new]["quantity"] += vals["quantity"]
                current[new]["move_ids"] += vals["move_ids"]
            else:
                current[new] = vals
        result = []
        for product, vals in current.items():
            seller = product.with_company(self.company_id)._select_seller(quantity=vals["quantity"])
            result.append({
                "product_id": product.id,
                "quantity": vals["quantity"],
                "source": vals["source"],
                "partner_id": (seller.partner_id or self.partner_id).id,
                "price_unit": seller.price or product.with_company(self.company_id).standard_price,
                "move_ids": [fields.Command.set(vals["move_ids"])],
            })
        return result

    @dealer_action
    def action_submit(self):
        self._check_state(("draft",), self.env._("Submitting"))
        for plan in self:
            if not plan.line_ids:
                raise UserError(self.env._("Add the parts to buy to %(plan)s first.", plan=plan.display_name))
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def _dealer_tier_validated(self):
        self.write({"state": "approved"})
        self._dealer_assign_number()
        self._action_approve()

    def _dealer_tier_rejected(self):
        self.write({"state": "draft"})

    def _action_approve(self):
        return True

    @dealer_action
    def action_reset(self):
        """Back to draft, to change the plan: it must then be approved again."""
        self._check_state(("to_approve", "approved"), self.env._("Sending back to draft"))
        self._dealer_tier_withdraw()
        self.write({"state": "draft"})
        return True

    @dealer_action
    def action_cancel(self):
        self._check_state(("draft", "to_approve"), self.env._("Cancelling"))
        self.write({"state": "cancel"})
        return True

    @dealer_action
    def action_create_rfq(self):
        """One request for quotation per supplier; A-class parts need three quotes
        (or the manager's reason) first."""
        self._check_state(("approved",), self.env._("Ordering"))
        PurchaseOrder = self.env["purchase.order"]
        for plan in self:
            plan.line_ids._dealer_check_quotes()
            by_partner = {}
            for line in plan.line_ids:
                partner = line.partner_id or plan.partner_id
                if not partner:
                    raise UserError(self.env._("Choose the supplier of %(part)s.", part=line.product_id.display_name))
                by_partner.setdefault(partner, self.env["dealer.parts.plan.line"])
                by_partner[partner] |= line
            for partner, lines in by_partner.items():
                PurchaseOrder.create({
                    "partner_id": partner.id,
                    "company_id": plan.company_id.id,
                    "origin": plan.name,
                    "dealer_plan_id": plan.id,
                    "order_line": [fields.Command.create({
                        "product_id": line.product_id.id,
                        "product_qty": line.quantity,
                        "price_unit": line.price_unit,
                        "dealer_plan_line_id": line.id,
                    }) for line in lines],
                })
        self.write({"state": "ordered"})
        return self.action_view_purchases()

    def action_view_purchases(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Requests for Quotation"),
            "res_model": "purchase.order",
            "view_mode": "list,form",
            "domain": [("dealer_plan_id", "=", self.id)],
        }

    def _dealer_do_void(self, reason):
        for plan in self:
            if plan.purchase_ids.filtered(lambda po: po.state not in ("cancel", "draft", "sent")):
                raise UserError(self.env._("Cancel the confirmed purchase orders of %(plan)s before voiding it.",
                                           plan=plan.display_name))
            plan.purchase_ids.filtered(lambda po: po.state != "cancel").button_cancel()
        self.write({"state": "cancel"})
        return True

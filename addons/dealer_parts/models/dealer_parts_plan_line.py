from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

PLAN_LINE_SOURCES = [
    ("manual", "Manual"),
    ("reorder", "Reordering Rule"),
    ("backorder", "Repair Back-Order"),
    ("both", "Back-Order and Reordering"),
]
MIN_QUOTES = 3


class DealerPartsPlanLine(models.Model):
    _name = "dealer.parts.plan.line"
    _description = "Parts Purchase Plan Line"
    _order = "plan_id, sequence, id"
    _check_company_auto = True

    plan_id = fields.Many2one("dealer.parts.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", string="Part", required=True, check_company=True,
                                 domain="[('is_storable', '=', True)]")
    oem_number = fields.Char(related="product_id.dealer_oem_number", string="OEM Number")
    abc_class = fields.Selection(related="product_id.dealer_abc_class", string="ABC")
    quantity = fields.Float(string="Quantity", required=True, default=1.0, digits="Product Unit")
    partner_id = fields.Many2one("res.partner", string="Supplier", check_company=True)
    price_unit = fields.Float(string="Unit Price", digits="Product Price")
    subtotal = fields.Float(string="Subtotal", compute="_compute_subtotal", digits="Product Price")
    source = fields.Selection(PLAN_LINE_SOURCES, string="Source", required=True, default="manual")
    move_ids = fields.Many2many("stock.move", string="Back-Ordered Moves", readonly=True)
    quote_ids = fields.One2many("dealer.parts.quote", "plan_line_id", string="Supplier Quotes")
    quote_count = fields.Integer(compute="_compute_quote_count", string="Quotes")
    quote_waiver_reason = fields.Char(string="Why Fewer Quotes", readonly=True, copy=False,
                                      help="The parts manager's reason to order an A-class part with fewer than "
                                           "three quotes.")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ("quote_waiver_reason",), creating=True)
        lines = super().create(vals_list)
        lines.plan_id._dealer_check_editable({"line_ids"})
        return lines

    def write(self, vals):
        check_sealed(self, vals, ("quote_waiver_reason",))
        if set(vals) - {"quote_ids", "sequence"}:
            self.plan_id._dealer_check_editable({"line_ids"})
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_on_draft_plan(self):
        self.plan_id._dealer_check_editable({"line_ids"})

    @api.onchange("product_id")
    def _onchange_dealer_superseded_product(self):
        """A plan line for a superseded part number proposes the new number."""
        return self.env["product.product"]._dealer_propose_current_number(self)

    @api.depends("quantity", "price_unit")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.quantity * line.price_unit

    @api.depends("quote_ids.partner_id")
    def _compute_quote_count(self):
        for line in self:
            line.quote_count = len(line.quote_ids.partner_id)

    def _dealer_quotes_missing(self):
        self.ensure_one()
        abc = self.product_id.with_company(self.company_id).dealer_abc_class
        return abc == "a" and self.quote_count < MIN_QUOTES and not self.quote_waiver_reason

    def _dealer_check_quotes(self):
        missing = self.filtered(lambda line: line._dealer_quotes_missing())
        if missing:
            raise UserError(self.env._(
                "Compare three suppliers (货比三家): record at least three quotes for the A-class parts "
                "%(parts)s, or have the parts manager record why not.",
                parts=", ".join(missing.product_id.mapped("display_name"))))

    @dealer_action
    def action_select_best_quote(self):
        for line in self:
            best = line.quote_ids.sorted(lambda q: (q.price_unit, q.lead_days, q.id))[:1]
            if not best:
                raise UserError(self.env._("Record quotes for %(part)s first.", part=line.product_id.display_name))
            line.quote_ids.selected = False
            best.selected = True
            line.write({"partner_id": best.partner_id.id, "price_unit": best.price_unit})
        return True

    def action_waive_quotes(self):
        return self.env["dealer.parts.reason.wizard"]._open_for(self, "quote_waiver")

    @dealer_action
    def _dealer_waive_quotes(self, reason):
        if not self.env.user.has_group("dealer_parts.dealer_parts_group_manager"):
            raise AccessError(self.env._("Only the parts manager waives the three quotes."))
        if not reason:
            raise UserError(self.env._("Give the reason for ordering with fewer than three quotes."))
        self.write({"quote_waiver_reason": reason})
        for line in self:
            line.plan_id.message_post(body=self.env._(
                "Three quotes waived for %(part)s: %(reason)s", part=line.product_id.display_name, reason=reason))
        return True

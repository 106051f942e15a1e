from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import dealer_action

COUNT_STATES = [
    ("draft", "Draft"),
    ("counting", "Counting"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class DealerPartsCount(models.Model):
    """Stock count (盘点): monthly cycle count of a store room, quarterly full
    count with finance; differences are explained and posted as Odoo inventory
    adjustments."""

    _name = "dealer.parts.count"
    _description = "Parts Stock Count"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin", "dealer.parts.document.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_parts_enabled"
    _dealer_report = "dealer_parts.action_report_parts_count"
    _dealer_sealed_fields = ("state", "move_ids", "void_move_ids")

    name = fields.Char(string="Reference", readonly=True, copy=False, index="trigram")
    company_id = fields.Many2one("res.company", string="Store", required=True, index=True,
                                 default=lambda self: self.env.company)
    kind = fields.Selection([("monthly", "Monthly Cycle Count"), ("quarterly", "Quarterly Full Count")],
                            string="Count Type", required=True, default="monthly")
    location_id = fields.Many2one("stock.location", string="Counted Location", required=True, check_company=True,
                                  domain="[('usage', '=', 'internal')]")
    date = fields.Date(string="Count Date", required=True, default=fields.Date.context_today)
    state = fields.Selection(COUNT_STATES, string="Status", default="draft", required=True, readonly=True,
                             copy=False, index=True, tracking=True)
    counter_id = fields.Many2one("res.users", string="Counter", default=lambda self: self.env.user,
                                 domain="[('share', '=', False)]")
    second_counter_id = fields.Many2one("res.users", string="Second Counter", domain="[('share', '=', False)]")
    finance_present = fields.Boolean(string="Finance Present", help="Quarterly counts are done with finance.")
    line_ids = fields.One2many("dealer.parts.count.line", "count_id", string="Lines")
    move_ids = fields.Many2many("stock.move", "dealer_parts_count_move_rel", string="Adjustments", readonly=True,
                                copy=False)
    void_move_ids = fields.Many2many("stock.move", "dealer_parts_count_void_move_rel", string="Counter-Moves",
                                     readonly=True, copy=False)
    gain_value = fields.Float(string="Gains Value", compute="_compute_totals", digits="Product Price")
    loss_value = fields.Float(string="Losses Value", compute="_compute_totals", digits="Product Price")

    _name_company_uniq = models.Constraint("unique(name, company_id)", "The reference must be unique per store.")

    @api.depends("line_ids.difference_value")
    def _compute_totals(self):
        for count in self:
            values = count.line_ids.mapped("difference_value")
            count.gain_value = sum(v for v in values if v > 0)
            count.loss_value = -sum(v for v in values if v < 0)

    def _compute_display_name(self):
        for count in self:
            count.display_name = count.name or self.env._("Draft Count")

    def _dealer_copy_names(self):
        return ["Parts Manager / 配件主管联", "Finance / 财务联"]

    @dealer_action
    def action_start(self):
        if any(count.state != "draft" for count in self):
            raise UserError(self.env._("Only draft counts are started."))
        for count in self:
            quants = self.env["stock.quant"].search([
                ("location_id", "child_of", count.location_id.id),
                ("company_id", "=", count.company_id.id),
                ("product_id.is_storable", "=", True),
            ])
            totals = {}
            for quant in quants:
                key = (quant.product_id.id, quant.location_id.id)
                totals[key] = totals.get(key, 0.0) + quant.quantity
            count.line_ids.unlink()
            count.write({"line_ids": [fields.Command.create({
                "product_id": product_id, "location_id": location_id, "theoretical_qty": qty, "counted_qty": qty,
            }) for (product_id, location_id), qty in sorted(totals.items())]})
        self.write({"state": "counting"})
        return True

    @dealer_action
    def action_validate(self):
        for count in self:
            if count.state != "counting":
                raise UserError(self.env._("Start counting %(count)s first.", count=count.display_name))
            if count.kind == "quarterly":
                if not count.finance_present:
                    raise UserError(self.env._("A quarterly full count is done with finance: tick Finance Present."))
                if not count.second_counter_id or count.second_counter_id == count.counter_id:
                    raise UserError(self.env._("A quarterly full count needs a second counter other than the first."))
            unexplained = count.line_ids.filtered(lambda line: line.difference_qty and not line.reason)
            if unexplained:
                raise UserError(self.env._(
                    "Explain the differences of %(parts)s before validating the count.",
                    parts=", ".join(unexplained.product_id.mapped("display_name"))))
        for count in self:
            count._dealer_apply()
        self.write({"state": "done"})
        self._dealer_assign_number()
        return True

    def _dealer_apply(self):
        """Post the differences through Odoo's inventory adjustment (one search, one create)."""
        self.ensure_one()
        Quant = self.env["stock.quant"].with_context(inventory_mode=True)
        lines = self.line_ids.filtered("difference_qty")
        existing = Quant.search([
            ("product_id", "in", lines.product_id.ids), ("location_id", "in", lines.location_id.ids),
            ("lot_id", "=", False), ("package_id", "=", False), ("owner_id", "=", False),
        ])
        by_key = {}
        for quant in existing:
            by_key.setdefault((quant.product_id, quant.location_id), quant)
        missing = lines.filtered(lambda line: (line.product_id, line.location_id) not in by_key)
        for quant in Quant.create([{"product_id": line.product_id.id, "location_id": line.location_id.id}
                                   for line in missing]):
            by_key[quant.product_id, quant.location_id] = quant
        quants = Quant
        for line in lines:
            quant = by_key[line.product_id, line.location_id]
            quant.inventory_quantity = quant.quantity + line.difference_qty
            quants |= quant
        if quants:
            last = self.env["stock.move"].search([], order="id desc", limit=1).id
            quants.with_context(inventory_name=self.env._("Count %(ref)s", ref=self.name or self.id))._apply_inventory()
            self.move_ids = self.env["stock.move"].search([
                ("id", ">", last), ("is_inventory", "=", True), ("product_id", "in", quants.product_id.ids),
                ("state", "=", "done"),
            ])

    @dealer_action
    def _dealer_do_void(self, reason):
        """Reverse the adjustments of the count with visible counter-moves."""
        for count in self:
            if count.state != "done":
                raise UserError(self.env._("Only validated counts are voided."))
            counter = self.env["stock.move"].create([{
                "product_id": move.product_id.id,
                "product_uom_qty": move.quantity,
                "product_uom": move.product_uom.id,
                "location_id": move.location_dest_id.id,
                "location_dest_id": move.location_id.id,
                "company_id": count.company_id.id,
                "is_inventory": True,
                "origin": count.name,
                "reference": self.env._("Void of %(doc)s: %(reason)s", doc=count.name, reason=reason),
            } for move in count.move_ids])
            counter._action_confirm()
            for move in counter:
                move.quantity = move.product_uom_qty
            counter.picked = True
            counter._action_done()
            count.void_move_ids = counter
        return True

    @dealer_action
    def action_cancel(self):
        if any(count.state == "done" for count in self):
            raise UserError(self.env._("A validated count is not cancelled: count again to correct it."))
        self.write({"state": "cancel"})
        return True

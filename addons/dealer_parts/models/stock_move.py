from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

OLD_PART_STATES = [
    ("none", "Not Returnable"),
    ("required", "Old Part Due"),
    ("returned", "Old Part Booked In"),
    ("customer", "Old Part to Customer"),
    ("exempt", "Exempted"),
]
OLD_PART_SEALED = ("dealer_old_part_state", "dealer_old_part_move_id", "dealer_old_part_exempt_reason",
                   "dealer_old_part_exempt_user_id", "dealer_old_part_of_id", "dealer_old_part_picking_id",
                   "dealer_old_part_repair_order_id", "dealer_old_part_repair_line_id")


class StockMove(models.Model):
    _inherit = "stock.move"

    # --- receipt ---
    dealer_damaged_qty = fields.Float(string="Damaged", digits="Product Unit",
                                      help="Units refused on arrival because damaged.")
    dealer_wrong_qty = fields.Float(string="Wrong Parts", digits="Product Unit",
                                    help="Units refused because the supplier sent another part.")
    dealer_delivery_price = fields.Float(string="Delivery Note Price", digits="Product Price",
                                         help="Unit price on the supplier's delivery note or invoice.")
    dealer_order_price = fields.Float(string="Order Price", digits="Product Price",
                                      compute="_compute_dealer_order_price")
    dealer_price_diff = fields.Boolean(string="Price Difference", compute="_compute_dealer_order_price")
    # --- issues ---
    dealer_sale_price = fields.Float(
        string="Sale Price", digits="Product Price",
        compute="_compute_dealer_sale_price", store=True, readonly=False, precompute=True,
    )
    dealer_amount = fields.Float(string="Amount", digits="Product Price", compute="_compute_dealer_amount")
    dealer_payer = fields.Selection(
        selection="_selection_dealer_payer", string="Payer", compute="_compute_dealer_payer", store=True,
        readonly=False, precompute=True,
    )
    dealer_old_part_state = fields.Selection(
        OLD_PART_STATES, string="Old Part", compute="_compute_dealer_old_part_state", store=True,
        readonly=True, copy=False,
    )
    dealer_old_part_move_id = fields.Many2one("stock.move", string="Old Part Booking", readonly=True,
                                              copy=False, index="btree_not_null")
    dealer_old_part_of_id = fields.Many2one("stock.move", string="Old Part of", readonly=True, copy=False,
                                            index="btree_not_null", help="The issue of the new part it replaced.")
    dealer_old_part_picking_id = fields.Many2one("stock.picking", string="Old Part of Requisition", readonly=True,
                                                 copy=False, index="btree_not_null")
    dealer_old_part_repair_order_id = fields.Many2one("dealer.repair.order", string="Old Part of Repair Order",
                                                      readonly=True, copy=False, index="btree_not_null")
    dealer_old_part_repair_line_id = fields.Many2one("dealer.repair.order.line", string="Old Part of Repair Line",
                                                     readonly=True, copy=False, index="btree_not_null")
    dealer_old_part_exempt_reason = fields.Char(string="Exemption Reason", readonly=True, copy=False)
    dealer_old_part_exempt_user_id = fields.Many2one("res.users", string="Exempted By", readonly=True,
                                                     copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, OLD_PART_SEALED, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, OLD_PART_SEALED)
        return super().write(vals)

    def _should_create_account_move(self):
        # the scrap request books the loss once, with its split entry crediting the stock
        return super()._should_create_account_move() and not self.scrap_id.dealer_scrap_request_id

    @api.depends("purchase_line_id.price_unit", "dealer_delivery_price")
    def _compute_dealer_order_price(self):
        for move in self:
            move.dealer_order_price = move.purchase_line_id.price_unit
            currency = move.company_id.currency_id
            move.dealer_price_diff = bool(
                move.purchase_line_id and move.dealer_delivery_price
                and currency.compare_amounts(move.dealer_delivery_price, move.dealer_order_price) != 0
            )

    @api.depends("product_id")
    def _compute_dealer_sale_price(self):
        for move in self:
            move.dealer_sale_price = move.product_id.lst_price

    @api.depends("dealer_sale_price", "quantity", "product_uom_qty")
    def _compute_dealer_amount(self):
        for move in self:
            move.dealer_amount = move.dealer_sale_price * (move.quantity or move.product_uom_qty)

    @api.model
    def _selection_dealer_payer(self):
        # the payers of the repair order lines, with those other modules add
        return self.env["dealer.repair.order.line"]._fields["payer"].selection

    @api.depends("picking_id.dealer_doc_kind")
    def _compute_dealer_payer(self):
        for move in self:
            line = move["dealer_repair_line_id"] if "dealer_repair_line_id" in move._fields else False
            if line and line.payer:
                move.dealer_payer = line.payer
            elif not move.dealer_payer:
                warranty = move.picking_id.dealer_doc_kind == "warranty_requisition"
                move.dealer_payer = "warranty" if warranty else "customer"

    @api.depends("product_id.dealer_returnable", "picking_id.dealer_doc_kind")
    def _compute_dealer_old_part_state(self):
        for move in self:
            if move.dealer_old_part_state in ("returned", "customer", "exempt"):
                continue
            due = move.product_id.dealer_returnable and move.picking_id.dealer_doc_kind in (
                "requisition", "warranty_requisition")
            move.dealer_old_part_state = "required" if due else "none"

    @dealer_action
    def action_dealer_book_old_part(self):
        """Book the replaced old part in: to the warranty old-part store for warranty
        lines (a warranty part's old part belongs to the maker: it never goes home with
        the customer), to the parts counter otherwise; to the customer when they take it home.
        The booking keeps the issue move, its picking, repair order and repair line."""
        Move = self.env["stock.move"]
        for move in self:
            if move.dealer_old_part_state != "required":
                raise UserError(self.env._("No old part is due for %(part)s.", part=move.product_id.display_name))
            picking = move.picking_id
            warranty = move.dealer_payer == "warranty"
            if picking.dealer_old_part_choice == "take" and not warranty:
                move.dealer_old_part_state = "customer"
                picking.message_post(body=self.env._(
                    "Old %(part)s checked and handed back to the customer (cleaned).",
                    part=move.product_id.display_name,
                ))
                continue
            warehouse = picking.picking_type_id.warehouse_id
            destination = (warehouse.dealer_old_part_warranty_loc_id if warranty
                           else warehouse.dealer_old_part_counter_loc_id)
            values = {
                "product_id": move.product_id.id,
                "product_uom_qty": move.product_uom_qty,
                "product_uom": move.product_uom.id,
                "location_id": move.location_dest_id.id,
                "location_dest_id": destination.id,
                "company_id": move.company_id.id,
                "origin": picking.name,
                "partner_id": picking.partner_id.id,
                "description_picking": self.env._("Old part of %(doc)s", doc=picking.name),
                "dealer_old_part_of_id": move.id,
                "dealer_old_part_picking_id": picking.id,
                "dealer_old_part_repair_order_id": picking.dealer_repair_order_id.id,
            }
            if "dealer_repair_line_id" in move._fields:
                values["dealer_old_part_repair_line_id"] = move.dealer_repair_line_id.id
            old = Move.create(values)
            old._action_confirm()
            old.quantity = old.product_uom_qty
            old.picked = True
            old._action_done()
            move.write({"dealer_old_part_move_id": old.id, "dealer_old_part_state": "returned"})
        return True

    def action_dealer_exempt_old_part(self):
        return self.env["dealer.parts.reason.wizard"]._open_for(self, "exempt")

    @dealer_action
    def _dealer_exempt_old_part(self, reason):
        if not self.env.user.has_group("dealer_parts.dealer_parts_group_manager"):
            raise AccessError(self.env._("Only the parts manager can exempt a part from the old-part return."))
        if not reason:
            raise UserError(self.env._("Give the reason of the exemption."))
        for move in self:
            if move.dealer_old_part_state != "required":
                raise UserError(self.env._("No old part is due for %(part)s.", part=move.product_id.display_name))
        self.write({
            "dealer_old_part_state": "exempt",
            "dealer_old_part_exempt_reason": reason,
            "dealer_old_part_exempt_user_id": self.env.user.id,
        })
        for move in self:
            move.picking_id.message_post(body=self.env._(
                "Old-part return of %(part)s exempted: %(reason)s", part=move.product_id.display_name, reason=reason,
            ))
        return True

from odoo import fields, models
from odoo.exceptions import UserError


class StockMove(models.Model):
    _inherit = "stock.move"

    dealer_warranty_old_part_id = fields.Many2one(
        "dealer.warranty.old.part", string="Old-Part Tag", index="btree_not_null", copy=False, readonly=True,
        help="The tagged old part this move takes out of the warranty old-part store.",
    )
    dealer_warranty_tag_ids = fields.One2many("dealer.warranty.old.part", "move_id", string="Old-Part Tags",
                                              help="The tag of the old part this move booked in.")

    def action_dealer_book_old_part(self):
        """An old part booked into the warranty old-part store gets its tag."""
        res = super().action_dealer_book_old_part()
        self.env["dealer.warranty.old.part"]._dealer_create_for_bookings(
            self.dealer_old_part_move_id.filtered(lambda old: not old.dealer_warranty_tag_ids))
        return res

    def _action_done(self, cancel_backorder=False):
        self._dealer_check_old_part_exit()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _dealer_check_old_part_exit(self):
        """A warranty old part leaves its store only tagged, once, and for a claim beyond draft
        (a shipment to the OEM) or through an approved disposal."""
        stores = self.env["stock.warehouse"].search([
            ("company_id", "in", self.company_id.ids), ("dealer_old_part_warranty_loc_id", "!=", False),
        ]).dealer_old_part_warranty_loc_id
        if not stores:
            return

        def in_store(location):
            return any((location.parent_path or "").startswith(store.parent_path) for store in stores)

        leaving = self.filtered(lambda move: move.state != "done" and in_store(move.location_id)
                                and not in_store(move.location_dest_id))
        seen = set()
        for move in leaving:
            tag = move.dealer_warranty_old_part_id
            part = move.product_id.display_name
            if not tag or tag.product_id != move.product_id or move.product_uom._compute_quantity(
                    move.quantity or move.product_uom_qty, tag.product_id.uom_id) > tag.quantity + 1e-6:
                raise UserError(self.env._(
                    "%(part)s leaves the warranty old-part store untagged: only tagged old parts are shipped to "
                    "the OEM or disposed of, each with its own tag.", part=part))
            if tag.state != "in_store" or tag.id in seen:
                raise UserError(self.env._(
                    "Old part %(tag)s (%(part)s) left the store already: it is not shipped twice.",
                    tag=tag.name, part=part))
            seen.add(tag.id)
            if move.location_dest_id.usage == "inventory":
                if tag.disposal_id.state != "approved":
                    raise UserError(self.env._(
                        "Old part %(tag)s is disposed of only through an approved disposal.", tag=tag.name))
            elif not tag.claim_id or tag.claim_id.state == "draft":
                raise UserError(self.env._(
                    "Old part %(tag)s cannot ship while its claim %(claim)s is still a draft: submit the claim first.",
                    tag=tag.name, claim=tag.claim_id.name or self.env._("(none yet)")))


import base64
import io
from datetime import timedelta

import qrcode

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed

OLD_PART_STATES = [
    ("in_store", "In the Old-Part Store"),
    ("shipped", "Shipped to the OEM"),
    ("disposed", "Disposed Of"),
]
# what only the actions change
OLD_PART_SEALED = ("state", "move_id", "print_count")
# what a tag of a booked old part keeps from the booking
BOOKED_FIELDS = {"product_id", "quantity", "repair_line_id", "date"}


class DealerWarrantyOldPart(models.Model):
    """The tag (旧件标签) of a replaced part kept for the OEM in the warranty old-part store:
    number, claim, VIN, part, fault and date, on a printed label with a QR code; its shelf,
    how long it is kept, and whether it was shipped to the OEM or disposed of."""

    _name = "dealer.warranty.old.part"
    _description = "Old-Part Tag"
    _inherit = ["mail.thread", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_warranty_enabled"

    state = fields.Selection(OLD_PART_STATES, default="in_store", required=True, readonly=True, copy=False,
                             index=True, tracking=True)
    move_id = fields.Many2one("stock.move", string="Booked In By", readonly=True, copy=False,
                              index="btree_not_null", help="The stock move that booked the old part into the store.")
    repair_line_id = fields.Many2one("dealer.repair.order.line", string="Repair Order Line", check_company=True,
                                     index="btree_not_null")
    repair_order_id = fields.Many2one(related="repair_line_id.order_id", store=True, string="Repair Order")
    vehicle_id = fields.Many2one(related="repair_line_id.order_id.vehicle_id", string="Vehicle")
    vin = fields.Char(string="VIN", related="repair_line_id.order_id.vehicle_id.vin_sn")
    claim_line_id = fields.Many2one("dealer.warranty.claim.line", string="Claim Line",
                                    compute="_compute_claim_line_id", store=True, index="btree_not_null")
    claim_id = fields.Many2one(related="claim_line_id.claim_id", store=True, string="Claim", index="btree_not_null")
    claim_state = fields.Selection(related="claim_id.state", string="Claim Status")
    fault = fields.Char(compute="_compute_fault", help="The fault code and cause of the claim.")
    product_id = fields.Many2one("product.product", string="Part", required=True, domain=[("type", "=", "consu")])
    oem_number = fields.Char(string="Part Number", related="product_id.dealer_oem_number")
    quantity = fields.Float(default=1.0, digits="Product Unit")
    date = fields.Date(string="Booked In On", required=True, default=fields.Date.context_today)
    location_id = fields.Many2one(
        "stock.location", string="Shelf", required=True, check_company=True,
        help="Where the old part lies in the warranty old-part store.",
    )
    retention_date = fields.Date(
        string="Keep Until", compute="_compute_retention_date", store=True, readonly=False, precompute=True,
        help="The OEM may ask for the part back until this day; afterwards it may be disposed of (with approval).",
    )
    return_requested_date = fields.Date(
        string="OEM Return Request", tracking=True,
        help="The day the OEM asked for the part to be sent back: it is not disposed of.",
    )
    shipment_id = fields.Many2one("dealer.warranty.shipment", string="Shipment", index="btree_not_null",
                                  check_company=True, copy=False)
    disposal_id = fields.Many2one("dealer.warranty.disposal", string="Disposal", index="btree_not_null",
                                  check_company=True, copy=False)
    print_count = fields.Integer(string="Labels Printed", readonly=True, copy=False)
    qr_payload = fields.Char(compute="_compute_qr_payload", string="QR Code Content")
    qr_image = fields.Binary(compute="_compute_qr_payload", string="QR Code")

    _name_company_uniq = models.Constraint("unique(name, company_id)", "A tag number is unique per store.")
    _quantity_positive = models.Constraint("CHECK(quantity > 0)", "An old part's quantity must be positive.")

    @api.depends("repair_line_id.dealer_claim_line_ids")
    def _compute_claim_line_id(self):
        for tag in self:
            tag.claim_line_id = tag.repair_line_id.dealer_claim_line_ids[:1]

    @api.depends("claim_id.fault_code", "claim_id.cause")
    def _compute_fault(self):
        for tag in self:
            tag.fault = " · ".join(filter(None, [tag.claim_id.fault_code, (tag.claim_id.cause or "").strip()]))

    @api.depends("date", "repair_line_id.order_id.vehicle_id.brand_id.dealer_old_part_retention_days")
    def _compute_retention_date(self):
        for tag in self:
            brand = tag.repair_line_id.order_id.vehicle_id.brand_id
            days = brand.dealer_old_part_retention_days if brand else 90
            tag.retention_date = tag.date and tag.date + timedelta(days=days)

    @api.depends("name", "vin", "oem_number", "claim_id.name")
    def _compute_qr_payload(self):
        """The label's QR code: tag number, VIN, part number and claim (drawn with ``qrcode``, as
        auth_totp does: Odoo's barcode rendering needs a reportlab backend this stack lacks)."""
        for tag in self:
            tag.qr_payload = "|".join(part or "" for part in (tag.name, tag.vin, tag.oem_number, tag.claim_id.name))
            data = io.BytesIO()
            qrcode.make(tag.qr_payload.encode(), box_size=4, border=2).save(data, optimise=True, format="PNG")
            tag.qr_image = base64.b64encode(data.getvalue())

    @api.constrains("location_id")
    def _check_location(self):
        for tag in self:
            tag._dealer_check_shelf(tag.location_id)

    def _dealer_check_shelf(self, location):
        self.ensure_one()
        store = self._dealer_old_part_store()
        if not store or not (location.parent_path or "").startswith(store.parent_path):
            raise ValidationError(self.env._(
                "Old part %(tag)s lies in the warranty old-part store of %(store)s (or on one of its shelves), "
                "not in %(location)s.",
                tag=self.name, store=self.company_id.display_name, location=location.display_name,
            ))

    def _dealer_old_part_store(self):
        self.ensure_one()
        return self.company_id.dealer_parts_warehouse_id.dealer_old_part_warranty_loc_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, OLD_PART_SEALED, creating=True)
            if not vals.get("location_id"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                store = company.dealer_parts_warehouse_id.dealer_old_part_warranty_loc_id
                vals["location_id"] = store.id
            if not vals.get("move_id"):
                self._dealer_check_untagged_stock(vals)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, OLD_PART_SEALED)
        if BOOKED_FIELDS & set(vals) and self.filtered("move_id"):
            raise UserError(self.env._(
                "%(tags)s carry what was booked into the old-part store: part, quantity, repair line and date "
                "no longer change.", tags=", ".join(self.filtered("move_id").mapped("name"))))
        if "shipment_id" in vals or "disposal_id" in vals:
            self._dealer_check_in_store()
        if "location_id" in vals:
            self._dealer_check_in_store()
            new = self.env["stock.location"].browse(vals["location_id"])
            for tag in self.filtered(lambda rec: rec.location_id != new):
                tag._dealer_check_shelf(new)
                tag._dealer_move_stock(new)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_booked(self):
        booked = self.filtered(lambda tag: tag.move_id or tag.state != "in_store")
        if booked:
            raise UserError(self.env._(
                "%(tags)s tag parts booked into the old-part store, shipped or disposed of: the chain of custody "
                "keeps them.", tags=", ".join(booked.mapped("name"))))

    def _dealer_check_in_store(self):
        gone = self.filtered(lambda tag: tag.state != "in_store")
        if gone:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "%(tags)s are no longer in the old-part store (%(states)s).",
                tags=", ".join(gone.mapped("name")), states=", ".join({labels[tag.state] for tag in gone}),
            ))

    @api.model
    def _dealer_check_untagged_stock(self, vals):
        """A tag written by hand (an old part found in the store) tags a part that lies there untagged."""
        product = self.env["product.product"].browse(vals.get("product_id"))
        location = self.env["stock.location"].browse(vals.get("location_id"))
        available = self.env["stock.quant"]._get_available_quantity(product, location, strict=True)
        tagged = sum(self.search([("product_id", "=", product.id), ("location_id", "=", location.id),
                                  ("state", "=", "in_store")]).mapped("quantity"))
        if product.uom_id.compare(tagged + vals.get("quantity", 1.0), available) > 0:
            raise UserError(self.env._(
                "Only %(available)s %(part)s lie in %(location)s, %(tagged)s of them tagged: there is no untagged "
                "one to tag.", available=available, part=product.display_name, location=location.display_name,
                tagged=tagged,
            ))

    @api.model
    def _dealer_tagged_quantities(self, repair_lines):
        """Old parts booked in and tagged per repair line: ``{repair line: quantity}``."""
        if not repair_lines:
            return {}
        return dict(self._read_group(
            [("repair_line_id", "in", repair_lines.ids), ("state", "!=", "disposed")],
            ["repair_line_id"], ["quantity:sum"],
        ))

    @api.model
    def _dealer_create_for_bookings(self, old_moves):
        """Tag each old part booked into a warranty old-part store (stores with the capability on)."""
        vals_list = []
        for move in old_moves:
            warehouse = move.location_dest_id.warehouse_id
            if move.location_dest_id != warehouse.dealer_old_part_warranty_loc_id \
                    or not move.company_id.dealer_warranty_enabled:
                continue
            vals_list.append({
                "company_id": move.company_id.id,
                "move_id": move.id,
                "product_id": move.product_id.id,
                "quantity": move.product_uom_qty,
                "repair_line_id": move.dealer_old_part_repair_line_id.id,
                "location_id": move.location_dest_id.id,
                "date": fields.Date.context_today(self, move.date),
            })
        with unsealed(self.env):
            return self.create(vals_list)

    # ------------------------------------------------------------
    # Stock of the tagged part
    # ------------------------------------------------------------

    def _dealer_prepare_move_values(self, destination):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "product_uom": self.product_id.uom_id.id,
            "location_id": self.location_id.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "description_picking": self.env._("Old part %(tag)s", tag=self.name),
            "dealer_warranty_old_part_id": self.id,
        }

    def _dealer_move_stock(self, destination):
        """Move the tagged part to ``destination`` (a shelf of the store, or out of it when disposed of)."""
        moves = self.env["stock.move"].create([tag._dealer_prepare_move_values(destination) for tag in self])
        moves._action_confirm()
        for move in moves:
            move.quantity = move.product_uom_qty
        moves.picked = True
        moves._action_done()
        return moves

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    @dealer_action
    def action_print_label(self):
        for tag in self:
            tag.print_count += 1
        return self.env.ref("dealer_warranty.action_report_old_part_label").report_action(self)

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

SHIPMENT_STATES = [
    ("draft", "Draft"),
    ("shipped", "Shipped"),
    ("cancel", "Cancelled"),
]
SHIPMENT_SEALED = ("state", "picking_id", "date_shipped")


class DealerWarrantyShipment(models.Model):
    """A batch of tagged old parts sent back to the OEM (旧件返厂): a transfer out of the
    warranty old-part store with its packing list, carrier and waybill."""

    _name = "dealer.warranty.shipment"
    _description = "Old-Part Shipment"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_warranty_enabled"

    partner_id = fields.Many2one("res.partner", string="OEM", required=True, index=True, tracking=True,
                                 check_company=True)
    carrier_id = fields.Many2one("res.partner", string="Carrier", tracking=True, check_company=True,
                                 help="The logistics company taking the parcel to the OEM.")
    waybill = fields.Char(string="Waybill Number", tracking=True, copy=False)
    old_part_ids = fields.One2many("dealer.warranty.old.part", "shipment_id", string="Old Parts")
    old_part_count = fields.Integer(string="Parts", compute="_compute_old_part_count")
    state = fields.Selection(SHIPMENT_STATES, default="draft", required=True, readonly=True, copy=False,
                             index=True, tracking=True)
    picking_id = fields.Many2one("stock.picking", string="Transfer", readonly=True, copy=False, check_company=True)
    date_shipped = fields.Datetime(string="Shipped On", readonly=True, copy=False)
    note = fields.Text(string="Notes")

    _name_company_uniq = models.Constraint("unique(name, company_id)", "A shipment number is unique per store.")

    @api.depends("old_part_ids")
    def _compute_old_part_count(self):
        for shipment in self:
            shipment.old_part_count = len(shipment.old_part_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, SHIPMENT_SEALED, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, SHIPMENT_SEALED)
        if "old_part_ids" in vals or "partner_id" in vals:
            shipped = self.filtered(lambda shipment: shipment.state != "draft")
            if shipped:
                raise UserError(self.env._("%(shipments)s left the store: their parts no longer change.",
                                           shipments=", ".join(shipped.mapped("name"))))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_shipped(self):
        if any(shipment.state == "shipped" for shipment in self):
            raise UserError(self.env._("A shipment that left the store is kept: it is the OEM's receipt."))

    @dealer_action
    def action_ship(self):
        """Send the tagged parts: a validated transfer from the old-part store to the OEM; the
        stock rules refuse untagged parts, parts shipped before and parts of a draft claim."""
        for shipment in self:
            if shipment.state != "draft":
                raise UserError(self.env._("%(shipment)s is not a draft.", shipment=shipment.name))
            if not shipment.old_part_ids:
                raise UserError(self.env._("Add the tagged old parts to %(shipment)s first.",
                                           shipment=shipment.name))
            if not shipment.carrier_id or not shipment.waybill:
                raise UserError(self.env._("Give the carrier and the waybill number of %(shipment)s.",
                                           shipment=shipment.name))
            strangers = shipment.old_part_ids.filtered(
                lambda tag, s=shipment: tag.claim_id and tag.claim_id.partner_id != s.partner_id)
            if strangers:
                raise UserError(self.env._(
                    "%(tags)s are not claimed from %(oem)s: ship them to their own OEM.",
                    tags=", ".join(strangers.mapped("name")), oem=shipment.partner_id.display_name))
            picking = shipment._dealer_create_picking()
            shipment.write({"state": "shipped", "picking_id": picking.id, "date_shipped": fields.Datetime.now()})
            shipment.old_part_ids.write({"state": "shipped"})
        return True

    def _dealer_create_picking(self):
        self.ensure_one()
        warehouse = self.company_id.dealer_parts_warehouse_id
        picking_type = warehouse.dealer_old_part_shipment_type_id
        if not picking_type:
            raise UserError(self.env._(
                "%(store)s has no old-part store to ship from: switch the parts discipline on with its parts "
                "warehouse.", store=self.company_id.display_name))
        tags = self.old_part_ids
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "partner_id": self.partner_id.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": picking_type.default_location_dest_id.id,
            "move_ids": [fields.Command.create({
                **tag._dealer_prepare_move_values(picking_type.default_location_dest_id),
                "picking_type_id": picking_type.id,
            }) for tag in tags],
        })
        picking.action_confirm()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking._action_done()
        return picking

    @dealer_action
    def action_cancel(self):
        if any(shipment.state != "draft" for shipment in self):
            raise UserError(self.env._("Only a draft shipment is cancelled."))
        self.old_part_ids.write({"shipment_id": False})
        self.write({"state": "cancel"})
        return True

    def action_view_picking(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.picking_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

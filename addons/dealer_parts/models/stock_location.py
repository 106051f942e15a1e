from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

BIN_LEVELS = [
    ("store", "Store Room"),
    ("rack", "Rack"),
    ("shelf", "Shelf"),
    ("position", "Position"),
]
BIN_CHILD_LEVEL = {False: "store", "store": "rack", "rack": "shelf", "shelf": "position"}
BIN_CODE_WIDTH = {"store": 0, "rack": 2, "shelf": 1, "position": 2}


class StockLocation(models.Model):
    _inherit = "stock.location"

    dealer_bin_level = fields.Selection(
        BIN_LEVELS, string="Bin Level", index="btree_not_null",
        help="Level of the four-number bin location (四号定位): store room, rack, shelf, position.",
    )
    dealer_bin_code = fields.Char(
        string="Bin Code", compute="_compute_dealer_bin_code", store=True, recursive=True, index="btree_not_null",
        help="Four-number code such as A-03-2-15.",
    )
    dealer_old_part_store = fields.Boolean(
        string="Old-Part Store", readonly=True,
        help="Replaced old parts kept for the maker's claims or the counter: stock that can be found, not valued.",
    )
    dealer_bin_product_ids = fields.One2many(
        "stock.putaway.rule", "location_out_id", string="Parts of the Bin",
    )

    @api.depends("name", "dealer_bin_level", "location_id.dealer_bin_code", "location_id.dealer_bin_level")
    def _compute_dealer_bin_code(self):
        for location in self:
            if not location.dealer_bin_level:
                location.dealer_bin_code = False
            elif location.dealer_bin_level == "store" or not location.location_id.dealer_bin_code:
                location.dealer_bin_code = location.name
            else:
                location.dealer_bin_code = f"{location.location_id.dealer_bin_code}-{location.name}"

    @api.constrains("dealer_bin_level", "location_id", "name")
    def _check_dealer_bin_level(self):
        for location in self.filtered("dealer_bin_level"):
            expected = BIN_CHILD_LEVEL.get(location.location_id.dealer_bin_level)
            if expected != location.dealer_bin_level:
                raise ValidationError(self.env._(
                    "Bin %(bin)s must be a %(level)s inside its parent location.",
                    bin=location.complete_name, level=dict(BIN_LEVELS).get(expected, expected),
                ))
            width = BIN_CODE_WIDTH[location.dealer_bin_level]
            if width and (not location.name.isdigit() or len(location.name) != width):
                raise ValidationError(self.env._(
                    "The %(level)s number of bin %(bin)s must have exactly %(width)s digits.",
                    level=dict(BIN_LEVELS)[location.dealer_bin_level], bin=location.complete_name, width=width,
                ))

    def _should_be_valued(self):
        # an old part handed in is no asset of the store: it does not enter the stock valuation
        return not self.dealer_old_part_store and super()._should_be_valued()

    @api.depends("dealer_bin_code")
    def _compute_display_name(self):
        super()._compute_display_name()
        for location in self.filtered(lambda loc: loc.dealer_bin_level == "position"):
            location.display_name = f"{location.dealer_bin_code} ({location.warehouse_id.code or ''})"

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if value and operator in ("ilike", "=", "=ilike", "like"):
            domain = Domain.OR([domain, [("dealer_bin_code", operator, value)]])
        return domain

    @api.model
    def _dealer_create_bins(self, warehouse, store, racks, shelves, positions):
        """Create the store room ``store`` under the warehouse stock with ``racks``
        racks of ``shelves`` shelves of ``positions`` positions; return the positions."""
        def child(parent, name, level):
            existing = self.search([("location_id", "=", parent.id), ("name", "=", name)], limit=1)
            return existing or self.create({
                "name": name, "location_id": parent.id, "usage": "internal",
                "dealer_bin_level": level, "company_id": warehouse.company_id.id,
            })
        room = child(warehouse.lot_stock_id, store, "store")
        result = self.browse()
        for rack_no in range(1, racks + 1):
            rack = child(room, f"{rack_no:02d}", "rack")
            for shelf_no in range(1, shelves + 1):
                shelf = child(rack, f"{shelf_no:d}", "shelf")
                for position_no in range(1, positions + 1):
                    result |= child(shelf, f"{position_no:02d}", "position")
        return result

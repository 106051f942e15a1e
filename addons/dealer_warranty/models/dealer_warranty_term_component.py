from odoo import fields, models


class DealerWarrantyTermComponent(models.Model):
    """A component warranty (powertrain, the battery of a new-energy vehicle...) with limits of
    its own, covering the parts and labour operations named on it."""

    _name = "dealer.warranty.term.component"
    _description = "Component Warranty"
    _order = "term_id, sequence, id"

    term_id = fields.Many2one("dealer.warranty.term", string="Warranty Terms", required=True, index=True,
                              ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    months = fields.Integer(string="Months", required=True)
    mileage = fields.Integer(string="Mileage (km)", help="0 means no mileage limit.")
    categ_ids = fields.Many2many("product.category", string="Part Categories")
    product_ids = fields.Many2many("product.product", string="Parts", domain=[("type", "=", "consu")])
    labour_operation_ids = fields.Many2many("dealer.labour.operation", string="Labour Operations")

    _months_positive = models.Constraint("CHECK(months > 0)", "A component warranty lasts at least one month.")
    _mileage_positive = models.Constraint("CHECK(mileage >= 0)", "A warranty's mileage cannot be negative.")

    def _dealer_covers(self, product, operation):
        self.ensure_one()
        if operation and operation in self.labour_operation_ids:
            return True
        if not product:
            return False
        return product in self.product_ids or any(
            (product.categ_id.parent_path or "").startswith(categ.parent_path) for categ in self.categ_ids)

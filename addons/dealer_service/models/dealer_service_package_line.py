from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DealerServicePackageLine(models.Model):
    _name = "dealer.service.package.line"
    _description = "Maintenance Package Line"
    _order = "package_id, sequence, id"

    package_id = fields.Many2one(
        "dealer.service.package", string="Package", required=True, index=True, ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(
        [("labour", "Labour"), ("part", "Part")], string="Type", required=True, default="labour",
    )
    labour_operation_id = fields.Many2one("dealer.labour.operation", string="Labour Operation")
    product_id = fields.Many2one("product.product", string="Part", domain=[("type", "=", "consu")])
    quantity = fields.Float(
        default=1.0, digits="Product Unit", help="Quantity of the part (labour uses the operation's hours).",
    )

    @api.constrains("line_type", "labour_operation_id", "product_id", "quantity")
    def _check_content(self):
        for line in self:
            if line.line_type == "labour" and not line.labour_operation_id:
                raise ValidationError(self.env._("A labour line of a package needs a labour operation."))
            if line.line_type == "part" and not line.product_id:
                raise ValidationError(self.env._("A part line of a package needs a part."))
            if line.quantity < 0:
                raise ValidationError(self.env._("A package line cannot have a negative quantity."))

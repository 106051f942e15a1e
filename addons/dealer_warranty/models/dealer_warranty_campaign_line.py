from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DealerWarrantyCampaignLine(models.Model):
    """The labour operations and parts a campaign's vehicles get."""

    _name = "dealer.warranty.campaign.line"
    _description = "Campaign Work"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one("dealer.warranty.campaign", string="Campaign", required=True, index=True,
                                  ondelete="cascade")
    sequence = fields.Integer(default=10)
    line_type = fields.Selection([("labour", "Labour"), ("part", "Part")], string="Type", required=True,
                                 default="labour")
    labour_operation_id = fields.Many2one("dealer.labour.operation", string="Labour Operation")
    product_id = fields.Many2one("product.product", string="Part", domain=[("type", "=", "consu")])
    quantity = fields.Float(default=1.0, digits="Product Unit",
                            help="Units of the part (labour takes the operation's hours for the vehicle's model).")

    @api.constrains("line_type", "labour_operation_id", "product_id", "quantity")
    def _check_content(self):
        for line in self:
            if line.line_type == "labour" and not line.labour_operation_id:
                raise ValidationError(self.env._("A labour line of a campaign needs a labour operation."))
            if line.line_type == "part" and (not line.product_id or line.quantity <= 0):
                raise ValidationError(self.env._("A part line of a campaign needs a part and a positive quantity."))

    def _dealer_prepare_order_line_values(self, campaign_vehicle):
        """Values of the repair order line doing this work for the OEM."""
        self.ensure_one()
        vals = {"line_type": self.line_type, "payer": "warranty", "dealer_campaign_vehicle_id": campaign_vehicle.id}
        if self.line_type == "labour":
            vals["labour_operation_id"] = self.labour_operation_id.id
        else:
            vals.update(product_id=self.product_id.id, quantity=self.quantity)
        return vals

from odoo import api, fields, models


class DealerWarrantyReason(models.Model):
    """A reason code the OEM gives when it cuts or rejects a claim."""

    _name = "dealer.warranty.reason"
    _description = "OEM Reason Code"
    _order = "brand_id, code"

    code = fields.Char(required=True, index="trigram")
    name = fields.Char(string="Reason", required=True, translate=True)
    brand_id = fields.Many2one("fleet.vehicle.model.brand", string="Brand", index=True,
                               help="The maker using this code; empty for every maker.")
    active = fields.Boolean(default=True)

    _code_brand_uniq = models.UniqueIndex("(code, COALESCE(brand_id, 0))", "An OEM reason code is unique per brand.")

    @api.depends("code", "name")
    def _compute_display_name(self):
        for reason in self:
            reason.display_name = f"[{reason.code}] {reason.name}"

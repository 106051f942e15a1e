from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerCapabilityMixin(models.AbstractModel):
    """Documents of a capability that each store (company) switches on or off.

    Inheriting models set ``_dealer_capability`` to the name of the boolean
    field on ``res.company`` that holds the switch; creating a document, or
    moving one, into a store (``company_id``) where the switch is off is refused.
    """

    _name = "dealer.capability.mixin"
    _description = "After-Sales Capability Document"
    _dealer_capability = None

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_dealer_capability()
        return records

    def write(self, vals):
        res = super().write(vals)
        if "company_id" in vals:
            self._check_dealer_capability()
        return res

    def _check_dealer_capability(self):
        switch = self._dealer_capability
        if not switch:
            return
        for company in self.company_id:
            if not company[switch]:
                label = company._fields[switch]._description_string(self.env)
                raise UserError(self.env._(
                    "%(capability)s is switched off for %(company)s: "
                    "an administrator can switch it on in Settings > After-Sales.",
                    capability=label, company=company.display_name,
                ))

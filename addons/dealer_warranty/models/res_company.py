from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_warranty_enabled = fields.Boolean(
        string="OEM Warranty",
        default=True,
        help="Warranty appraisal, OEM claims, the old-part store and the claim ledger.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_tier_setup("_dealer_warranty_tiers")
        return companies

    @api.model
    def _dealer_warranty_tier_setup_all(self):
        """At install: every store gets the warranty approvals (an administrator edits them afterwards)."""
        self.with_context(active_test=False).search([])._dealer_tier_setup("_dealer_warranty_tiers")

    def _dealer_warranty_tiers(self):
        """The warranty appraiser approves goodwill (its split between OEM, store and customer);
        the service manager approves the disposal of old parts the OEM does not want back."""
        return [
            {"model": "dealer.warranty.appraisal", "name": self.env._("Goodwill: warranty appraiser"),
             "group": "dealer_warranty.dealer_warranty_group_appraiser", "sequence": 10,
             "domain": "[('decision', '=', 'goodwill')]"},
            {"model": "dealer.warranty.disposal", "name": self.env._("Old-part disposal: service manager"),
             "group": "dealer_service.dealer_service_group_manager", "sequence": 10},
        ]

from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        """The after-sales documents approved through tiers."""
        names = super()._get_tier_validation_model_names()
        return names + [name for name, model in self.env.registry.items()
                        if not model._abstract and getattr(model, "_dealer_tier_sealed", False)]

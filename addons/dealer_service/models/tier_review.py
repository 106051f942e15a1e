from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import is_unsealed

# what a review records: changed only by the review buttons of the document
DEALER_REVIEW_SEALED = {"model", "res_id", "definition_id", "status", "done_by", "reviewed_date",
                        "requested_by", "sequence", "comment"}


class TierReview(models.Model):
    _inherit = "tier.review"

    def _dealer_sealed_reviews(self):
        """The reviews of after-sales documents (``dealer.tier.validation``)."""
        return self.filtered(lambda review: review._dealer_sealed_model(review.model))

    def _dealer_sealed_model(self, model):
        return bool(model) and model in self.env and getattr(self.env[model], "_dealer_tier_sealed", False)

    def _dealer_refuse(self):
        raise UserError(self.env._(
            "The approvals of after-sales documents change only through their Validate and Reject buttons."))

    @api.model_create_multi
    def create(self, vals_list):
        if not is_unsealed(self.env) and any(self._dealer_sealed_model(vals.get("model")) for vals in vals_list):
            self._dealer_refuse()
        return super().create(vals_list)

    def write(self, vals):
        sealed = self._dealer_sealed_reviews()
        if sealed and not is_unsealed(self.env) and DEALER_REVIEW_SEALED & set(vals):
            # the mixin promotes a waiting review to pending when its turn comes (systray counts)
            promotion = set(vals) == {"status"} and vals["status"] == "pending" and all(
                status in ("waiting", "pending") for status in sealed.mapped("status"))
            if not promotion:
                self._dealer_refuse()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_dealer_review(self):
        if not is_unsealed(self.env) and self._dealer_sealed_reviews():
            self._dealer_refuse()

    @api.model
    def _get_reviewer_fields(self):
        return [*super()._get_reviewer_fields(), "reviewer_group_id.all_user_ids"]

    def _get_reviewers(self):
        """After-sales documents: a group's reviewers are its users and those of the groups
        implying it (a service manager is a parts manager too), as Odoo's access checks see them."""
        reviewers = super()._get_reviewers()
        if self.reviewer_group_id and self._dealer_sealed_model(self.model):
            reviewers |= self.reviewer_group_id.all_user_ids.filtered(lambda user: user.active and not user.share)
            if self.definition_id.exclude_requester and self.requested_by:
                reviewers -= self.requested_by
        return reviewers

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed


class DealerTierValidation(models.AbstractModel):
    """Approvals of an after-sales document through OCA's tier validation.

    The store's tier definitions (*After-Sales > Configuration > Approvals*) say who
    reviews; the reviews change only through the review buttons (``tier.review`` is
    sealed for these documents). Inheriting models set ``_state_from`` (the state under
    review) and ``_state_to`` (the approved state), ask for the reviews in their submit
    action with ``request_validation`` and implement ``_dealer_tier_validated`` (every
    tier approved) and ``_dealer_tier_rejected`` (a reviewer rejected, with a comment).
    """

    _name = "dealer.tier.validation"
    _description = "After-Sales Approval"
    _inherit = ["tier.validation"]
    _tier_validation_manual_config = False  # the form gets the review buttons, banner and reviews
    _dealer_tier_sealed = True
    _dealer_tier_distinct_reviewers = False  # each person approves at most one tier of a document
    _dealer_tier_open_fields = ()  # fields the form still edits while the document is under review

    def write(self, vals):
        check_sealed(self, vals, ("validation_status",))
        return super().write(vals)

    def unlink(self):
        # the reviews of a deleted document go with it
        with unsealed(self.env):
            self.review_ids.unlink()
        return super().unlink()

    def _get_tier_validation_readonly_domain(self):
        return "validation_status in ('waiting', 'pending')"

    def _dealer_tier_exception_fields(self):
        """The state (changed by the actions only) and the fields open during review."""
        return [self._state_field, *self._dealer_tier_open_fields]

    @api.model
    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + self._dealer_tier_exception_fields()

    @api.model
    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + self._dealer_tier_exception_fields()

    @api.model
    def _get_all_validation_exceptions(self):
        return super()._get_all_validation_exceptions() + self._dealer_tier_exception_fields()

    @api.depends_context("uid")
    @api.depends("review_ids.approve_sequence", "review_ids.reviewer_ids", "review_ids.sequence",
                 "review_ids.status", "review_ids.done_by")
    def _compute_can_review(self):
        self.review_ids.mapped("reviewer_ids")
        for record in self:
            record.can_review = bool(record._dealer_tier_reviewable())

    def _dealer_tier_open_reviews(self):
        """The open reviews the current user may act on now (their turn, by sequence)."""
        self.ensure_one()
        user = self.env.user
        sequences = self._get_sequences_to_approve(user)
        return self.review_ids.filtered(
            lambda review: review.status in ("waiting", "pending") and user in review.reviewer_ids
            and review.sequence in sequences).sorted("sequence")

    def _dealer_tier_reviewable(self, tiers=None):
        """The reviews (among ``tiers``) the current user approves with one click:
        their first open tier where each tier needs another person."""
        reviews = self._dealer_tier_open_reviews()
        if tiers:
            reviews &= tiers
        if self._dealer_tier_distinct_reviewers:
            if self.review_ids.filtered(lambda r: r.status == "approved" and r.done_by == self.env.user):
                return self.env["tier.review"]
            reviews = reviews[:1]
        return reviews

    def _dealer_tier_check_reviewer(self, reviews, approving=True):
        self.ensure_one()
        if reviews:
            return
        if self[self._state_field] not in self._state_from:
            raise UserError(self.env._("%(doc)s is not waiting for approval.", doc=self.display_name))
        mine = self.review_ids.filtered(lambda r: r.status == "approved" and r.done_by == self.env.user)
        if approving and mine and self._dealer_tier_distinct_reviewers:
            raise UserError(self.env._(
                "The approvals of %(doc)s come from different people: you approved %(tier)s already.",
                doc=self.display_name, tier=", ".join(mine.mapped("name"))))
        waiting = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        raise AccessError(self.env._(
            "%(doc)s waits for the approval of %(reviewers)s, not yours.",
            doc=self.display_name, reviewers=", ".join(filter(None, waiting.mapped("todo_by"))) or "-"))

    @dealer_action
    def request_validation(self):
        self.invalidate_recordset(["need_validation"])
        reviews = super().request_validation()
        self._dealer_tier_check_done()
        return reviews

    @dealer_action
    def restart_validation(self):
        return super().restart_validation()

    @dealer_action
    def validate_tier(self):
        self.ensure_one()
        self._dealer_tier_check_reviewer(self._dealer_tier_reviewable())
        return super().validate_tier()

    @dealer_action
    def reject_tier(self):
        """A rejection always says why: the comment is asked first."""
        self.ensure_one()
        reviews = self._dealer_tier_open_reviews()
        self._dealer_tier_check_reviewer(reviews, approving=False)
        return self._add_comment("reject", reviews)

    @dealer_action
    def _dealer_tier_comment(self, action, comment):
        """The comment wizard's validation or rejection, by the current user on their own reviews."""
        self.ensure_one()
        approving = action == "validate"
        reviews = self._dealer_tier_reviewable() if approving else self._dealer_tier_open_reviews()
        self._dealer_tier_check_reviewer(reviews, approving=approving)
        if not approving and not (comment or "").strip():
            raise UserError(self.env._("Say why you reject %(doc)s.", doc=self.display_name))
        reviews.write({"comment": comment})
        if approving:
            self._validate_tier(reviews)
        else:
            self._rejected_tier(reviews)
        self._update_counter({"review_deleted": True})
        return True

    def _validate_tier(self, tiers=False):
        reviews = self._dealer_tier_reviewable(tiers)
        if not reviews:  # the mixin would take every review of the user
            return
        super()._validate_tier(reviews)
        self._dealer_tier_check_done()

    def _rejected_tier(self, tiers=False):
        reviews = self._dealer_tier_open_reviews() & (tiers or self.review_ids)
        if not reviews:
            return
        super()._rejected_tier(reviews)
        comment = "; ".join(filter(None, reviews.mapped("comment")))
        self.message_post(body=self.env._("Rejected by %(user)s (%(tiers)s): %(comment)s",
                                          user=self.env.user.name, tiers=", ".join(reviews.mapped("name")),
                                          comment=comment or "-"))
        self._dealer_tier_rejected()

    def _dealer_tier_check_done(self):
        """Move the documents whose every tier is approved (or that need none) on."""
        self.invalidate_recordset(["need_validation"])
        done = self.filtered(lambda r: r[r._state_field] in r._state_from and (
            r.validation_status == "validated" or (not r.review_ids and not r.need_validation)))
        if done:
            done._dealer_tier_validated()

    def _dealer_tier_withdraw(self):
        """Drop the reviews (the document left the approval; it is approved anew)."""
        with unsealed(self.env):
            self.review_ids.unlink()

    def _dealer_tier_validated(self):
        """Every tier approved: move to the approved state (through ``write``, which the mixin checks)."""
        raise NotImplementedError

    def _dealer_tier_rejected(self):
        """A reviewer rejected: send the document back."""
        raise NotImplementedError

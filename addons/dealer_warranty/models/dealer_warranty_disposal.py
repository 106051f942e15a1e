from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

DISPOSAL_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("done", "Disposed Of"),
    ("cancel", "Cancelled"),
]
DISPOSAL_SEALED = ("state", "date_done", "user_id")


class DealerWarrantyDisposal(models.Model):
    """The disposal of old parts the OEM does not want back once their retention ended, asked
    by a warranty clerk and approved through the store's tiers (the service manager)."""

    _name = "dealer.warranty.disposal"
    _description = "Old-Part Disposal"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin",
                "dealer.tier.validation"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_warranty_enabled"
    _state_from = ["to_approve"]
    _state_to = ["approved"]

    old_part_ids = fields.One2many("dealer.warranty.old.part", "disposal_id", string="Old Parts")
    reason = fields.Text(required=True, help="How the parts are disposed of (scrap dealer, recycling...).")
    state = fields.Selection(DISPOSAL_STATES, default="draft", required=True, readonly=True, copy=False,
                             index=True, tracking=True)
    user_id = fields.Many2one("res.users", string="Disposed By", readonly=True, copy=False)
    date_done = fields.Datetime(string="Disposed On", readonly=True, copy=False)

    _name_company_uniq = models.Constraint("unique(name, company_id)", "A disposal number is unique per store.")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, DISPOSAL_SEALED, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, DISPOSAL_SEALED)
        if "old_part_ids" in vals and self.filtered(lambda disposal: disposal.state != "draft"):
            raise UserError(self.env._("The parts of an approved disposal no longer change."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(disposal.state == "done" for disposal in self):
            raise UserError(self.env._("A disposal done is kept in the old parts' chain of custody."))

    def _dealer_check_disposable(self):
        today = fields.Date.context_today(self)
        for disposal in self:
            tags = disposal.old_part_ids
            if not tags:
                raise UserError(self.env._("Add the old parts to dispose of to %(name)s.", name=disposal.name))
            tags._dealer_check_in_store()
            requested = tags.filtered("return_requested_date")
            if requested:
                raise UserError(self.env._(
                    "The OEM asked for %(tags)s back: ship them instead of disposing of them.",
                    tags=", ".join(requested.mapped("name"))))
            pending = tags.claim_id.filtered(lambda claim: claim.state in ("draft", "submitted"))
            if pending:
                raise UserError(self.env._(
                    "The OEM has not answered %(claims)s yet: their old parts are kept.",
                    claims=", ".join(pending.mapped("name"))))
            kept = tags.filtered(lambda tag: tag.retention_date and tag.retention_date >= today)
            if kept:
                raise UserError(self.env._(
                    "%(tags)s are kept for the OEM until %(date)s: dispose of them afterwards.",
                    tags=", ".join(kept.mapped("name")), date=max(kept.mapped("retention_date"))))

    @dealer_action
    def action_submit(self):
        """Ask for the disposal's approval: the store's tiers review it."""
        if any(disposal.state != "draft" for disposal in self):
            raise UserError(self.env._("Only a draft disposal is submitted for approval."))
        self._dealer_check_disposable()
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def _dealer_tier_validated(self):
        self.write({"state": "approved"})

    def _dealer_tier_rejected(self):
        """Rejected (the reviewer's comment is on the chatter): back to draft."""
        self.write({"state": "draft"})

    @dealer_action
    def action_done(self):
        if any(disposal.state != "approved" for disposal in self):
            raise UserError(self.env._("Only an approved disposal is carried out."))
        self._dealer_check_disposable()
        for disposal in self:
            scrap = self.env["stock.location"].search(
                [("usage", "=", "inventory"), ("company_id", "=", disposal.company_id.id)], order="id", limit=1)
            disposal.old_part_ids._dealer_move_stock(scrap)
        self.old_part_ids.write({"state": "disposed"})
        self.write({"state": "done", "date_done": fields.Datetime.now(), "user_id": self.env.uid})
        return True

    @dealer_action
    def action_cancel(self):
        if any(disposal.state == "done" for disposal in self):
            raise UserError(self.env._("A disposal done is not cancelled."))
        self.old_part_ids.write({"disposal_id": False})
        self.write({"state": "cancel"})
        return True

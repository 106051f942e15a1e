from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import is_unsealed

from .dealer_warranty_claim import AMOUNT_GROUPS, CLAIM_STATES

DIFFERENCE_DECISIONS = [
    ("goodwill", "Store's Goodwill Cost"),
    ("customer", "Billed to the Customer"),
    ("resubmitted", "Resubmitted"),
]


class DealerWarrantyClaimSubmission(models.Model):
    """One submission of a claim to the OEM and the OEM's answer: the history of a claim
    submitted, cut or rejected and resubmitted."""

    _name = "dealer.warranty.claim.submission"
    _description = "Warranty Claim Submission"
    _order = "claim_id, attempt"
    _rec_name = "attempt"

    claim_id = fields.Many2one("dealer.warranty.claim", string="Claim", required=True, index=True,
                               ondelete="cascade")
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True, precompute=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    attempt = fields.Integer(required=True, help="1 for the first submission, 2 for the first resubmission...")
    date_submitted = fields.Datetime(string="Submitted On", required=True)
    user_id = fields.Many2one("res.users", string="Submitted By")
    amount_claimed = fields.Monetary(string="Claimed", groups=AMOUNT_GROUPS)
    date_answered = fields.Datetime(string="Answered On")
    result = fields.Selection([state for state in CLAIM_STATES if state[0] in (
        "approved", "partly_approved", "rejected")], string="OEM's Answer")
    amount_approved = fields.Monetary(string="Approved", groups=AMOUNT_GROUPS)
    reason_id = fields.Many2one("dealer.warranty.reason", string="OEM Reason")
    note = fields.Text(string="OEM's Comment")
    invoice_id = fields.Many2one("account.move", string="Invoice to the OEM", readonly=True, groups=AMOUNT_GROUPS,
                                 help="The invoice booking this submission as a receivable from the OEM.")
    credit_note_id = fields.Many2one("account.move", string="Credit Note of the Cut", readonly=True,
                                     groups=AMOUNT_GROUPS, help="The credit note of what the OEM did not approve.")
    difference_decision = fields.Selection(
        DIFFERENCE_DECISIONS, string="Cut Goes To", readonly=True,
        help="The warranty appraiser's decision on what the OEM cut: the store's goodwill cost, billed to the "
             "customer, or claimed again.",
    )
    difference_move_id = fields.Many2one(
        "account.move", string="Entry of the Cut", readonly=True, groups=AMOUNT_GROUPS,
        help="The goodwill cost entry or the customer invoice of what the OEM cut.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._dealer_check_action()
        return super().create(vals_list)

    def write(self, vals):
        self._dealer_check_action()
        return super().write(vals)

    def _dealer_check_action(self):
        if not is_unsealed(self.env):
            raise UserError(self.env._(
                "The history of a claim is written by its buttons (submit, the OEM's answer), never by hand.",
            ))

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import float_compare

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action

from .account_move_line import ACCOUNTANT_GROUP

WRITEOFF_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("posted", "Written Off"),
    ("refused", "Refused"),
]
WRITEOFF_ACTION_FIELDS = ("state", "user_id", "move_id")


class DealerInsuranceWriteoff(models.Model):
    """What an insurer will not pay of its invoice (a short payment it refuses to make good),
    written off: asked by the claims staff with the reason, approved through the store's tiers,
    booked and matched with the invoice by an accountant."""

    _name = "dealer.insurance.writeoff"
    _description = "Insurer Write-off"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin", "dealer.tier.validation"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_insurance_enabled"
    _state_from = ["to_approve"]
    _state_to = ["approved"]

    state = fields.Selection(
        WRITEOFF_STATES, string="Status", default="draft", required=True, readonly=True, copy=False, index=True,
        tracking=True,
    )
    invoice_id = fields.Many2one(
        "account.move", string="Insurer Invoice", required=True, index=True, check_company=True, tracking=True,
        domain="[('dealer_insurance_case_id', '!=', False), ('move_type', '=', 'out_invoice'), "
               "('state', '=', 'posted'), ('payment_state', 'in', ('not_paid', 'partial'))]",
    )
    case_id = fields.Many2one(related="invoice_id.dealer_insurance_case_id", store=True, string="Accident Case")
    insurer_id = fields.Many2one(related="invoice_id.commercial_partner_id", store=True, string="Insurer")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_open = fields.Monetary(related="invoice_id.amount_residual", string="Open on the Invoice")
    amount = fields.Monetary(string="Amount to Write Off", tracking=True)
    reason = fields.Text(string="Reason", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Requested By", readonly=True, default=lambda self: self.env.user,
    )
    move_id = fields.Many2one("account.move", string="Write-off Entry", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, WRITEOFF_ACTION_FIELDS, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, WRITEOFF_ACTION_FIELDS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if self.filtered(lambda rec: rec.state not in ("draft", "refused")):
            raise UserError(self.env._("A write-off submitted for approval stays on record."))

    def _compute_display_name(self):
        for writeoff in self:
            writeoff.display_name = self.env._(
                "Write-off of %(invoice)s", invoice=writeoff.invoice_id.name or "-",
            )

    def _check_state(self, allowed):
        wrong = self.filtered(lambda rec: rec.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "%(docs)s is %(state)s: this is possible only when %(allowed)s.",
                docs=", ".join(wrong.mapped("display_name")), state=labels[wrong[0].state],
                allowed=", ".join(labels[state] for state in allowed),
            ))

    def _check_amount(self):
        for writeoff in self:
            if not (writeoff.reason or "").strip():
                raise UserError(self.env._("Say why %(doc)s is written off.", doc=writeoff.display_name))
            rounding = writeoff.currency_id.rounding
            if float_compare(writeoff.amount, 0.0, precision_rounding=rounding) <= 0 or float_compare(
                writeoff.amount, writeoff.invoice_id.amount_residual, precision_rounding=rounding,
            ) > 0:
                raise UserError(self.env._(
                    "%(doc)s can write off more than nothing and at most the %(open)s still open on the invoice.",
                    doc=writeoff.display_name, open=writeoff.currency_id.format(writeoff.invoice_id.amount_residual),
                ))

    @dealer_action
    def action_submit(self):
        """Ask for the write-off: the store's approvers review it (*Approvals*)."""
        self._check_state(["draft"])
        self._check_amount()
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def _dealer_tier_validated(self):
        self.write({"state": "approved"})

    def _dealer_tier_rejected(self):
        self.write({"state": "refused"})

    @dealer_action
    def action_reset(self):
        """A refused write-off goes back to draft, to be corrected and approved anew."""
        self._check_state(["refused"])
        self._dealer_tier_withdraw()
        self.write({"state": "draft"})
        return True

    @dealer_action
    def action_post(self):
        """The accountant books the approved write-off against the store's write-off account and
        matches it with the invoice: the insurer owes that much less."""
        if not self.env.user.has_group(ACCOUNTANT_GROUP):
            raise AccessError(self.env._("Only an accountant books a write-off."))
        self._check_state(["approved"])
        self._check_amount()
        for writeoff in self:
            company = writeoff.company_id
            account = company.dealer_insurance_writeoff_account_id
            if not account:
                raise UserError(self.env._(
                    "Set the account insurer write-offs are booked to in the insurance settings of %(store)s.",
                    store=company.display_name,
                ))
            invoice = writeoff.invoice_id
            receivable = invoice.line_ids.filtered(
                lambda line: line.account_id.account_type == "asset_receivable" and not line.reconciled
            )
            label = self.env._("Write-off of %(invoice)s: %(reason)s", invoice=invoice.name, reason=writeoff.reason)
            move = self.env["account.move"].with_company(company).create({
                "move_type": "entry",
                "date": fields.Date.context_today(writeoff),
                "ref": label,
                "line_ids": [
                    Command.create({"name": label, "account_id": account.id, "partner_id": writeoff.insurer_id.id,
                                    "debit": writeoff.amount}),
                    Command.create({"name": label, "account_id": receivable[:1].account_id.id,
                                    "partner_id": writeoff.insurer_id.id, "credit": writeoff.amount}),
                ],
            })
            move.action_post()
            (receivable | move.line_ids.filtered(lambda line: line.credit)).reconcile()
            writeoff.write({"state": "posted", "move_id": move.id})
            invoice.message_post(body=label)
        return True

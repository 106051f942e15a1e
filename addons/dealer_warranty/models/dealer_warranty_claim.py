from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed

CLAIM_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("partly_approved", "Partly Approved"),
    ("rejected", "Rejected"),
    ("paid", "Paid"),
]
# the OEM's programmes a new car's work is claimed under (set on the repair order's lines)
OEM_PROGRAMS = [
    ("pdi", "PDI"),
    ("free_service", "Free Service"),
]
CLAIM_TYPES = [
    ("warranty", "Warranty"),
    *OEM_PROGRAMS,
    ("campaign", "Recall / Campaign"),
    ("goodwill", "Goodwill"),
]
# who sees the money of claims: the warranty staff and the accountants (advisors see the state only)
AMOUNT_GROUPS = ("dealer_warranty.dealer_warranty_group_clerk,account.group_account_manager,"
                 "account.group_account_readonly")
# who decides where the OEM's cut of a claim goes
APPRAISERS = "dealer_warranty.dealer_warranty_group_appraiser"
# who keeps the old-part store
CLERKS = "dealer_warranty.dealer_warranty_group_clerk"
# what only the claim's buttons change (the paid amounts: the reconciliation of its invoices)
CLAIM_SEALED = ("state", "date_submitted", "reason_id", "amount_receivable", "amount_paid", "amount_due")


class DealerWarrantyClaim(models.Model):
    """A claim filed with the maker (OEM) for the warranty work of a repair order: its lines
    at the OEM's hours and prices, the fault, photos and the old parts' tags. Submitted, then
    approved, partly approved or rejected by the OEM (with its reason code), resubmitted after
    a rejection with its history kept, and paid."""

    _name = "dealer.warranty.claim"
    _description = "Warranty Claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_warranty_enabled"

    repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index=True, tracking=True, check_company=True,
    )
    claim_type = fields.Selection(CLAIM_TYPES, string="Type", required=True, default="warranty", tracking=True)
    campaign_id = fields.Many2one("dealer.warranty.campaign", string="Campaign", index="btree_not_null")
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", index=True, compute="_compute_from_order", store=True, readonly=False,
        precompute=True,
    )
    vin = fields.Char(string="VIN", related="vehicle_id.vin_sn")
    brand_id = fields.Many2one(related="vehicle_id.brand_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="OEM", index=True, compute="_compute_partner_id", store=True, readonly=False,
        precompute=True, tracking=True,
    )
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today)
    date_repair = fields.Date(
        string="Repaired On", compute="_compute_from_order", store=True, readonly=False, precompute=True,
        help="The day the vehicle left the workshop: the OEM's deadline for the claim counts from it.",
    )
    date_deadline = fields.Date(string="Submit Before", compute="_compute_date_deadline", store=True)
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False, tracking=True)
    customer_complaint = fields.Text(compute="_compute_from_order", store=True, readonly=False, precompute=True)
    fault_code = fields.Char(string="Fault Code", tracking=True, help="The OEM's code of the fault.")
    cause = fields.Text(help="The cause of the fault the technician found.")
    photo_ids = fields.Many2many("ir.attachment", "dealer_warranty_claim_photo_rel", "claim_id", "attachment_id",
                                 string="Photos")
    line_ids = fields.One2many("dealer.warranty.claim.line", "claim_id", string="Lines", groups=AMOUNT_GROUPS)
    old_part_ids = fields.One2many("dealer.warranty.old.part", "claim_id", string="Old Parts",
                                   groups=CLERKS)
    old_part_count = fields.Integer(compute="_compute_old_part_count", groups=CLERKS)
    submission_ids = fields.One2many("dealer.warranty.claim.submission", "claim_id", string="Submissions")
    submission_count = fields.Integer(string="Times Submitted", compute="_compute_submission_count", store=True)
    state = fields.Selection(CLAIM_STATES, default="draft", required=True, readonly=True, copy=False, index=True,
                             tracking=True)
    reason_id = fields.Many2one("dealer.warranty.reason", string="OEM Reason", readonly=True, copy=False,
                                tracking=True, help="The OEM's reason code of its last answer.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_claimed = fields.Monetary(string="Claimed", compute="_compute_amounts", store=True, groups=AMOUNT_GROUPS)
    amount_approved = fields.Monetary(string="Approved", compute="_compute_amounts", store=True,
                                      groups=AMOUNT_GROUPS)
    amount_open = fields.Monetary(string="Not Approved", compute="_compute_amounts", store=True,
                                  groups=AMOUNT_GROUPS)
    move_ids = fields.One2many("account.move", "dealer_warranty_claim_id", string="Invoices and Credit Notes",
                               groups=AMOUNT_GROUPS)
    amount_receivable = fields.Monetary(
        string="Receivable", compute="_compute_receivable", store=True, groups=AMOUNT_GROUPS,
        help="What the OEM owes for the claim, taxes included: its invoices less its credit notes.",
    )
    amount_paid = fields.Monetary(
        string="Paid", compute="_compute_receivable", store=True, groups=AMOUNT_GROUPS,
        help="What the OEM paid of the claim, taxes included, from the reconciliation of its invoices.",
    )
    amount_due = fields.Monetary(
        string="Due from the OEM", compute="_compute_receivable", store=True, groups=AMOUNT_GROUPS,
        help="What the OEM still owes for the claim, taxes included.",
    )
    days_open = fields.Integer(
        string="Days with the OEM", compute="_compute_days_open",
        help="Days since the claim was submitted, while the OEM has not paid it.",
    )
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )

    @api.depends("repair_order_id")
    def _compute_from_order(self):
        for claim in self:
            order = claim.repair_order_id
            if order:
                claim.vehicle_id = order.vehicle_id
                claim.customer_complaint = order.customer_complaint
                claim.date_repair = order.date_delivered and fields.Date.context_today(claim, order.date_delivered)

    @api.depends("vehicle_id")
    def _compute_partner_id(self):
        for claim in self:
            claim.partner_id = claim.vehicle_id.brand_id.dealer_oem_partner_id or claim.partner_id

    @api.depends("date_repair", "brand_id.dealer_claim_deadline_days")
    def _compute_date_deadline(self):
        for claim in self:
            claim.date_deadline = claim.date_repair and claim.date_repair + timedelta(
                days=claim.brand_id.dealer_claim_deadline_days)

    @api.depends("line_ids.amount", "line_ids.amount_approved")
    def _compute_amounts(self):
        for claim in self:
            claim.amount_claimed = sum(claim.line_ids.mapped("amount"))
            claim.amount_approved = sum(claim.line_ids.mapped("amount_approved"))
            claim.amount_open = claim.amount_claimed - claim.amount_approved

    @api.depends("move_ids.state", "move_ids.amount_total_signed", "move_ids.amount_residual_signed")
    def _compute_receivable(self):
        for claim in self:
            moves = claim.move_ids.filtered(lambda move: move.state == "posted")
            claim.amount_receivable = sum(moves.mapped("amount_total_signed"))
            claim.amount_due = sum(moves.mapped("amount_residual_signed"))
            claim.amount_paid = claim.amount_receivable - claim.amount_due

    @api.depends("date_submitted", "state")
    def _compute_days_open(self):
        today = fields.Date.context_today(self)
        for claim in self:
            submitted = claim.date_submitted and fields.Date.context_today(claim, claim.date_submitted)
            claim.days_open = (today - submitted).days if submitted and claim.state in (
                "submitted", "approved", "partly_approved", "rejected") else 0

    def _compute_old_part_count(self):
        counts = dict(self.env["dealer.warranty.old.part"]._read_group(
            [("claim_id", "in", self.ids)], ["claim_id"], ["__count"]))
        for claim in self:
            claim.old_part_count = counts.get(claim, 0)

    @api.depends("submission_ids")
    def _compute_submission_count(self):
        for claim in self:
            claim.submission_count = len(claim.submission_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, CLAIM_SEALED, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, CLAIM_SEALED)
        if set(vals) & self._dealer_locked_fields():
            self._dealer_check_editable()
        return super().write(vals)

    @api.model
    def _dealer_locked_fields(self):
        """What the OEM has once the claim is submitted."""
        return {"repair_order_id", "claim_type", "campaign_id", "vehicle_id", "partner_id", "date_repair",
                "customer_complaint", "fault_code", "cause", "photo_ids", "line_ids"}

    def _dealer_check_editable(self):
        locked = self.filtered(lambda claim: claim.state != "draft")
        if locked:
            raise UserError(self.env._(
                "%(claims)s are with the OEM: they change only when resubmitted after the OEM's answer.",
                claims=", ".join(locked.mapped("name")),
            ))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        submitted = self.filtered("submission_ids")
        if submitted:
            raise UserError(self.env._(
                "%(claims)s were submitted to the OEM: they stay in the claim ledger.",
                claims=", ".join(submitted.mapped("name")),
            ))

    def _dealer_check_state(self, allowed, action):
        wrong = self.filtered(lambda claim: claim.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(self.env._(
                "%(action)s is not possible for %(claims)s: only in state %(states)s.",
                action=action, claims=", ".join(f"{claim.name} ({labels[claim.state]})" for claim in wrong),
                states=", ".join(labels[state] for state in allowed),
            ))

    # ------------------------------------------------------------
    # Submission
    # ------------------------------------------------------------

    def _dealer_submission_problems(self):
        """What stops each claim from going to the OEM: ``{claim: [message, ...]}``."""
        problems = {}
        today = fields.Date.context_today(self)
        lines = self.line_ids
        clocked = lines._dealer_clocked_hours()
        tagged = self.env["dealer.warranty.old.part"]._dealer_tagged_quantities(lines.repair_line_id)
        coverage = lines.repair_line_id._dealer_warranty_coverage()
        for claim in self:
            found = problems.setdefault(claim, [])
            if not claim.line_ids:
                found.append(self.env._("it has no line: claim the warranty lines of the repair order"))
            if not claim.partner_id:
                found.append(self.env._("the brand %(brand)s has no OEM partner to claim from",
                                        brand=claim.brand_id.name or "-"))
            if not claim.date_repair:
                found.append(self.env._("the repair is not finished: the vehicle is not delivered yet"))
            elif today > claim.date_deadline:
                found.append(self.env._(
                    "the OEM's deadline passed on %(deadline)s (%(days)s days after the repair of %(date)s)",
                    deadline=claim.date_deadline, days=claim.brand_id.dealer_claim_deadline_days,
                    date=claim.date_repair))
            required = claim.brand_id.dealer_claim_photo_count
            if len(claim.photo_ids) < required:
                found.append(self.env._("the OEM requires %(required)s photos, %(count)s are attached",
                                        required=required, count=len(claim.photo_ids)))
            for line in claim.line_ids:
                repair_line = line.repair_line_id
                status, label = coverage.get(repair_line, ("none", ""))
                if status in ("outside", "wear") and not repair_line._dealer_warranty_exempt():
                    found.append(self.env._("%(line)s is not covered: %(coverage)s", line=line.name, coverage=label))
                if line.line_type == "labour" and line.quantity > clocked.get(line, 0.0) + 0.005:
                    found.append(self.env._(
                        "%(line)s claims %(claimed)s h but only %(clocked)s h were clocked on its job",
                        line=line.name, claimed=round(line.quantity, 2), clocked=round(clocked.get(line, 0.0), 2)))
                if line.line_type == "part" and line.product_id.dealer_returnable \
                        and tagged.get(repair_line, 0.0) < line.quantity:
                    found.append(self.env._(
                        "the old %(part)s is not booked into the warranty old-part store and tagged",
                        part=line.product_id.display_name))
        return {claim: messages for claim, messages in problems.items() if messages}

    def _dealer_check_submission(self):
        problems = self._dealer_submission_problems()
        if problems:
            raise UserError("\n".join(
                self.env._("%(claim)s cannot be submitted: %(problems)s.", claim=claim.name,
                           problems="; ".join(messages))
                for claim, messages in problems.items()
            ))

    @dealer_action
    def action_submit(self):
        self._dealer_check_state(["draft"], self.env._("Submitting"))
        self._dealer_check_submission()
        now = fields.Datetime.now()
        self.write({"state": "submitted", "date_submitted": now})
        self.env["dealer.warranty.claim.submission"].create([{
            "claim_id": claim.id,
            "attempt": claim.submission_count + 1,
            "date_submitted": now,
            "user_id": self.env.uid,
            "amount_claimed": claim.amount_open,
        } for claim in self])
        self._action_submit()
        return True

    def _action_submit(self):
        """Book each claim as a receivable from the OEM: an invoice of what this submission claims
        (each line's part not approved yet), in the warranty claims journal, linked to the order lines.
        The invoices of a batch are created and posted together, per store."""
        for company, claims in self.grouped("company_id").items():
            invoices = claims._dealer_create_moves("out_invoice", [(
                claim,
                {line: line.amount - line.amount_approved for line in claim.line_ids},
                self.env._("Warranty claim %(claim)s, submission %(attempt)s", claim=claim.name,
                           attempt=claim.submission_count),
                {},
            ) for claim in claims], company)
            for claim, invoice in zip(claims, invoices):
                claim.submission_ids.sorted("attempt")[-1:].invoice_id = invoice

    @dealer_action
    def _dealer_record_answer(self, approved, reason, note=False):
        """The OEM's answer to the claim's last submission: ``approved`` maps claim lines to the
        amounts the OEM approves now; a cut or rejection carries the OEM's reason code. The claim
        is approved once everything claimed is, partly approved if some of it is, else rejected."""
        self.ensure_one()
        self._dealer_check_state(["submitted"], self.env._("Recording the OEM's answer"))
        currency = self.currency_id
        amounts = {line: currency.round(approved.get(line, 0.0)) for line in self.line_ids}
        for line, amount in amounts.items():
            if amount < 0 or currency.compare_amounts(amount, line.amount - line.amount_approved) > 0:
                raise UserError(self.env._(
                    "The OEM can approve between 0 and %(open)s for %(line)s, not %(amount)s.",
                    open=line.amount - line.amount_approved, line=line.name, amount=amount))
        total = sum(amounts.values())
        approved_total = self.amount_approved + total
        state = "approved" if not currency.compare_amounts(approved_total, self.amount_claimed) else \
            "partly_approved" if not currency.is_zero(approved_total) else "rejected"
        if state != "approved" and not reason:
            raise UserError(self.env._("Give the OEM's reason code for the cut or rejection of %(claim)s.",
                                       claim=self.name))
        for line, amount in amounts.items():
            if amount:
                line.amount_approved += amount
        submission = self.submission_ids.sorted("attempt")[-1:]
        # the answer to this submission; the claim's state sums up every answer
        result = "approved" if not currency.compare_amounts(total, submission.amount_claimed) else \
            "partly_approved" if not currency.is_zero(total) else "rejected"
        submission.write({
            "date_answered": fields.Datetime.now(),
            "result": result,
            "amount_approved": total,
            "reason_id": reason.id if reason else False,
            "note": note,
        })
        self.write({"state": state, "reason_id": reason.id if reason else False})
        self._action_answer(submission)
        return submission

    def _action_answer(self, submission):
        """Book the OEM's cut as a credit note of the submission's invoice, with the OEM's reason:
        on each line, what its invoices book beyond what the OEM approved. The credit note is matched
        with the invoice, so the claim's receivable is what the OEM approved."""
        booked = self._dealer_booked_amounts()
        cuts = {line: booked.get(line, 0.0) - line.amount_approved for line in self.line_ids}
        if all(self.currency_id.is_zero(amount) for amount in cuts.values()):
            return
        refund = self._dealer_create_move("out_refund", cuts, self.env._(
            "OEM's cut of warranty claim %(claim)s, submission %(attempt)s: %(reason)s", claim=self.name,
            attempt=submission.attempt, reason=submission.reason_id.display_name or "-"),
            reversed_entry_id=submission.sudo().invoice_id.id, narration=submission.note)
        submission.credit_note_id = refund
        (refund | submission.sudo().invoice_id).line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable" and not line.reconciled).reconcile()

    def action_open_answer(self):
        self._dealer_check_state(["submitted"], self.env._("Recording the OEM's answer"))
        return self.env["dealer.warranty.claim.answer"]._dealer_open_for(self)

    @dealer_action
    def action_resubmit(self):
        """Back to draft after a cut or a rejection: corrected and submitted again, the history kept."""
        self._dealer_check_state(["partly_approved", "rejected"], self.env._("Resubmitting"))
        self._dealer_undecided_cuts(self.env._("Resubmitting")).write({"difference_decision": "resubmitted"})
        self.write({"state": "draft"})
        for claim in self:
            claim.message_post(body=self.env._(
                "Reopened for resubmission after the OEM's answer (%(reason)s).",
                reason=claim.reason_id.display_name or "-"))
        return True

    # ------------------------------------------------------------
    # Accounting
    # ------------------------------------------------------------

    def _dealer_create_move(self, move_type, amounts, ref, **values):
        """Post an invoice or credit note to the OEM of ``amounts`` (``{claim line: amount}``
        before tax) in the store's warranty claims journal."""
        self.ensure_one()
        return self._dealer_create_moves(move_type, [(self, amounts, ref, values)], self.company_id)

    def _dealer_create_moves(self, move_type, items, company):
        """Create and post, in one batch, the invoices or credit notes to the OEM of the claims of
        one store: ``items`` is a list of ``(claim, {claim line: amount before tax}, ref, values)``."""
        journal = company._dealer_warranty_journal()
        moves = self.env["account.move"].sudo().with_company(company).create([{
            "move_type": move_type,
            "partner_id": claim.partner_id.id,
            "journal_id": journal.id,
            "company_id": company.id,
            "invoice_origin": claim.name,
            "ref": ref,
            "dealer_warranty_claim_id": claim.id,
            "invoice_line_ids": [Command.create(line._dealer_prepare_invoice_line_values(amount))
                                 for line, amount in amounts.items() if not claim.currency_id.is_zero(amount)],
            **values,
        } for claim, amounts, ref, values in items])
        moves.action_post()
        return moves

    def _dealer_booked_amounts(self):
        """What the claim's posted invoices less its credit notes book on each claim line, before
        tax: ``{claim line: amount}``."""
        self.ensure_one()
        booked = defaultdict(float)
        for move_line in self.sudo().move_ids.filtered(lambda move: move.state == "posted").invoice_line_ids:
            if move_line.dealer_claim_line_id:
                booked[move_line.dealer_claim_line_id.with_env(self.env)] -= move_line.balance
        return booked

    def _dealer_answer_state(self):
        self.ensure_one()
        return "approved" if not self.currency_id.compare_amounts(self.amount_approved, self.amount_claimed) \
            else "partly_approved"

    def _dealer_sync_paid(self):
        """A claim goes to paid once the OEM's payment reconciled its receivable to zero, and back
        to its answer when the payment is undone: never by a button."""
        for claim in self.sudo():
            moves = claim.move_ids.filtered(lambda move: move.state == "posted")
            settled = bool(moves) and all(claim.currency_id.is_zero(move.amount_residual) for move in moves) \
                and not claim.currency_id.is_zero(claim.amount_approved)
            if claim.state in ("approved", "partly_approved") and settled:
                state = "paid"
            elif claim.state == "paid" and not settled:
                state = claim._dealer_answer_state()
            else:
                continue
            with unsealed(self.env):
                claim.write({"state": state})

    def _dealer_undecided_cuts(self, action):
        """The last submissions of the claims, whose cut by the OEM waits for a decision."""
        submissions = self.env["dealer.warranty.claim.submission"]
        for claim in self:
            last = claim.submission_ids.sorted("attempt")[-1:]
            if last.difference_decision:
                labels = dict(last._fields["difference_decision"]._description_selection(self.env))
                raise UserError(self.env._(
                    "%(action)s is not possible for %(claim)s: what the OEM cut is decided already (%(decision)s).",
                    action=action, claim=claim.name, decision=labels[last.difference_decision]))
            submissions |= last
        return submissions

    def _dealer_check_appraiser(self):
        if not self.env.user.has_group(APPRAISERS):
            raise UserError(self.env._("Only a warranty appraiser decides where what the OEM cut goes."))

    @dealer_action
    def action_cut_to_goodwill(self):
        """The appraiser decides the store bears what the OEM cut: its goodwill cost, booked from
        the income of the work to the warranty goodwill cost account."""
        self._dealer_check_appraiser()
        action = self.env._("Booking the cut as the store's goodwill")
        self._dealer_check_state(["partly_approved", "rejected"], action)
        for claim in self:
            submission = claim._dealer_undecided_cuts(action)
            refund = submission.sudo().credit_note_id
            move = claim.company_id._dealer_goodwill_cost_move(
                self.env._("Store's goodwill on warranty claim %(claim)s", claim=claim.name),
                [(line.dealer_repair_line_id, line.name, line.account_id, line.price_subtotal)
                 for line in refund.invoice_line_ids])
            submission.write({"difference_decision": "goodwill", "difference_move_id": move.id})
        return True

    @dealer_action
    def action_cut_to_customer(self):
        """The appraiser decides the customer pays what the OEM cut: a customer invoice of the
        repair order."""
        self._dealer_check_appraiser()
        action = self.env._("Billing the cut to the customer")
        self._dealer_check_state(["partly_approved", "rejected"], action)
        for claim in self:
            submission = claim._dealer_undecided_cuts(action)
            order = claim.repair_order_id
            if not order:
                raise UserError(self.env._("%(claim)s has no repair order: it has no customer to bill.",
                                           claim=claim.name))
            lines = []
            for refund_line in submission.sudo().credit_note_id.invoice_line_ids:
                repair_line = refund_line.dealer_repair_line_id
                values = repair_line._prepare_invoice_line_values() if repair_line else {
                    "product_id": refund_line.product_id.id, "tax_ids": [Command.set(refund_line.tax_ids.ids)]}
                values.update(name=self.env._("%(line)s (not paid by the OEM warranty)", line=refund_line.name),
                              quantity=1.0, price_unit=refund_line.price_subtotal, discount=0.0,
                              dealer_payer="customer")
                lines.append(Command.create(values))
            invoice = self.env["account.move"].sudo().with_company(claim.company_id).create({
                "move_type": "out_invoice",
                "company_id": claim.company_id.id,
                "partner_id": order.partner_id.id,
                "invoice_origin": order.name,
                "ref": claim.name,
                "dealer_repair_order_id": order.id,
                "invoice_line_ids": lines,
            })
            invoice.action_post()
            submission.write({"difference_decision": "customer", "difference_move_id": invoice.id})
        return True

    # ------------------------------------------------------------
    # Navigation
    # ------------------------------------------------------------

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        action.update(domain=[("dealer_warranty_claim_id", "=", self.id)], context={"create": False})
        return action

    def action_view_old_parts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_warranty.dealer_warranty_old_part_action")
        action["domain"] = [("claim_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import dealer_action

DISCREPANCY_STATES = [
    ("draft", "Draft"),
    ("open", "Claim Open"),
    ("claimed", "Claimed"),
    ("settled", "Settled"),
    ("reported", "Written Report"),
]
CLAIM_AGAINST = [
    ("supplier", "Supplier"),
    ("carrier", "Carrier"),
    ("insurer", "Insurer"),
    ("none", "No Claim (Written Report)"),
]


class DealerPartsDiscrepancy(models.Model):
    """Discrepancy note (差损单): damage, shortage, wrong parts or price found at
    the receipt, and the claim it raises against the supplier."""

    _name = "dealer.parts.discrepancy"
    _description = "Parts Discrepancy Note"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin", "dealer.parts.document.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_parts_enabled"
    _dealer_report = "dealer_parts.action_report_parts_discrepancy"
    _dealer_sealed_fields = ("state", "refund_id", "void_refund_id")

    name = fields.Char(string="Reference", readonly=True, copy=False, index="trigram")
    company_id = fields.Many2one("res.company", string="Store", required=True, index=True,
                                 default=lambda self: self.env.company)
    picking_id = fields.Many2one("stock.picking", string="Goods Receipt", required=True, index=True,
                                 check_company=True, readonly=True)
    purchase_id = fields.Many2one(related="picking_id.purchase_id", string="Purchase Order")
    partner_id = fields.Many2one("res.partner", string="Supplier", check_company=True)
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today)
    state = fields.Selection(DISCREPANCY_STATES, string="Status", default="draft", required=True, readonly=True,
                             copy=False, index=True, tracking=True)
    claim_against = fields.Selection(CLAIM_AGAINST, string="Claim Against", required=True, default="supplier",
                                     tracking=True)
    claim_partner_id = fields.Many2one("res.partner", string="Claimed From", check_company=True,
                                       compute="_compute_claim_partner_id", store=True, readonly=False)
    claim_amount = fields.Float(string="Claim Amount", compute="_compute_claim_amount", store=True,
                                digits="Product Price")
    refund_id = fields.Many2one("account.move", string="Supplier Credit Note", readonly=True, copy=False)
    void_refund_id = fields.Many2one("account.move", string="Credit Note Reversal", readonly=True, copy=False,
                                     help="The entry cancelling the supplier credit note when the note was voided.")
    report_note = fields.Text(string="Written Report", help="Why no claim is possible, for the service manager.")
    line_ids = fields.One2many("dealer.parts.discrepancy.line", "discrepancy_id", string="Lines")

    _name_company_uniq = models.Constraint("unique(name, company_id)", "The reference must be unique per store.")

    @api.depends("partner_id", "claim_against")
    def _compute_claim_partner_id(self):
        for note in self:
            if note.claim_against == "supplier" or not note.claim_partner_id:
                note.claim_partner_id = note.partner_id if note.claim_against == "supplier" else False

    @api.depends("line_ids.amount")
    def _compute_claim_amount(self):
        for note in self:
            note.claim_amount = sum(note.line_ids.filtered(lambda line: line.kind != "price").mapped("amount"))

    def _compute_display_name(self):
        for note in self:
            note.display_name = note.name or self.env._("Draft Discrepancy Note")

    def _dealer_copy_names(self):
        return ["Planner / 计划员联", "Buyer / 采购员联"]

    @dealer_action
    def action_confirm(self):
        if any(note.state != "draft" for note in self):
            raise UserError(self.env._("Only draft discrepancy notes are confirmed."))
        self.write({"state": "open"})
        self._dealer_assign_number()
        return True

    @dealer_action
    def action_claimed(self):
        self._check_open()
        self.write({"state": "claimed"})
        return True

    @dealer_action
    def action_settled(self):
        if any(note.state not in ("open", "claimed") for note in self):
            raise UserError(self.env._("Only open or claimed notes are settled."))
        self.write({"state": "settled"})
        return True

    @dealer_action
    def action_written_report(self):
        self._check_open()
        for note in self:
            if not note.report_note:
                raise UserError(self.env._("Write the report on %(note)s for the parts manager first.",
                                           note=note.display_name))
        self.write({"state": "reported", "claim_against": "none"})
        return True

    def _check_open(self):
        if any(note.state != "open" for note in self):
            raise UserError(self.env._("Only open discrepancy notes can be claimed or reported."))

    @dealer_action
    def action_create_refund(self):
        """The claim against the supplier as a draft vendor credit note."""
        if not self.env.user.has_group("account.group_account_manager"):
            raise AccessError(self.env._("Only accounting raises supplier credit notes."))
        # accounting reads the notes; the note itself is updated by this action only
        for note in self.sudo():
            if note.refund_id:
                continue
            if note.claim_against != "supplier" or not note.claim_partner_id:
                raise UserError(self.env._("%(note)s is not a claim against a supplier.", note=note.display_name))
            refund = self.env["account.move"].with_company(note.company_id).create({
                "move_type": "in_refund",
                "partner_id": note.claim_partner_id.id,
                "ref": note.name,
                "invoice_origin": note.picking_id.name,
                "invoice_line_ids": [fields.Command.create({
                    "product_id": line.product_id.id,
                    "name": f"{note.name} {dict(line._fields['kind']._description_selection(self.env))[line.kind]}",
                    "quantity": line.quantity,
                    "price_unit": line.price_unit,
                    "tax_ids": [fields.Command.clear()],
                }) for line in note.line_ids.filtered(lambda line: line.kind != "price")],
            })
            note.write({"refund_id": refund.id, "state": "claimed"})
        return True

    def _dealer_do_void(self, reason):
        """Cancel the claim: a draft credit note is cancelled, a posted one reversed."""
        for note in self.filtered("refund_id"):
            refund = note.refund_id.sudo()
            if refund.state == "draft":
                refund.button_cancel()
            elif refund.state == "posted":
                reversal = refund._reverse_moves(
                    [{"ref": self.env._("Void of %(doc)s: %(reason)s", doc=note.name, reason=reason),
                      "invoice_date": fields.Date.context_today(self)}], cancel=True)
                note.void_refund_id = reversal
        return True

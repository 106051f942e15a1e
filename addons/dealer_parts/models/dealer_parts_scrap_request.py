from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import dealer_action

SCRAP_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("done", "Scrapped"),
    ("posted", "Loss Booked"),
    ("refused", "Refused"),
]
LOSS_SHARES = [  # (company field holding the employee, share in %)
    ("dealer_general_manager_id", 10),
    ("dealer_service_manager_id", 10),
    ("dealer_parts_manager_id", 10),
]


class DealerPartsScrapRequest(models.Model):
    """Scrap request (配件报损申请单): parts that can be neither claimed, returned
    nor repaired; appraised by the service manager, the warranty supervisor and
    the parts manager (the store's tiers, three different people); the loss is
    borne 70/10/10/10 or by the person at fault."""

    _name = "dealer.parts.scrap.request"
    _description = "Parts Scrap Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.capability.mixin", "dealer.parts.document.mixin",
                "dealer.tier.validation"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_parts_enabled"
    _dealer_report = "dealer_parts.action_report_parts_scrap"
    _dealer_sealed_fields = ("state", "user_id", "account_move_id", "void_move_ids", "void_account_move_id")
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _dealer_tier_distinct_reviewers = True
    _dealer_tier_open_fields = ("fault_employee_id",)  # the appraisers decide who is at fault

    name = fields.Char(string="Reference", readonly=True, copy=False, index="trigram")
    company_id = fields.Many2one("res.company", string="Store", required=True, index=True,
                                 default=lambda self: self.env.company)
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", string="Requested By", default=lambda self: self.env.user,
                              readonly=True)
    state = fields.Selection(SCRAP_STATES, string="Status", default="draft", required=True, readonly=True,
                             copy=False, index=True, tracking=True)
    line_ids = fields.One2many("dealer.parts.scrap.line", "request_id", string="Parts")
    amount_total = fields.Float(string="Loss Value", compute="_compute_amount_total", store=True,
                                digits="Product Price")
    fault_employee_id = fields.Many2one(
        "hr.employee", string="At Fault", check_company=True, tracking=True,
        help="When the loss is someone's fault (late claim, misuse, poor storage) it is not approved as a scrap "
             "loss: it is charged to this person.",
    )
    scrap_ids = fields.One2many("stock.scrap", "dealer_scrap_request_id", string="Scrap Orders", readonly=True)
    account_move_id = fields.Many2one("account.move", string="Loss Entry", readonly=True, copy=False)
    void_move_ids = fields.Many2many("stock.move", "dealer_parts_scrap_void_move_rel", string="Counter-Moves",
                                     readonly=True, copy=False,
                                     help="The parts put back into their bins when the request was voided.")
    void_account_move_id = fields.Many2one("account.move", string="Reversal Entry", readonly=True, copy=False)

    _name_company_uniq = models.Constraint("unique(name, company_id)", "The reference must be unique per store.")

    @api.depends("line_ids.value")
    def _compute_amount_total(self):
        for request in self:
            request.amount_total = sum(request.line_ids.mapped("value"))

    def _compute_display_name(self):
        for request in self:
            request.display_name = request.name or self.env._("Draft Scrap Request")

    def _dealer_copy_names(self):
        return ["Parts Manager / 配件主管联", "Finance / 财务联"]

    def _check_state(self, allowed):
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            raise UserError(self.env._("This is not possible in the current state of %(docs)s.",
                                       docs=", ".join(wrong.mapped("display_name"))))

    @dealer_action
    def action_submit(self):
        self._check_state(("draft",))
        for request in self:
            if not request.line_ids:
                raise UserError(self.env._("List the parts to scrap."))
            missing = request.line_ids.filtered(lambda line: not line.reason)
            if missing:
                raise UserError(self.env._("Give the reason for scrapping %(parts)s.",
                                           parts=", ".join(missing.product_id.mapped("display_name"))))
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def _dealer_tier_validated(self):
        self.write({"state": "approved"})
        self._dealer_assign_number()

    def _dealer_tier_rejected(self):
        self.write({"state": "refused"})

    @dealer_action
    def action_reset(self):
        """A refused request goes back to draft, to be corrected and appraised anew."""
        self._check_state(("refused",))
        self.write({"state": "draft"})
        return True

    @dealer_action
    def action_scrap(self):
        """Take the approved parts out of stock with Odoo scrap orders."""
        if not self.env.user.has_group("dealer_parts.dealer_parts_group_manager"):
            raise AccessError(self.env._("Only the parts manager scraps approved parts."))
        self._check_state(("approved",))
        for request in self:
            scraps = self.env["stock.scrap"].create([{
                "product_id": line.product_id.id,
                "scrap_qty": line.quantity,
                "product_uom_id": line.product_id.uom_id.id,
                "location_id": line.location_id.id,
                "company_id": request.company_id.id,
                "origin": request.name,
                "dealer_scrap_request_id": request.id,
            } for line in request.line_ids])
            for scrap in scraps:
                if not scrap.check_available_qty():
                    raise UserError(self.env._("Not enough %(part)s in %(bin)s to scrap.",
                                               part=scrap.product_id.display_name,
                                               bin=scrap.location_id.display_name))
            scraps.do_scrap()
            # the loss is valued at the stock valuation of the scrapped moves, not a typed cost
            for line, scrap in zip(request.line_ids, scraps, strict=True):
                quantity = sum(scrap.move_ids.mapped("product_qty"))
                if quantity:
                    line.unit_cost = abs(sum(scrap.move_ids.mapped("value"))) / quantity
        self.write({"state": "done"})
        return True

    def _dealer_loss_split(self):
        """[(partner, amount, label)] of the loss: the person at fault bears it all,
        otherwise 10 % each to the general, service and parts managers and the
        rest (70 %) to the company (partner False)."""
        self.ensure_one()
        currency = self.company_id.currency_id
        total = currency.round(self.amount_total)
        if self.fault_employee_id:
            partner = self.fault_employee_id.work_contact_id
            if not partner:
                raise UserError(self.env._("%(employee)s has no work contact to charge.",
                                           employee=self.fault_employee_id.name))
            return [(partner, total, self.env._("Charged to %(name)s (at fault)", name=self.fault_employee_id.name))]
        split = []
        for field, share in LOSS_SHARES:
            employee = self.company_id[field]
            if not employee or not employee.work_contact_id:
                raise UserError(self.env._(
                    "Set the %(role)s (an employee with a work contact) in the parts settings of %(store)s.",
                    role=self.company_id._fields[field]._description_string(self.env),
                    store=self.company_id.display_name))
            split.append((employee.work_contact_id, currency.round(total * share / 100.0),
                          self.env._("%(share)s%% of scrap loss: %(name)s", share=share, name=employee.name)))
        split.append((False, currency.round(total - sum(amount for _p, amount, _l in split)),
                      self.env._("Company share of scrap loss")))
        return split

    @dealer_action
    def action_post_loss(self):
        """Book the loss: one journal entry crediting the scrapped stock and
        debiting the company's loss and the managers' (or the culprit's) accounts."""
        if not self.env.user.has_group("account.group_account_manager"):
            raise AccessError(self.env._("Only accounting books scrap losses."))
        self._check_state(("done",))
        # accounting reads the requests; the request itself is updated by this action only
        for request in self.sudo():
            company = request.company_id
            journal = company.dealer_scrap_journal_id
            expense = company.dealer_scrap_expense_account_id
            credit = company.dealer_scrap_stock_account_id
            if not (journal and expense and credit):
                raise UserError(self.env._(
                    "Set the scrap loss journal and accounts in the parts settings of %(store)s.",
                    store=company.display_name))
            lines = []
            for partner, amount, label in request._dealer_loss_split():
                lines.append(fields.Command.create({
                    "name": f"{request.name} {label}",
                    "account_id": (partner.with_company(company).property_account_receivable_id.id
                                   if partner else expense.id),
                    "partner_id": partner.id if partner else False,
                    "debit": amount,
                }))
            lines.append(fields.Command.create({
                "name": request.name, "account_id": credit.id, "credit": request.amount_total,
            }))
            move = self.env["account.move"].with_company(company).create({
                "move_type": "entry",
                "journal_id": journal.id,
                "ref": request.name,
                "date": fields.Date.context_today(self),
                "line_ids": lines,
            })
            move.action_post()
            request.write({"account_move_id": move.id, "state": "posted"})
        return True

    def _dealer_do_void(self, reason):
        """Put the scrapped parts back into their bins and reverse the loss entry:
        the counter-moves and the reversal stay on the request."""
        for request in self:
            if request.state not in ("approved", "done", "posted"):
                raise UserError(self.env._("Only approved, scrapped or booked requests are voided; refuse %(doc)s "
                                           "instead.", doc=request.display_name))
            values = {}
            scrapped = request.scrap_ids.move_ids.filtered(lambda m: m.state == "done")
            if scrapped:
                back = self.env["stock.move"].create([{
                    "product_id": move.product_id.id,
                    "product_uom_qty": move.quantity,
                    "product_uom": move.product_uom.id,
                    "location_id": move.location_dest_id.id,
                    "location_dest_id": move.location_id.id,
                    "company_id": request.company_id.id,
                    "origin": self.env._("Void of %(doc)s: %(reason)s", doc=request.name, reason=reason),
                    "price_unit": move.value / move.quantity if move.quantity else 0.0,
                } for move in scrapped])
                back._action_confirm()
                for move in back:
                    move.quantity = move.product_uom_qty
                back.picked = True
                back._action_done()
                values["void_move_ids"] = [fields.Command.set(back.ids)]
            if request.account_move_id:
                reversal = request.account_move_id.sudo()._reverse_moves(
                    [{"ref": self.env._("Void of %(doc)s: %(reason)s", doc=request.name, reason=reason)}],
                    cancel=True)
                values["void_account_move_id"] = reversal.id
            if values:
                request.write(values)
        return True

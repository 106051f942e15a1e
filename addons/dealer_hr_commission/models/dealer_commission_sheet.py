from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed

SHEET_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class DealerCommissionSheet(models.Model):
    """The after-sales commission of one store for one month: a line per employee,
    computed from the month's measures by the store's rules, approved by the station
    manager and finance, then locked (a correction is a new version)."""

    _name = "dealer.commission.sheet"
    _description = "Commission Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin",
                "dealer.tier.validation"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_commission_enabled"
    _dealer_sealed_fields = ("state", "version", "previous_id", "move_id")
    _state_from = ["to_approve"]
    _state_to = ["approved"]

    date_from = fields.Date(
        string="Month", required=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(string="Month End", compute="_compute_date_to", store=True)
    state = fields.Selection(SHEET_STATES, string="Status", default="draft", required=True, readonly=True,
                             copy=False, index=True, tracking=True)
    version = fields.Integer(string="Version", default=1, readonly=True, copy=False)
    previous_id = fields.Many2one("dealer.commission.sheet", string="Corrects", readonly=True, copy=False,
                                  check_company=True)
    correction_reason = fields.Text(string="Reason for the Correction", readonly=True, copy=False, tracking=True)
    line_ids = fields.One2many("dealer.commission.sheet.line", "sheet_id", string="Lines")
    measure_ids = fields.One2many("dealer.commission.measure", "sheet_id", string="Measures")
    amount_total = fields.Float(string="Commission", compute="_compute_amounts", store=True, digits="Account")
    amount_fund = fields.Float(string="After-Sales Fund", compute="_compute_amounts", store=True, digits="Account")
    move_id = fields.Many2one("account.move", string="Accrual Entry", readonly=True, copy=False,
                              check_company=True)
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id, version)",
        "The reference must be unique per store and version.",
    )

    @api.depends("date_from")
    def _compute_date_to(self):
        for sheet in self:
            sheet.date_to = sheet.date_from and sheet.date_from + relativedelta(day=31)

    @api.depends("line_ids.amount", "line_ids.amount_fund")
    def _compute_amounts(self):
        for sheet in self:
            sheet.amount_total = sum(sheet.line_ids.mapped("amount"))
            sheet.amount_fund = sum(sheet.line_ids.mapped("amount_fund"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, self._dealer_sealed_fields, creating=True)
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, self._dealer_sealed_fields)
        if "date_from" in vals:
            self._dealer_check_draft()
            vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        return super().write(vals)

    def unlink(self):
        self._dealer_check_draft()
        return super().unlink()

    def _dealer_check_draft(self):
        locked = self.filtered(lambda s: s.state != "draft")
        if locked:
            raise UserError(self.env._(
                "%(sheets)s is submitted or approved: it is locked. Correct an approved sheet with a new version.",
                sheets=", ".join(locked.mapped("display_name"))))

    # -- computing -------------------------------------------------------------------------------

    def _dealer_rules(self):
        self.ensure_one()
        return self.env["dealer.commission.rule"].search([
            ("company_id", "=", self.company_id.id),
            ("date_from", "<=", self.date_from),
            "|", ("date_to", "=", False), ("date_to", ">=", self.date_from),
        ])

    def _dealer_employees(self):
        """The store's employees in a commission group, less those in their trial period
        (read as the system: the officer computes without HR rights)."""
        self.ensure_one()
        return self.env["hr.employee"].sudo().search([
            ("company_id", "=", self.company_id.id),
            ("dealer_commission_group_id", "!=", False),
            "|", ("dealer_commission_trial_until", "=", False),
            ("dealer_commission_trial_until", "<", self.date_from),
        ])

    @dealer_action
    def action_compute(self):
        """Measure the month and apply the store's rules; coefficients already adjusted stay."""
        self._dealer_check_draft()
        for sheet in self:
            sheet._dealer_measure()
            sheet._dealer_sync_lines()
            sheet._dealer_measure_achievements()
            sheet._dealer_evaluate()
        return True

    def _dealer_measure(self):
        """Replace the computed measures by those of the registry (entered measures stay)."""
        self.ensure_one()
        self.measure_ids.filtered(lambda m: m.origin == "computed").unlink()
        self.env["dealer.commission.measure"].create([
            dict(vals, sheet_id=self.id, origin="computed")
            for vals in self.env["dealer.commission.measure"]._dealer_compute_all(self)
        ])

    def _dealer_measure_achievements(self):
        """The achievements of the month's targets (actual / target), as computed measures."""
        self.ensure_one()
        self.env["dealer.commission.measure"].create(
            self.env["dealer.commission.target"]._dealer_achievements(self, self._dealer_values()))

    def _dealer_sync_lines(self):
        self.ensure_one()
        employees = self._dealer_employees()
        self.line_ids.filtered(lambda line: line.employee_id not in employees).unlink()
        have = self.line_ids.employee_id
        self.env["dealer.commission.sheet.line"].create([{
            "sheet_id": self.id,
            "employee_id": employee.id,
            "group_id": employee.dealer_commission_group_id.id,
            "coefficient": employee.dealer_commission_coefficient,
        } for employee in employees - have])

    def _dealer_values(self):
        """The measures as ``{("group"|"employee", id): {code: value}}``."""
        values = defaultdict(lambda: defaultdict(float))
        group_of = {line.employee_id: line.group_id for line in self.line_ids}
        summed = defaultdict(lambda: defaultdict(float))
        for measure in self.measure_ids:
            if measure.employee_id:
                values[("employee", measure.employee_id.id)][measure.code] += measure.value
                if measure.employee_id in group_of:
                    summed[group_of[measure.employee_id].id][measure.code] += measure.value
            else:
                values[("group", measure.group_id.id)][measure.code] += measure.value
        # a group's figure is its own measure, else the sum of its members'
        for group_id, codes in summed.items():
            for code, value in codes.items():
                values[("group", group_id)].setdefault(code, value)
        return values

    def _dealer_evaluate(self):
        """Each line's contribution per rule: group pools shared by coefficient, then each
        employee's own rules on the running subtotal, the fund last."""
        self.ensure_one()
        rules = self._dealer_rules()
        values = self._dealer_values()
        group_amounts = defaultdict(list)  # group id -> [(rule, amount, formula)]
        for rule in rules.filtered(lambda r: r.scope == "group"):
            if rule.rule_type == "split":
                for group, (amount, formula) in rule._dealer_split(values[("group", rule.group_id.id)]).items():
                    group_amounts[group.id].append((rule, amount, formula))
                continue
            for group in rule.group_id or self.line_ids.group_id:
                subtotal = sum(amount for _rule, amount, _f in group_amounts[group.id])
                amount, formula = rule._dealer_evaluate(values[("group", group.id)], subtotal)
                group_amounts[group.id].append((rule, amount, formula))
        rounding = self.company_id.currency_id.round  # each contribution in cents, as paid
        items = []
        for group, lines in self.line_ids.grouped("group_id").items():
            total_coefficient = sum(lines.mapped("coefficient"))
            for line in lines:
                share = line.coefficient / total_coefficient if total_coefficient else 0.0
                line_items = [
                    (rule, rounding(amount * share), f"({formula}) x {line.coefficient:g}/{total_coefficient:g}")
                    for rule, amount, formula in group_amounts[group.id]]
                for rule in rules.filtered(lambda r, g=group: r.scope == "employee" and r.group_id in (g, g.browse())):
                    subtotal = sum(amount for _rule, amount, _f in line_items)
                    amount, formula = rule._dealer_evaluate(values[("employee", line.employee_id.id)], subtotal)
                    line_items.append((rule, rounding(amount), formula))
                items += [{"line_id": line.id, "rule_id": rule.id, "amount": amount, "formula": formula,
                           "sequence": index} for index, (rule, amount, formula) in enumerate(line_items)]
        self.line_ids.item_ids.unlink()
        self.env["dealer.commission.sheet.item"].create(items)

    # -- approval, lock, correction ---------------------------------------------------------------

    def _check_state(self, allowed):
        wrong = self.filtered(lambda s: s.state not in allowed)
        if wrong:
            raise UserError(self.env._("This is not possible in the current state of %(sheets)s.",
                                       sheets=", ".join(wrong.mapped("display_name"))))

    @dealer_action
    def action_submit(self):
        self._check_state(("draft",))
        for sheet in self:
            if not sheet.line_ids.item_ids:
                raise UserError(self.env._("Compute %(sheet)s before submitting it.", sheet=sheet.display_name))
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def _dealer_tier_validated(self):
        # the reviewers (finance) approve without editing sheets: the move is the system's
        self.sudo().write({"state": "approved"})

    def _dealer_tier_rejected(self):
        self.sudo().write({"state": "refused"})

    @dealer_action
    def action_reset(self):
        """A refused sheet goes back to draft, to be corrected and approved anew."""
        self._check_state(("refused",))
        self._dealer_tier_withdraw()
        self.write({"state": "draft"})
        return True

    @dealer_action
    def action_correct(self, reason):
        """A new draft version of an approved sheet, with the reason; the approved one stays."""
        self.ensure_one()
        self._check_state(("approved",))
        if not (reason or "").strip():
            raise UserError(self.env._("Say why %(sheet)s is corrected.", sheet=self.display_name))
        new = self.copy({"name": self.name, "version": self.version + 1, "previous_id": self.id,
                         "correction_reason": reason, "date_from": self.date_from,
                         "line_ids": [], "measure_ids": []})
        with unsealed(self.env):
            self.measure_ids.filtered(lambda m: m.origin == "manual").copy({"sheet_id": new.id})
        self.message_post(body=self.env._("Corrected by version %(version)s: %(reason)s",
                                          version=new.version, reason=reason))
        return new

    @dealer_action
    def action_post_accrual(self):
        """Accrue the approved month: commission expense against a payable per employee, the
        fund on its own account."""
        if not self.env.user.has_group("account.group_account_manager"):
            raise UserError(self.env._("Only finance posts the commission accrual."))
        self._check_state(("approved",))
        for sheet in self:
            if sheet.move_id:
                raise UserError(self.env._("%(sheet)s is accrued already.", sheet=sheet.display_name))
            company = sheet.company_id
            accounts = (company.dealer_commission_expense_account_id, company.dealer_commission_payable_account_id,
                        company.dealer_commission_fund_account_id)
            if not all(accounts):
                raise UserError(self.env._(
                    "Set the commission expense, payable and fund accounts of %(store)s in the After-Sales "
                    "settings.", store=company.name))
            expense, payable, fund = accounts
            journal = company.dealer_commission_journal_id or self.env["account.journal"].search(
                [*self.env["account.journal"]._check_company_domain(company), ("type", "=", "general")], limit=1)
            label = self.env._("Commission %(sheet)s", sheet=sheet.display_name)
            lines = [{"name": label, "account_id": expense.id, "balance": sum(sheet.line_ids.mapped("amount_gross"))}]
            lines += [{"name": f"{label} - {line.employee_id.name}", "account_id": payable.id,
                       "partner_id": line.employee_id.sudo().work_contact_id.id, "balance": -line.amount}
                      for line in sheet.line_ids]
            lines.append({"name": self.env._("After-sales fund"), "account_id": fund.id, "balance": -sheet.amount_fund})
            move = self.env["account.move"].create({
                "move_type": "entry", "journal_id": journal.id, "date": sheet.date_to, "ref": label,
                "company_id": company.id,
                "line_ids": [Command.create(vals) for vals in lines if company.currency_id.round(vals["balance"])],
            })
            move.action_post()
            sheet.sudo().move_id = move  # finance accrues without editing sheets
        return True

    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = sheet.name if sheet.version == 1 else f"{sheet.name} v{sheet.version}"

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class DealerInsuranceStatement(models.TransientModel):
    """A statement of account of an insurer for a period (对账单): the opening balance, each
    invoice, credit note and payment on its receivable, and the closing balance."""

    _name = "dealer.insurance.statement"
    _description = "Insurer Statement of Account"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    insurer_id = fields.Many2one(
        "res.partner", string="Insurer", required=True, domain="[('dealer_is_insurer', '=', True)]",
    )
    date_from = fields.Date(
        string="From", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) - relativedelta(months=1),
    )
    date_to = fields.Date(
        string="To", required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) - relativedelta(days=1),
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for statement in self:
            if statement.date_to < statement.date_from:
                raise UserError(self.env._("The statement's period ends before it starts: correct the dates."))

    def _dealer_receivable_domain(self):
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("partner_id", "child_of", self.insurer_id.commercial_partner_id.id),
            ("account_id.account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
        ]

    def _dealer_statement(self):
        """The statement's figures: ``opening``, ``lines`` (dicts in date order with the running
        ``balance``), ``debit``, ``credit`` and ``closing``."""
        self.ensure_one()
        Line = self.env["account.move.line"]
        domain = self._dealer_receivable_domain()
        [(opening,)] = Line._read_group(domain + [("date", "<", self.date_from)], [], ["balance:sum"])
        opening = opening or 0.0
        moves = Line.search(
            domain + [("date", ">=", self.date_from), ("date", "<=", self.date_to)], order="date, move_name, id",
        )
        balance = opening
        lines = []
        for line in moves:
            balance += line.balance
            case = line.move_id.dealer_insurance_case_id
            lines.append({
                "date": line.date,
                "name": line.move_id.name,
                "case": case.name or "",
                "report_number": case.report_number or "",
                "plate": case.vehicle_id.license_plate or "",
                "label": line.move_id.ref or line.name or "",
                "debit": line.debit,
                "credit": line.credit,
                "balance": balance,
            })
        return {
            "opening": opening,
            "lines": lines,
            "debit": sum(moves.mapped("debit")),
            "credit": sum(moves.mapped("credit")),
            "closing": balance,
        }

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("dealer_insurance.action_report_insurer_statement").report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref("dealer_insurance.action_report_insurer_statement_xlsx").report_action(self)

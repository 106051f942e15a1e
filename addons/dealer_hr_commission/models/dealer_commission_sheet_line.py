from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.dealer_service.sealed import check_sealed, unsealed


class DealerCommissionSheetLine(models.Model):
    """One employee's commission of the month, the sum of the rules' contributions."""

    _name = "dealer.commission.sheet.line"
    _description = "Commission Sheet Line"
    _order = "sheet_id, group_id, employee_id"
    _check_company_auto = True
    _dealer_sealed_fields = ("sheet_id", "employee_id", "group_id")

    sheet_id = fields.Many2one("dealer.commission.sheet", string="Sheet", required=True, ondelete="cascade",
                               index=True)
    company_id = fields.Many2one(related="sheet_id.company_id", store=True, index=True)
    state = fields.Selection(related="sheet_id.state")
    employee_id = fields.Many2one("hr.employee", string="Employee", required=True, check_company=True, index=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    group_id = fields.Many2one("dealer.commission.group", string="Group", required=True, check_company=True)
    coefficient = fields.Float(string="Coefficient", digits=(16, 4))
    coefficient_reason = fields.Char(string="Reason for the Coefficient",
                                     help="Why the station manager changed the coefficient (required).")
    item_ids = fields.One2many("dealer.commission.sheet.item", "line_id", string="Contributions")
    amount_gross = fields.Float(string="Before Fund", compute="_compute_amounts", store=True, digits="Account")
    amount_fund = fields.Float(string="Fund", compute="_compute_amounts", store=True, digits="Account")
    amount = fields.Float(string="Commission", compute="_compute_amounts", store=True, digits="Account")

    _employee_uniq = models.Constraint("unique(sheet_id, employee_id)", "An employee has one line per sheet.")

    @api.depends("item_ids.amount", "item_ids.rule_id.rule_type")
    def _compute_amounts(self):
        for line in self:
            fund = sum(line.item_ids.filtered(lambda i: i.rule_id.rule_type == "fund").mapped("amount"))
            line.amount = sum(line.item_ids.mapped("amount"))
            line.amount_fund = -fund
            line.amount_gross = line.amount - fund

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, self._dealer_sealed_fields, creating=True)
        lines = super().create(vals_list)
        lines.sheet_id._dealer_check_draft()
        return lines

    def write(self, vals):
        check_sealed(self, vals, self._dealer_sealed_fields)
        self.sheet_id._dealer_check_draft()
        if "coefficient" in vals:
            reason = (vals.get("coefficient_reason") or "").strip()
            if not reason:
                raise UserError(self.env._("Give the reason for changing the coefficient of %(employees)s.",
                                           employees=", ".join(self.employee_id.mapped("name"))))
            for line in self:
                line.sheet_id.message_post(body=self.env._(
                    "Coefficient of %(employee)s: %(old)s -> %(new)s. Reason: %(reason)s",
                    employee=line.employee_id.name, old=line.coefficient, new=vals["coefficient"], reason=reason))
        res = super().write(vals)
        if "coefficient" in vals:
            with unsealed(self.env):
                self.sheet_id._dealer_evaluate()
        return res

    def unlink(self):
        self.sheet_id._dealer_check_draft()
        return super().unlink()

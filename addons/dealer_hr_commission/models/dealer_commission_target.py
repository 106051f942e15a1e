from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action, unsealed


class DealerCommissionTarget(models.Model):
    """The targets of one employee or one group for a month (output, gross profit, vehicles
    in, collections, accessory sales), acknowledged by the employee. A sheet of the month
    turns each target into an achievement (actual / target) that the pool rules multiply."""

    _name = "dealer.commission.target"
    _description = "Commission Target"
    _inherit = ["mail.thread", "dealer.capability.mixin"]
    _order = "date_from desc, group_id, employee_id, id"
    _check_company_auto = True
    _dealer_capability = "dealer_commission_enabled"
    _dealer_sealed_fields = ("acknowledged_by_id", "acknowledged_date")

    date_from = fields.Date(
        string="Month", required=True, index=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    employee_id = fields.Many2one("hr.employee", string="Employee", check_company=True, index="btree_not_null",
                                  tracking=True)
    group_id = fields.Many2one("dealer.commission.group", string="Group", check_company=True,
                               index="btree_not_null", tracking=True)
    line_ids = fields.One2many("dealer.commission.target.line", "target_id", string="Targets", copy=True)
    acknowledged_by_id = fields.Many2one("res.users", string="Acknowledged By", readonly=True, copy=False,
                                         tracking=True)
    acknowledged_date = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    is_acknowledged = fields.Boolean(string="Acknowledged", compute="_compute_is_acknowledged", store=True)
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")
    is_mine = fields.Boolean(string="Mine", compute="_compute_can_acknowledge", search="_search_is_mine")

    _owner = models.Constraint("CHECK((employee_id IS NULL) != (group_id IS NULL))",
                               "A target belongs to either an employee or a group.")
    _owner_month_uniq = models.UniqueIndex(
        "(company_id, date_from, COALESCE(employee_id, 0), COALESCE(group_id, 0))",
        "An employee or a group has one target per month and store.")

    @api.depends("acknowledged_date")
    def _compute_is_acknowledged(self):
        for target in self:
            target.is_acknowledged = bool(target.acknowledged_date)

    @api.depends_context("uid")
    @api.depends("employee_id", "group_id", "acknowledged_date")
    def _compute_can_acknowledge(self):
        for target in self:
            target.is_mine = target._dealer_is_own()
            target.can_acknowledge = target.is_mine and not target.acknowledged_date

    def _search_is_mine(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        # the user's employee files and groups, which a user without HR rights does not read
        employees = self.env.user.sudo().employee_ids
        mine = ["|", ("employee_id", "in", employees.ids), ("group_id", "in", employees.dealer_commission_group_id.ids)]
        return mine if (True in value) == (operator == "in") else ["!", *mine]

    @api.depends("employee_id", "group_id", "date_from")
    def _compute_display_name(self):
        for target in self:
            owner = target.employee_id.name or target.group_id.name or ""
            month = target.date_from.strftime("%Y-%m") if target.date_from else ""
            target.display_name = f"{owner} {month}".strip()

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
            vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        res = super().write(vals)
        if {"date_from", "employee_id", "group_id"} & set(vals):
            self._dealer_withdraw_acknowledgement()
        return res

    def _dealer_is_own(self):
        """Whether the current user is the target's employee (or a member of its group)."""
        self.ensure_one()
        employees = self.employee_id or self.group_id.sudo().employee_ids
        return self.env.user in employees.sudo().user_id

    @dealer_action
    def action_acknowledge(self):
        """The employee acknowledges their targets of the month; nobody does it for them."""
        for target in self:
            if not target._dealer_is_own():
                raise AccessError(self.env._(
                    "Only %(owner)s acknowledges the targets %(target)s.",
                    owner=target.employee_id.name or target.group_id.name, target=target.display_name))
            if target.acknowledged_date:
                raise UserError(self.env._("The targets %(target)s are acknowledged already.",
                                           target=target.display_name))
            if not target.line_ids:
                raise UserError(self.env._("The targets %(target)s hold no figure yet.", target=target.display_name))
        # an employee reads their targets but edits none: the acknowledgement is the system's
        self.sudo().write({"acknowledged_by_id": self.env.uid, "acknowledged_date": fields.Datetime.now()})
        return True

    def _dealer_withdraw_acknowledgement(self):
        """Changed targets are acknowledged anew."""
        acknowledged = self.filtered("acknowledged_date")
        if acknowledged:
            with unsealed(self.env):
                acknowledged.write({"acknowledged_by_id": False, "acknowledged_date": False})
            for target in acknowledged:
                target.message_post(body=self.env._("The targets changed: to be acknowledged again."))

    @api.model
    def _dealer_achievements(self, sheet, values):
        """The achievements of the sheet's month as computed measures: ``actual / target`` of
        each target's owner. A group without a target of its own achieves the sum of its
        members' actuals over the sum of their targets. An achievement entered stays.

        :param values: the sheet's figures, ``{("group"|"employee", id): {code: value}}``
        """
        targets = self.search([("company_id", "=", sheet.company_id.id), ("date_from", "=", sheet.date_from)])
        group_of = {line.employee_id.id: line.group_id.id for line in sheet.line_ids}
        ratios = {}  # (kind of owner, id, achievement code) -> (actual, target)
        members = defaultdict(lambda: [0.0, 0.0])  # (group id, achievement code) -> [actual, target]
        for target in targets:
            owner = ("employee", target.employee_id.id) if target.employee_id else ("group", target.group_id.id)
            for line in target.line_ids.filtered("target"):
                actual = values[owner].get(line.measure_code, 0.0)
                ratios[(*owner, line.achievement_code)] = (actual, line.target)
                if target.employee_id.id in group_of:
                    summed = members[(group_of[target.employee_id.id], line.achievement_code)]
                    summed[0] += actual
                    summed[1] += line.target
        for (group_id, code), (actual, target) in members.items():
            ratios.setdefault(("group", group_id, code), (actual, target))
        entered = {("employee" if m.employee_id else "group", (m.employee_id or m.group_id).id, m.code)
                   for m in sheet.measure_ids if m.origin == "manual"}
        return [{
            "sheet_id": sheet.id, "origin": "computed", "code": code, "value": actual / target,
            "employee_id": owner_id if kind == "employee" else False,
            "group_id": owner_id if kind == "group" else False,
        } for (kind, owner_id, code), (actual, target) in ratios.items() if (kind, owner_id, code) not in entered]

from odoo import fields, models


class DealerCommissionGroup(models.Model):
    """A commission group of a store (advisors, workshop management, ...): its pool is
    shared among its members by their coefficients."""

    _name = "dealer.commission.group"
    _description = "Commission Group"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(string="Group", required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one("res.company", string="Store", required=True, index=True,
                                 default=lambda self: self.env.company)
    employee_ids = fields.One2many("hr.employee", "dealer_commission_group_id", string="Members")
    active = fields.Boolean(default=True)

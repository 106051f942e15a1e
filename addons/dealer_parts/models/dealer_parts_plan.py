from odoo import fields, models


class DealerPartsPlan(models.Model):
    """A parts purchase plan (计划单) gathering the shortages to buy."""

    _name = "dealer.parts.plan"
    _description = "Parts Purchase Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_parts_enabled"

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", index=True, tracking=True,
        check_company=True,
    )
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today)
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )

from odoo import fields, models


class DealerCommissionSheet(models.Model):
    """The after-sales commission of one store for one month."""

    _name = "dealer.commission.sheet"
    _description = "Commission Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_commission_enabled"

    date_from = fields.Date(
        string="Month", required=True, tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )

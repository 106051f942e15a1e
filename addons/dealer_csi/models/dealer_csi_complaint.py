from odoo import fields, models


class DealerCsiComplaint(models.Model):
    """A customer complaint, from registration to the customer's acceptance."""

    _name = "dealer.csi.complaint"
    _description = "Customer Complaint"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin", "dealer.capability.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_csi_enabled"

    repair_order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", index=True, tracking=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index=True, tracking=True,
        check_company=True,
    )
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today)
    note = fields.Html(string="Notes")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "The reference must be unique per store.",
    )

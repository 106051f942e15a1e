from odoo import fields, models

CONTACT_TYPES = [
    ("visit", "Visit"),
    ("call", "Phone Call"),
    ("meeting", "Meeting"),
]


class DealerInsurerContact(models.Model):
    """A visit or call to an insurer (the director's rule: at least 4 a month with each
    insurer, 8 with those the store does business with)."""

    _name = "dealer.insurer.contact"
    _description = "Insurer Contact"
    _inherit = ["dealer.capability.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _dealer_capability = "dealer_insurance_enabled"

    insurer_id = fields.Many2one(
        "res.partner", string="Insurer", required=True, index=True, domain="[('dealer_is_insurer', '=', True)]",
    )
    date = fields.Date(string="Date", required=True, default=fields.Date.context_today, index=True)
    contact_type = fields.Selection(CONTACT_TYPES, string="Type", required=True, default="visit")
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    contact_person = fields.Char(string="Met / Spoke With")
    subject = fields.Char(string="Subject", required=True)
    summary = fields.Text(string="Summary")

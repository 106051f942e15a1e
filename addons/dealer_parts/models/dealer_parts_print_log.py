from odoo import fields, models


class DealerPartsPrintLog(models.Model):
    """Who printed which parts document, when, and why it was printed again."""

    _name = "dealer.parts.print.log"
    _description = "Parts Document Print Log"
    _order = "id desc"
    _check_company_auto = True

    res_model = fields.Char(string="Document Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", required=True, readonly=True,
                                      index=True)
    document = fields.Char(string="Document", readonly=True)
    user_id = fields.Many2one("res.users", string="Printed By", required=True, readonly=True,
                              default=lambda self: self.env.user)
    date = fields.Datetime(string="Printed On", required=True, readonly=True, default=fields.Datetime.now)
    reprint = fields.Boolean(string="Reprint", readonly=True)
    reason = fields.Char(string="Reprint Reason", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", required=True, readonly=True, index=True,
                                 default=lambda self: self.env.company)

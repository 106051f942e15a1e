from odoo import fields, models

REASON_ACTIONS = [
    ("reprint", "Reprint"),
    ("void", "Void"),
    ("exempt", "Exempt from Old-Part Return"),
    ("quote_waiver", "Waive Three Quotes"),
]


class DealerPartsReasonWizard(models.TransientModel):
    """Asks the reason of a reprint, a void or an exemption before doing it."""

    _name = "dealer.parts.reason.wizard"
    _description = "Parts: Give a Reason"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    action = fields.Selection(REASON_ACTIONS, required=True)
    reason = fields.Char(string="Reason", required=True)

    def _open_for(self, record, action):
        """The window asking the reason of ``action`` on ``record``."""
        record.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": record._name,
                "default_res_id": record.id,
                "default_action": action,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if self.action == "reprint":
            return record._dealer_print(reason=self.reason)
        if self.action == "void":
            record._dealer_void(self.reason)
        elif self.action == "exempt":
            record._dealer_exempt_old_part(self.reason)
        elif self.action == "quote_waiver":
            record._dealer_waive_quotes(self.reason)
        return {"type": "ir.actions.act_window_close"}

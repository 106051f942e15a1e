from odoo import models
from odoo.exceptions import AccessError

ACCOUNTANT_GROUP = "account.group_account_manager"


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _dealer_check_insurer_reconciliation(self):
        """Insurer receivables are matched with payments by the accountants only (the claims staff
        chase them; the books are the accountants')."""
        if not self or self.env.su or self.env.user.has_group(ACCOUNTANT_GROUP):
            return
        matched = self | self.matched_debit_ids.debit_move_id | self.matched_credit_ids.credit_move_id
        cases = matched.move_id.dealer_insurance_case_id
        if cases:
            raise AccessError(self.env._(
                "Only an accountant registers and reconciles the insurer's payments of %(cases)s.",
                cases=", ".join(cases.mapped("name")),
            ))

    def reconcile(self):
        self._dealer_check_insurer_reconciliation()
        return super().reconcile()

    def remove_move_reconcile(self):
        self._dealer_check_insurer_reconciliation()
        return super().remove_move_reconcile()

from odoo import api, models


class AccountPartialReconcile(models.Model):
    _inherit = "account.partial.reconcile"

    @api.model_create_multi
    def create(self, vals_list):
        partials = super().create(vals_list)
        (partials.debit_move_id | partials.credit_move_id).move_id.dealer_warranty_claim_id._dealer_sync_paid()
        return partials

    def unlink(self):
        claims = (self.debit_move_id | self.credit_move_id).move_id.dealer_warranty_claim_id
        res = super().unlink()
        claims._dealer_sync_paid()
        return res

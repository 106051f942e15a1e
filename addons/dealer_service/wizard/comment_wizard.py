from odoo import models


class CommentWizard(models.TransientModel):
    _inherit = "comment.wizard"

    def add_comment(self):
        """After-sales documents: the reviewer validates or rejects their own reviews,
        whatever reviews the wizard was given."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        if not getattr(record, "_dealer_tier_sealed", False):
            return super().add_comment()
        return record._dealer_tier_comment(self.validate_reject, self.comment)

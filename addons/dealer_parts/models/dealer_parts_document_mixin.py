from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.dealer_service.sealed import check_sealed, dealer_action


class DealerPartsDocumentMixin(models.AbstractModel):
    """A printed parts document: a per-store gapless number taken at validation,
    named copies, logged reprints and voiding that keeps the number."""

    _name = "dealer.parts.document.mixin"
    _description = "Parts Numbered Document"
    _dealer_number_field = "name"
    _dealer_report = None  # xmlid of the ir.actions.report
    _dealer_sealed_fields = ()  # fields changed only by the actions (with the number and the void/print marks)

    dealer_print_count = fields.Integer(string="Times Printed", readonly=True, copy=False)
    dealer_voided = fields.Boolean(string="Voided", readonly=True, copy=False, index=True)
    dealer_void_reason = fields.Char(string="Void Reason", readonly=True, copy=False)
    dealer_print_log_ids = fields.One2many(
        "dealer.parts.print.log", compute="_compute_dealer_print_log_ids", string="Print Log",
    )

    def _dealer_sealed(self):
        return (self._dealer_number_field, "dealer_voided", "dealer_void_reason", "dealer_print_count",
                *self._dealer_sealed_fields)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, self._dealer_sealed(), creating=True)
        return super().create(vals_list)

    def write(self, vals):
        check_sealed(self, vals, self._dealer_sealed())
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_numbered(self):
        numbered = self.filtered(lambda record: record._dealer_number())
        if numbered:
            raise UserError(self.env._(
                "%(docs)s are numbered documents: they are never deleted; void them instead.",
                docs=", ".join(numbered.mapped("display_name"))))

    def _compute_dealer_print_log_ids(self):
        logs = self.env["dealer.parts.print.log"].search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
        ])
        for record in self:
            record.dealer_print_log_ids = logs.filtered(lambda log, rec=record: log.res_id == rec.id)

    def _dealer_sequence_code(self):
        return self._name

    def _dealer_number(self):
        self.ensure_one()
        return self[self._dealer_number_field]

    @dealer_action
    def _dealer_assign_number(self):
        """Take the next number of the store's gapless sequence (at validation)."""
        Sequence = self.env["ir.sequence"]
        for record in self:
            if record[self._dealer_number_field]:
                continue
            code = record._dealer_sequence_code()
            # the fields next_by_id reads, in the search's query
            sequence = Sequence.search_fetch(
                [("code", "=", code), ("company_id", "=", record.company_id.id)],
                ["implementation", "use_date_range", "number_next", "number_increment", "prefix", "suffix", "padding"],
                limit=1,
            )
            if not sequence:
                raise UserError(self.env._(
                    "The store %(store)s has no numbering sequence for %(code)s: update the Parts module.",
                    store=record.company_id.display_name, code=code,
                ))
            record[self._dealer_number_field] = sequence.with_company(record.company_id).next_by_id()

    def _dealer_copy_names(self):
        """The copies printed, in order: a list of labels."""
        return [self.env._("Original")]

    def _dealer_document_title(self):
        return self._description

    def action_dealer_print(self):
        self.ensure_one()
        if not self._dealer_number():
            raise UserError(self.env._("Validate %(doc)s before printing it: it is numbered at validation.",
                                       doc=self.display_name))
        if self.dealer_print_count:
            return self._dealer_reason_wizard("reprint")
        return self._dealer_print(reason=False)

    def action_dealer_void(self):
        self.ensure_one()
        return self._dealer_reason_wizard("void")

    def _dealer_reason_wizard(self, action):
        return self.env["dealer.parts.reason.wizard"]._open_for(self, action)

    @dealer_action
    def _dealer_print(self, reason=False):
        self.ensure_one()
        self.env["dealer.parts.print.log"].create({
            "res_model": self._name,
            "res_id": self.id,
            "document": self._dealer_number(),
            "reprint": bool(self.dealer_print_count),
            "reason": reason,
            "company_id": self.company_id.id,
        })
        self.dealer_print_count += 1
        return self.env.ref(self._dealer_report).report_action(self)

    @dealer_action
    def _dealer_void(self, reason):
        """Mark voided (the number is kept); models reverse their effect in ``_dealer_do_void``."""
        if not self.env.user.has_group("dealer_parts.dealer_parts_group_manager"):
            raise AccessError(self.env._("Only the parts manager voids parts documents."))
        if not reason:
            raise UserError(self.env._("Give the reason for voiding the document."))
        for record in self:
            if record.dealer_voided:
                raise UserError(self.env._("%(doc)s is already voided.", doc=record.display_name))
            if not record._dealer_number():
                raise UserError(self.env._(
                    "%(doc)s is not validated yet: cancel it instead of voiding it.", doc=record.display_name,
                ))
        self._dealer_do_void(reason)
        self.write({"dealer_voided": True, "dealer_void_reason": reason})
        for record in self:
            record.message_post(body=self.env._("Voided: %(reason)s", reason=reason))
        return True

    def _dealer_do_void(self, reason):
        return True

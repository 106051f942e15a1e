from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import check_sealed

from .dealer_warranty_claim import AMOUNT_GROUPS


class DealerWarrantyClaimLine(models.Model):
    """A line of a warranty claim: a warranty line of the repair order at the OEM's labour code,
    hours and price, and what the OEM approved of it."""

    _name = "dealer.warranty.claim.line"
    _description = "Warranty Claim Line"
    _order = "claim_id, sequence, id"
    _check_company_auto = True

    claim_id = fields.Many2one("dealer.warranty.claim", string="Claim", required=True, index=True,
                               ondelete="cascade")
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True, precompute=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    sequence = fields.Integer(default=10)
    repair_line_id = fields.Many2one("dealer.repair.order.line", string="Repair Order Line", check_company=True,
                                     index="btree_not_null")
    line_type = fields.Selection([("labour", "Labour"), ("part", "Part"), ("sublet", "Sublet")], string="Type",
                                 required=True, default="labour")
    labour_operation_id = fields.Many2one("dealer.labour.operation", string="Labour Operation")
    product_id = fields.Many2one("product.product", string="Product", index="btree_not_null")
    oem_code = fields.Char(string="OEM Code", help="The OEM's labour operation code or part number.")
    name = fields.Text(string="Description", required=True)
    quantity = fields.Float(string="Quantity", digits="Product Unit", help="Hours for labour, units for parts.")
    price_unit = fields.Float(string="Unit Price", digits="Product Price", groups=AMOUNT_GROUPS)
    share = fields.Float(string="OEM Share (%)", default=100.0, digits=(16, 2),
                         help="The OEM's share of the line: less than 100% for goodwill.")
    amount = fields.Monetary(string="Claimed", compute="_compute_amount", store=True, groups=AMOUNT_GROUPS)
    amount_approved = fields.Monetary(string="Approved", readonly=True, copy=False, groups=AMOUNT_GROUPS)

    _repair_line_uniq = models.UniqueIndex(
        "(repair_line_id) WHERE repair_line_id IS NOT NULL",
        "A repair order line is claimed on one claim only.",
    )

    @api.depends("quantity", "price_unit", "share", "currency_id")
    def _compute_amount(self):
        for line in self:
            currency = line.currency_id or self.env.company.currency_id
            line.amount = currency.round(line.quantity * line.price_unit * line.share / 100.0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, ("amount_approved",), creating=True)
        lines = super().create(vals_list)
        lines.claim_id._dealer_check_editable()
        return lines

    def write(self, vals):
        check_sealed(self, vals, ("amount_approved",))
        if set(vals) - {"amount_approved"}:
            self.claim_id._dealer_check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self.claim_id._dealer_check_editable()
        approved = self.filtered("amount_approved")
        if approved:
            raise UserError(self.env._("The OEM approved %(lines)s: they stay on the claim.",
                                       lines=", ".join(approved.mapped("name"))))

    def _dealer_prepare_invoice_line_values(self, amount):
        """Values of the line of the claim's invoice or credit note booking ``amount`` (before tax)
        of this line, linked to it and to the repair order line, taxed as the order line."""
        self.ensure_one()
        repair_line = self.repair_line_id
        values = repair_line._prepare_invoice_line_values() if repair_line else {
            "display_type": "product",
            "product_id": self.product_id.id,
            "tax_ids": [Command.set(self.product_id.taxes_id._filter_taxes_by_company(self.company_id).ids)],
            "dealer_line_type": self.line_type,
            "dealer_payer": "warranty",
        }
        values.update(
            name=self.name, quantity=1.0, price_unit=amount, discount=0.0, dealer_claim_line_id=self.id,
        )
        return values

    def _dealer_clocked_hours(self):
        """Hours clocked on the jobs of each labour line's repair line: ``{claim line: hours}``."""
        labour = self.filtered(lambda line: line.line_type == "labour" and line.repair_line_id)
        if not labour:
            return {}
        groups = self.env["dealer.repair.job.time"]._read_group(
            [("job_id.line_id", "in", labour.repair_line_id.ids), ("job_id.state", "!=", "cancel")],
            ["job_id"], ["hours:sum"],
        )
        per_repair_line = {}
        for job, hours in groups:
            per_repair_line[job.line_id] = per_repair_line.get(job.line_id, 0.0) + hours
        return {line: per_repair_line.get(line.repair_line_id, 0.0) for line in labour}

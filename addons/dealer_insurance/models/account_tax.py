from odoo import models


class AccountTax(models.Model):
    _inherit = "account.tax"

    def _dealer_price_included(self):
        """The taxes, each as its price-included twin (same rate, group and accounts): an insurer's
        assessment includes VAT, and billed at a price-included tax the invoice totals it exactly,
        its tax the remainder. The twin is made once in the tax's company when it has none."""
        twins = self.browse()
        for tax in self:
            if tax.price_include:
                twins |= tax
                continue
            twin = tax.sudo().search([
                ("company_id", "=", tax.company_id.id), ("type_tax_use", "=", tax.type_tax_use),
                ("amount_type", "=", tax.amount_type), ("amount", "=", tax.amount),
                ("tax_group_id", "=", tax.tax_group_id.id), ("price_include_override", "=", "tax_included"),
                ("country_id", "=", tax.country_id.id),
            ]).filtered(lambda other, tax=tax: other._dealer_repartition() == tax._dealer_repartition())[:1]
            if not twin:
                twin = tax.sudo().copy({
                    "name": self.env._("%(tax)s incl.", tax=tax.name),
                    "price_include_override": "tax_included",
                })
            twins |= twin.with_env(self.env)
        return twins

    def _dealer_repartition(self):
        """What a tax books, to compare taxes: its repartition lines' kind, factor and account."""
        self.ensure_one()
        return [
            (line.document_type, line.repartition_type, line.factor_percent, line.account_id.id)
            for line in self.sudo().repartition_line_ids.sorted(lambda rec: (rec.document_type, rec.sequence, rec.id))
        ]

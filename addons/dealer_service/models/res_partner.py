from odoo import api, fields, models

DEALER_RECEIVABLE_KINDS = [
    ("customer_account", "Account Customer"),
    ("oem", "OEM"),
    ("insurer", "Insurer"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the front desk finds a customer by any part of the phone number (ilike '%...%')
    phone = fields.Char(index="trigram")

    dealer_receivable_kind = fields.Selection(
        DEALER_RECEIVABLE_KINDS, string="After-Sales Payer", index=True, tracking=True,
        compute="_compute_dealer_receivable_kind", store=True, readonly=False,
        help="The after-sales receivables this partner owes, as listed by Accounting > Reporting > "
             "After-Sales Receivables. Set when the partner becomes the OEM of a brand or the insurer of a repair "
             "order; set by hand for the customers on account (fleets, garages paying monthly).",
    )
    dealer_oem_brand_ids = fields.One2many(
        "fleet.vehicle.model.brand", "dealer_oem_partner_id", string="OEM of Brands", groups="base.group_system",
    )
    dealer_insurer_order_ids = fields.One2many(
        "dealer.repair.order", "insurer_id", string="Insured Repair Orders", groups="base.group_system",
    )

    @api.depends("dealer_oem_brand_ids", "dealer_insurer_order_ids")
    def _compute_dealer_receivable_kind(self):
        """A partner becomes a payer of a kind; it stays one (or what an accountant set) otherwise."""
        for partner in self:
            partner.dealer_receivable_kind = partner._dealer_receivable_kind_found() or partner.dealer_receivable_kind

    def _dealer_receivable_kind_found(self):
        """The kind of payer the suite's records make of this partner, or False (modules extend it)."""
        self.ensure_one()
        if self.dealer_oem_brand_ids:
            return "oem"
        if self.dealer_insurer_order_ids:
            return "insurer"
        return False

    @api.model
    def _dealer_receivable_partners(self, kind, company):
        """The commercial partners of a payer kind (``all``: every kind) seen in ``company``."""
        domain = [("company_id", "in", [company.id, False])]
        if kind == "all":
            domain.append(("dealer_receivable_kind", "!=", False))
        else:
            domain.append(("dealer_receivable_kind", "=", kind))
        return self.with_context(active_test=False).search(domain).commercial_partner_id

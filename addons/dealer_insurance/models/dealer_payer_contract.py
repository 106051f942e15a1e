from odoo import fields, models


class DealerPayerContract(models.Model):
    """An insurer's terms in a store: beside the prices, how and when it pays."""

    _inherit = "dealer.payer.contract"

    dealer_is_insurer = fields.Boolean(related="partner_id.dealer_is_insurer", string="Insurer")
    dealer_direct_payment = fields.Boolean(
        string="Pays the Store Directly", default=True, tracking=True,
        help="The insurer pays the store the assessed amount of its accident cases (直赔), on the customer's "
        "signed authorisation. Otherwise the customer pays the whole repair and claims from the insurer.",
    )
    dealer_payment_term_id = fields.Many2one(
        "account.payment.term", string="Payment Terms", check_company=True, tracking=True,
        help="The payment terms of the invoices to this insurer: the due dates the collection list ages by.",
    )
    dealer_contact_ids = fields.Many2many(
        "res.partner", "dealer_payer_contract_contact_rel", "contract_id", "partner_id", string="Contact Persons",
        domain="[('parent_id', '=', partner_id)]",
        help="The insurer's people the claims staff deal with: assessors, claims managers, their accountants.",
    )

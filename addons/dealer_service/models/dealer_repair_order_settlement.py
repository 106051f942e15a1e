from odoo import api, fields, models
from odoo.tools import SQL

SETTLEMENT_PAYMENT_STATES = [
    ("not_paid", "Not Paid"),
    ("partial", "Partially Paid"),
    ("in_payment", "In Payment"),
    ("paid", "Paid"),
    ("reversed", "Reversed"),
]


class DealerRepairOrderSettlement(models.Model):
    """What a repair order billed each partner and what came in: one row per order and billed partner,
    read from the posted invoices and credit notes (credit notes net out) and their reconciliation.
    A view on the books: it is always what accounting says, nothing to keep in step."""

    _name = "dealer.repair.order.settlement"
    _description = "Repair Order Settlement per Payer"
    _auto = False
    _order = "order_id, payer, partner_id"
    _depends = {
        "account.move": [
            "dealer_repair_order_id", "state", "move_type", "company_id", "partner_id",
            "amount_total_signed", "amount_residual_signed", "payment_state",
        ],
        "account.move.line": ["move_id", "dealer_payer"],
    }

    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", readonly=True, index=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Billed Partner", readonly=True)
    payer = fields.Selection(
        selection="_selection_payer", readonly=True,
        help="Who pays these invoices (customer, OEM warranty, insurer...): empty if they mix payers.",
    )
    invoice_count = fields.Integer(string="Invoices", readonly=True, help="Invoices and credit notes.")
    amount_invoiced = fields.Monetary(
        string="Invoiced", readonly=True, help="Invoiced minus credited, taxes included.",
    )
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_residual = fields.Monetary(string="Amount Due", readonly=True)
    payment_state = fields.Selection(SETTLEMENT_PAYMENT_STATES, string="Payment Status", readonly=True)

    @api.model
    def _selection_payer(self):
        return self.env["dealer.repair.order.line"]._fields["payer"].selection

    @property
    def _table_query(self):
        return SQL("%s %s %s %s", self._select(), self._from(), self._where(), self._group_by())

    def _select(self):
        # a row is settled when each of its invoices is (paid, in payment or reversed by a credit note)
        return SQL("""
            SELECT MIN(move.id) AS id,
                   move.dealer_repair_order_id AS order_id,
                   move.company_id AS company_id,
                   company.currency_id AS currency_id,
                   move.partner_id AS partner_id,
                   CASE WHEN MIN(payers.payer_min) = MAX(payers.payer_max) THEN MIN(payers.payer_min) END AS payer,
                   COUNT(*) AS invoice_count,
                   SUM(move.amount_total_signed) AS amount_invoiced,
                   SUM(move.amount_total_signed - move.amount_residual_signed) AS amount_paid,
                   SUM(move.amount_residual_signed) AS amount_residual,
                   CASE
                       WHEN BOOL_AND(move.payment_state IN ('paid', 'in_payment', 'reversed')) THEN
                           CASE
                               WHEN ABS(SUM(move.amount_total_signed)) < currency.rounding / 2 THEN 'reversed'
                               WHEN BOOL_OR(move.payment_state = 'in_payment') THEN 'in_payment'
                               ELSE 'paid'
                           END
                       WHEN ABS(SUM(move.amount_total_signed - move.amount_residual_signed)) >= currency.rounding / 2
                           OR BOOL_OR(move.payment_state = 'in_payment') THEN 'partial'
                       ELSE 'not_paid'
                   END AS payment_state
        """)

    def _from(self):
        return SQL("""
              FROM account_move move
              JOIN res_company company ON company.id = move.company_id
              JOIN res_currency currency ON currency.id = company.currency_id
         LEFT JOIN LATERAL (
                   SELECT MIN(line.dealer_payer) AS payer_min, MAX(line.dealer_payer) AS payer_max
                     FROM account_move_line line
                    WHERE line.move_id = move.id AND line.dealer_payer IS NOT NULL
              ) payers ON TRUE
        """)

    def _where(self):
        return SQL("""
             WHERE move.dealer_repair_order_id IS NOT NULL
               AND move.state = 'posted'
               AND move.move_type IN ('out_invoice', 'out_refund')
        """)

    def _group_by(self):
        return SQL("""
          GROUP BY move.dealer_repair_order_id, move.company_id, company.currency_id, currency.rounding,
                   move.partner_id
        """)

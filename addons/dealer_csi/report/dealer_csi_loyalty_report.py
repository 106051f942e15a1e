from odoo import fields, models
from odoo.tools import SQL

from ..models.fleet_vehicle import VISIT_STATES


class DealerCsiLoyaltyReport(models.Model):
    """Loyal customers (忠诚客户) of each store ranked by visits, then by what they paid."""

    _name = "dealer.csi.loyalty.report"
    _description = "Loyal-Customer Ranking"
    _auto = False
    _order = "company_id, rank, id"
    _depends = {
        "dealer.repair.order": ["company_id", "partner_id", "state", "date_delivered"],
        "dealer.repair.order.line": ["order_id", "payer", "approval_state", "price_subtotal"],
    }

    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    rank = fields.Integer(readonly=True, aggregator="min")
    visit_count = fields.Integer(string="Visits", readonly=True, aggregator="sum")
    spend = fields.Float(
        string="Spend", readonly=True, aggregator="sum",
        help="What the customer paid on the visits (untaxed, the customer's lines only).",
    )
    first_visit = fields.Datetime(string="First Visit", readonly=True)
    last_visit = fields.Datetime(string="Last Visit", readonly=True)

    @property
    def _table_query(self):
        return SQL("""
            SELECT MIN(o.id) AS id,
                   o.company_id AS company_id,
                   o.partner_id AS partner_id,
                   DENSE_RANK() OVER (
                       PARTITION BY o.company_id
                       ORDER BY COUNT(*) DESC, SUM(COALESCE(paid.amount, 0)) DESC
                   ) AS rank,
                   COUNT(*) AS visit_count,
                   SUM(COALESCE(paid.amount, 0)) AS spend,
                   MIN(o.date_delivered) AS first_visit,
                   MAX(o.date_delivered) AS last_visit
              FROM dealer_repair_order o
         LEFT JOIN LATERAL (
                   SELECT SUM(l.price_subtotal) AS amount
                     FROM dealer_repair_order_line l
                    WHERE l.order_id = o.id AND l.payer = 'customer'
                      AND l.approval_state != 'declined'
              ) paid ON TRUE
             WHERE o.state IN %s AND o.date_delivered IS NOT NULL
          GROUP BY o.company_id, o.partner_id
        """, tuple(VISIT_STATES))

    def action_dealer_csi_plan_calls(self):
        """A loyal-customer care call (one a month) for the selected customers, or the store's top ranks."""
        rows = self
        if not rows:
            company = self.env.company
            rows = self.search([("company_id", "=", company.id), ("rank", "<=", company.dealer_csi_loyalty_top)])
        vals_list = []
        for row in rows:
            today = row.company_id._dealer_csi_today()
            vehicle = row.partner_id.dealer_vehicle_ids.filtered(
                lambda v, row=row: v.dealer_csi_store_id == row.company_id
            )
            vals_list.append({
                "company_id": row.company_id.id, "call_type": "loyalty", "partner_id": row.partner_id.id,
                "vehicle_id": vehicle[:1].id, "date_due": today, "list_key": f"{today:%Y-%m}",
            })
        Call = self.env["dealer.csi.call"]
        return Call._dealer_csi_planned_notification(Call._dealer_csi_plan(vals_list))

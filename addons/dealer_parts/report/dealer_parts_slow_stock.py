from odoo import fields, models
from odoo.tools import SQL


class DealerPartsSlowStock(models.Model):
    """Slow and dead stock (呆滞): parts on hand, age, days without movement, value."""

    _name = "dealer.parts.slow.stock"
    _description = "Parts Slow and Dead Stock"
    _auto = False
    _order = "idle_days desc, value desc"
    _depends = {
        "stock.quant": ["product_id", "company_id", "quantity", "in_date", "location_id"],
        "stock.location": ["usage", "company_id"],
        "stock.move": ["date", "product_id", "company_id", "state", "location_dest_id"],
        "product.product": ["standard_price"],
        "res.company": ["dealer_slow_stock_days"],
    }

    product_id = fields.Many2one("product.product", string="Part", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    quantity = fields.Float(string="On Hand", readonly=True, digits="Product Unit")
    unit_cost = fields.Float(string="Unit Cost", readonly=True, digits="Product Price", aggregator=None)
    value = fields.Float(string="Value", readonly=True, digits="Product Price")
    oldest_date = fields.Datetime(string="Oldest Stock Since", readonly=True)
    age_days = fields.Integer(string="Age (days)", readonly=True, aggregator="max")
    last_move_date = fields.Datetime(string="Last Issue", readonly=True)
    idle_days = fields.Integer(string="Days Without Issue", readonly=True, aggregator="max")
    dead = fields.Boolean(string="Dead Stock", readonly=True)

    @property
    def _table_query(self):
        return SQL("""
            SELECT stock.product_id * 100000 + stock.company_id AS id, stock.product_id, stock.company_id,
                   stock.quantity, cost.unit_cost, stock.quantity * cost.unit_cost AS value,
                   stock.oldest_date, (CURRENT_DATE - stock.oldest_date::date) AS age_days,
                   last.last_move_date,
                   (CURRENT_DATE - COALESCE(last.last_move_date, stock.oldest_date)::date) AS idle_days,
                   (CURRENT_DATE - COALESCE(last.last_move_date, stock.oldest_date)::date)
                       >= COALESCE(c.dealer_slow_stock_days, 180) AS dead
              FROM (
                SELECT q.product_id, q.company_id, SUM(q.quantity) AS quantity, MIN(q.in_date) AS oldest_date
                  FROM stock_quant q
                  JOIN stock_location l ON l.id = q.location_id
                 WHERE l.usage = 'internal'
              GROUP BY q.product_id, q.company_id
                HAVING SUM(q.quantity) > 0
              ) stock
              JOIN res_company c ON c.id = stock.company_id
              JOIN product_product pp ON pp.id = stock.product_id
         LEFT JOIN LATERAL (
                SELECT COALESCE((pp.standard_price ->> stock.company_id::text)::numeric, 0.0) AS unit_cost
              ) cost ON TRUE
         LEFT JOIN LATERAL (
                SELECT MAX(m.date) AS last_move_date
                  FROM stock_move m
                 WHERE m.product_id = stock.product_id AND m.company_id = stock.company_id
                   AND m.state = 'done'
                   AND m.location_dest_id NOT IN (SELECT id FROM stock_location WHERE usage = 'internal'
                                                  AND company_id = stock.company_id)
              ) last ON TRUE
        """)

from odoo import api, fields, models
from odoo.tools import SQL


class DealerPartsStockCard(models.Model):
    """Stock card (卡片帐) per part and bin: every done move with its document,
    partner, quantity in and out, and the running balance."""

    _name = "dealer.parts.stock.card"
    _description = "Parts Stock Card"
    _auto = False
    _order = "product_id, location_id, date, id"
    _depends = {
        "stock.move.line": ["date", "product_id", "location_id", "location_dest_id", "company_id", "move_id",
                            "picking_id", "state", "quantity_product_uom"],
        "stock.move": ["reference", "partner_id"],
        "stock.picking": ["dealer_number", "name", "partner_id"],
        "stock.location": ["usage"],
    }

    date = fields.Datetime(string="Date", readonly=True)
    product_id = fields.Many2one("product.product", string="Part", readonly=True)
    location_id = fields.Many2one("stock.location", string="Bin", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    move_line_id = fields.Many2one("stock.move.line", string="Move Line", readonly=True)
    picking_id = fields.Many2one("stock.picking", string="Transfer", readonly=True)
    reference = fields.Char(string="Document", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Partner", readonly=True)
    qty_in = fields.Float(string="In", readonly=True, digits="Product Unit")
    qty_out = fields.Float(string="Out", readonly=True, digits="Product Unit")
    balance = fields.Float(string="Balance", readonly=True, digits="Product Unit", aggregator=None)

    @property
    def _table_query(self):
        return SQL("""
            SELECT card.*,
                   SUM(card.qty_in - card.qty_out) OVER (
                       PARTITION BY card.product_id, card.location_id
                       ORDER BY card.date, card.id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS balance
              FROM (
                SELECT ml.id * 2 AS id, ml.date, ml.product_id, ml.location_dest_id AS location_id,
                       ml.company_id, ml.id AS move_line_id, ml.picking_id,
                       COALESCE(p.dealer_number, p.name, m.reference) AS reference,
                       COALESCE(p.partner_id, m.partner_id) AS partner_id,
                       ml.quantity_product_uom AS qty_in, 0.0 AS qty_out
                  FROM stock_move_line ml
                  JOIN stock_move m ON m.id = ml.move_id
                  JOIN stock_location dest ON dest.id = ml.location_dest_id
             LEFT JOIN stock_picking p ON p.id = ml.picking_id
                 WHERE ml.state = 'done' AND dest.usage = 'internal'
                 UNION ALL
                SELECT ml.id * 2 + 1 AS id, ml.date, ml.product_id, ml.location_id,
                       ml.company_id, ml.id AS move_line_id, ml.picking_id,
                       COALESCE(p.dealer_number, p.name, m.reference) AS reference,
                       COALESCE(p.partner_id, m.partner_id) AS partner_id,
                       0.0 AS qty_in, ml.quantity_product_uom AS qty_out
                  FROM stock_move_line ml
                  JOIN stock_move m ON m.id = ml.move_id
                  JOIN stock_location src ON src.id = ml.location_id
             LEFT JOIN stock_picking p ON p.id = ml.picking_id
                 WHERE ml.state = 'done' AND src.usage = 'internal'
              ) card
        """)

    @api.model
    def _dealer_card_lines(self, products, company):
        """The card of parts in a store, by part, bin and date: what the printed and exported cards show."""
        return self.search([("product_id", "in", products.ids), ("company_id", "=", company.id)])

    @api.model
    def _dealer_check_differences(self, company=None, products=None):
        """Card balance against the quants per part and bin (books = card = goods).
        Return a list of dicts (product, location, card, quant) that differ."""
        company = company or self.env.company
        for model in ("stock.move.line", "stock.move", "stock.picking", "stock.location", "stock.quant"):
            self.env[model].flush_model()
        product_filter = SQL("AND product_id = ANY(%s)", list(products.ids)) if products else SQL("")
        self.env.cr.execute(SQL("""
            WITH card AS (
                SELECT product_id, location_id, SUM(qty_in - qty_out) AS qty
                  FROM (%(card)s) c
                 WHERE company_id = %(company)s %(product_filter)s
              GROUP BY product_id, location_id
            ), quant AS (
                SELECT q.product_id, q.location_id, SUM(q.quantity) AS qty
                  FROM stock_quant q
                  JOIN stock_location l ON l.id = q.location_id
                 WHERE l.usage = 'internal' AND q.company_id = %(company)s %(product_filter)s
              GROUP BY q.product_id, q.location_id
            )
            SELECT COALESCE(card.product_id, quant.product_id), COALESCE(card.location_id, quant.location_id),
                   COALESCE(card.qty, 0), COALESCE(quant.qty, 0)
              FROM card FULL OUTER JOIN quant
                ON quant.product_id = card.product_id AND quant.location_id = card.location_id
             WHERE ROUND(COALESCE(card.qty, 0)::numeric, 4) != ROUND(COALESCE(quant.qty, 0)::numeric, 4)
        """, card=self._table_query, company=company.id, product_filter=product_filter))
        return [
            {"product": self.env["product.product"].browse(row[0]),
             "location": self.env["stock.location"].browse(row[1]),
             "card": row[2], "quant": row[3]}
            for row in self.env.cr.fetchall()
        ]

    @api.model
    def action_dealer_check(self):
        differences = self._dealer_check_differences()
        if not differences:
            message = self.env._("Books = cards = goods: every stock card balance equals the stock on hand.")
            kind = "success"
        else:
            message = self.env._("%(count)s differences: %(list)s", count=len(differences), list="; ".join(
                f"{d['product'].display_name} @ {d['location'].display_name}: card {d['card']:g}, "
                f"stock {d['quant']:g}" for d in differences[:20]))
            kind = "danger"
        return {"type": "ir.actions.client", "tag": "display_notification",
                "params": {"title": self.env._("Stock Card Check"), "message": message, "type": kind,
                           "sticky": kind != "success"}}

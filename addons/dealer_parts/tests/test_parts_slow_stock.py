from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsSlowStock(common.PartsCase):

    def test_slow_and_dead_stock_list(self):
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", self.store_b.id)], limit=1)
        self.pump.with_company(self.store_b).standard_price = 500.0
        self._set_stock(self.pump, 3, location=warehouse.lot_stock_id)
        Slow = self.env["dealer.parts.slow.stock"]
        line = Slow.search([("product_id", "=", self.pump.id), ("company_id", "=", self.store_b.id)])
        self.assertRecordValues(line, [{
            "quantity": 3.0, "unit_cost": 500.0, "value": 1500.0, "age_days": 0, "idle_days": 0, "dead": False,
        }])
        self.store_b.dealer_slow_stock_days = 0
        self.assertTrue(Slow.search([("product_id", "=", self.pump.id), ("company_id", "=", self.store_b.id),
                                     ("dead", "=", True)]))

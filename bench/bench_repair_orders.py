"""Repair-order benchmark at a real store's scale.

A busy 4S store receives 40-60 vehicles a day: this generates a month of it
(default 1,500 orders, 12 lines each: 6 labour, 6 parts) in one store and
times, with SQL query counts, the service advisor's hot paths: creating and
checking in orders, approving an order (issuing its parts through stock),
loading the workshop board, and invoicing per payer. Everything runs in one
transaction that is rolled back: the database is left as it was.

    make bench                      # or:
    python bench/bench_repair_orders.py -c config/odoo.conf -d dealer_bench --orders 1500
"""

import argparse
import base64
import time
from contextlib import contextmanager

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config

SIGNATURE = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
))
BOARD_SPEC = {
    "name": {}, "vehicle_id": {"fields": {"display_name": {}}}, "partner_id": {"fields": {"display_name": {}}},
    "promised_date": {}, "is_late": {}, "parts_waiting": {}, "is_overnight": {}, "key_tag": {},
    "has_loaner_out": {}, "state": {}, "user_id": {"fields": {"display_name": {}}},
}
IN_SHOP = ("checked_in", "approved", "in_progress", "quality_check", "ready")


def vin(serial):
    """A valid VIN (ISO 3779 check digit) for a serial number."""
    # odoo.addons is importable once the configuration is parsed (in main)
    from odoo.addons.dealer_service.models.fleet_vehicle import vin_check_digit  # noqa: PLC0415

    body = f"LSVAB2180{serial:08d}"
    return body[:8] + vin_check_digit(body) + body[9:]


class Meter:
    def __init__(self, env):
        self.env = env
        self.rows = []

    @contextmanager
    def measure(self, label, count=1):
        self.env.flush_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        yield
        self.env.flush_all()
        elapsed = time.perf_counter() - start
        self.rows.append((label, count, elapsed, self.env.cr.sql_log_count - queries))

    def report(self):
        print(f"{'step':<46}{'n':>6}{'total s':>10}{'ms/each':>10}{'queries':>9}{'q/each':>8}")
        for label, count, elapsed, queries in self.rows:
            print(f"{label:<46}{count:>6}{elapsed:>10.2f}{elapsed / count * 1000:>10.1f}"
                  f"{queries:>9}{queries / count:>8.1f}")


def run(env, n_orders, n_lines):
    meter = Meter(env)
    company = env.company
    env["dealer.labour.rate"].create([{"company_id": company.id, "trade": t, "rate": 200.0}
                                      for t in ("mechanical", "body", "paint")])
    brand = env["fleet.vehicle.model.brand"].create({"name": "Benchbrand"})
    brand.dealer_oem_partner_id = env["res.partner"].create({"name": "Benchbrand OEM", "is_company": True})
    car_model = env["fleet.vehicle.model"].create({"name": "Bench Sedan", "brand_id": brand.id})
    operations = env["dealer.labour.operation"].create([{
        "code": f"BM{i:03d}", "name": f"Operation {i}", "trade": ("mechanical", "body", "paint")[i % 3],
        "standard_hours": 0.5 + (i % 4) * 0.5,
    } for i in range(60)])
    parts = env["product.product"].create([{
        "name": f"Part {i}", "type": "consu", "is_storable": True, "lst_price": 20.0 + i,
        "categ_id": env.ref("dealer_service.product_category_parts").id,
    } for i in range(200)])
    stock = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1).lot_stock_id
    for part in parts:
        env["stock.quant"]._update_available_quantity(part, stock, 10000.0)
    customers = env["res.partner"].create([{"name": f"Customer {i}"} for i in range(n_orders // 2)])
    vehicles = env["fleet.vehicle"].create([{
        "model_id": car_model.id, "license_plate": f"京B{i:05d}", "vin_sn": vin(i),
        "company_id": company.id, "customer_id": customers[i % len(customers)].id,
    } for i in range(n_orders // 2)])

    advisor = env["res.users"].create({
        "name": "Bench Advisor", "login": "bench_advisor", "company_id": company.id,
        "company_ids": [Command.set(company.ids)],
        "group_ids": [Command.set(env.ref("dealer_service.dealer_service_group_advisor").ids)],
    })
    # the measured steps run as a service advisor: access rights and record rules included
    env = env(user=advisor)
    meter.env = env
    Order = env["dealer.repair.order"]
    with meter.measure("create orders (batch)", n_orders):
        orders = Order.create([{
            "partner_id": vehicles[i % len(vehicles)].customer_id.id,
            "vehicle_id": vehicles[i % len(vehicles)].id,
            "mileage": 10000 + i, "fuel_level": "half", "covers_fitted": True,
            "valuables_reminded": True, "old_part_choice": "leave",
            "customer_complaint": "保养 (maintenance)",
        } for i in range(n_orders)])
    with meter.measure("add lines (batch)", n_orders * n_lines):
        orders.write({"diagnosis_signature": SIGNATURE, "work_order_signature": SIGNATURE})
        for index, order in enumerate(orders):
            half = n_lines // 2
            order.line_ids = [
                Command.create({"line_type": "labour", "labour_operation_id": operations[(index + k) % 60].id})
                for k in range(half)
            ] + [
                Command.create({"line_type": "part", "product_id": parts[(index + k) % 200].id, "quantity": 1})
                for k in range(n_lines - half)
            ]
    with meter.measure("check in (one order at a time)", n_orders):
        for order in orders:
            order.action_check_in()
    sample = orders[:100]
    with meter.measure("approve: parts issued via stock (one at a time)", len(sample)):
        for order in sample:
            order.action_approve()
    env.invalidate_all()
    with meter.measure("workshop board: first 80 cards", 1):
        Order.web_search_read([("state", "in", IN_SHOP)], BOARD_SPEC, limit=80)
    with meter.measure("workshop board: count by state", 1):
        Order._read_group([("state", "in", IN_SHOP)], ["state"], ["__count"])
    to_invoice = sample[:20]
    to_invoice.sudo().write({"state": "delivered"})
    with meter.measure("invoice per payer (one order at a time)", len(to_invoice)):
        for order in to_invoice:
            order.action_create_invoices()
    return meter


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--orders", type=int, default=1500)
    parser.add_argument("--lines", type=int, default=12)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--no-http", "--log-level=warn"])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(f"{args.orders} orders x {args.lines} lines in {env.company.name} (rolled back at the end)")
        meter = run(env, args.orders, args.lines)
        cr.rollback()
    meter.report()


if __name__ == "__main__":
    main()

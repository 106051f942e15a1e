"""Scale benchmark: a store-year and a five-store group in one database.

Generates, in its own database (never the demo's), a year of a busy 4S store
(default 12,000 repair orders with 12.5 lines on average = 150,000 lines, 3,000
parts, 60 staff), measures the screens staff open every day on that store, then
generates the same year for four more stores (a 60,000-order group) and
measures the first store again: per-store screens must stay flat.

Bench data, not a workflow: the orders are created through the ORM (batched
creates, one transaction per batch, prices computed by the suite) and then put
in their final states (invoiced, delivered, or in the shop for the board) by a
direct write of the sealed state fields under ``unsealed(env)``, without the
stock moves and invoices the action buttons would make. The measured reads run
as a service advisor of the first store, as the web client sends them
(``web_search_read`` with the list view's fields, ``web_read_group`` of the
kanban board, ``name_search``, the search view's filters). ``EXPLAIN
(ANALYZE)`` of the hot filters goes to the log.

    createdb -T dealer_base dealer_scale        # or any copy of a database with the six modules
    python bench/bench_scale.py -c config/odoo.conf -d dealer_scale [--orders 12000] [--stores 5]

The data is committed (it is the point): drop the database afterwards.
"""

import argparse
import random
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timedelta

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config

BATCH = 200
IN_SHOP = ("checked_in", "approved", "in_progress", "quality_check", "ready")
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True, "mail_create_nosubscribe": True}


def progress(label, done, total, started):
    """A progress bar on stderr."""
    width = 30
    filled = int(width * done / total) if total else width
    elapsed = time.perf_counter() - started
    rate = done / elapsed if elapsed else 0.0
    eta = (total - done) / rate if rate else 0.0
    sys.stderr.write(f"\r{label:<22}[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                     f"{rate:6.0f}/s eta {eta:5.0f}s")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def vin(serial):
    """A valid VIN (ISO 3779 check digit) for a serial number."""
    from odoo.addons.dealer_service.models.fleet_vehicle import vin_check_digit  # noqa: PLC0415

    body = f"LSGSC218{serial:09d}"
    return body[:8] + vin_check_digit(body) + body[9:]


class Meter:
    """Time and SQL queries of each measured step, for one store count."""

    def __init__(self):
        self.rows = {}

    @contextmanager
    def measure(self, env, label, stores):
        env.invalidate_all()
        env.registry.clear_cache()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        yield
        elapsed = time.perf_counter() - start
        self.rows.setdefault(label, {})[stores] = (elapsed * 1000, env.cr.sql_log_count - queries)

    def report(self, counts):
        head = "".join(f"{f'{n} store(s) ms':>16}{'q':>5}" for n in counts)
        print(f"{'screen (first store, as its advisor)':<52}{head}{'growth':>8}")
        for label, by_count in self.rows.items():
            cells = "".join(f"{by_count[n][0]:>16.1f}{by_count[n][1]:>5}" if n in by_count else f"{'-':>21}"
                            for n in counts)
            first, last = by_count.get(counts[0]), by_count.get(counts[-1])
            growth = f"{last[0] / first[0]:>7.2f}x" if first and last and first[0] else ""
            print(f"{label:<52}{cells}{growth:>8}")


def setup_store(env, name, n_parts, n_staff, n_customers, serial0, parts=None):
    """A store (company) with its labour catalogue, staff, customers and vehicles; parts are shared."""
    cny = env.ref("base.CNY")
    cny.active = True
    company = env["res.company"].create({"name": name, "currency_id": cny.id})
    env.user.company_ids |= company
    env = env(context=dict(env.context, allowed_company_ids=company.ids))
    env["dealer.labour.rate"].create([{"company_id": company.id, "trade": t, "rate": 180.0}
                                      for t in ("mechanical", "body", "paint")])
    operations = env["dealer.labour.operation"].create([{
        "company_id": company.id, "code": f"SC{i:03d}", "name": f"Operation {i}",
        "trade": ("mechanical", "body", "paint")[i % 3], "standard_hours": 0.5 + (i % 4) * 0.5,
    } for i in range(120)])
    if parts is None:
        categ = env.ref("dealer_service.product_category_parts")
        parts = env["product.product"]
        started = time.perf_counter()
        for start in range(0, n_parts, 500):
            parts |= env["product.product"].create([{
                "name": f"Part {i:05d}", "type": "consu", "is_storable": True, "lst_price": 20.0 + i % 900,
                "standard_price": 12.0 + i % 500, "categ_id": categ.id, "default_code": f"P{i:06d}",
            } for i in range(start, min(start + 500, n_parts))])
            env.cr.commit()
            progress("parts", len(parts), n_parts, started)
    advisor_group = env.ref("dealer_service.dealer_service_group_advisor")
    staff = env["res.users"].with_context(no_reset_password=True).create([{
        "name": f"{name} staff {i}", "login": f"scale_{company.id}_{i}", "company_id": company.id,
        "company_ids": [Command.set(company.ids)], "group_ids": [Command.set(advisor_group.ids)],
    } for i in range(n_staff)])
    brand = env["fleet.vehicle.model.brand"].search([("name", "=", "Scalebrand")], limit=1) \
        or env["fleet.vehicle.model.brand"].create({"name": "Scalebrand"})
    model = env["fleet.vehicle.model"].search([("brand_id", "=", brand.id)], limit=1) \
        or env["fleet.vehicle.model"].create({"name": "Scale Sedan", "brand_id": brand.id})
    customers = env["res.partner"]
    vehicles = env["fleet.vehicle"]
    started = time.perf_counter()
    for start in range(0, n_customers, 1000):
        stop = min(start + 1000, n_customers)
        batch = env["res.partner"].create([{
            "name": f"Customer {company.id}-{i}", "phone": f"139{company.id:02d}{i:06d}", "company_id": company.id,
        } for i in range(start, stop)])
        vehicles |= env["fleet.vehicle"].with_context(**QUIET).create([{
            "model_id": model.id, "license_plate": f"辽B{company.id:02d}{i:05d}", "vin_sn": vin(serial0 + i),
            "company_id": company.id, "customer_id": partner.id,
        } for i, partner in zip(range(start, stop), batch, strict=True)])
        customers |= batch
        env.cr.commit()
        progress("customers+vehicles", stop, n_customers, started)
    return company, operations, parts, staff, vehicles


def generate_orders(env, company, operations, parts, staff, vehicles, n_orders, avg_lines, in_shop):
    """A year of repair orders of ``company``, committed per batch (bench data: final states written directly)."""
    from odoo.addons.dealer_service.sealed import unsealed  # noqa: PLC0415

    rng = random.Random(company.id)
    env = env(context=dict(env.context, allowed_company_ids=company.ids, **QUIET))
    now = datetime.now().replace(microsecond=0)
    started = time.perf_counter()
    done = 0
    while done < n_orders:
        size = min(BATCH, n_orders - done)
        vals_list = []
        for k in range(size):
            index = done + k
            # the newest orders are the ones in the shop; the rest spread over the past year
            age = timedelta(hours=rng.randint(0, 30)) if index >= n_orders - in_shop \
                else timedelta(days=365 * (n_orders - index) / n_orders, minutes=rng.randint(0, 600))
            vehicle = vehicles[index % len(vehicles)]
            n_lines = rng.randint(avg_lines - 3, avg_lines + 4)  # mean avg_lines + 0.5
            labour = n_lines // 2
            vals_list.append({
                "company_id": company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id,
                "user_id": staff[index % len(staff)].id, "date_in": now - age,
                "promised_date": now - age + timedelta(hours=6), "mileage": 1000 + index * 3,
                "fuel_level": "half", "customer_complaint": "保养 (maintenance)",
                "state": rng.choice(IN_SHOP) if index >= n_orders - in_shop else "delivered",
                "date_delivered": False if index >= n_orders - in_shop else now - age + timedelta(hours=8),
                "line_ids": [
                    Command.create({"line_type": "labour", "labour_operation_id": operations[rng.randrange(120)].id})
                    for _ in range(labour)
                ] + [
                    Command.create({"line_type": "part", "product_id": parts[rng.randrange(len(parts))].id,
                                    "quantity": rng.randint(1, 4)})
                    for _ in range(n_lines - labour)
                ],
            })
        with unsealed(env):
            orders = env["dealer.repair.order"].create(vals_list)
            delivered = orders.filtered(lambda o: o.state == "delivered")
            # nine in ten delivered orders of the year are invoiced (and most of those collected)
            invoiced = delivered.filtered(lambda o: o.id % 10)
            for order in invoiced:
                order.write({"state": "invoiced", "date_invoiced": order.date_delivered.date(),
                             "date_collected": order.date_delivered.date() if order.id % 7 else False})
        env.cr.commit()
        done += size
        progress(f"orders {company.name[-7:]}", done, n_orders, started)
    return time.perf_counter() - started


def view_spec(model, view_ref):
    """The web client's read specification for the fields of a view (many2one: their display name)."""
    from lxml import etree  # noqa: PLC0415

    view = model.env.ref(view_ref).sudo()
    arch = etree.fromstring(model.get_views([(view.id, view.type)])["views"][view.type]["arch"])
    spec = {}
    for node in arch.iter("field"):
        name = node.get("name")
        field = model._fields.get(name)
        if not field or field.type == "one2many" or node.getparent().tag == "templates":
            continue
        spec[name] = {"fields": {"display_name": {}}} if field.type in ("many2one", "many2many") else {}
    return spec


def measure(env, meter, company, stores, vehicles, log):
    """The first store's daily screens as one of its service advisors."""
    advisor = env["res.users"].search([("login", "=", f"scale_{company.id}_0")])
    uenv = env(user=advisor, context={"allowed_company_ids": company.ids, "lang": "en_US", "tz": "Asia/Shanghai"})
    Order = uenv["dealer.repair.order"]
    list_spec = view_spec(Order, "dealer_service.dealer_repair_order_view_list")
    board_spec = view_spec(Order, "dealer_service.dealer_repair_order_view_kanban_board")
    in_shop = [("state", "in", IN_SHOP)]
    vehicle = vehicles[len(vehicles) // 3]
    plate, vin_tail, phone = vehicle.license_plate, vehicle.vin_sn[-6:], vehicle.customer_id.phone[-8:]
    month_start = (datetime.now() - timedelta(days=30)).date()
    steps = [
        ("repair order list: first 80 (web_search_read)",
         lambda: Order.web_search_read([], list_spec, limit=80, count_limit=10001)),
        ("board: web_read_group by state + 80 cards",
         lambda: Order.web_read_group(in_shop, ["state"], ["__count"], auto_unfold=True,
                                      unfold_read_specification=board_spec, unfold_read_default_limit=80)),
        ("vehicle name_search by plate",
         lambda: uenv["fleet.vehicle"].name_search(plate, limit=8)),
        ("vehicle name_search by VIN (last 6)",
         lambda: uenv["fleet.vehicle"].name_search(vin_tail, limit=8)),
        ("orders: search view Vehicle = plate",
         lambda: Order.web_search_read([("vehicle_id", "ilike", plate)], list_spec, limit=80)),
        ("orders: search view Customer = phone",
         lambda: Order.web_search_read([("partner_id.phone", "ilike", phone)], list_spec, limit=80)),
        ("contacts: search by phone",
         lambda: uenv["res.partner"].search_fetch([("phone", "ilike", phone)], ["display_name"], limit=80)),
        ("monthly: orders settled this month, by advisor",
         lambda: Order.formatted_read_group([("date_invoiced", ">=", month_start)], ["user_id"],
                                            ["amount_total:sum", "__count"])),
        ("monthly: lines of the month by type (revenue)",
         lambda: uenv["dealer.repair.order.line"].formatted_read_group(
             [("date_in", ">=", month_start)], ["line_type"], ["price_subtotal:sum", "__count"])),
    ]
    for label, call in steps:
        try:
            with meter.measure(uenv, label, stores):
                call()
        except Exception as exc:  # noqa: BLE001 - a screen that fails is reported, the bench goes on
            uenv.cr.rollback()
            meter.rows.setdefault(label, {})[stores] = (float("nan"), -1)
            log.write(f"-- {label}: {type(exc).__name__}: {exc}\n")
    explain(env, company, plate, vin_tail, phone, stores, log)


def explain(env, company, plate, vin_tail, phone, stores, log):
    """EXPLAIN (ANALYZE) of the hot filters, into the log."""
    queries = {
        "list: store's orders, newest first": (
            "SELECT id FROM dealer_repair_order WHERE company_id = %s ORDER BY date_in DESC, id DESC LIMIT 80",
            [company.id]),
        "board: in-shop orders of the store": (
            "SELECT state, count(*) FROM dealer_repair_order WHERE company_id = %s AND state IN %s GROUP BY state",
            [company.id, IN_SHOP]),
        "vehicle by plate": (
            "SELECT id FROM fleet_vehicle WHERE license_plate ILIKE %s AND company_id = %s",
            [f"%{plate}%", company.id]),
        "vehicle by VIN": (
            "SELECT id FROM fleet_vehicle WHERE vin_sn ILIKE %s AND company_id = %s",
            [f"%{vin_tail}%", company.id]),
        "customer by phone": ("SELECT id FROM res_partner WHERE phone ILIKE %s", [f"%{phone}%"]),
        "settled this month": (
            "SELECT user_id, sum(amount_total) FROM dealer_repair_order WHERE company_id = %s AND date_invoiced >= "
            "now()::date - 30 GROUP BY user_id", [company.id]),
        "lines of the month": (
            "SELECT line_type, sum(price_subtotal) FROM dealer_repair_order_line WHERE company_id = %s AND "
            "date_in >= now() - interval '30 days' GROUP BY line_type", [company.id]),
    }
    for label, (sql, params) in queries.items():
        env.cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in env.cr.fetchall())
        seq = " SEQUENTIAL SCAN" if "Seq Scan" in plan else ""
        log.write(f"\n== [{stores} store(s)] {label}{seq}\n{env.cr.mogrify(sql, params).decode()}\n{plan}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--orders", type=int, default=12000, help="repair orders per store-year")
    parser.add_argument("--lines", type=int, default=12, help="lines per order: this +/- 3 (mean +0.5)")
    parser.add_argument("--parts", type=int, default=3000)
    parser.add_argument("--staff", type=int, default=60)
    parser.add_argument("--stores", type=int, default=5, help="stores of the group (the first is measured)")
    parser.add_argument("--group-orders", type=int, default=None,
                        help="orders per store for the other stores (default: --orders)")
    parser.add_argument("--in-shop", type=int, default=200, help="vehicles in the shop (the board)")
    parser.add_argument("--log", default="var/log/bench-scale-explain.log")
    parser.add_argument("--measure-only", action="store_true", help="measure the stores generated by a previous run")
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--no-http", "--log-level=warn"])
    registry = Registry(args.database)
    meter = Meter()
    counts = []
    started = time.perf_counter()
    with registry.cursor() as cr, open(args.log, "w", encoding="utf-8") as log:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        existing = env["res.company"].search([("name", "=like", "Scale Store %")], order="id")
        if existing and not args.measure_only:
            sys.exit(f"{args.database} already holds the scale stores: --measure-only, or drop it and copy it again")
        if args.measure_only:
            for store in existing:
                count = env["dealer.repair.order"].search_count([("company_id", "=", store.id)])
                print(f"  {store.name}: {count} orders")
            vehicles = env["fleet.vehicle"].search([("company_id", "=", existing[0].id)], order="id")
            measure(env, meter, existing[0], len(existing), vehicles, log)
            meter.report([len(existing)])
            return
        cr.execute("SELECT pg_database_size(current_database())")
        size0 = cr.fetchone()[0]
        parts = None
        first = None
        timings = []
        for number in range(1, args.stores + 1):
            n_orders = args.orders if number == 1 else (args.group_orders or args.orders)
            t0 = time.perf_counter()
            company, operations, parts, staff, vehicles = setup_store(
                env, f"Scale Store {number}", args.parts, args.staff, max(n_orders // 3, 1), number * 10**6, parts)
            seconds = generate_orders(env, company, operations, parts, staff, vehicles, n_orders,
                                      args.lines, args.in_shop)
            timings.append((company.name, n_orders, time.perf_counter() - t0, seconds))
            if number == 1:
                first = (company, vehicles)
            if number in (1, args.stores):
                cr.execute("ANALYZE")
                counts.append(number)
                measure(env, meter, first[0], number, first[1], log)
                cr.rollback()
        cr.execute("SELECT count(*) FROM dealer_repair_order")
        n_all = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM dealer_repair_order_line")
        n_lines = cr.fetchone()[0]
        cr.execute("SELECT pg_database_size(current_database())")
        size = cr.fetchone()[0]
    print(f"generated in {args.database} (committed; drop it afterwards):")
    for name, n_orders, total, orders_s in timings:
        print(f"  {name}: {n_orders} orders in {total:.0f} s ({orders_s:.0f} s for the orders, "
              f"{n_orders / orders_s:.0f} orders/s)")
    print(f"  database: {n_all} repair orders, {n_lines} lines, +{(size - size0) / 2**20:.0f} MB "
          f"({size / 2**20:.0f} MB in all), {time.perf_counter() - started:.0f} s in all")
    meter.report(counts)
    print(f"EXPLAIN (ANALYZE) of the hot filters: {args.log}")


if __name__ == "__main__":
    main()

"""Warranty claims benchmark at a real store's scale.

A month of a store's warranty work (default 500 claims): delivered repair orders, each with
warranty labour (its hours clocked) and a warranty part, generated in one store; a warranty
clerk makes each order's claim and submits it. Times, with SQL query counts per claim, the
first 100 claims (a month holding 100 orders) and the rest (a month of 500), one at a time,
then the claims of the month's last orders submitted together: the queries per claim must not
grow with the month. Everything runs in one transaction that is rolled back: the database is
left as it was.

    make bench                      # or:
    python bench/bench_warranty.py -c config/odoo.conf -d dealer_bench --claims 500
"""

import argparse
from datetime import timedelta

from bench_repair_orders import Meter, vin

import odoo
from odoo import api, fields
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config

FIRST = 100  # the claims measured while the month holds this many orders


def setup(env):
    """The brand with its OEM, warranty terms and rates, labour operations, parts and a technician."""
    company = env.company
    company.dealer_warranty_enabled = True
    env["dealer.labour.rate"].create([{"company_id": company.id, "trade": "mechanical", "rate": 200.0}])
    brand = env["fleet.vehicle.model.brand"].create({
        "name": "Benchbrand Warranty", "dealer_claim_deadline_days": 30, "dealer_claim_photo_count": 0,
        "dealer_oem_partner_id": env["res.partner"].create({"name": "Benchbrand OEM", "is_company": True}).id,
    })
    env["dealer.warranty.labour.rate"].create({"company_id": company.id, "brand_id": brand.id, "rate": 150.0})
    env["dealer.warranty.term"].create({"name": "3 years / 100,000 km", "brand_id": brand.id, "months": 36,
                                        "mileage": 100000})
    car_model = env["fleet.vehicle.model"].create({"name": "Bench Warranty Sedan", "brand_id": brand.id})
    operations = env["dealer.labour.operation"].create([{
        "code": f"BW{i:03d}", "name": f"Warranty operation {i}", "trade": "mechanical",
        "standard_hours": 1.0 + (i % 3) * 0.5,
    } for i in range(20)])
    parts = env["product.product"].create([{
        "name": f"Warranty part {i}", "type": "consu", "lst_price": 100.0 + i, "dealer_oem_number": f"BW-{i:05d}",
        "categ_id": env.ref("dealer_service.product_category_parts").id,
    } for i in range(50)])
    technician = env["hr.employee"].create({"name": "Bench Technician", "company_id": company.id,
                                            "dealer_trade": "mechanical"})
    return car_model, operations, parts, technician


def delivered_orders(env, start, count, car_model, operations, parts, technician):
    """``count`` orders delivered today (a fixture: the state is set, not walked through), each
    with a warranty labour line whose hours were clocked and a warranty part."""
    from odoo.addons.dealer_service.sealed import unsealed  # noqa: PLC0415 (importable once configured)

    company = env.company
    customers = env["res.partner"].create([{"name": f"Warranty customer {start + i}"} for i in range(count)])
    vehicles = env["fleet.vehicle"].create([{
        "model_id": car_model.id, "license_plate": f"辽B{start + i:05d}", "vin_sn": vin(900000 + start + i),
        "company_id": company.id, "customer_id": customers[i].id,
        "dealer_warranty_start_date": fields.Date.context_today(env.user) - timedelta(days=300),
    } for i in range(count)])
    orders = env["dealer.repair.order"].create([{
        "company_id": company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id,
        "mileage": 20000 + i, "fuel_level": "half", "covers_fitted": True, "valuables_reminded": True,
        "old_part_choice": "leave", "customer_complaint": "发动机漏油 (oil leak)",
        "line_ids": [
            Command.create({"line_type": "labour", "payer": "warranty",
                            "labour_operation_id": operations[(start + i) % len(operations)].id}),
            Command.create({"line_type": "part", "payer": "warranty", "quantity": 1,
                            "product_id": parts[(start + i) % len(parts)].id}),
        ],
    } for i, vehicle in enumerate(vehicles)])
    now = fields.Datetime.now()
    with unsealed(env):
        labour = orders.line_ids.filtered(lambda line: line.line_type == "labour")
        jobs = env["dealer.repair.job"].create([{
            "order_id": line.order_id.id, "line_id": line.id, "name": line.name, "technician_id": technician.id,
        } for line in labour])
        env["dealer.repair.job.time"].create([{
            "job_id": job.id, "employee_id": technician.id,
            "date_start": now - timedelta(hours=5), "date_stop": now - timedelta(hours=2),
        } for job in jobs])
        jobs.write({"state": "done", "date_done": now})
        orders.write({"state": "delivered", "date_delivered": now})
    return orders


def claim_and_submit(meter, clerk, orders, label):
    """The clerk makes each order's claim and submits it, one order at a time (each a request of
    its own: the ORM's cache starts empty)."""
    Claim = clerk["dealer.warranty.claim"]
    with meter.measure(f"{label}: claim + submit (one at a time)", len(orders)):
        for order in orders.with_env(clerk):
            clerk.invalidate_all()
            action = order.action_create_warranty_claims()
            Claim.browse(action["res_id"]).action_submit()


def run(env, n_claims):
    meter = Meter(env)
    car_model, operations, parts, technician = setup(env)
    clerk = env["res.users"].create({
        "name": "Bench Warranty Clerk", "login": "bench_warranty_clerk", "company_id": env.company.id,
        "company_ids": [Command.set(env.company.ids)],
        "group_ids": [Command.set(env.ref("dealer_warranty.dealer_warranty_group_clerk").ids)],
    })
    clerk_env = env(user=clerk)
    meter.env = clerk_env
    first = min(FIRST, n_claims)
    month = delivered_orders(env, 0, first, car_model, operations, parts, technician)
    claim_and_submit(meter, clerk_env, month, f"month of {first}")
    rest = n_claims - first
    if rest > 1:
        orders = delivered_orders(env, first, rest, car_model, operations, parts, technician)
        batch = orders[-min(FIRST, rest // 2):]
        claim_and_submit(meter, clerk_env, orders - batch, f"month of {n_claims}")
        # the month's last orders: their claims made together and submitted in one batch
        with meter.measure(f"month of {n_claims}: claim + submit (batch)", len(batch)):
            Claim = clerk_env["dealer.warranty.claim"]
            Claim.create(batch.with_env(clerk_env)._dealer_lines_to_claim()._dealer_prepare_claims_values())
            Claim.search([("repair_order_id", "in", batch.ids)]).action_submit()
    claims = env["dealer.warranty.claim"].search([("repair_order_id.vehicle_id.model_id", "=", car_model.id)])
    print(f"{len(claims)} claims submitted: {sum(claims.mapped('amount_claimed')):,.2f} claimed from the OEM; "
          f"states {sorted(set(claims.mapped('state')))}")
    return meter


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--claims", type=int, default=500)
    args, _others = parser.parse_known_args()  # make bench passes the other benchmarks' options too
    config.parse_config(["-c", args.config, "-d", args.database, "--no-http", "--log-level=warn"])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(f"{args.claims} warranty claims in {env.company.name} (rolled back at the end)")
        meter = run(env, args.claims)
        cr.rollback()
    meter.report()
    per_claim = [queries / count for label, count, _elapsed, queries in meter.rows if "one at a time" in label]
    if len(per_claim) == 2:
        grown = per_claim[1] > per_claim[0] + 0.5
        print(f"queries per claim: {per_claim[0]:.1f} (month of {FIRST}) -> {per_claim[1]:.1f} (whole month): "
              + ("GROWS with the month" if grown else "flat"))


if __name__ == "__main__":
    main()

"""Prepare a copy of the demo database for the load test (scripts/loadtest.sh).

Each simulated advisor works on an order of its own, as at a real front desk:
this adds ``--orders`` repair orders in progress (key tags LT000, LT001, ...)
in the demo advisors' store, each with its own customer and vehicle and two
lines. Bench data: the orders are written in progress directly, under
``unsealed(env)``, without the check-in and approval steps.

    python bench/loadtest_setup.py -c config/odoo.conf -d dealer_loadtest --orders 200
"""

import argparse
from datetime import datetime, timedelta

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--orders", type=int, default=200)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--no-http", "--log-level=warn"])
    with Registry(args.database).cursor() as cr:
        from odoo.addons.dealer_service.sealed import unsealed  # noqa: PLC0415

        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True})
        advisors = env["res.users"].search([("login", "in", ("advisor", "advisor2", "advisor3", "advisor4"))])
        company = advisors[0].company_id
        env = env(context=dict(env.context, allowed_company_ids=company.ids))
        operations = env["dealer.labour.operation"].search([("company_id", "=", company.id)], limit=2)
        model = env["fleet.vehicle.model"].search([], limit=1)
        customers = env["res.partner"].create([
            {"name": f"负载测试客户 {i:03d}", "phone": f"1380000{i:04d}", "company_id": company.id}
            for i in range(args.orders)
        ])
        vehicles = env["fleet.vehicle"].create([{
            "model_id": model.id, "license_plate": f"辽BLT{i:03d}", "company_id": company.id,
            "customer_id": customer.id,
        } for i, customer in enumerate(customers)])
        now = datetime.now().replace(microsecond=0)
        with unsealed(env):
            env["dealer.repair.order"].create([{
                "company_id": company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id,
                "user_id": advisors[i % len(advisors)].id, "key_tag": f"LT{i:03d}", "state": "in_progress",
                "date_in": now - timedelta(hours=2), "promised_date": now + timedelta(hours=4),
                "mileage": 20000 + i, "customer_complaint": "保养 (maintenance)",
                "line_ids": [Command.create({"line_type": "labour", "labour_operation_id": op.id})
                             for op in operations],
            } for i, vehicle in enumerate(vehicles)])
        cr.commit()
        print(f"[loadtest] {args.orders} orders in progress in {company.name} (key tags LT000...)")


if __name__ == "__main__":
    main()

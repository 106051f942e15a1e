"""Peer comparison: the repair order against Odoo's own sale order doing the same work.

One customer, 12 lines an order (6 labour, 6 parts in stock), done one order at a
time through both documents: create it, confirm the sale order / approve the
repair order (a delivery or a parts requisition picking, reserved), deliver the
parts (the picking validated), invoice (invoices created and posted). Between
delivering the parts and invoicing, the repair order also goes through the
workshop (start, final inspection, ready, handed over): that has no sale-order
counterpart and is not measured; nor is the repair order's check-in.

Both sides run as a user with the roles the job needs (access rights and record
rules included), after two warm-up orders each, alternating order by order. Prints, for 50 and 200 orders,
milliseconds and queries per order for each step and side and their ratio
(repair order / sale order: 1.0 or less means the repair order costs no more).
Everything runs in one transaction that is rolled back.

    make bench                      # or:
    python bench/bench_peer.py -c config/odoo.conf -d dealer_bench --orders 50 200
"""

import argparse
import base64
import time

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config

SIGNATURE = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
))
STEPS = ("create", "confirm / approve", "deliver the parts", "invoice")
VIN = "LSVAU218XN2183294"


def make_user(env, login, xmlids):
    groups = [env.ref(xmlid, raise_if_not_found=False) for xmlid in xmlids]
    return env["res.users"].create({
        "name": login, "login": login, "company_id": env.company.id,
        "company_ids": [Command.set(env.company.ids)],
        "group_ids": [Command.set([group.id for group in groups if group])],
    })


def setup(env):
    """A customer and a vehicle, 6 labour operations and 6 parts in stock, one user per side."""
    company = env.company
    env["dealer.labour.rate"].create([{"company_id": company.id, "trade": "mechanical", "rate": 200.0}])
    brand = env["fleet.vehicle.model.brand"].create({"name": "Peerbrand"})
    car_model = env["fleet.vehicle.model"].create({"name": "Peer Sedan", "brand_id": brand.id})
    customer = env["res.partner"].create({"name": "Peer Customer"})
    vehicle = env["fleet.vehicle"].create({
        "model_id": car_model.id, "license_plate": "京P00001", "vin_sn": VIN,
        "company_id": company.id, "customer_id": customer.id,
    })
    operations = env["dealer.labour.operation"].create([{
        "code": f"PEER{i}", "name": f"Peer operation {i}", "trade": "mechanical", "standard_hours": 1.0,
    } for i in range(6)])
    parts = env["product.product"].create([{
        "name": f"Peer part {i}", "type": "consu", "is_storable": True, "lst_price": 50.0 + i,
        "categ_id": env.ref("dealer_service.product_category_parts").id,
    } for i in range(6)])
    warehouse = company.dealer_parts_warehouse_id if "dealer_parts_warehouse_id" in company._fields else False
    warehouse = warehouse or env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    if "dealer_parts_enabled" in company._fields and not company.dealer_parts_enabled:
        # the parts desk's discipline on, as in a dealership
        company.write({"dealer_parts_enabled": True, "dealer_parts_warehouse_id": warehouse.id})
    for part in parts:
        env["stock.quant"]._update_available_quantity(part, warehouse.lot_stock_id, 100000.0)
    seller = make_user(env, "peer_sale", [
        "sales_team.group_sale_salesman_all_leads", "stock.group_stock_user", "account.group_account_invoice",
    ])
    advisor = make_user(env, "peer_advisor", [
        "dealer_service.dealer_service_group_advisor", "dealer_parts.dealer_parts_group_clerk",
        "stock.group_stock_user", "account.group_account_invoice",
    ])
    inspector = make_user(env, "peer_qc", ["dealer_service.dealer_service_group_manager"])
    return {
        "customer": customer, "vehicle": vehicle, "operations": operations, "parts": parts,
        "seller": seller, "advisor": advisor, "inspector": inspector,
    }


class Side:
    """Times and counts the queries of each step, summed over the orders."""

    def __init__(self, env):
        self.env = env
        self.totals = {step: [0.0, 0] for step in STEPS}

    def measure(self, step, function):
        self.env.flush_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        result = function()
        self.env.flush_all()
        self.totals[step][0] += time.perf_counter() - start
        self.totals[step][1] += self.env.cr.sql_log_count - queries
        return result


def sale_order(side, data, measured=True):
    env = side.env
    measure = side.measure if measured else (lambda _step, function: function())
    lines = [Command.create({"product_id": operation.product_id.id, "product_uom_qty": 1.0})
             for operation in data["operations"]]
    lines += [Command.create({"product_id": part.id, "product_uom_qty": 1.0}) for part in data["parts"]]
    order = measure("create", lambda: env["sale.order"].create({
        "partner_id": data["customer"].id, "order_line": lines,
    }))
    measure("confirm / approve", order.action_confirm)
    picking = order.picking_ids
    measure("deliver the parts", picking.button_validate)
    assert picking.state == "done", picking.state

    def invoice():
        invoices = order._create_invoices()
        invoices.action_post()
        return invoices

    invoices = measure("invoice", invoice)
    assert invoices.state == "posted"


def repair_order(side, data, measured=True):
    env = side.env
    measure = side.measure if measured else (lambda _step, function: function())
    lines = [Command.create({"line_type": "labour", "labour_operation_id": operation.id})
             for operation in data["operations"]]
    lines += [Command.create({"line_type": "part", "product_id": part.id, "quantity": 1.0})
              for part in data["parts"]]
    order = measure("create", lambda: env["dealer.repair.order"].create({
        "partner_id": data["customer"].id, "vehicle_id": data["vehicle"].id, "mileage": 10000,
        "fuel_level": "half", "covers_fitted": True, "valuables_reminded": True, "old_part_choice": "leave",
        "customer_complaint": "保养 (maintenance)", "diagnosis": "Service due",
        "diagnosis_signature": SIGNATURE, "work_order_signature": SIGNATURE, "line_ids": lines,
    }))
    order.action_check_in()  # reception: no sale-order counterpart
    measure("confirm / approve", order.action_approve)
    pickings = order.picking_ids

    def deliver():
        if "dealer_settlement_user_id" in pickings._fields:
            pickings.action_dealer_sign_settlement()
        return pickings.button_validate()

    measure("deliver the parts", deliver)
    assert set(pickings.mapped("state")) == {"done"}, pickings.mapped("state")
    # the workshop: no sale-order counterpart
    order.action_start_repair()
    order.action_request_quality_check()
    env["dealer.quality.check"].with_user(data["inspector"]).create({
        "order_id": order.id, "level": "final", "result": "passed",
    })
    order.action_mark_ready()
    order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                 "delivery_old_parts": True})
    order.action_deliver()
    measure("invoice", order.action_create_invoices)
    assert set(order.invoice_ids.mapped("state")) == {"posted"}


def run(env, n_orders):
    data = setup(env)
    sides = {
        "repair order": (repair_order, Side(env(user=data["advisor"]))),
        "sale order": (sale_order, Side(env(user=data["seller"]))),
    }
    for flow, side in sides.values():
        for _warmup in range(2):
            flow(side, data, measured=False)
    # the two sides alternate order by order: the machine's load weighs on both alike
    for _order in range(n_orders):
        for flow, side in sides.values():
            flow(side, data)
    return {name: side for name, (_flow, side) in sides.items()}


def report(n_orders, sides):
    repair, sale = sides["repair order"].totals, sides["sale order"].totals
    print(f"\n{n_orders} orders, per order    {'repair ms':>10}{'sale ms':>9}{'ratio':>7}"
          f"{'repair q':>10}{'sale q':>8}{'ratio':>7}")
    worst = 0.0
    for step in STEPS:
        r_ms, s_ms = repair[step][0] / n_orders * 1000, sale[step][0] / n_orders * 1000
        r_q, s_q = repair[step][1] / n_orders, sale[step][1] / n_orders
        worst = max(worst, r_ms / s_ms, r_q / s_q)
        print(f"{step:<26}{r_ms:>10.1f}{s_ms:>9.1f}{r_ms / s_ms:>7.2f}{r_q:>10.1f}{s_q:>8.1f}{r_q / s_q:>7.2f}")
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--orders", type=int, nargs="+", default=[50, 200])
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--no-http", "--log-level=warn"])
    registry = Registry(args.database)
    worst = 0.0
    for n_orders in args.orders:
        with registry.cursor() as cr:
            env = api.Environment(cr, odoo.SUPERUSER_ID, {})
            sides = run(env, n_orders)
            cr.rollback()
        worst = max(worst, report(n_orders, sides))
    print(f"\nhighest ratio: {worst:.2f} ({'the repair order costs no more' if worst <= 1.0 else 'over 1.0'})")


if __name__ == "__main__":
    main()

"""Service KPI benchmark at a real store's scale.

A store-year of a busy 4S store (default 30,000 repair orders, about 80 a day) written
straight into the tables with INSERT ... SELECT over generate_series (through the ORM a
year of orders, lines, quality checks, posted invoices and survey answers would take
hours): 3 lines an order (mechanical labour for the customer or the OEM, a part, body
labour for the insurer on one order in four), a passed final inspection (one in twenty
failed first), one posted invoice per invoiced order with its income lines tagged like
dealer_service tags them and a receivable line, a credit note on one invoice in a
hundred, a CSI answer for one order in three, an appointment for 30 % and a comeback
for 2 %. Then times, with SQL query counts, what the service manager opens: the KPIs
per month of the year (the pivot), one month of the store, the monthly operating
analysis, the morning dashboard; and prints the plan of the month's query. Everything
runs in one transaction that is rolled back: the database is left as it was.

    make bench                      # or:
    python bench/bench_csi_kpi.py -c config/odoo.conf -d dealer_bench --kpi-orders 30000
"""

import argparse
import time
from datetime import date

from bench_insurance import Meter

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

# the goal of issue 14: the KPI views of a store-year answer in under a second
GOAL_SECONDS = 1.0
YEAR = 2025
AGGREGATES = [
    "vehicle_count:sum", "revenue:sum", "revenue_per_vehicle:avg", "labour_revenue:sum", "parts_revenue:sum",
    "insurance_revenue:sum", "warranty_revenue:sum", "gross_margin:sum", "gross_margin_rate:avg",
    "comeback_rate:avg", "first_pass_rate:avg", "appointment_rate:avg", "csi_score:avg",
]
DASHBOARD_SPEC = {
    "company_id": {"fields": {"display_name": {}}}, "vehicles_yesterday": {}, "vehicles_month": {},
    "revenue_yesterday": {}, "revenue_month": {}, "complaint_open_count": {}, "complaint_late_count": {},
    "call_due_count": {}, "csi_month": {}, "csi_answer_month": {}, "currency_id": {},
}


def generate(env, n_orders):
    """The store-year, inserted in bulk; returns the service manager's environment."""
    company = env.company
    company.dealer_csi_enabled = True
    company.resource_calendar_id.tz = "Asia/Shanghai"  # the arrival days below are Beijing days
    manager = env["res.users"].create({
        "name": "Bench Service Manager", "login": "bench_kpi_manager", "company_id": company.id,
        "company_ids": [Command.set(company.ids)], "tz": "Asia/Shanghai",
        "group_ids": [Command.set(env.ref("dealer_service.dealer_service_group_manager").ids)],
    })
    partners = env["res.partner"].create([{"name": f"KPI bench customer {i}"} for i in range(50)])
    brand = env["fleet.vehicle.model.brand"].create({"name": "KPI bench brand"})
    model = env["fleet.vehicle.model"].create({"name": "KPI bench sedan", "brand_id": brand.id})
    vehicles = env["fleet.vehicle"].create([{
        "model_id": model.id, "license_plate": f"辽B{i:05d}", "company_id": company.id, "customer_id": partner.id,
    } for i, partner in enumerate(partners)])
    appointment = env["dealer.appointment"].create({
        "company_id": company.id, "partner_id": partners[0].id, "vehicle_id": vehicles[0].id,
        "date_start": f"{YEAR}-01-02 01:00:00", "user_id": manager.id,
    })
    journal = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "sale")], limit=1)
    income = env["account.account"].search([
        ("company_ids", "in", company.ids), ("account_type", "=", "income")], limit=1)
    receivable = env["account.account"].search([
        ("company_ids", "in", company.ids), ("account_type", "=", "asset_receivable")], limit=1)
    survey = env.ref("dealer_csi.survey_csi")
    env.flush_all()
    params = {
        "n": n_orders, "company": company.id, "currency": company.currency_id.id, "user": manager.id,
        "partners": partners.ids, "vehicles": vehicles.ids, "appointment": appointment.id, "journal": journal.id,
        "income": income.id, "receivable": receivable.id, "survey": survey.id, "start": f"{YEAR}-01-01",
    }
    cr = env.cr
    # orders: spread over the year's days and the working hours (UTC 00:00-09:00 is Beijing 8-17)
    cr.execute(SQL("""
        INSERT INTO dealer_repair_order (company_id, partner_id, vehicle_id, user_id, name, state, date_in,
                                         dealer_csi_date_in_day, appointment_id, date_invoiced, revenue, cost,
                                         gross_profit)
        SELECT %(company)s, (%(partners)s::int[])[1 + i %% 50], (%(vehicles)s::int[])[1 + i %% 50], %(user)s,
               'KPI' || i,
               CASE WHEN i %% 20 = 0 THEN 'in_progress' WHEN i %% 20 = 1 THEN 'delivered' ELSE 'invoiced' END,
               %(start)s::timestamp + (i %% 365) * interval '1 day' + (i %% 9) * interval '1 hour',
               %(start)s::date + (i %% 365),
               CASE WHEN i %% 10 < 3 THEN %(appointment)s END,
               CASE WHEN i %% 20 > 1 THEN %(start)s::date + (i %% 365) + 1 END,
               0, 0, 0
          FROM generate_series(1, %(n)s) i
    """, **params))
    cr.execute(SQL("""
        UPDATE dealer_repair_order o SET comeback_of_id = o.id - 50
         WHERE o.name LIKE 'KPI%%' AND o.id %% 50 = 0
           AND EXISTS (SELECT 1 FROM dealer_repair_order p WHERE p.id = o.id - 50 AND p.name LIKE 'KPI%%')
    """))
    # 3 lines an order: (line type, trade, payer, cost, price)
    cr.execute(SQL("""
        INSERT INTO dealer_repair_order_line (order_id, name, line_type, trade, payer, approval_state, cost,
                                              price_subtotal)
        SELECT o.id, l.name, l.line_type, l.trade,
               CASE WHEN l.line_type = 'labour' AND l.trade = 'body' THEN 'insurance'
                    WHEN l.line_type = 'labour' AND o.id %% 7 = 0 THEN 'warranty' ELSE 'customer' END,
               'approved', l.cost, l.price
          FROM dealer_repair_order o
         CROSS JOIN (VALUES ('Maintenance', 'labour', 'mechanical', 120.0, 300.0),
                            ('Oil filter', 'part', NULL, 35.0, 80.0),
                            ('Bumper repair', 'labour', 'body', 150.0, 500.0)) l(name, line_type, trade, cost, price)
         WHERE o.name LIKE 'KPI%%' AND (l.trade IS DISTINCT FROM 'body' OR o.id %% 4 = 0)
    """))
    cr.execute(SQL("""
        UPDATE dealer_repair_order o SET revenue = l.revenue, cost = l.cost, gross_profit = l.revenue - l.cost
          FROM (SELECT order_id, SUM(price_subtotal) AS revenue, SUM(cost) AS cost
                  FROM dealer_repair_order_line GROUP BY order_id) l
         WHERE l.order_id = o.id AND o.name LIKE 'KPI%%'
    """, **params))
    # the final inspection; one order in twenty failed it first
    cr.execute(SQL("""
        INSERT INTO dealer_quality_check (order_id, company_id, user_id, level, result, date)
        SELECT o.id, o.company_id, %(user)s, 'final', r.result, o.date_in + r.after
          FROM dealer_repair_order o
         CROSS JOIN (VALUES ('failed', interval '2 hours'), ('passed', interval '3 hours')) r(result, after)
         WHERE o.name LIKE 'KPI%%' AND o.state <> 'in_progress'
           AND (r.result = 'passed' OR substr(o.name, 4)::int %% 20 = 3)
    """, **params))
    cr.execute(SQL("""
        UPDATE dealer_repair_order o
           SET dealer_csi_qc_outcome = CASE WHEN substr(o.name, 4)::int %% 20 = 3 THEN 'reworked' ELSE 'first_time' END
         WHERE o.name LIKE 'KPI%%' AND o.state <> 'in_progress'
    """, **params))
    # one posted invoice per invoiced order, a credit note on one in a hundred
    cr.execute(SQL("""
        INSERT INTO account_move (company_id, journal_id, currency_id, state, move_type, auto_post, date,
                                  invoice_date, name, partner_id, invoice_user_id, dealer_repair_order_id)
        SELECT o.company_id, %(journal)s, %(currency)s, 'posted', m.move_type, 'no', o.date_invoiced,
               o.date_invoiced, m.prefix || o.id, o.partner_id, o.user_id, o.id
          FROM dealer_repair_order o
         CROSS JOIN (VALUES ('out_invoice', 'KPI/INV/'), ('out_refund', 'KPI/RINV/')) m(move_type, prefix)
         WHERE o.name LIKE 'KPI%%' AND o.date_invoiced IS NOT NULL
           AND (m.move_type = 'out_invoice' OR o.id %% 100 = 5)
    """, **params))
    line_columns = """move_id, company_id, company_currency_id, currency_id, partner_id, account_id, date,
                      parent_state, display_type, balance, debit, credit, amount_currency"""
    cr.execute(SQL(f"""
        INSERT INTO account_move_line ({line_columns}, dealer_repair_line_id, dealer_line_type, dealer_trade,
                                       dealer_payer, name)
        SELECT m.id, m.company_id, %(currency)s, %(currency)s, m.partner_id, %(income)s, m.date, 'posted', 'product',
               s.balance, GREATEST(s.balance, 0), GREATEST(-s.balance, 0), s.balance,
               l.id, l.line_type, l.trade, l.payer, l.name
          FROM account_move m
          JOIN dealer_repair_order_line l ON l.order_id = m.dealer_repair_order_id
         CROSS JOIN LATERAL (SELECT CASE WHEN m.move_type = 'out_invoice' THEN -l.price_subtotal
                                         ELSE l.price_subtotal / 10 END AS balance) s
         WHERE m.name LIKE 'KPI/%%'
    """, **params))
    cr.execute(SQL(f"""
        INSERT INTO account_move_line ({line_columns}, name)
        SELECT m.id, m.company_id, %(currency)s, %(currency)s, m.partner_id, %(receivable)s, m.date, 'posted',
               'payment_term', -SUM(i.balance), GREATEST(-SUM(i.balance), 0), GREATEST(SUM(i.balance), 0),
               -SUM(i.balance), m.name
          FROM account_move m
          JOIN account_move_line i ON i.move_id = m.id
         WHERE m.name LIKE 'KPI/%%'
         GROUP BY m.id
    """, **params))
    # a CSI answer for one order in three, the day after the settlement
    cr.execute(SQL("""
        INSERT INTO survey_user_input (survey_id, access_token, state, test_entry, end_datetime, partner_id,
                                       dealer_company_id, dealer_repair_order_id, dealer_advisor_id, dealer_csi_score)
        SELECT %(survey)s, md5('kpi' || o.id), 'done', FALSE, o.date_in + interval '2 days', o.partner_id,
               o.company_id, o.id, o.user_id, 60 + o.id %% 41
          FROM dealer_repair_order o
         WHERE o.name LIKE 'KPI%%' AND o.id %% 3 = 0
    """, **params))
    cr.execute("ANALYZE dealer_repair_order, dealer_repair_order_line, dealer_quality_check, account_move, "
               "account_move_line, survey_user_input")
    env.invalidate_all()
    return env(user=manager)


def run(env, n_orders):
    started = time.perf_counter()
    manager = generate(env, n_orders)
    cr = env.cr
    cr.execute("SELECT count(*) FROM account_move_line WHERE dealer_line_type IS NOT NULL")
    print(f"data: {n_orders} orders and {cr.fetchone()[0]} posted income lines in "
          f"{time.perf_counter() - started:.0f} s")
    meter = Meter(manager)
    Kpi = manager["dealer.csi.kpi.report"]
    year = [("date", ">=", date(YEAR, 1, 1)), ("date", "<=", date(YEAR, 12, 31))]
    month = [("date", ">=", date(YEAR, 6, 1)), ("date", "<=", date(YEAR, 6, 30))]
    with meter.measure("KPIs of the year: store x month (pivot)"):
        months = Kpi._read_group(year, ["company_id", "date:month"], AGGREGATES)
    with meter.measure("KPIs of the year: the pivot as the web client asks"):
        Kpi.formatted_read_group(year, ["company_id", "date:month"], AGGREGATES)
    with meter.measure("KPIs of June: store (pivot)"):
        [june] = Kpi._read_group(month, ["company_id"], AGGREGATES)
    with meter.measure("KPIs of June: per trade"):
        Kpi._read_group(month, ["trade"], AGGREGATES)
    analysis = manager["dealer.csi.kpi.analysis"].create({"date_month": date(YEAR, 6, 1)})
    meter.env = analysis.env
    with meter.measure("operating analysis of June (figures)"):
        analysis._dealer_analysis()
    with meter.measure("operating analysis of June (XLSX)"):
        manager["ir.actions.report"]._render("dealer_csi.action_report_kpi_analysis_xlsx", analysis.ids)
    with meter.measure("morning dashboard"):
        manager["dealer.csi.dashboard"].web_search_read([], DASHBOARD_SPEC)
    print(f"months: {len(months)}; June: {june[1]} vehicles in, revenue {june[2]:,.2f}, "
          f"per vehicle {june[3]:,.2f}, comebacks {june[10]:.2f} %, first-time pass {june[11]:.2f} %, "
          f"appointments {june[12]:.2f} %, CSI {june[13]:.1f}")
    query = Kpi._search(month)
    sql = SQL("EXPLAIN (ANALYZE, COSTS OFF) SELECT %s FROM %s WHERE %s GROUP BY 1",
              SQL.identifier(Kpi._table, "company_id"), query.from_clause, query.where_clause)
    cr.execute(sql)
    plan = [row[0] for row in cr.fetchall()]
    print("plan of June's KPIs (scans and time):")
    for line in plan:
        if "Scan" in line or "Execution Time" in line:
            print("   " + line.strip())
    return meter


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--kpi-orders", type=int, default=30000)
    args, _others = parser.parse_known_args()  # make bench passes the other benchmarks' options too
    config.parse_config(["-c", args.config, "-d", args.database, "--no-http", "--log-level=warn"])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(f"{args.kpi_orders} repair orders of {YEAR} in {env.company.name} (rolled back at the end)")
        meter = run(env, args.kpi_orders)
        cr.rollback()
    meter.report()
    slow = [label for label, _count, elapsed, _queries in meter.rows if elapsed > GOAL_SECONDS]
    print("goal (each under a second): " + ("met" if not slow else "MISSED by " + ", ".join(slow)))


if __name__ == "__main__":
    main()

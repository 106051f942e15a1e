"""Summarise a Locust run (its --csv files) and the server log; exit 1 on any failure.

Prints throughput and p50/p95/p99 per action, the failures, the server's ERROR
lines, and whether every staff action met the p95 goal. The once-per-session
steps (login and the first reads of on_start) are listed but not held to it.

    python bench/loadtest_report.py var/loadtest/run_stats.csv var/loadtest/run_failures.csv var/log/loadtest-odoo.log
    python bench/loadtest_report.py cpu SERVER_PID DATABASE      # CPU seconds so far: Odoo's processes, PostgreSQL's

The CPU seconds that the Odoo processes and the database's PostgreSQL backends
spent during the run, divided by the requests served, give the cost of a request
whatever else the machine runs: the sizing of docs/deployment.md is derived from it.
"""

import argparse
import csv
import os
import subprocess
import sys

SESSION_STEPS = {"login", "open my order", "labour catalogue", "vehicle list"}
STAFF_ACTIONS = {"open the board", "open an order", "add a line", "approve (by phone)", "search a vehicle",
                 "orders of a vehicle"}


def cpu_seconds(pids):
    """User + system CPU seconds of processes (with their reaped children's)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return total / os.sysconf("SC_CLK_TCK")


def cpu(server_pid, database):
    """Print the CPU seconds of the Odoo server's process tree and of the database's backends."""
    tree, todo = [], [server_pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        try:
            with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
                todo.extend(handle.read().split())
        except OSError:
            pass
    backends = subprocess.run(
        ["psql", "-d", "postgres", "-tAc", f"SELECT pid FROM pg_stat_activity WHERE datname = '{database}'"],
        check=True, capture_output=True, text=True).stdout.split()
    print(f"{cpu_seconds(tree):.2f} {cpu_seconds(backends):.2f}")


def main():
    if sys.argv[1:2] == ["cpu"]:
        cpu(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stats")
    parser.add_argument("failures")
    parser.add_argument("server_log")
    parser.add_argument("--locust-log", required=True)
    parser.add_argument("--locust-exit", type=int, default=0)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--p95-ms", type=float, default=300.0)
    parser.add_argument("--cpu-before", default="0 0", help="'odoo postgres' CPU seconds before the run")
    parser.add_argument("--cpu-after", default="0 0")
    args = parser.parse_args()
    try:
        with open(args.stats, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        print(f"[loadtest] no statistics ({args.stats}): Locust did not run, see var/loadtest/locust.log")
        return 1
    ok = True
    print(f"{'action':<24}{'requests':>9}{'fails':>7}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'max ms':>8}")
    total = None
    for row in rows:
        if row["Name"] == "Aggregated":
            total = row
            continue
        p95 = float(row["95%"] or 0)
        goal = row["Name"] not in SESSION_STEPS
        mark = ""
        if goal and p95 > args.p95_ms:
            mark, ok = f"  p95 over {args.p95_ms:.0f} ms", False
        elif not goal:
            mark = "  (once per session)"
        print(f"{row['Name']:<24}{row['Request Count']:>9}{row['Failure Count']:>7}{float(row['Requests/s']):>8.1f}"
              f"{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}{float(row['Max Response Time']):>8.0f}{mark}")
    if total:
        rps = float(total["Requests/s"])
        print(f"{'all':<24}{total['Request Count']:>9}{total['Failure Count']:>7}{rps:>8.1f}"
              f"{total['50%']:>8}{total['95%']:>8}{total['99%']:>8}{float(total['Max Response Time']):>8.0f}")
        print(f"[loadtest] {args.users} users, {args.workers} workers: {rps:.1f} requests/s, "
              f"{rps / args.workers:.1f} requests/s per worker")
        if int(total["Failure Count"]):
            ok = False
        before, after = ([float(v) for v in text.split()] for text in (args.cpu_before, args.cpu_after))
        odoo_s, pg_s = after[0] - before[0], after[1] - before[1]
        served = int(total["Request Count"])
        if served and odoo_s > 0:
            per_request = (odoo_s + pg_s) / served * 1000
            print(f"[loadtest] CPU: Odoo {odoo_s:.1f} s + PostgreSQL {pg_s:.1f} s for {served} requests = "
                  f"{odoo_s / served * 1000:.1f} + {pg_s / served * 1000:.1f} = {per_request:.1f} ms per request, "
                  f"{1000 / per_request:.1f} requests per second per fully used core")
    with open(args.failures, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            print(f"[loadtest] FAILED {row['Occurrences']}x {row['Name']}: {row['Error'][:300]}")
    missing = STAFF_ACTIONS - {row["Name"] for row in rows}
    if missing:
        ok = False
        print(f"[loadtest] never ran: {', '.join(sorted(missing))}")
    with open(args.locust_log, encoding="utf-8", errors="replace") as handle:
        crashes = [line.rstrip() for line in handle if "Traceback" in line or " failed with " in line]
    if crashes or args.locust_exit:
        ok = False
        print(f"[loadtest] Locust exited with {args.locust_exit}, {len(crashes)} exceptions in {args.locust_log}")
    with open(args.server_log, encoding="utf-8", errors="replace") as handle:
        errors = [line.rstrip() for line in handle if " ERROR " in line or " CRITICAL " in line]
    for line in errors[:20]:
        print(f"[loadtest] server: {line[:300]}")
    if errors:
        ok = False
    print(f"[loadtest] {'PASSED' if ok else 'FAILED'}: p95 goal {args.p95_ms:.0f} ms per staff action, "
          f"0 failed requests, 0 server errors ({len(errors)} ERROR lines in {args.server_log})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

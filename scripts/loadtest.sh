#!/usr/bin/env bash
# Load test (bench/locustfile.py): a copy of the demo database served by Odoo in
# multi-process mode on the loopback address, driven by Locust headless for a
# bounded time; prints throughput and p50/p95/p99 per action and fails on any
# failed request or any ERROR in the server's log.
#   USERS=200 SPAWN=4 DURATION=150s WORKERS=5 PORT=8079 make loadtest
# The template is the demo database "dealer" of make run (created when missing).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
TEMPLATE="${DEALER_LOADTEST_TEMPLATE:-${DEALER_DB:-dealer}}"
DB="${LOADTEST_DB:-dealer_loadtest}"
PORT="${PORT:-8079}"
WORKERS="${WORKERS:-5}"
USERS="${USERS:-200}"
SPAWN="${SPAWN:-4}"
DURATION="${DURATION:-150s}"
CONF="${DEALER_CONF:-$ROOT/config/odoo.conf}"
OUT="$ROOT/var/loadtest"
LOG="$ROOT/var/log/loadtest-odoo.log"
CACHE="${DEALER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dealer-aftersales}"
mkdir -p "$OUT" "$ROOT/var/log"

# Locust in a virtualenv of its own (bench/requirements.txt): its gevent is not Odoo's
bench_hash=$( (cat "$ROOT/bench/requirements.txt"; "${PYTHON:-python3}" --version) | sha256sum | cut -c1-12)
BENCH_VENV="$CACHE/venv-bench-$bench_hash"
if [ ! -f "$BENCH_VENV/.complete" ]; then
    echo "[loadtest] creating $BENCH_VENV from bench/requirements.txt"
    rm -rf "$BENCH_VENV"
    "${PYTHON:-python3}" -m venv "$BENCH_VENV"
    "$BENCH_VENV/bin/pip" install -q -r "$ROOT/bench/requirements.txt"
    touch "$BENCH_VENV/.complete"
fi

if port_busy "$PORT"; then
    echo "[loadtest] port $PORT is busy: set PORT" >&2
    exit 1
fi
if ! psql -d postgres -tAc "select 1 from pg_database where datname='$TEMPLATE'" | grep -q 1; then
    echo "[loadtest] creating the demo database $TEMPLATE (a minute or two; log: $LOG)"
    odoo -c "$CONF" -d "$TEMPLATE" -i "$DEALER_MODULES" --with-demo --stop-after-init --logfile "$LOG"
fi
DATA_DIR=$(awk -F' *= *' '$1 == "data_dir" {print $2}' "$CONF")
echo "[loadtest] copying $TEMPLATE to $DB"
dropdb --if-exists "$DB"
createdb -T "$TEMPLATE" "$DB"
rm -rf "$DATA_DIR/filestore/$DB"
[ -d "$DATA_DIR/filestore/$TEMPLATE" ] && cp -r "$DATA_DIR/filestore/$TEMPLATE" "$DATA_DIR/filestore/$DB"
if [ "$(cat "$ROOT/var/$TEMPLATE.addons" 2>/dev/null)" != "$(addons_hash)" ]; then
    echo "[loadtest] updating the modules in $DB (the addons changed since $TEMPLATE was made)"
    odoo -c "$CONF" -d "$DB" -u "$DEALER_MODULES" --stop-after-init --logfile "$LOG"
fi
"$PY" "$ROOT/bench/loadtest_setup.py" -c "$CONF" -d "$DB" --orders "$USERS"

echo "[loadtest] Odoo with $WORKERS workers on 127.0.0.1:$PORT (log: $LOG)"
: > "$LOG"
# multi-process mode re-executes sys.argv[0] for the long-polling process: a script, not "python -m odoo"
printf 'import odoo.cli\nodoo.cli.main()\n' > "$ROOT/var/odoo-bin"
"$PY" "$ROOT/var/odoo-bin" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-interface 127.0.0.1 --http-port "$PORT" \
    --gevent-port "$((PORT + 1))" --workers "$WORKERS" --max-cron-threads 0 --db_maxconn 16 \
    --limit-time-real 600 --logfile "$LOG" --log-level warn &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$PORT/web/health" >/dev/null 2>&1 && break
    sleep 1
done
curl -fs "http://127.0.0.1:$PORT/web/health" >/dev/null || { echo "[loadtest] the server did not start: see $LOG" >&2; exit 1; }
# warm-up: every worker loads the registry before the measured run (as a server does once after a restart)
for _ in $(seq 1 $((WORKERS * 3))); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/web/login?db=$DB" &
done
wait_pids=$(jobs -p | grep -v "^$SERVER\$" || true)
for pid in $wait_pids; do wait "$pid" || true; done

echo "[loadtest] machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(free -m | awk '/Mem:/ {print $7}') MB available"
echo "[loadtest] $USERS users (spawn $SPAWN/s) for $DURATION"
cpu_before=$("$PY" "$ROOT/bench/loadtest_report.py" cpu "$SERVER" "$DB")
LOADTEST_DB="$DB" "$BENCH_VENV/bin/locust" -f "$ROOT/bench/locustfile.py" --host "http://127.0.0.1:$PORT" \
    --headless -u "$USERS" -r "$SPAWN" -t "$DURATION" --stop-timeout 15 --only-summary \
    --csv "$OUT/run" >"$OUT/locust.log" 2>&1 && locust_rc=0 || locust_rc=$?
cpu_after=$("$PY" "$ROOT/bench/loadtest_report.py" cpu "$SERVER" "$DB")
echo "[loadtest] machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" "$ROOT/bench/loadtest_report.py" "$OUT/run_stats.csv" "$OUT/run_failures.csv" "$LOG" \
    --locust-log "$OUT/locust.log" --locust-exit "$locust_rc" --cpu-before "$cpu_before" --cpu-after "$cpu_after" --users "$USERS" --workers "$WORKERS" --p95-ms "${P95_MS:-300}"

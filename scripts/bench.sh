#!/usr/bin/env bash
# Run the benchmarks in bench/ on the database dealer_bench (the six modules and
# sale_stock for the peer comparison, no demo data; created when missing).
# Arguments go to each benchmark.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
DB="${DEALER_BENCH_DB:-dealer_bench}"
if ! psql -d postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
    echo "[bench] creating $DB with the six modules (log: $ROOT/var/log/bench-install.log)"
    odoo -c "$ROOT/config/odoo.conf" -d "$DB" -i "$DEALER_MODULES,sale_stock" --stop-after-init \
        --logfile "$ROOT/var/log/bench-install.log"
else
    odoo -c "$ROOT/config/odoo.conf" -d "$DB" -i sale_stock -u "$DEALER_MODULES" --stop-after-init \
        --logfile "$ROOT/var/log/bench-install.log"
fi
for bench in "$ROOT"/bench/bench_*.py; do
    echo "[bench] $(basename "$bench")"
    "$PY" "$bench" -c "$ROOT/config/odoo.conf" -d "$DB" "$@"
done

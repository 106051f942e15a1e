#!/usr/bin/env bash
# Run the benchmarks in bench/ on the database dealer_bench (the six modules and
# sale_stock for the peer comparison, no demo data; created when missing).
# Arguments go to each benchmark but the scale one, which runs last on a copy
# (dealer_bench_scale) with SCALE_ARGS.
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
    [ "$(basename "$bench")" = bench_scale.py ] && continue
    echo "[bench] $(basename "$bench")"
    "$PY" "$bench" -c "$ROOT/config/odoo.conf" -d "$DB" "$@"
done
# the scale benchmark commits its data: a fresh copy of $DB each time (SCALE_ARGS="--group-orders 4000" for a
# smaller group; "SKIP_SCALE=1 make bench" skips it)
if [ -z "${SKIP_SCALE:-}" ]; then
    SCALE_DB="${DB}_scale"
    echo "[bench] bench_scale.py on a copy of $DB: $SCALE_DB (log: $ROOT/var/log/bench-scale-explain.log)"
    dropdb --if-exists "$SCALE_DB" && createdb -T "$DB" "$SCALE_DB"
    # shellcheck disable=SC2086
    "$PY" "$ROOT/bench/bench_scale.py" -c "$ROOT/config/odoo.conf" -d "$SCALE_DB" ${SCALE_ARGS:-}
fi

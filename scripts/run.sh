#!/usr/bin/env bash
# Serve the suite on http://127.0.0.1:8069 with database "dealer" (all six
# modules and their demo data; created on first run, updated when addons change).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
DB="${DEALER_DB:-dealer}"
PORT="${DEALER_HTTP_PORT:-8069}"
LOG="$ROOT/var/log/odoo.log"

if port_busy "$PORT"; then
    echo "[run] port $PORT is busy: stop what listens there (ss -ltnp 'sport = :$PORT') or set DEALER_HTTP_PORT" >&2
    exit 1
fi
stamp="$ROOT/var/$DB.addons"
if ! psql -d postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
    echo "[run] creating database $DB with the six modules and demo data (a minute or two; log: $LOG)"
    odoo -c "$ROOT/config/odoo.conf" -d "$DB" -i "$DEALER_MODULES" --with-demo \
        --stop-after-init --logfile "$LOG" || { echo "[run] install failed: see $LOG" >&2; exit 1; }
    addons_hash > "$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$(addons_hash)" ]; then
    echo "[run] addons changed: updating the modules in $DB (log: $LOG)"
    odoo -c "$ROOT/config/odoo.conf" -d "$DB" -u "$DEALER_MODULES" \
        --stop-after-init --logfile "$LOG" || { echo "[run] update failed: see $LOG" >&2; exit 1; }
    addons_hash > "$stamp"
fi
cat <<MSG
[run] Dealer After-Sales is starting on http://127.0.0.1:$PORT  (database $DB, log $LOG)
      logins (password = login): admin, manager, advisor, technician, qc, workshop,
      parts, partsmanager, warranty, insurance, commission, csagent, accountant
      stop with Ctrl-C
MSG
exec "$PY" -m odoo -c "$ROOT/config/odoo.conf" -d "$DB" --db-filter="^$DB\$" --http-port "$PORT" --logfile "$LOG"

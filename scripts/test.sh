#!/usr/bin/env bash
# Run every test on a fresh throw-away database holding the six modules:
# module tests (addons/*/tests), cross-module flows (tests/), Odoo's
# post-install and browser (HttpCase/tour) tests, all through pytest-odoo.
# Extra arguments go to pytest (e.g. `make test ARGS="-k capability"`).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
DB="dealer_test_$$"
PORT="${DEALER_TEST_HTTP_PORT:-8169}"
CONF="$ROOT/var/odoo-test.conf"
LOG="$ROOT/var/log/test-install.log"

command -v chromium >/dev/null || { echo "[test] chromium is missing: browser tests would be skipped; run 'make bootstrap'" >&2; exit 1; }
"$PY" -c "import websocket" 2>/dev/null || { echo "[test] websocket-client is missing: browser tests would be skipped" >&2; exit 1; }
if port_busy "$PORT"; then
    echo "[test] port $PORT (test HTTP server) is busy: free it or set DEALER_TEST_HTTP_PORT" >&2
    exit 1
fi
# the tests' own addons (tests/addons: modules that extend the suite the way its modules do) are on
# the test database's addons path only, never on make run's
sed -e "s/^http_port = .*/http_port = $PORT/" -e "s|^addons_path = .*|&,$ROOT/tests/addons|" \
    "$ROOT/config/odoo.conf" > "$CONF"
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT

# sale_stock: the cross-module tests check a sale order's delivery stays standard Odoo beside the parts desk;
# dealer_service_payer_test: dealer_service's tests of its extension points
echo "[test] installing the six modules, sale_stock and the test addons with demo data in $DB (log: $LOG)"
odoo -c "$CONF" -d "$DB" -i "$DEALER_MODULES,sale_stock,$DEALER_TEST_MODULES" --with-demo --stop-after-init \
    --logfile "$LOG" \
    || { echo "[test] install failed: see $LOG" >&2; exit 1; }
if grep -E " (WARNING|ERROR|CRITICAL) $DB " "$LOG"; then
    echo "[test] the install logged the warnings/errors above" >&2
    exit 1
fi
echo "[test] running pytest"
cd "$ROOT"
"$PY" -m pytest --odoo-database="$DB" --odoo-config="$CONF" --odoo-http \
    addons/*/tests tests "$@"

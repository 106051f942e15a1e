#!/usr/bin/env bash
# Odoo's own test suites of the apps the parts discipline extends (stock,
# purchase_stock) must give the same results with the suite installed as
# without it. This script installs two throw-away databases without demo data:
#   - "std": only the standard apps the six modules depend on;
#   - "suite": the same apps plus the six modules;
# runs the same Odoo test directories on each with pytest-odoo, and diffs the
# failing tests. It exits non-zero when the two lists differ.
# Slow (two installs and two runs of 785 tests: about 12 minutes on 2 cores): not part of `make test`;
# run it with `make odoo-suites`. Odoo's own tests that fail on a post-install database fail in both runs.
# Usage: scripts/odoo_suites.sh [odoo addon test dirs relative to Odoo's addons, default: stock purchase_stock]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
SUITES=("$@")
[ ${#SUITES[@]} -gt 0 ] || SUITES=(stock purchase_stock)
STD_APPS="stock,purchase_stock,stock_account,account,fleet,hr,survey,portal,mail"
PORT="${DEALER_SUITES_HTTP_PORT:-8179}"
CONF="$ROOT/var/odoo-suites.conf"
OUT="$ROOT/var/log/odoo-suites"
mkdir -p "$OUT"
sed "s/^http_port = .*/http_port = $PORT/" "$ROOT/config/odoo.conf" > "$CONF"
STD_DB="dealer_suites_std_$$"
SUITE_DB="dealer_suites_dealer_$$"
trap 'dropdb --if-exists "$STD_DB" >/dev/null 2>&1 || true; dropdb --if-exists "$SUITE_DB" >/dev/null 2>&1 || true' EXIT

TEST_DIRS=()
for suite in "${SUITES[@]}"; do
    TEST_DIRS+=("$DEALER_ODOO_ADDONS/$suite/tests")
done

run_suites() {  # $1 label, $2 database, $3 modules
    local label="$1" db="$2" modules="$3" start
    start=$(date +%s)
    echo "[suites] $label: installing $modules in $db"
    odoo -c "$CONF" -d "$db" -i "$modules" --stop-after-init --no-http --logfile "$OUT/$label-install.log" \
        || { echo "[suites] install failed: see $OUT/$label-install.log" >&2; exit 1; }
    echo "[suites] $label: running ${SUITES[*]} (log: $OUT/$label.log)"
    # failures are expected in both runs: the comparison decides
    # run from the repository: inside Odoo's addons folder, addons such as `calendar` shadow the standard library
    (cd "$ROOT" && "$PY" -m pytest -p no:cacheprovider -q -rfE \
        --odoo-database="$db" --odoo-config="$CONF" "${TEST_DIRS[@]}") > "$OUT/$label.log" 2>&1 || true
    grep -E '^(FAILED|ERROR) ' "$OUT/$label.log" | sed -E 's/ - .*//' | sort -u > "$OUT/$label.failures"
    echo "[suites] $label: $(tail -1 "$OUT/$label.log") in $(( $(date +%s) - start )) s"
}

run_suites std "$STD_DB" "$STD_APPS"
run_suites suite "$SUITE_DB" "$STD_APPS,$DEALER_MODULES"

if diff -u "$OUT/std.failures" "$OUT/suite.failures" > "$OUT/failures.diff"; then
    echo "[suites] same failures with and without the suite ($(wc -l < "$OUT/std.failures") in both)"
else
    echo "[suites] the suite changes the results of Odoo's own tests:" >&2
    cat "$OUT/failures.diff" >&2
    exit 1
fi

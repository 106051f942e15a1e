# Sourced by the run/test scripts: the paths bootstrap.sh found, and helpers.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -f "$ROOT/var/env.sh" ] || { echo "run 'make bootstrap' first" >&2; exit 1; }
# shellcheck source=/dev/null
. "$ROOT/var/env.sh"
PY="$DEALER_VENV/bin/python"
DEALER_MODULES="dealer_service,dealer_parts,dealer_warranty,dealer_insurance,dealer_hr_commission,dealer_csi,dealer_hr_commission_insurance,dealer_hr_commission_csi,dealer_hr_commission_warranty"
# tests/addons: installed only in the test database (scripts/test.sh)
DEALER_TEST_MODULES="dealer_service_payer_test"
odoo() { "$PY" -m odoo "$@"; }
port_busy() { "$PY" -c "import socket,sys; s=socket.socket(); sys.exit(0 if s.connect_ex(('127.0.0.1', int(sys.argv[1]))) == 0 else 1)" "$1"; }
addons_hash() {
    (cd "$ROOT" && find addons -type f -not -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha256sum) \
        | sha256sum | cut -c1-16
}

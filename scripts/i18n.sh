#!/usr/bin/env bash
# Export the dealer modules' terms (.pot) from a database where they are
# installed (default: dealer) and rebuild their zh_CN.po, keeping existing
# translations. Extra translations can be given as JSON files.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
DB="${DEALER_DB:-dealer}"
odoo i18n export -c "$ROOT/config/odoo.conf" -d "$DB" ${DEALER_MODULES//,/ }
"$PY" "$ROOT/scripts/i18n_update.py" "$@"

#!/usr/bin/env bash
# ruff (style, imports, bugs) and pylint-odoo (Odoo rules, .pylintrc): fail on any finding.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/odoo-env.sh"
cd "$ROOT"
echo "[lint] ruff"
"$DEALER_VENV/bin/ruff" check .
echo "[lint] pylint-odoo"
"$DEALER_VENV/bin/pylint" --rcfile=.pylintrc addons/dealer_* tests/addons/*
echo "[lint] clean"

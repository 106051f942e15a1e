#!/usr/bin/env bash
# Bootstrap the Dealer After-Sales development stack (idempotent).
#
# Steps: disk check, Debian system packages, PostgreSQL, Odoo 19.0 (Debian's
# odoo-19 package unpacked into a cache, or ODOO_SRC), Python virtualenv from
# requirements.txt, generated config/odoo.conf.  Every step says what it does;
# a failing step stops with its name and what to do about it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DEALER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dealer-aftersales}"
PYTHON="${PYTHON:-python3.11}"
DB_PORT="${PGPORT:-5432}"
HTTP_PORT="${DEALER_HTTP_PORT:-8069}"
STEP="start"

say()  { printf '\033[1m[bootstrap] %s\033[0m\n' "$*"; }
fail() { printf '\033[31m[bootstrap] step "%s" failed: %s\033[0m\n' "$STEP" "$*" >&2; exit 1; }
trap 'fail "command on line $LINENO exited with an error (see the output above)"' ERR

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else fail "need root for: $* (install sudo or run as root)"
    fi
}

# ---------------------------------------------------------------- disk
STEP="disk space"
mkdir -p "$CACHE"
free_kb=$(df -Pk "$CACHE" | awk 'NR==2 {print $4}')
if [ "${free_kb:-0}" -lt 3000000 ]; then
    fail "less than 3 GB free under $CACHE; free some disk or set DEALER_CACHE to a larger disk"
fi

# ---------------------------------------------------------------- system packages
STEP="system packages"
# wkhtmltopdf renders PDFs, chromium runs the browser tests, fonts-noto-cjk
# draws Chinese, the libjs/fonts packages are the targets of Odoo's asset links.
SYSTEM_PACKAGES=(
    postgresql postgresql-client wkhtmltopdf chromium fonts-noto-cjk poppler-utils
    libjs-jquery libjs-underscore libjs-jquery-form fonts-font-awesome
    fonts-roboto-unhinted fonts-inconsolata fonts-ocr-b fonts-glyphicons-halflings
    python3-venv ca-certificates
)
missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq || fail "apt-get update failed: check the Debian mirror in /etc/apt/sources.list*"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        >"$CACHE/apt-install.log" 2>&1 \
        || fail "apt-get install ${missing[*]} failed (log: $CACHE/apt-install.log): a package was not found or the mirror is unreachable"
else
    say "Debian packages present"
fi

# ---------------------------------------------------------------- PostgreSQL
STEP="PostgreSQL"
if ! pg_isready -q -p "$DB_PORT"; then
    say "starting PostgreSQL"
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$version" ] || fail "no PostgreSQL cluster in /etc/postgresql; run: apt-get install postgresql"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
        || as_root pg_ctlcluster "$version" main start \
        || fail "could not start cluster $version/main; see /var/log/postgresql/"
    for _ in $(seq 1 20); do pg_isready -q -p "$DB_PORT" && break; sleep 1; done
    pg_isready -q -p "$DB_PORT" || fail "PostgreSQL is not accepting connections on port $DB_PORT"
fi
DB_USER="${PGUSER:-$(id -un)}"
if ! psql -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    say "creating PostgreSQL role $DB_USER"
    as_root su postgres -c "createuser -p $DB_PORT --superuser $DB_USER" \
        || fail "cannot create role $DB_USER; create it by hand: createuser --superuser $DB_USER"
fi
psql -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1 \
    || fail "role $DB_USER cannot connect; check pg_hba.conf (peer/trust for local sockets)"
say "PostgreSQL ready (role $DB_USER, port $DB_PORT)"

# ---------------------------------------------------------------- Odoo
STEP="Odoo 19.0"
if [ -n "${ODOO_SRC:-}" ]; then
    [ -f "$ODOO_SRC/odoo/release.py" ] || fail "ODOO_SRC=$ODOO_SRC has no odoo/release.py; point it at a git checkout of Odoo 19.0"
    grep -q "version_info = (19, 0" "$ODOO_SRC/odoo/release.py" \
        || fail "ODOO_SRC=$ODOO_SRC is not Odoo 19.0"
    ODOO_PATH="$ODOO_SRC"
    ODOO_ADDONS="$ODOO_SRC/odoo/addons"
    [ -d "$ODOO_SRC/addons" ] && ODOO_ADDONS="$ODOO_SRC/addons,$ODOO_ADDONS"
    say "using Odoo from ODOO_SRC=$ODOO_SRC"
else
    ODOO_CACHE="$CACHE/odoo-19"
    ODOO_PATH=$(ls -d "$ODOO_CACHE"/*/usr/lib/python3/dist-packages 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$ODOO_PATH" ] && [ -f "$ODOO_PATH/../../../../.complete" ]; then
        say "Odoo from cache: $ODOO_PATH"
    else
        say "fetching Debian's odoo-19 package (private apt lists; system sources untouched)"
        APTDIR="$ODOO_CACHE/apt"
        mkdir -p "$APTDIR/sources" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
        mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
                 | awk '{print $2}' | head -n 1 || true)
        mirror="${DEBIAN_MIRROR:-${mirror:-http://deb.debian.org/debian}}"
        cat > "$APTDIR/sources/sid.sources" <<SRC
Types: deb
URIs: $mirror
Suites: sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
        APT_OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APTDIR/sources"
                  -o "Dir::State::Lists=$APTDIR/lists" -o "Dir::Cache=$APTDIR/cache"
                  -o "Debug::NoLocking=1" -o "APT::Sandbox::User=$(id -un)")
        apt-get "${APT_OPTS[@]}" -qq update || fail "could not read sid's package lists from $mirror"
        version=$(apt-cache "${APT_OPTS[@]}" policy odoo-19 | awk '/Candidate:/ {print $2}')
        [ -n "$version" ] && [ "$version" != "(none)" ] || fail "Debian package odoo-19 not found in sid at $mirror"
        (cd "$APTDIR" && apt-get "${APT_OPTS[@]}" -qq download "odoo-19=$version") \
            || fail "download of odoo-19 $version failed"
        dest="$ODOO_CACHE/${version//[:+~]/_}"
        rm -rf "$dest" && mkdir -p "$dest"
        dpkg-deb -x "$APTDIR"/odoo-19_*.deb "$dest"
        rm -f "$APTDIR"/odoo-19_*.deb
        ODOO_PATH="$dest/usr/lib/python3/dist-packages"
        say "re-pointing Odoo's asset symlinks to /usr/share"
        find "$ODOO_PATH" -type l | while read -r link; do
            target=$(readlink "$link")
            case "$target" in
                /*) ;;
                *) abs=$(cd "$(dirname "$link")" && realpath -m "$target")
                   rel="${abs#"$dest"}"
                   case "$abs" in
                       "$dest"/*) [ -e "$abs" ] || { [ -e "$rel" ] && ln -sfn "$rel" "$link"; } ;;
                   esac ;;
            esac
        done
        # Debian drops this non-free file but mail's manifest still bundles it;
        # an empty stub keeps the browser console clean for tours.
        stub="$ODOO_PATH/odoo/addons/mail/static/lib/selfie_segmentation/selfie_segmentation.js"
        [ -e "$stub" ] || { mkdir -p "$(dirname "$stub")"; : > "$stub"; }
        touch "$dest/.complete"
        say "Odoo $version unpacked in $dest"
    fi
    ODOO_ADDONS="$ODOO_PATH/odoo/addons"
fi
[ -e "$ODOO_PATH/odoo/addons/web/static/lib/jquery/jquery.js" ] || [ -n "${ODOO_SRC:-}" ] \
    || fail "web/static/lib/jquery/jquery.js is missing: is libjs-jquery installed?"

# ---------------------------------------------------------------- virtualenv
STEP="Python virtualenv"
command -v "$PYTHON" >/dev/null || PYTHON=python3
"$PYTHON" -c 'import sys; assert sys.version_info[:2] >= (3, 10)' 2>/dev/null \
    || fail "need Python >= 3.10 ($PYTHON); install python3 from Debian"
req_hash=$( (cat "$ROOT/requirements.txt"; "$PYTHON" --version) | sha256sum | cut -c1-12)
VENV="$CACHE/venv-$req_hash"
if [ ! -f "$VENV/.complete" ]; then
    say "creating virtualenv $VENV from requirements.txt"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" || fail "python venv failed: apt-get install python3-venv"
    "$VENV/bin/pip" install -q --upgrade pip wheel || fail "pip could not reach PyPI"
    "$VENV/bin/pip" install -q -r "$ROOT/requirements.txt" || fail "pip install -r requirements.txt failed (see above)"
    touch "$VENV/.complete"
else
    say "virtualenv present: $VENV"
fi
ln -sfn "$VENV" "$ROOT/.venv"

# ---------------------------------------------------------------- OCA addons
STEP="OCA addons"
oca_hash=$( (cat "$ROOT/oca-requirements.txt"; "$PYTHON" --version) | sha256sum | cut -c1-12)
OCA_DIR="$CACHE/oca-$oca_hash"
if [ ! -f "$OCA_DIR/.complete" ]; then
    say "installing the pinned OCA addons of oca-requirements.txt into $OCA_DIR"
    rm -rf "$OCA_DIR"
    "$VENV/bin/pip" install -q --no-deps --target "$OCA_DIR" -r "$ROOT/oca-requirements.txt" \
        || fail "pip could not install oca-requirements.txt from PyPI"
    touch "$OCA_DIR/.complete"
else
    say "OCA addons present: $OCA_DIR"
fi
OCA_ADDONS="$OCA_DIR/odoo/addons"

# ---------------------------------------------------------------- config
STEP="config"
DATA_DIR="$CACHE/data"
mkdir -p "$DATA_DIR" "$ROOT/var/log"
cat > "$ROOT/config/odoo.conf" <<CONF
; Generated by scripts/bootstrap.sh: do not edit, do not commit.
[options]
addons_path = $ODOO_ADDONS,$OCA_ADDONS,$ROOT/addons
data_dir = $DATA_DIR
db_port = $DB_PORT
db_user = $DB_USER
http_interface = 127.0.0.1
http_port = $HTTP_PORT
list_db = False
proxy_mode = False
CONF
cat > "$ROOT/var/env.sh" <<ENV
export PYTHONPATH="$ODOO_PATH"
export DEALER_VENV="$VENV"
export DEALER_ODOO_ADDONS="$ODOO_ADDONS"
export DEALER_OCA_ADDONS="$OCA_ADDONS"
ENV
say "config/odoo.conf written (addons: Odoo + OCA + $ROOT/addons, data: $DATA_DIR)"

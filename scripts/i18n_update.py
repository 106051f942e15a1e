"""Refresh each dealer module's i18n/<module>.pot and i18n/zh_CN.po.

Usage (after `odoo i18n export` wrote the .pot files, see scripts/i18n.sh):
    python scripts/i18n_update.py [extra-translations.json ...]

zh_CN.po is rebuilt from the .pot: a term keeps its existing translation, else
takes one from the JSON files ({"English": "中文"}), else Odoo's own zh_CN
translation of the same term (inherited fields such as the chatter's); the
terms left untranslated are listed and make the exit status 1.
"""

import json
import os
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# standard apps whose terms the dealer modules inherit
ODOO_MODULES = ["base", "mail", "portal", "fleet", "hr", "stock", "account", "product",
                "purchase", "survey", "resource", "web", "analytic", "uom", "sale"]


def load_odoo_terms():
    addons = Path(os.environ.get("PYTHONPATH", "").split(":")[0], "odoo", "addons")
    terms = {}
    for module in ODOO_MODULES:
        path = addons / module / "i18n" / "zh_CN.po"
        if path.exists():
            terms.update((e.msgid, e.msgstr) for e in polib.pofile(str(path)) if e.msgstr)
    return terms


def load_extra(paths):
    extra = load_odoo_terms()
    for path in paths:
        extra.update(json.loads(Path(path).read_text(encoding="utf-8")))
    return extra


def update_module(module_dir, extra):
    pot_path = module_dir / "i18n" / f"{module_dir.name}.pot"
    po_path = module_dir / "i18n" / "zh_CN.po"
    pot = polib.pofile(str(pot_path))
    known = {}
    if po_path.exists():
        known = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path)) if e.msgstr}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(pot.metadata)
    po.metadata.update({
        "Language": "zh_CN",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    })
    po.header = pot.header
    missing = []
    for entry in pot:
        msgstr = known.get((entry.msgctxt, entry.msgid)) or extra.get(entry.msgid, "")
        if not msgstr:
            missing.append(entry.msgid)
        po.append(polib.POEntry(
            msgid=entry.msgid, msgstr=msgstr, msgctxt=entry.msgctxt,
            occurrences=entry.occurrences, comment=entry.comment, tcomment=entry.tcomment,
            flags=entry.flags,
        ))
    po.save(str(po_path))
    return len(pot), missing


def main(argv):
    extra = load_extra(argv)
    status = 0
    for module_dir in sorted((ROOT / "addons").glob("dealer_*")):
        if not (module_dir / "i18n" / f"{module_dir.name}.pot").exists():
            continue
        total, missing = update_module(module_dir, extra)
        print(f"{module_dir.name}: {total} terms, {len(missing)} untranslated")
        for msgid in missing:
            print(f"    {msgid!r}")
        status = status or bool(missing)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

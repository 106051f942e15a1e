"""Every term of every dealer module has a Simplified Chinese translation.

The terms are exported from the installed modules (so a new string that the
.po files lack fails here) and compared with each module's i18n/zh_CN.po."""

import io
import re
from pathlib import Path

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

MODULES = [
    "dealer_service",
    "dealer_parts",
    "dealer_warranty",
    "dealer_insurance",
    "dealer_hr_commission",
    "dealer_csi",
    "dealer_hr_commission_insurance",
    "dealer_hr_commission_csi",
    "dealer_hr_commission_warranty",
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{\w*\}")


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):

    def _exported_terms(self, module):
        buffer = io.BytesIO()
        trans_export(None, [module], buffer, "po", self.env)
        return polib.pofile(buffer.getvalue().decode())

    def test_zh_cn_translation_is_complete(self):
        for module in MODULES:
            with self.subTest(module=module):
                po_path = Path(get_module_path(module), "i18n", "zh_CN.po")
                self.assertTrue(po_path.exists(), f"{module} has no i18n/zh_CN.po")
                translated = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path))}
                missing = [
                    e.msgid for e in self._exported_terms(module)
                    if not translated.get((e.msgctxt, e.msgid))
                ]
                self.assertFalse(missing, f"{module}: untranslated terms (run scripts/i18n.sh): {missing}")

    def test_placeholders_are_kept(self):
        for module in MODULES:
            po_path = Path(get_module_path(module), "i18n", "zh_CN.po")
            for entry in polib.pofile(str(po_path)):
                if entry.msgstr:
                    with self.subTest(module=module, msgid=entry.msgid):
                        self.assertEqual(
                            sorted(PLACEHOLDER.findall(entry.msgid)),
                            sorted(PLACEHOLDER.findall(entry.msgstr)),
                        )

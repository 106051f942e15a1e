import subprocess
import tempfile
import unicodedata

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyPdf(common.WarrantyCase, HttpCase):
    """The old-part labels (several per page, with their QR code) and the packing list of a
    shipment as real PDFs (wkhtmltopdf, CSS from the running server), read back with pdftotext."""

    def _pdf_text(self, report, records):
        pdf, report_type = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            report, records.ids)
        self.assertEqual(report_type, "pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True,
                                  check=True, timeout=60).stdout.decode()
            pages = subprocess.run(["pdfinfo", handle.name], capture_output=True, check=True,
                                   timeout=60).stdout.decode()
        # pdftotext reads some glyphs as Kangxi radicals: NFKC maps them back
        return unicodedata.normalize("NFKC", text), pages

    def test_labels_and_packing_list(self):
        self.customer.name = "张伟"
        tags = self.env["dealer.warranty.old.part"]
        claims = self.env["dealer.warranty.claim"]
        for _index in range(3):
            order = self._delivered_order()
            claims |= self._claim(order)
            tags |= claims[-1:].old_part_ids
        html = self.env["ir.actions.report"]._render_qweb_html("dealer_warranty.report_old_part_label", tags.ids)[0]
        self.assertEqual(html.decode().count('src="data:image/png;base64'), 3, "a QR code on each label")
        text, info = self._pdf_text("dealer_warranty.report_old_part_label", tags)
        self.assertIn("Pages:           1", info, "the three labels share a page")
        self.assertIn("旧件标签", text)
        self.assertIn("水泵", text)
        self.assertIn("水泵轴承损坏漏水", text)
        for tag in tags:
            self.assertIn(tag.name, text)
            self.assertIn(tag.claim_id.name, text)
        self.assertIn(common.VIN, text)

        claims.with_user(self.clerk).action_submit()
        carrier = self.env["res.partner"].create({"name": "顺丰速运", "is_company": True})
        shipment = self.env["dealer.warranty.shipment"].with_user(self.clerk).create({
            "partner_id": self.oem.id, "carrier_id": carrier.id, "waybill": "SF1234567890",
            "old_part_ids": [Command.set(tags.ids)],
        })
        shipment.with_user(self.clerk).action_ship()
        text, _info = self._pdf_text("dealer_warranty.report_old_part_packing_list", shipment)
        for expected in ("旧件装箱单", shipment.name, "顺丰速运", "SF1234567890", "1307010-E01", "水泵",
                         *tags.mapped("name")):
            self.assertIn(expected, text)

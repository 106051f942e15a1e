import io

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsXlsx(common.PartsCase):
    """The stock card, the count report and the slow stock list as XLSX (report_xlsx):
    real numbers, dates and formulas, titled in the user's language."""

    def _render(self, report, records, user=None, **context):
        content, kind = self.env["ir.actions.report"].with_user(user or self.clerk).with_context(**context)._render(
            report, records.ids)
        self.assertEqual(kind, "xlsx")
        return (openpyxl.load_workbook(io.BytesIO(content)),
                openpyxl.load_workbook(io.BytesIO(content), data_only=True))

    def _table(self, sheet, first_title):
        """Row numbers of the column titles, the first and the last data line and the total line."""
        header = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == first_title)
        total = next((row for row in range(header + 1, sheet.max_row + 1) if sheet.cell(row, 1).value == "Total"),
                     None)
        last = (total or sheet.max_row + 1) - 1
        return header, header + 1, last, total

    def _today(self):
        return fields.Date.context_today(self.env["res.partner"].with_user(self.clerk))

    def test_stock_card_xlsx(self):
        self._receive(self.pads, 10)                    # +10
        self._receive(self.pads, 6, counted=5)          # +5
        ticket = self._issue("retail", [(self.pads, 2)])
        self._pay(ticket)
        self._validate(ticket)                          # -2
        quant = sum(self.env["stock.quant"].search([
            ("product_id", "=", self.pads.id), ("location_id", "=", self.bin_2.id)]).mapped("quantity"))
        self.assertEqual(quant, 13.0)

        book, values = self._render("dealer_parts.report_parts_stock_card_xlsx", self.pads)
        sheet, cached = book["1K0698151"], values["1K0698151"]
        self.assertEqual(sheet["A1"].value, "Stock Card")
        self.assertEqual((sheet["A2"].value, sheet["B2"].value), ("Store", self.store_a.name))
        self.assertEqual(sheet["A3"].value, "Period")
        self.assertTrue(sheet["B3"].is_date and sheet["C3"].is_date)
        self.assertEqual(sheet["C3"].value.date(), self._today())
        header, first, last, total = self._table(sheet, "Date")
        self.assertEqual([cell.value for cell in sheet[header]],
                         ["Date", "Document", "Partner", "Bin", "In", "Out", "Balance"])
        rows = list(sheet.iter_rows(min_row=first, max_row=last))
        self.assertEqual([row[4].value for row in rows], [10, 5, 0])
        self.assertEqual([row[5].value for row in rows], [0, 0, 2])
        self.assertEqual([row[6].value for row in rows], [10, 15, 13])
        # the balance column ends on the goods in the bin
        self.assertEqual(rows[-1][6].value, quant)
        self.assertEqual(rows[-1][1].value, ticket.dealer_number)
        self.assertEqual(rows[0][3].value, self.bin_2.dealer_bin_code)
        for row in rows:
            self.assertTrue(row[0].is_date)
            self.assertEqual(row[0].value.date(), self._today())
            self.assertEqual({row[col].data_type for col in (4, 5, 6)}, {"n"})
            self.assertEqual(row[6].number_format, "#,##0.00")
        # the totals are formulas (with their value cached for viewers that do not compute)
        self.assertEqual(sheet.cell(total, 5).value, f"=SUM(E{first}:E{last})")
        self.assertEqual(sheet.cell(total, 6).value, f"=SUM(F{first}:F{last})")
        self.assertEqual((cached.cell(total, 5).value, cached.cell(total, 6).value), (15, 2))

    def test_stock_card_xlsx_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["dealer_parts"], ["zh_CN"])
        self._set_stock(self.filter, 4)
        book, __ = self._render("dealer_parts.report_parts_stock_card_xlsx", self.filter, lang="zh_CN")
        sheet = book["06A115561B"]
        header, __, __, __ = self._table(sheet, "日期")
        self.assertEqual([cell.value for cell in sheet[header]][1:],
                         ["单据", "往来单位", "库位", "入库", "出库", "结存"])

    def test_stock_card_xlsx_is_the_parts_desks(self):
        report = self.env.ref("dealer_parts.action_report_parts_stock_card_xlsx")
        pdf = self.env.ref("dealer_parts.action_report_parts_stock_card")
        self.assertEqual(report.binding_model_id, pdf.binding_model_id)
        for user, shown in ((self.clerk, True), (self.accountant, False)):
            toolbar = self.env["product.product"].with_user(user).get_views(
                [(False, "form")], {"toolbar": True})["views"]["form"]["toolbar"]
            self.assertEqual(report.id in [action["id"] for action in toolbar.get("print", [])], shown)
        with self.assertRaises(AccessError):
            self._render("dealer_parts.report_parts_stock_card_xlsx", self.pads, user=self.accountant)

    def test_count_report_xlsx(self):
        self._set_stock(self.pads, 10)
        self._set_stock(self.filter, 20)
        count = self.env["dealer.parts.count"].with_user(self.clerk).create({"location_id": self.stock.id})
        count.action_start()
        pads = count.line_ids.filtered(lambda line: line.product_id == self.pads)
        filters = count.line_ids.filtered(lambda line: line.product_id == self.filter)
        pads.write({"counted_qty": 8, "reason": "Two sets fitted without a requisition"})   # -400
        filters.write({"counted_qty": 21, "reason": "Found on the wrong shelf"})           # +30
        count.action_validate()

        book, values = self._render("dealer_parts.report_parts_count_xlsx", count)
        sheet, cached = book[count.name], values[count.name]
        self.assertEqual(sheet["A1"].value, "Stock Count Report")
        self.assertEqual((sheet["A2"].value, sheet["B2"].value), ("Store", self.store_a.name))
        self.assertEqual(sheet["B3"].value.date(), count.date)
        self.assertEqual((sheet["A4"].value, sheet["B4"].value), ("Reference", count.name))
        header, first, last, total = self._table(sheet, "Part")
        self.assertEqual([cell.value for cell in sheet[header]], [
            "Part", "Bin", "Book Quantity", "Counted Quantity", "Difference", "Unit Cost", "Difference Value",
            "Reason for the Difference"])
        lines = {row[0].value: row for row in sheet.iter_rows(min_row=first, max_row=last)}
        pads_row = lines[self.pads.display_name]
        self.assertEqual([cell.value for cell in pads_row[2:7]], [10, 8, -2, 200, -400])
        self.assertEqual({cell.data_type for cell in pads_row[2:7]}, {"n"})
        self.assertIn("¥", pads_row[6].number_format)
        self.assertEqual(lines[self.filter.display_name][6].value, 30)
        self.assertEqual(sheet.cell(total, 7).value, f"=SUM(G{first}:G{last})")
        self.assertEqual(cached.cell(total, 7).value, -370)
        # gains and losses as the count shows them, as formulas
        gains, losses = total + 2, total + 3
        self.assertEqual((sheet.cell(gains, 6).value, sheet.cell(losses, 6).value), ("Gains Value", "Losses Value"))
        self.assertEqual(sheet.cell(gains, 7).value, f'=SUMIF(G{first}:G{last},">0")')
        self.assertEqual(sheet.cell(losses, 7).value, f'=-SUMIF(G{first}:G{last},"<0")')
        self.assertEqual((cached.cell(gains, 7).value, cached.cell(losses, 7).value), (30, 400))

    def test_slow_stock_xlsx(self):
        self.pump.with_company(self.store_b).standard_price = 500.0
        self._set_stock(self.pump, 3, location=self.warehouse_b.lot_stock_id)
        line = self.env["dealer.parts.slow.stock"].search([
            ("product_id", "=", self.pump.id), ("company_id", "=", self.store_b.id)])
        book, values = self._render("dealer_parts.report_parts_slow_stock_xlsx", line,
                                    allowed_company_ids=self.store_b.ids)
        sheet, cached = book[self.store_b.name], values[self.store_b.name]
        self.assertEqual(sheet["A1"].value, "Slow and Dead Stock")
        self.assertEqual(sheet["B3"].value.date(), self._today())
        self.assertEqual((sheet["A4"].value, sheet["B4"].value), ("Dead Stock After (days)", 180))
        header, first, last, total = self._table(sheet, "Part")
        self.assertEqual(first, last)
        row = sheet[first]
        self.assertEqual([cell.value for cell in row[1:4]], [3, 500, 1500])
        self.assertTrue(row[4].is_date)
        self.assertEqual([row[5].value, row[7].value, row[8].value], [0, 0, False])
        self.assertEqual(row[8].data_type, "b")
        self.assertEqual(sheet.cell(total, 4).value, f"=SUM(D{first}:D{last})")
        self.assertEqual(cached.cell(total, 4).value, 1500)

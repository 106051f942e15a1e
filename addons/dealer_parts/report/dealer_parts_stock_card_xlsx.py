from odoo import fields, models


class ReportDealerPartsStockCardXlsx(models.AbstractModel):
    """The stock card (卡片帐) of parts as a workbook: one sheet per part, the
    store's movements with their running balance per bin."""

    _name = "report.dealer_parts.report_parts_stock_card_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Stock Card (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        company = self.env.company
        formats = self._dealer_xlsx_formats(workbook, company)
        Card = self.env["dealer.parts.stock.card"]
        columns = [
            self._dealer_xlsx_column(Card._name, "date"),
            self._dealer_xlsx_column(Card._name, "reference"),
            self._dealer_xlsx_column(Card._name, "partner_id"),
            self._dealer_xlsx_column(Card._name, "location_id", width=14),
            self._dealer_xlsx_column(Card._name, "qty_in", total=True),
            self._dealer_xlsx_column(Card._name, "qty_out", total=True),
            self._dealer_xlsx_column(Card._name, "balance"),
        ]
        today = fields.Date.context_today(self)
        for product in objs:
            lines = Card._dealer_card_lines(product, company)
            sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(
                product.dealer_oem_number or product.default_code or product.name))
            first_day = self._dealer_xlsx_local_date(lines[:1].date) or today
            row = self._dealer_xlsx_write_header(
                sheet, formats, self.env._("Stock Card"), company, (first_day, today), [
                    (self.env._("Part"), " ".join(filter(None, [product.dealer_oem_number, product.name]))),
                    (self.env._("Default Bin"), product.dealer_default_bin_id.dealer_bin_code or ""),
                ])
            self._dealer_xlsx_write_table(sheet, formats, row, columns, [[
                line.date,
                line.reference,
                line.partner_id.display_name,
                line.location_id.dealer_bin_code or line.location_id.name,
                line.qty_in,
                line.qty_out,
                line.balance,
            ] for line in lines])

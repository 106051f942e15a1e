from odoo import models


class ReportDealerCsiKpiAnalysisXlsx(models.AbstractModel):
    """The monthly operating analysis as a workbook: the same figures as the PDF, numbers as
    numbers, the trades' revenue totals as formulas."""

    _name = "report.dealer_csi.report_kpi_analysis_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Monthly Operating Analysis (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        for analysis in objs:
            company = analysis.company_id
            formats = self._dealer_xlsx_formats(workbook, company)
            content = analysis._dealer_analysis()
            sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(f"{company.name} {analysis.date_from:%Y-%m}"))
            row = self._dealer_xlsx_write_header(
                sheet, formats, self.env._("Monthly Operating Analysis"), company,
                (analysis.date_from, analysis.date_to),
            )
            sheet.set_column(0, 0, 28)
            sheet.set_column(1, 2, 16)
            for col, title in enumerate((self.env._("Figure"), self.env._("This Month"), self.env._("Month Before"))):
                sheet.write_string(row, col, title, formats["header"])
            for offset, (label, kind, month, before) in enumerate(content["figures"], start=1):
                sheet.write_string(row + offset, 0, label, formats["text"])
                self._dealer_xlsx_write_cell(sheet, row + offset, 1, month, kind, formats)
                self._dealer_xlsx_write_cell(sheet, row + offset, 2, before, kind, formats)
            row += len(content["figures"]) + 2
            columns = [
                {"title": self.env._("Trade"), "kind": "text", "total": False, "width": 28},
                {"title": self.env._("Labour Revenue"), "kind": "monetary", "total": True, "width": 16},
                {"title": self.env._("Parts Revenue"), "kind": "monetary", "total": True, "width": 16},
                {"title": self.env._("Revenue"), "kind": "monetary", "total": True, "width": 16},
            ]
            self._dealer_xlsx_write_table(sheet, formats, row, columns, [list(line) for line in content["trades"]])

from odoo import models


class ReportDealerInsuranceStatementXlsx(models.AbstractModel):
    """The insurer's statement of account as a workbook: the same figures as the PDF, numbers as
    numbers, dates as dates, the debit and credit totals as formulas."""

    _name = "report.dealer_insurance.report_insurer_statement_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Insurer Statement of Account (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        for statement in objs:
            company = statement.company_id
            formats = self._dealer_xlsx_formats(workbook, company)
            figures = statement._dealer_statement()
            sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(statement.insurer_id.name))
            row = self._dealer_xlsx_write_header(
                sheet, formats, self.env._("Statement of Account"), company,
                (statement.date_from, statement.date_to), [
                    self._dealer_xlsx_field_line(statement, "insurer_id"),
                    (self.env._("Opening Balance"), figures["opening"]),
                ])
            columns = [
                self._dealer_xlsx_column(statement._name, "date_from", title=self.env._("Date")),
                {"title": self.env._("Document"), "kind": "text", "total": False, "width": 20},
                {"title": self.env._("Accident Case"), "kind": "text", "total": False, "width": 16},
                {"title": self.env._("Report Number"), "kind": "text", "total": False, "width": 24},
                {"title": self.env._("Licence Plate"), "kind": "text", "total": False, "width": 12},
                {"title": self.env._("Debit"), "kind": "monetary", "total": True, "width": 14},
                {"title": self.env._("Credit"), "kind": "monetary", "total": True, "width": 14},
                {"title": self.env._("Balance"), "kind": "monetary", "total": False, "width": 14},
            ]
            table = self._dealer_xlsx_write_table(sheet, formats, row, columns, [[
                line["date"], line["name"], line["case"], line["report_number"], line["plate"],
                line["debit"], line["credit"], line["balance"],
            ] for line in figures["lines"]])
            closing = table["next"]
            sheet.write_string(closing, 0, self.env._("Closing Balance"), formats["label"])
            self._dealer_xlsx_write_cell(sheet, closing, 7, figures["closing"], "monetary", formats)

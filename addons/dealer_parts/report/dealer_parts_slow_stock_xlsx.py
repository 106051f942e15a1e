from odoo import fields, models


class ReportDealerPartsSlowStockXlsx(models.AbstractModel):
    """The slow and dead stock list (呆滞) as a workbook: one sheet per store."""

    _name = "report.dealer_parts.report_parts_slow_stock_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Slow and Dead Stock (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        Slow = self.env["dealer.parts.slow.stock"]
        columns = [
            self._dealer_xlsx_column(Slow._name, "product_id", width=36),
            self._dealer_xlsx_column(Slow._name, "quantity", total=True),
            self._dealer_xlsx_column(Slow._name, "unit_cost", kind="monetary"),
            self._dealer_xlsx_column(Slow._name, "value", kind="monetary", total=True),
            self._dealer_xlsx_column(Slow._name, "oldest_date"),
            self._dealer_xlsx_column(Slow._name, "age_days"),
            self._dealer_xlsx_column(Slow._name, "last_move_date"),
            self._dealer_xlsx_column(Slow._name, "idle_days"),
            self._dealer_xlsx_column(Slow._name, "dead"),
        ]
        today = fields.Date.context_today(self)
        records = Slow.search([("id", "in", objs.ids)])
        for company in records.company_id:
            formats = self._dealer_xlsx_formats(workbook, company)
            sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(company.name))
            row = self._dealer_xlsx_write_header(
                sheet, formats, self.env._("Slow and Dead Stock"), company, (today,),
                [self._dealer_xlsx_field_line(company, "dealer_slow_stock_days")],
            )
            self._dealer_xlsx_write_table(sheet, formats, row, columns, [[
                line.product_id.display_name,
                line.quantity,
                line.unit_cost,
                line.value,
                line.oldest_date,
                line.age_days,
                line.last_move_date,
                line.idle_days,
                line.dead,
            ] for line in records.filtered(lambda line, company=company: line.company_id == company)])

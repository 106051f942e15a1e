from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import models


class ReportDealerPartsCountXlsx(models.AbstractModel):
    """The stock count report (盘点报表) as a workbook: one sheet per count, every
    counted line with its gain or loss, the gains and losses as formulas."""

    _name = "report.dealer_parts.report_parts_count_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Stock Count Report (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        Line = self.env["dealer.parts.count.line"]
        columns = [
            self._dealer_xlsx_column(Line._name, "product_id", width=36),
            self._dealer_xlsx_column(Line._name, "location_id", width=14),
            self._dealer_xlsx_column(Line._name, "theoretical_qty", total=True),
            self._dealer_xlsx_column(Line._name, "counted_qty", total=True),
            self._dealer_xlsx_column(Line._name, "difference_qty", total=True),
            self._dealer_xlsx_column(Line._name, "unit_cost", kind="monetary"),
            self._dealer_xlsx_column(Line._name, "difference_value", kind="monetary", total=True),
            self._dealer_xlsx_column(Line._name, "reason", width=30),
        ]
        value_col = 6
        for count in objs:
            formats = self._dealer_xlsx_formats(workbook, count.company_id)
            sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(count.display_name))
            row = self._dealer_xlsx_write_header(
                sheet, formats, self.env._("Stock Count Report"), count.company_id, (count.date,),
                [self._dealer_xlsx_field_line(count, name) for name in
                 ("name", "kind", "location_id", "counter_id", "second_counter_id", "state")],
            )
            table = self._dealer_xlsx_write_table(sheet, formats, row, columns, [[
                line.product_id.display_name,
                line.location_id.dealer_bin_code or line.location_id.display_name,
                line.theoretical_qty,
                line.counted_qty,
                line.difference_qty,
                line.unit_cost,
                line.difference_value,
                line.reason,
            ] for line in count.line_ids])
            values = f"{xl_rowcol_to_cell(table['first'], value_col)}:{xl_rowcol_to_cell(table['last'], value_col)}"
            for offset, (name, formula, total) in enumerate([
                ("gain_value", f'=SUMIF({values},">0")', count.gain_value),
                ("loss_value", f'=-SUMIF({values},"<0")', count.loss_value),
            ]):
                row = table["next"] + offset
                sheet.write_string(row, value_col - 1, count._fields[name]._description_string(self.env),
                                   formats["label"])
                sheet.write_formula(row, value_col, formula if count.line_ids else "=0", formats["total_monetary"],
                                    total)

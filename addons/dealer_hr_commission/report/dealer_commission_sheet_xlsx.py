from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import models


class ReportDealerCommissionSheetXlsx(models.AbstractModel):
    """The monthly commission sheet as a workbook: one sheet per group, a line per
    employee with each rule's contribution; before fund and commission are formulas."""

    _name = "report.dealer_hr_commission.report_commission_sheet_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Commission Sheet (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        Line = self.env["dealer.commission.sheet.line"]
        for commission in objs:
            formats = self._dealer_xlsx_formats(workbook, commission.company_id)
            for group, lines in commission.line_ids.grouped("group_id").items():
                rules = lines.item_ids.rule_id.sorted(lambda rule: (rule.sequence, rule.id))
                earning = rules.filtered(lambda rule: rule.rule_type != "fund")
                columns = [
                    self._dealer_xlsx_column(Line._name, "employee_id", width=20),
                    self._dealer_xlsx_column(Line._name, "coefficient"),
                    *(self._dealer_xlsx_column(Line._name, "amount", title=rule.name, total=True, width=16)
                      for rule in earning),
                    self._dealer_xlsx_column(Line._name, "amount_gross", kind="monetary", total=True),
                    self._dealer_xlsx_column(Line._name, "amount_fund", kind="monetary", total=True),
                    self._dealer_xlsx_column(Line._name, "amount", kind="monetary", total=True),
                ]
                for column in columns[2:2 + len(earning)]:
                    column["kind"] = "monetary"
                sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(group.name))
                row = self._dealer_xlsx_write_header(
                    sheet, formats, self.env._("Commission Sheet"), commission.company_id,
                    (commission.date_from, commission.date_to),
                    [self._dealer_xlsx_field_line(commission, name) for name in ("name", "version", "state")])
                table = self._dealer_xlsx_write_table(sheet, formats, row, columns, [[
                    line.employee_id.name,
                    line.coefficient,
                    *(sum(line.item_ids.filtered(lambda i, r=rule: i.rule_id == r).mapped("amount"))
                      for rule in earning),
                    line.amount_gross,
                    line.amount_fund,
                    line.amount,
                ] for line in lines])
                gross_col = 2 + len(earning)
                for offset, line in enumerate(lines):
                    current = table["first"] + offset
                    first_rule = xl_rowcol_to_cell(current, 2)
                    last_rule = xl_rowcol_to_cell(current, gross_col - 1)
                    gross = f"=SUM({first_rule}:{last_rule})" if earning else "=0"
                    sheet.write_formula(current, gross_col, gross, formats["monetary"], line.amount_gross)
                    sheet.write_formula(current, gross_col + 2, f"={xl_rowcol_to_cell(current, gross_col)}"
                                        f"-{xl_rowcol_to_cell(current, gross_col + 1)}",
                                        formats["monetary"], line.amount)

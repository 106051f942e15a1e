import datetime
import re

from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import api, fields, models

# column kind of each field type (a float is a quantity: money columns say kind="monetary")
KIND_BY_FIELD_TYPE = {
    "date": "date", "datetime": "date", "integer": "integer", "float": "quantity", "monetary": "monetary",
    "boolean": "boolean",
}
WIDTH_BY_KIND = {"text": 24, "date": 12, "integer": 10, "quantity": 12, "monetary": 14, "boolean": 8}


class ReportDealerXlsxMixin(models.AbstractModel):
    """Shared layout of the suite's XLSX reports (report_xlsx): a header with the
    title, the store and the period, a table titled in the user's language whose
    numbers are numbers and dates dates (on the user's calendar), totals as formulas.

    A report inherits this model, builds its columns with ``_dealer_xlsx_column``
    and writes each sheet with ``_dealer_xlsx_write_header`` and
    ``_dealer_xlsx_write_table``."""

    _name = "report.dealer_service.xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "After-Sales XLSX Report"

    def create_xlsx_report(self, docids, data):
        # the user's language when the caller gave none (column titles, labels)
        lang = self.env.context.get("lang") or self.env.user.lang
        return super(ReportDealerXlsxMixin, self.with_context(lang=lang)).create_xlsx_report(docids, data)

    @api.model
    def _dealer_xlsx_formats(self, workbook, company):
        """The cell formats of a workbook, per column kind (and ``total_<kind>``)."""
        qty_digits = self.env["decimal.precision"].precision_get("Product Unit")
        number_formats = {
            "text": None,
            "date": "yyyy-mm-dd",
            "integer": "#,##0",
            "quantity": "#,##0" + ("." + "0" * qty_digits if qty_digits else ""),
            "monetary": self._report_xlsx_currency_format(company.currency_id),
            "boolean": None,
        }
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "label": workbook.add_format({"bold": True}),
            "value": workbook.add_format({}),
            "value_date": workbook.add_format({"num_format": number_formats["date"], "align": "left"}),
            "header": workbook.add_format({
                "bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True, "valign": "vcenter",
            }),
        }
        for kind, num_format in number_formats.items():
            style = {"border": 1}
            if num_format:
                style["num_format"] = num_format
            formats[kind] = workbook.add_format(style)
            formats[f"total_{kind}"] = workbook.add_format({**style, "bold": True, "top": 2})
        return formats

    @api.model
    def _dealer_xlsx_column(self, model, field_name, kind=None, total=False, width=None, title=None):
        """A column of a model's field: titled with the field's label in the user's language."""
        field = self.env[model]._fields[field_name]
        kind = kind or KIND_BY_FIELD_TYPE.get(field.type, "text")
        return {
            "title": title or field._description_string(self.env),
            "kind": kind,
            "total": total,
            "width": width or WIDTH_BY_KIND[kind],
        }

    @api.model
    def _dealer_xlsx_field_line(self, record, field_name):
        """A header line (label, value) of a record's field, in the user's language."""
        field = record._fields[field_name]
        value = record[field_name]
        if field.type == "selection":
            value = dict(field._description_selection(self.env)).get(value)
        elif field.type in ("many2one", "many2many", "one2many"):
            value = ", ".join(value.mapped("display_name"))
        elif field.type in ("date", "datetime") and value:
            value = (value,)
        return field._description_string(self.env), value

    @api.model
    def _dealer_xlsx_sheet_name(self, name):
        """A valid sheet name (31 characters, none of []:*?/\\); report_xlsx numbers duplicates."""
        return re.sub(r"[\[\]:*?/\\]", "-", name or "-")[:31]

    @api.model
    def _dealer_xlsx_local_date(self, value):
        """A date to write: a datetime is shown on the user's calendar day."""
        if isinstance(value, datetime.datetime):
            return fields.Datetime.context_timestamp(self, value).date()
        return value or None

    @api.model
    def _dealer_xlsx_write_header(self, sheet, formats, title, company, period, lines=()):
        """Title, store, period (first and last day as dates) and extra (label, value) lines.
        Return the next free row (one blank row after the header)."""
        sheet.write_string(0, 0, title, formats["title"])
        rows = [(self.env._("Store"), company.name), (self.env._("Period"), period), *lines]
        for row, (label, value) in enumerate(rows, start=1):
            sheet.write_string(row, 0, label, formats["label"])
            if isinstance(value, tuple):
                for col, day in enumerate(value, start=1):
                    self._dealer_xlsx_write_cell(sheet, row, col, day, "value_date", formats)
            else:
                self._dealer_xlsx_write_cell(sheet, row, 1, value, "value", formats)
        return len(rows) + 2

    @api.model
    def _dealer_xlsx_write_cell(self, sheet, row, col, value, kind, formats):
        cell_format = formats[kind]
        if value is None or (value is False and kind != "boolean"):
            sheet.write_blank(row, col, None, cell_format)
        elif kind in ("date", "value_date"):
            sheet.write_datetime(row, col, self._dealer_xlsx_local_date(value), cell_format)
        elif kind == "boolean":
            sheet.write_boolean(row, col, bool(value), cell_format)
        elif kind in ("integer", "quantity", "monetary") or (kind == "value" and isinstance(value, int | float)):
            sheet.write_number(row, col, value, cell_format)
        else:
            sheet.write_string(row, col, str(value), cell_format)

    @api.model
    def _dealer_xlsx_write_table(self, sheet, formats, row, columns, rows):
        """Column titles at ``row``, one line per item of ``rows`` (values in column order)
        and, when a column asks for it, a total line of ``=SUM()`` formulas.
        Return a dict: ``first`` and ``last`` data rows, ``total`` row (or None), ``next`` free row."""
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column["width"])
            sheet.write_string(row, col, column["title"], formats["header"])
        sheet.freeze_panes(row + 1, 0)
        first = row + 1
        for offset, values in enumerate(rows):
            for col, (column, value) in enumerate(zip(columns, values, strict=True)):
                self._dealer_xlsx_write_cell(sheet, first + offset, col, value, column["kind"], formats)
        last = first + len(rows) - 1
        if rows:
            sheet.autofilter(row, 0, last, len(columns) - 1)
        result = {"first": first, "last": last, "total": None, "next": last + 2}
        if any(column["total"] for column in columns):
            total_row = last + 1
            sheet.write_string(total_row, 0, self.env._("Total"), formats["total_text"])
            for col, column in enumerate(columns[1:], start=1):
                kind = column["kind"]
                if not column["total"]:
                    sheet.write_blank(total_row, col, None, formats["total_text"])
                    continue
                total = sum(values[col] or 0.0 for values in rows)
                sheet.write_formula(total_row, col, self._dealer_xlsx_sum(first, last, col), formats[f"total_{kind}"],
                                    total)
            result.update(total=total_row, next=total_row + 2)
        return result

    @api.model
    def _dealer_xlsx_sum(self, first, last, col):
        """``=SUM()`` of a column's data rows (0 when there are none)."""
        if last < first:
            return "=0"
        return f"=SUM({xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(last, col)})"

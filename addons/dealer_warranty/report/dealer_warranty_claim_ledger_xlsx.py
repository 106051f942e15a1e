from odoo import fields, models


class ReportDealerWarrantyClaimLedgerXlsx(models.AbstractModel):
    """The claim ledger (保修索赔款台账) as a workbook: each claim with what was claimed from the
    OEM, what it approved and what is still open, what it paid and still owes (taxes included),
    the days with the OEM and its reason code."""

    _name = "report.dealer_warranty.report_claim_ledger_xlsx"
    _inherit = "report.dealer_service.xlsx_mixin"
    _description = "Warranty Claim Ledger (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        Claim = self.env["dealer.warranty.claim"]
        columns = [
            self._dealer_xlsx_column(Claim._name, "name", width=16),
            self._dealer_xlsx_column(Claim._name, "date"),
            self._dealer_xlsx_column(Claim._name, "repair_order_id", width=16),
            self._dealer_xlsx_column(Claim._name, "vin", width=20),
            self._dealer_xlsx_column(Claim._name, "partner_id", width=30),
            self._dealer_xlsx_column(Claim._name, "claim_type", width=14),
            self._dealer_xlsx_column(Claim._name, "state", width=14),
            self._dealer_xlsx_column(Claim._name, "date_submitted"),
            self._dealer_xlsx_column(Claim._name, "days_open"),
            self._dealer_xlsx_column(Claim._name, "amount_claimed", total=True),
            self._dealer_xlsx_column(Claim._name, "amount_approved", total=True),
            self._dealer_xlsx_column(Claim._name, "amount_open", total=True),
            self._dealer_xlsx_column(Claim._name, "amount_paid", total=True),
            self._dealer_xlsx_column(Claim._name, "amount_due", total=True),
            self._dealer_xlsx_column(Claim._name, "reason_id", width=30),
        ]
        for company in objs.company_id:
            claims = objs.filtered(lambda claim, company=company: claim.company_id == company).sorted("date")
            formats = self._dealer_xlsx_formats(workbook, company)
            sheet = workbook.add_worksheet(self._dealer_xlsx_sheet_name(company.name))
            row = self._dealer_xlsx_write_header(
                sheet, formats, self.env._("Warranty Claim Ledger"), company,
                (min(claims.mapped("date")), fields.Date.context_today(self)))
            types = dict(Claim._fields["claim_type"]._description_selection(self.env))
            states = dict(Claim._fields["state"]._description_selection(self.env))
            self._dealer_xlsx_write_table(sheet, formats, row, columns, [[
                claim.name, claim.date, claim.repair_order_id.name or "", claim.vin or "",
                claim.partner_id.display_name or "", types[claim.claim_type], states[claim.state],
                claim.date_submitted or None, claim.days_open, claim.amount_claimed, claim.amount_approved,
                claim.amount_open, claim.amount_paid, claim.amount_due, claim.reason_id.display_name or "",
            ] for claim in claims])

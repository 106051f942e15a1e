from collections import defaultdict

from odoo import api, models


class DealerCommissionMeasure(models.Model):
    _inherit = "dealer.commission.measure"

    @api.model
    def _dealer_measure_methods(self):
        return {
            **super()._dealer_measure_methods(),
            "complaints": "_dealer_measure_complaints",
            "checklist_score": "_dealer_measure_checklist_score",
        }

    @api.model
    def _dealer_measure_complaints(self, sheet, employees):
        """The complaints that stood against each employee in the month: ``complaints`` (all, for the
        percentage cuts and the deposit), ``complaints_oem`` (passed on by the maker) and
        ``complaints_caused`` (the others), each complaint weighing once in the fixed penalties."""
        events = self.env["dealer.csi.complaint"]._dealer_commission_penalty_events(
            sheet.company_id, sheet.date_from, sheet.date_to)
        complaints = defaultdict(lambda: defaultdict(list))  # employee -> code -> complaints
        for event in events:
            if event["employee"] in employees:
                codes = complaints[event["employee"]]
                codes["complaints"].append(event["complaint"])
                codes["complaints_oem" if event["oem"] else "complaints_caused"].append(event["complaint"])
        return [{
            "employee_id": employee.id, "code": code, "value": len(records),
            "document_model": "dealer.csi.complaint", "document_ids": [record.id for record in records],
        } for employee, codes in complaints.items() for code, records in codes.items()]

    @api.model
    def _dealer_measure_checklist_score(self, sheet, employees):
        """Each advisor's score of the month's signed checklists (100 less the points taken off)."""
        company = sheet.company_id
        scores = self.env["dealer.csi.checklist"]._dealer_commission_checklist_scores(
            company, sheet.date_from, sheet.date_to)
        checklists = dict(self.env["dealer.csi.checklist"]._read_group([
            ("company_id", "=", company.id), ("state", "=", "done"),
            ("date", ">=", sheet.date_from), ("date", "<=", sheet.date_to)], ["user_id"], ["id:array_agg"]))
        by_user = self._dealer_by_user(employees)
        return [{"employee_id": by_user[user].id, "value": score, "document_model": "dealer.csi.checklist",
                 "document_ids": sorted(checklists.get(user, []))}
                for user, (score, _penalised) in scores.items() if user in by_user]

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCommissionTour(HttpCase):
    """The commission officer's month end in the demo store, as the demo login `commission`."""

    def test_compute_adjust_submit_export(self):
        Sheet = self.env["dealer.commission.sheet"]
        before = Sheet.search([])
        self.start_tour("/odoo/commission-sheets/new", "dealer_hr_commission_sheet_tour", login="commission")
        sheet = Sheet.search([]) - before
        self.assertRecordValues(sheet, [{
            "company_id": self.env.ref("dealer_service.company_dalian_demo").id,
            "date_from": fields.Date.today().replace(day=1),
            "create_uid": self.env.ref("dealer_hr_commission.user_commission_demo").id,
        }])
        self.assertEqual(sorted(sheet.line_ids.employee_id.mapped("name")), ["Liu Gang", "Wang Qiang"])
        liu_gang = sheet.line_ids.filtered(lambda line: line.employee_id.name == "Liu Gang")
        self.assertRecordValues(liu_gang, [{"coefficient": 0.8, "coefficient_reason": "本月带徒弟，系数下调"}])
        self.assertEqual(sheet.state, "to_approve")
        self.assertEqual(len(sheet.review_ids), 2, "the station manager and finance approve it")
        self.assertTrue(sheet.message_ids.filtered(lambda message: "本月带徒弟" in message.body))

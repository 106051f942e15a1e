from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCommissionTour(HttpCase):
    """The commission officer's month end in the demo store, as the demo login `commission`."""

    def test_compute_adjust_submit_export(self):
        sheet = self.env.ref("dealer_hr_commission.commission_sheet_demo")
        self.assertEqual(sheet.state, "draft")
        self.start_tour(f"/odoo/commission-sheets/{sheet.id}", "dealer_hr_commission_sheet_tour", login="commission")
        liu_gang = sheet.line_ids.filtered(lambda line: line.employee_id.name == "Liu Gang")
        self.assertRecordValues(liu_gang, [{"coefficient": 0.8, "coefficient_reason": "本月带徒弟，系数下调"}])
        self.assertEqual(sheet.state, "to_approve")
        self.assertEqual(len(sheet.review_ids), 2, "the station manager and finance approve it")
        self.assertTrue(sheet.message_ids.filtered(lambda message: "本月带徒弟" in message.body))

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.dealer_csi.tests.common import CsiCase


@tagged("post_install", "-at_install")
class TestCommissionCsi(CsiCase):
    """The complaints that stood against an advisor and their checklist score, from the documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advisor_employee = cls.env["hr.employee"].create({
            "name": "Advisor A", "user_id": cls.advisor_a.id, "company_id": cls.store_a.id,
            "dealer_commission_group_id": cls.env.ref("dealer_hr_commission.commission_group_advisors").id})

    def _standing_complaint(self, when, channel="phone"):
        """A complaint against the advisor, investigated and found valid."""
        with freeze_time(when):
            form = Form(self.env["dealer.csi.complaint"].with_user(self.agent))
            form.partner_id = self.customer
            form.channel = channel
            form.description = "交车晚了两个小时"
            complaint = form.save()
            complaint.write({"department": "reception", "responsible_user_id": self.advisor_a.id,
                             "category": "attitude", "investigation": "态度不好", "solution": "道歉"})
            complaint.action_respond()
            complaint.action_propose_solution()
        self.assertEqual(complaint.validity, "valid")
        return complaint

    def test_complaints_and_checklist_score(self):
        phone = self._standing_complaint("2026-12-02 02:00:00")
        oem = self._standing_complaint("2026-12-31 16:30:00", channel="oem")  # 1 Jan 2027 00:30 in Dalian
        oem_december = self._standing_complaint("2026-12-15 02:00:00", channel="oem")
        form = Form(self.env["dealer.csi.checklist"].with_user(self.frontdesk))
        form.user_id = self.advisor_a
        form.date = "2026-12-03"
        with form.line_ids.edit(23) as line:  # item 24, poor: 5 points off
            self.assertEqual(line.sequence, 24)
            line.result = "poor"
        checklist = form.save()
        checklist.action_sign()

        sheet = self.env["dealer.commission.sheet"].create({"date_from": "2026-12-01", "company_id": self.store_a.id})
        sheet.action_compute()
        measures = {measure.code: measure for measure in sheet.measure_ids}
        self.assertEqual({code: measure.value for code, measure in measures.items()}, {
            "complaints": 2.0,  # the phone and the OEM complaint of December (the other is January's)
            "complaints_caused": 1.0,
            "complaints_oem": 1.0,
            "checklist_score": 95.0,  # 100 - 5
        })
        self.assertEqual(measures["complaints"].document_ids, [phone.id, oem_december.id])
        self.assertNotIn(oem.id, measures["complaints_oem"].document_ids)
        self.assertEqual((measures["checklist_score"].document_model, measures["checklist_score"].document_ids),
                         ("dealer.csi.checklist", [checklist.id]))
        self.assertEqual(sheet.measure_ids.employee_id, self.advisor_employee)
        # the documents behind a figure are the computation's: nobody rewrites them
        with self.assertRaises(UserError):
            measures["complaints"].write({"document_ids": [oem.id]})

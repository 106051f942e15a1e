from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from . import common


@tagged("post_install", "-at_install")
class TestInsurerContact(common.InsuranceCase):
    """The director's rule: at least 4 contacts a month with each insurer, 8 with the active ones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_insurer = cls.env["res.partner"].create({
            "name": "CPIC Test Insurance", "is_company": True, "dealer_is_insurer": True,
        })

    def _log(self, insurer, count, day, user=None):
        Contact = self.env["dealer.insurer.contact"].with_user(user or self.clerk_a)
        for _index in range(count):
            form = Form(Contact)
            form.insurer_id = insurer
            form.date = day
            form.contact_type = "visit"
            form.subject = "走访理赔部"
            form.save()

    def _insurers(self, **context):
        return self.env["res.partner"].with_user(self.clerk_a).with_context(**context).browse(
            (self.insurer | self.other_insurer).ids,
        )

    @freeze_time("2026-11-20 04:00:00")
    def test_insurers_below_the_monthly_minimum_are_flagged(self):
        # an accident case with PICC this month makes it an active insurer: 8 contacts due
        self.env["dealer.insurance.case"].with_user(self.clerk_a).create({"insurer_id": self.insurer.id})
        self._log(self.insurer, 7, date(2026, 11, 3))
        self._log(self.other_insurer, 4, date(2026, 11, 5))
        self._log(self.other_insurer, 3, date(2026, 10, 30))  # last month does not count
        picc, cpic = self._insurers()
        self.assertRecordValues(picc | cpic, [
            {"dealer_insurer_active": True, "dealer_contact_count": 7, "dealer_contact_minimum": 8,
             "dealer_contact_below_minimum": True},
            {"dealer_insurer_active": False, "dealer_contact_count": 4, "dealer_contact_minimum": 4,
             "dealer_contact_below_minimum": False},
        ])
        below = self.env["res.partner"].with_user(self.clerk_a).search([
            ("dealer_is_insurer", "=", True), ("dealer_contact_below_minimum", "=", True),
        ])
        self.assertIn(self.insurer, below)
        self.assertNotIn(self.other_insurer, below)
        self._log(self.insurer, 1, date(2026, 11, 19))
        picc.invalidate_recordset()
        self.assertFalse(picc.dealer_contact_below_minimum)

    @freeze_time("2026-11-20 04:00:00")
    def test_minimum_is_the_store_setting_and_counts_are_per_store(self):
        self._log(self.other_insurer, 3, date(2026, 11, 5))
        cpic = self._insurers()[1]
        self.assertTrue(cpic.dealer_contact_below_minimum)
        self.store_a.dealer_insurer_contact_minimum = 3
        cpic.invalidate_recordset()
        self.assertFalse(cpic.dealer_contact_below_minimum)
        # store B's contacts are its own
        self._log(self.other_insurer, 1, date(2026, 11, 5), user=self.clerk_b)
        in_b = self.env["res.partner"].with_user(self.clerk_b).browse(self.other_insurer.id)
        self.assertRecordValues(in_b, [{"dealer_contact_count": 1, "dealer_contact_below_minimum": True}])
        self.assertEqual(self.env["dealer.insurer.contact"].with_user(self.clerk_b).search_count([]), 1)

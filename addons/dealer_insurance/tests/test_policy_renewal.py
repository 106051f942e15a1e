from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from . import common

EXPIRY = date(2027, 3, 31)


@tagged("post_install", "-at_install")
class TestPolicyRenewal(common.InsuranceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.renewal_clerk = cls._make_user("ins_renewal_clerk", common.CLERK)
        cls.renewal_clerk.tz = "Asia/Shanghai"
        cls.store_a.dealer_renewal_user_id = cls.renewal_clerk
        Policy = cls.env["dealer.insurance.policy"]
        cls.policy = Policy.create({
            "name": "PDAA202621020000012345", "vehicle_id": cls.vehicle_a.id, "insurer_id": cls.insurer.id,
            "cover": "commercial", "date_start": date(2026, 4, 1), "date_end": EXPIRY, "premium": 4000.0,
            "partner_id": cls.customer.id,
        })
        cls.compulsory = Policy.create({
            "name": "PDZA202621020000012346", "vehicle_id": cls.vehicle_a.id, "insurer_id": cls.insurer.id,
            "cover": "compulsory", "date_start": date(2026, 4, 1), "date_end": EXPIRY + timedelta(days=10),
            "premium": 950.0, "partner_id": cls.customer.id,
        })
        cls.renewal_type = cls.env.ref("dealer_insurance.mail_activity_type_policy_renewal")

    def _reminders(self, policy):
        return policy.activity_ids.filtered(lambda act: act.activity_type_id == self.renewal_type)

    def _run_on(self, day):
        """The scheduled action runs at 02:00 in Dalian (18:00 UTC the day before)."""
        with freeze_time(f"{day - timedelta(days=1)} 18:00:00"):
            self.env["dealer.insurance.policy"]._cron_renewal_reminders()

    def test_reminders_60_30_7_days_before_expiry_exactly_once(self):
        expected = {61: 0, 60: 1, 59: 1, 31: 1, 30: 2, 8: 2, 7: 3, 6: 3, 0: 3}
        for days, count in expected.items():
            self._run_on(EXPIRY - timedelta(days=days))
            with self.subTest(days=days):
                self.assertEqual(len(self._reminders(self.policy)), count)
            if days in (60, 30, 7):
                # running it again the same day makes no second reminder
                self._run_on(EXPIRY - timedelta(days=days))
                self.assertEqual(len(self._reminders(self.policy)), count)
        reminders = self._reminders(self.policy).sorted("id")
        self.assertEqual(reminders.user_id, self.renewal_clerk)
        self.assertEqual(reminders.mapped("date_deadline"),
                         [EXPIRY - timedelta(days=60), EXPIRY - timedelta(days=30), EXPIRY - timedelta(days=7)])
        self.assertEqual(reminders[0].summary,
                         "Renew Commercial policy PDAA202621020000012345 of 京A12345: expires in 60 days")
        # the compulsory policy expires 10 days later: on the days the action ran, it was 41 days
        # (the 60-day reminder, late) and 18 days (the 30-day one) before its expiry
        self.assertEqual(self._reminders(self.compulsory).mapped("date_deadline"),
                         [EXPIRY - timedelta(days=31), EXPIRY - timedelta(days=8)])

    def test_missed_day_is_caught_up_and_switched_off_stores_are_skipped(self):
        # the server was down on day 60: the reminder comes on day 59
        self._run_on(EXPIRY - timedelta(days=59))
        self.assertEqual(len(self._reminders(self.policy)), 1)
        self.store_a.dealer_insurance_enabled = False
        self._run_on(EXPIRY - timedelta(days=30))
        self.assertEqual(len(self._reminders(self.policy)), 1)

    def test_without_a_renewal_clerk_the_responsible_is_reminded(self):
        self.store_a.dealer_renewal_user_id = False
        self.policy.user_id = self.clerk_a
        self._run_on(EXPIRY - timedelta(days=60))
        self.assertEqual(self._reminders(self.policy).user_id, self.clerk_a)

    def test_renewal_records_the_rebate_gross_profit_and_the_new_policy(self):
        self._run_on(EXPIRY - timedelta(days=30))
        form = Form(self.env["dealer.insurance.renewal"].with_user(self.clerk_a).with_context(
            default_policy_id=self.policy.id))
        self.assertEqual(form.insurer_id, self.insurer)
        self.assertEqual(form.date_start, date(2027, 4, 1))
        self.assertEqual(form.date_end, date(2028, 3, 31))
        form.policy_number = "PDAA202721020000054321"
        form.premium = 4200.0
        form.rebate_rate = 15.0
        self.assertEqual(form.rebate_amount, 630.0)
        form.customer_incentive = 230.0
        renewal = form.save()
        self.assertEqual(renewal.rebate_gross_profit, 400.0)
        with freeze_time("2027-03-05 03:00:00"):
            renewal.with_user(self.clerk_a).action_confirm()
        self.assertRecordValues(renewal, [{"state": "done", "date": date(2027, 3, 5), "user_id": self.clerk_a.id}])
        self.assertRecordValues(renewal.new_policy_id, [{
            "name": "PDAA202721020000054321", "vehicle_id": self.vehicle_a.id, "cover": "commercial",
            "insurer_id": self.insurer.id, "date_start": date(2027, 4, 1), "date_end": date(2028, 3, 31),
            "premium": 4200.0,
        }])
        self.assertRecordValues(self.policy, [{"is_renewed": True, "state": "renewed"}])
        self.assertFalse(self._reminders(self.policy), "the renewal marks its reminders done")
        # what commission reads: the rebate gross profit per clerk and period
        profit = self.env["dealer.insurance.renewal"]._dealer_rebate_gross_profit(
            self.store_a, date(2027, 3, 1), date(2027, 3, 31),
        )
        self.assertEqual(profit, {self.clerk_a: 400.0})
        # recorded: it no longer changes, is not deleted, and the policy is not renewed twice
        with self.assertRaisesRegex(UserError, "no longer changes"):
            renewal.with_user(self.clerk_a).premium = 1.0
        with self.assertRaises(UserError):
            renewal.with_user(self.clerk_a).unlink()
        second = self.env["dealer.insurance.renewal"].create({
            "policy_id": self.policy.id, "policy_number": "X1", "premium": 100.0,
        })
        with self.assertRaisesRegex(UserError, "renewed already"):
            second.action_confirm()

    def test_renewal_state_changes_only_through_its_buttons(self):
        with self.assertRaises(UserError):
            self.env["dealer.insurance.renewal"].with_user(self.clerk_a).create({
                "policy_id": self.policy.id, "state": "done",
            })
        renewal = self.env["dealer.insurance.renewal"].with_user(self.clerk_a).create({"policy_id": self.policy.id})
        with self.assertRaisesRegex(UserError, "Fill in New Policy Number, Premium"):
            renewal.action_confirm()
        with self.assertRaises(UserError):
            self.policy.with_user(self.clerk_a).write({"renewal_reminder_days": 7})

    def test_renewals_are_the_claims_staff(self):
        with self.assertRaises(AccessError):
            self.env["dealer.insurance.renewal"].with_user(self.advisor_a).create({"policy_id": self.policy.id})
        # the reception reads the vehicle's policies
        self.assertEqual(self.vehicle_a.with_user(self.advisor_a).dealer_insurance_policy_count, 2)
        with self.assertRaises(AccessError):
            self.policy.with_user(self.advisor_a).premium = 1.0
        with self.assertRaises(AccessError):
            self.policy.with_user(self.clerk_b).read(["name"])

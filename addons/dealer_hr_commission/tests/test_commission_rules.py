from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCommissionRules(TransactionCase):
    """The seed's scheme (the default rules) reproduces each of its numbers."""

    def rule(self, xmlid):
        return self.env.ref(f"dealer_hr_commission.commission_rule_{xmlid}")

    def amount(self, xmlid, values, subtotal=0.0):
        return self.rule(xmlid)._dealer_evaluate(values, subtotal)[0]

    def assertBands(self, xmlid, measure, cases, values=None):
        for units, rate in cases:
            with self.subTest(units=units):
                self.assertAlmostEqual(self.amount(xmlid, {measure: units, **(values or {})}), units * rate)

    def test_mechanical_bands(self):
        self.assertBands("hours_mechanical", "hours_mechanical", [
            (99, 0.0), (100, 2.2), (499.5, 2.2), (500, 2.4), (699, 2.4), (700, 2.6), (900, 2.8), (2000, 2.8)])

    def test_body_bands(self):
        self.assertBands("hours_body", "hours_body", [
            (99, 0.0), (100, 3.2), (400, 3.6), (599, 3.6), (600, 4.0), (800, 4.2), (1500, 4.2)])

    def test_paint_bands_and_material_adjustment(self):
        self.assertBands("hours_paint", "hours_paint", [
            (100, 2.4), (500, 2.6), (700, 2.8), (900, 3.0)], {"paint_material_per_hour": 55})
        # material per hour: 55 standard, 60 -> rate -0.2, 65 -> rate -0.4
        self.assertAlmostEqual(self.amount("hours_paint", {"hours_paint": 600, "paint_material_per_hour": 60}),
                               600 * 2.4)
        self.assertAlmostEqual(self.amount("hours_paint", {"hours_paint": 600, "paint_material_per_hour": 65}),
                               600 * 2.2)
        # below the first band nothing is paid, and the material adjustment takes nothing off
        self.assertEqual(self.amount("hours_paint", {"hours_paint": 3, "paint_material_per_hour": 75}), 0.0)

    def test_insurer_bands_and_the_seed_gap(self):
        rule = self.rule("insurance_assessed")
        self.assertBands("insurance_assessed", "assessed_amount", [
            (40000, 0.01), (50000, 0.025), (199999, 0.025), (205000, 0.025), (210000, 0.03), (300000, 0.03)])
        gap = rule.band_ids.filtered(lambda b: b.lower == 200000)
        self.assertEqual((gap.upper, gap.value), (210000, 2.5))
        self.assertIn("200,000-210,000", gap.note)

    def test_bands_without_gap(self):
        """A gap between bands is refused: every gap is a band of its own, with its rate."""
        with self.assertRaises(ValidationError):
            self.rule("insurance_assessed").band_ids.filtered(lambda b: b.lower == 200000).upper = 205000

    def test_assessment_1000_to_820(self):
        """Seed: bonus 1000 -> 600 assessed -> 30 points lost -> 180 off -> 820 paid."""
        self.assertAlmostEqual(self.amount("assessment", {"assessment_score": 70}, subtotal=1000), -180)
        self.assertAlmostEqual(self.amount("assessment", {"assessment_score": 100}, subtotal=1000), 0)

    def test_advisor_pool_three_achievements(self):
        """Output x 0.5 % x output x gross-profit x vehicles-in achievement."""
        values = {"output": 600000, "ach_output": 1.1, "ach_gross_profit": 0.9, "ach_vehicles_in": 1.0}
        self.assertAlmostEqual(self.amount("sa_pool", values), 600000 * 0.005 * 1.1 * 0.9)  # 2,970
        self.assertAlmostEqual(self.amount("sa_pool", values), 2970)

    def test_accessory_ten_percent(self):
        self.assertAlmostEqual(self.amount("sa_accessory", {"accessory_revenue": 12000}), 1200)

    def test_split_sixty_forty(self):
        rule = self.rule("accessory_fitted")
        shares = rule._dealer_split({"accessory_fitted_revenue": 10000, "ach_accessory": 1.0})
        by_group = {group.id: amount for group, (amount, _formula) in shares.items()}
        self.assertAlmostEqual(by_group[self.env.ref("dealer_hr_commission.commission_group_accessory_sales").id], 600)
        self.assertAlmostEqual(by_group[self.env.ref("dealer_hr_commission.commission_group_fitting").id], 400)

    def test_split_two_percent(self):
        shares = self.rule("accessory_sales_dept")._dealer_split({"accessory_sales_dept_revenue": 10000})
        amounts = sorted(round(amount, 2) for amount, _formula in shares.values())
        self.assertEqual(amounts, [60.0, 70.0, 70.0])

    def test_split_shares_add_up(self):
        with self.assertRaises(ValidationError):
            self.rule("accessory_sales_dept").share_ids[:1].percent = 0.8

    def test_complaint_cuts(self):
        for complaints, cut in [(0, 0), (1, 0.05), (2, 0.20), (3, 0.50), (4, 0.50)]:
            with self.subTest(complaints=complaints):
                self.assertAlmostEqual(self.amount("sa_complaint_cut", {"complaints": complaints}, 2000),
                                       -2000 * cut)

    def test_checklist_score_cut(self):
        self.assertAlmostEqual(self.amount("sa_checklist_cut", {"checklist_score": 95}, 2000), -200)
        self.assertAlmostEqual(self.amount("sa_checklist_cut", {"checklist_score": 96}, 2000), 0)

    def test_fixed_amounts_per_event(self):
        self.assertEqual(self.amount("sa_complaint_caused", {"complaints_caused": 2}), -200)
        self.assertEqual(self.amount("sa_complaint_oem", {"complaints_oem": 1}), -200)
        self.assertEqual(self.amount("sa_top_praise", {"top_praise": 1}), 200)
        self.assertEqual(self.amount("sa_best_full_score", {"best_full_score": 1}), 100)
        self.assertEqual(self.amount("sa_csi_below", {"csi_items_below_average": 2}), -200)
        self.assertEqual(self.amount("detailing_wash_complaint", {"wash_complaints": 3}), -60)
        self.assertEqual(self.amount("detailing_untidy", {"untidy_interiors": 1}), -20)
        self.assertEqual(self.amount("detailing_slow_wash", {"slow_washes": 2}), -20)
        self.assertEqual(self.amount("car_wash", {"washes": 40}), 120)
        self.assertEqual(self.amount("detailing_washes", {"washes": 300}), 300)
        self.assertAlmostEqual(self.amount("detailing_revenue", {"detailing_revenue": 10000}), 1200)

    def test_deposit_forfeited_above_two_complaints(self):
        self.assertEqual(self.amount("sa_deposit", {"complaints": 2, "commission_deposit": 500}), 0)
        self.assertEqual(self.amount("sa_deposit", {"complaints": 3, "commission_deposit": 500}), -500)

    def test_group_pools(self):
        self.assertAlmostEqual(self.amount("insurance_pool", {"insurance_collected": 200000, "ach_collections": 1}),
                               1700)
        self.assertAlmostEqual(self.amount("insurance_renewal", {"renewal_rebate_gross_profit": 5000}), 2000)
        self.assertAlmostEqual(self.amount("workshop_management", {"workshop_output": 1000000,
                                                                   "ach_output": 1}), 4000)
        self.assertAlmostEqual(self.amount("aftersales_management", {"total_output": 2000000,
                                                                     "ach_output": 1}), 10000)
        self.assertAlmostEqual(self.amount("support", {"total_output": 2000000}), 8000)
        self.assertAlmostEqual(self.amount("fleet", {"fleet_output": 100000, "ach_collections": 0.8}), 400)

    def test_fund_five_percent(self):
        self.assertAlmostEqual(self.amount("fund", {}, subtotal=820), -41)

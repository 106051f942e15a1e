import io
import shutil
import subprocess
import tempfile
import unicodedata
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, HttpCase, tagged

from .common import CsiCase

MARCH = [("date", ">=", date(2025, 3, 1)), ("date", "<=", date(2025, 3, 31))]
SUMS = [
    "vehicle_count", "appointment_count", "comeback_count", "inspected_count", "first_pass_count", "revenue",
    "labour_revenue", "parts_revenue", "insurance_revenue", "warranty_revenue", "cost", "gross_margin",
    "csi_answer_count",
]
RATES = [
    "revenue_per_vehicle", "gross_margin_rate", "appointment_rate", "comeback_rate", "first_pass_rate", "csi_score",
]


class KpiCase(CsiCase):
    """March 2025 in store A (Beijing time), as the roles work it:
    - 3 Mar, order 1: an oil change (1.5 h x 200 = 300) and 2 oil filters (2 x 80 = 160) for the
      customer, the filters issued at their cost of 30.00; invoiced on 5 Mar;
    - 4 Mar, order 2: an oil change for the customer (300), a brake inspection under warranty
      (1 h x 200 = 200) and a bumper repair for the insurer (2 h x 250 = 500); invoiced on 6 Mar;
      on 28 Mar the insurer gets a credit note of 0.4 h of the bumper (0.4 x 250 = 100);
    - 20 Mar, order 3: the comeback of order 1, its final inspection failed, then passed;
    - 25 Mar, order 4: a customer who booked an appointment arrives;
    - 10 Mar: the customers of orders 1 and 2 answer the CSI survey: 100 and 80 points;
    - store B receives a car on 5 Mar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.oil_filter.standard_price = 30.0
        cls.accountant = cls._make_user("csi_kpi_accountant", "account.group_account_manager")
        cls.survey = cls.env.ref("dealer_csi.survey_csi")
        with freeze_time("2025-03-03 02:00:00"):
            cls.order_1 = cls._approved([
                {"line_type": "labour", "labour_operation_id": cls.op_oil.id},
                {"line_type": "part", "product_id": cls.oil_filter.id, "quantity": 2},
            ], cls.vehicle_a, mileage=20000)
            cls._deliver_order(cls.order_1)
        with freeze_time("2025-03-04 02:00:00"):
            cls.order_2 = cls._approved([
                {"line_type": "labour", "labour_operation_id": cls.op_oil.id},
                {"line_type": "labour", "labour_operation_id": cls.op_brake.id, "payer": "warranty"},
                {"line_type": "labour", "labour_operation_id": cls.op_bumper.id, "payer": "insurance"},
            ], cls._vehicle("辽B20002"), insurer_id=cls.insurer.id)
            cls._deliver_order(cls.order_2)
        with freeze_time("2025-03-05 02:00:00"):
            cls.order_1.with_user(cls.advisor_a).action_create_invoices()
            store_b_order = cls.env["dealer.repair.order"].with_user(cls.advisor_b).create({
                "partner_id": cls.customer.id, "vehicle_id": cls.vehicle_b.id, "company_id": cls.store_b.id,
            })
            store_b_order.write(cls._reception_values(cls, mileage=5000))
            store_b_order.action_check_in()
        with freeze_time("2025-03-06 02:00:00"):
            cls.order_2.with_user(cls.advisor_a).action_create_invoices()
        with freeze_time("2025-03-10 02:00:00"):
            cls._answer(cls.order_1, 0)  # 12 x "very satisfied" (10): 100
            cls._answer(cls.order_2, 1)  # 12 x "satisfied" (8): 80
        with freeze_time("2025-03-20 02:00:00"):
            cls.order_3 = cls._approved(
                [{"line_type": "labour", "labour_operation_id": cls.op_brake.id}], cls.vehicle_a, mileage=21000,
                comeback_of_id=cls.order_1.id,
            )
            cls.order_3.action_dispatch_jobs()
            cls.order_3.job_ids.technician_id = cls.technician
            cls._repair(cls.order_3)
            cls.env["dealer.quality.check"].with_user(cls.manager_a).create({
                "order_id": cls.order_3.id, "level": "final", "result": "failed", "job_id": cls.order_3.job_ids.id,
            })
            cls._repair(cls.order_3)
            cls.env["dealer.quality.check"].with_user(cls.manager_a).create({
                "order_id": cls.order_3.id, "level": "final", "result": "passed",
            })
        with freeze_time("2025-03-25 02:00:00"):
            appointment = cls.env["dealer.appointment"].with_user(cls.advisor_a).create({
                "company_id": cls.store_a.id, "partner_id": cls.customer.id, "vehicle_id": cls._vehicle("辽B20004").id,
                "date_start": "2025-03-25 02:00:00", "user_id": cls.advisor_a.id,
            })
            appointment.with_user(cls.advisor_a).action_arrive()
            cls.order_4 = appointment.repair_order_id
            cls.order_4.with_user(cls.advisor_a).write(cls._reception_values(cls, mileage=30000))
            cls.order_4.with_user(cls.advisor_a).action_check_in()
        with freeze_time("2025-03-28 02:00:00"):
            insurer_invoice = cls.order_2.invoice_ids.filtered(lambda move: move.partner_id == cls.insurer)
            reversal = cls.env["account.move.reversal"].with_user(cls.accountant).with_context(
                active_model="account.move", active_ids=insurer_invoice.ids,
            ).create({"journal_id": insurer_invoice.journal_id.id, "reason": "Bumper: 0.4 h less"})
            credit_note = cls.env["account.move"].browse(reversal.refund_moves()["res_id"])
            with Form(credit_note.with_user(cls.accountant)) as form, form.invoice_line_ids.edit(0) as line:
                line.quantity = 0.4
            credit_note.with_user(cls.accountant).action_post()

    @classmethod
    def _approved(cls, lines, vehicle, mileage=10000, **values):
        """An order of the advisor checked in, its ``lines`` approved by the customer."""
        order = cls.env["dealer.repair.order"].with_user(cls.advisor_a).create({
            "partner_id": cls.customer.id, "vehicle_id": vehicle.id, "company_id": cls.store_a.id, **values,
        })
        order.write(cls._reception_values(cls, mileage=mileage))
        order.action_check_in()
        order.line_ids = [Command.create(line) for line in lines]
        cls._sign(cls, order)
        order.action_approve()
        return order

    @classmethod
    def _deliver_order(cls, order):
        """The parts issued, the repair done, its final inspection passed, the car handed back."""
        pickings = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        if "dealer_settlement_user_id" in pickings._fields:
            pickings.with_user(cls.advisor_a).action_dealer_sign_settlement()
        pickings.with_context(skip_backorder=True, picking_ids_not_to_backorder=pickings.ids).button_validate()
        order.action_start_repair()
        order.action_request_quality_check()
        cls.env["dealer.quality.check"].with_user(cls.manager_a).create({
            "order_id": order.id, "level": "final", "result": "passed",
        })
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        order.action_deliver()

    @classmethod
    def _repair(cls, order):
        """The technician does the order's jobs and asks for the final inspection."""
        jobs = order.job_ids.with_user(cls.manager_a)
        jobs.action_clock_on()
        jobs.action_done()
        order.action_request_quality_check()

    @classmethod
    def _answer(cls, order, pick):
        """The customer answers the follow-up call's CSI survey: ``pick`` for every satisfaction
        question (0 = very satisfied), every process step done."""
        call = cls.env["dealer.csi.call"].search([("order_id", "=", order.id)])
        call.with_user(cls.agent).action_fill_survey()
        answer = call.survey_answer_ids
        for question in cls.survey.question_ids.filtered(lambda q: q.question_type == "simple_choice"):
            choices = question.suggested_answer_ids.sorted("sequence")
            answer._save_lines(question, choices[0 if question.dealer_csi_process else pick].id)
        answer._mark_done()

    def _kpis(self, user, domain=(), groupby=("company_id",)):
        Kpi = self.env["dealer.csi.kpi.report"].with_user(user)
        aggregates = [f"{name}:sum" for name in SUMS] + [f"{name}:avg" for name in RATES]
        return [
            dict(zip(list(groupby) + SUMS + RATES, values, strict=True))
            for values in Kpi._read_group([*MARCH, *domain], list(groupby), aggregates)
        ]


@tagged("post_install", "-at_install")
class TestCsiKpi(KpiCase):

    def test_kpis_of_the_month_equal_the_hand_computed_figures(self):
        # order 1 costs its 2 filters at 30.00; no hours were clocked at a labour cost rate
        self.assertEqual(self.order_1.with_user(self.manager_a).cost, 60.0)
        [march] = self._kpis(self.manager_a)
        revenue = 300 + 160 + 300 + 200 + 500 - 100  # the credit note deducts 100
        self.assertEqual({key: value for key, value in march.items() if key not in RATES}, {
            "company_id": self.store_a,
            "vehicle_count": 4,  # orders 1 to 4
            "appointment_count": 1,  # order 4
            "comeback_count": 1,  # order 3
            "inspected_count": 3,  # orders 1, 2 and 3 passed their final inspection
            "first_pass_count": 2,  # order 3 failed first
            "revenue": revenue,  # 1,360
            "labour_revenue": 300 + 300 + 200 + 500 - 100,  # 1,200
            "parts_revenue": 160,
            "insurance_revenue": 500 - 100,
            "warranty_revenue": 200,
            "cost": 60,
            "gross_margin": revenue - 60,  # 1,300
            "csi_answer_count": 2,
        })
        self.assertAlmostEqual(march["revenue_per_vehicle"], 1360 / 4)  # 340
        self.assertAlmostEqual(march["gross_margin_rate"], 100 * 1300 / 1360)  # 95.59 %
        self.assertAlmostEqual(march["appointment_rate"], 25.0)  # 1 of 4
        self.assertAlmostEqual(march["comeback_rate"], 25.0)  # 1 of 4
        self.assertAlmostEqual(march["first_pass_rate"], 100 * 2 / 3)  # 66.67 %
        self.assertAlmostEqual(march["csi_score"], (100 + 80) / 2)  # 90

    def test_revenue_per_trade_and_payer_and_month(self):
        per_trade = {row["trade"]: (row["labour_revenue"], row["parts_revenue"]) for row in self._kpis(
            self.manager_a, [("kind", "=", "revenue")], ["trade"])}
        # mechanical: 300 + 300 + 200; body: 500 - 100; the filters have no trade
        self.assertEqual(per_trade, {"mechanical": (800, 0), "body": (400, 0), False: (0, 160)})
        per_payer = {row["payer"]: row["revenue"] for row in self._kpis(
            self.manager_a, [("kind", "=", "revenue")], ["payer"])}
        self.assertEqual(per_payer, {"customer": 760, "warranty": 200, "insurance": 400})
        # a rate holds for any grouping: the day of order 4 alone, every vehicle by appointment
        [day] = self._kpis(self.manager_a, [("date", "=", date(2025, 3, 25))])
        self.assertEqual((day["vehicle_count"], day["appointment_rate"], day["revenue"]), (1, 100.0, 0))
        # the credit note is revenue of the month it is posted in
        by_day = {row["date:day"]: row["revenue"] for row in self._kpis(
            self.manager_a, [("kind", "=", "revenue")], ["date:day"])}
        self.assertEqual(by_day, {date(2025, 3, 5): 460, date(2025, 3, 6): 1000, date(2025, 3, 28): -100})

    def test_query_counts(self):
        Kpi = self.env["dealer.csi.kpi.report"].with_user(self.manager_a)
        aggregates = [f"{name}:sum" for name in SUMS] + [f"{name}:avg" for name in RATES]
        Kpi._read_group(MARCH, ["company_id", "date:month"], aggregates)
        # every KPI of the stores' months in one query
        with self.assertQueryCount(1):
            Kpi._read_group(MARCH, ["company_id", "date:month"], aggregates)
        fields = ["vehicles_yesterday", "vehicles_month", "revenue_yesterday", "revenue_month", "csi_month",
                  "complaint_open_count", "complaint_late_count", "call_due_count"]
        Board = self.env["dealer.csi.dashboard"].with_user(self.manager_a)
        Board.search([]).read(fields)
        self.env.invalidate_all()
        # the morning page: the stores, yesterday's and this month's KPIs, the complaints, the calls
        # (and the check of the stores read): grouped reads, one query each
        with self.assertQueryCount(6):
            Board.search([]).read(fields)

    def test_kpi_figures_of_an_order_are_not_entered(self):
        """The arrival day and the final inspection's outcome the KPIs read are the server's: a plain
        write or create is refused for every role, the manager's and the superuser's included."""
        for user in (self.manager_a, self.env.user):
            for vals in ({"dealer_csi_date_in_day": date(2025, 2, 1)}, {"dealer_csi_qc_outcome": "first_time"}):
                with self.subTest(user=user.login, vals=vals), self.assertRaisesRegex(UserError, "cannot be entered"):
                    self.order_3.with_user(user).write(vals)
        with self.assertRaisesRegex(UserError, "cannot be entered"):
            self.env["dealer.repair.order"].create({
                "vehicle_id": self.order_3.vehicle_id.id, "partner_id": self.order_3.partner_id.id,
                "company_id": self.order_3.company_id.id, "dealer_csi_qc_outcome": "first_time",
            })
        self.assertEqual(self.order_3.dealer_csi_qc_outcome, "reworked")

    def test_stores_and_roles(self):
        # the manager of store A reads store A only; the group sees both stores
        self.assertEqual([row["company_id"] for row in self._kpis(self.manager_a)], [self.store_a])
        self.assertEqual(
            {row["company_id"]: row["vehicle_count"] for row in self._kpis(self.env.user.sudo())},
            {self.store_a: 4, self.store_b: 1},
        )
        # customer service reads no KPI: neither revenue nor cost
        with self.assertRaises(AccessError):
            self.env["dealer.csi.kpi.report"].with_user(self.agent).search_read(MARCH, ["revenue"])
        with self.assertRaises(AccessError):
            self.env["dealer.csi.kpi.analysis"].with_user(self.agent).create({"date_month": date(2025, 3, 1)})
        with self.assertRaises(AccessError):
            self.env["dealer.csi.dashboard"].with_user(self.agent).search([])
        # an advisor neither
        with self.assertRaises(AccessError):
            self.env["dealer.csi.kpi.report"].with_user(self.advisor_a).search([])

    def test_operating_analysis_xlsx_holds_the_kpis(self):
        form = Form(self.env["dealer.csi.kpi.analysis"].with_user(self.manager_a))
        form.date_month = date(2025, 3, 17)
        analysis = form.save()
        self.assertRecordValues(analysis, [{
            "company_id": self.store_a.id, "date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31),
        }])
        self.assertEqual(analysis.action_print_xlsx()["report_name"], "dealer_csi.report_kpi_analysis_xlsx")
        content, kind = self.env["ir.actions.report"].with_user(self.manager_a)._render(
            "dealer_csi.action_report_kpi_analysis_xlsx", analysis.ids,
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = {sheet.cell(row, 1).value: [sheet.cell(row, col).value for col in (2, 3, 4)]
                for row in range(1, sheet.max_row + 1)}
        self.assertEqual(rows["Figure"][:2], ["This Month", "Month Before"])
        # this month beside February, which had nothing
        self.assertEqual(rows["Vehicles In"][:2], [4, 0])
        self.assertEqual(rows["Revenue"][:2], [1360, 0])
        self.assertEqual(rows["Labour Revenue"][:2], [1200, 0])
        self.assertEqual(rows["Parts Revenue"][:2], [160, 0])
        self.assertEqual(rows["Insurance Revenue"][:2], [400, 0])
        self.assertEqual(rows["Warranty Revenue"][:2], [200, 0])
        self.assertEqual(rows["Cost"][:2], [60, 0])
        self.assertEqual(rows["Gross Margin"][:2], [1300, 0])
        self.assertEqual(rows["Revenue per Vehicle"][:2], [340, 0])
        self.assertEqual(rows["Appointment Rate (%)"][:2], [25, 0])
        self.assertEqual(rows["Comeback Rate (%)"][:2], [25, 0])
        self.assertAlmostEqual(rows["First-Time Pass Rate (%)"][0], 200 / 3)
        self.assertEqual(rows["CSI Score"][:2], [90, 0])
        # labour and parts revenue per trade, with their totals as formulas
        self.assertEqual(rows["Mechanical"], [800, 0, 800])
        self.assertEqual(rows["Body"], [400, 0, 400])
        self.assertEqual(rows["Other"], [0, 160, 160])
        self.assertRegex(rows["Total"][2], r"^=SUM\(D\d+:D\d+\)$")

    def test_operating_analysis_pdf_holds_the_kpis(self):
        analysis = self.env["dealer.csi.kpi.analysis"].with_user(self.manager_a).create({
            "date_month": date(2025, 3, 1),
        })
        html = self.env["ir.actions.report"].with_user(self.manager_a)._render_qweb_html(
            "dealer_csi.action_report_kpi_analysis", analysis.ids,
        )[0].decode()
        self.assertIn('id="dealer_store_header"', html)
        for figure in ("1,360.00", "340.00", "1,300.00", "66.7", "90.0"):
            self.assertIn(figure, html)

    def test_morning_dashboard(self):
        Complaint = self.env["dealer.csi.complaint"]
        with freeze_time("2025-03-26 01:00:00"):
            late = Complaint.with_user(self.agent).create({
                "partner_id": self.customer.id, "channel": "phone", "description": "交车晚了两个小时",
            })
        with freeze_time("2025-03-26 02:50:00"):
            Complaint.with_user(self.agent).create({"partner_id": self.customer.id, "channel": "counter"})
        with freeze_time("2025-03-26 03:00:00"):
            Complaint._cron_dealer_csi_check_sla()
            self.assertTrue(late.is_breached)
            boards = self.env["dealer.csi.dashboard"].with_user(self.manager_a).search([])
            self.assertEqual(boards.company_id, self.store_a)
            self.assertRecordValues(boards, [{
                "vehicles_yesterday": 1,  # order 4 on 25 Mar
                "vehicles_month": 4,
                "revenue_yesterday": 0.0,
                "revenue_month": 1460.0,  # up to today: the credit note of 28 Mar is not counted
                "csi_month": 90.0,
                "csi_answer_month": 2,
                "complaint_open_count": 2,
                "complaint_late_count": 1,
                # the follow-up calls of orders 1 and 2 are still to be made (the survey is not the call)
                "call_due_count": 2,
            }])
            action = boards.action_open_late_complaints()
            self.assertEqual(Complaint.with_user(self.manager_a).search(action["domain"]), late)
            self.assertEqual(
                self.env["dealer.csi.call"].with_user(self.manager_a).search(boards.action_open_calls()["domain"]),
                self.env["dealer.csi.call"].search([("order_id", "in", (self.order_1 | self.order_2).ids)]),
            )


@tagged("post_install", "-at_install")
class TestCsiKpiPdf(CsiCase, HttpCase):

    def test_operating_analysis_pdf_in_chinese(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext is not installed")
        self.store_a.name = "大连测试店"
        manager = self.manager_a
        manager.name = "王经理"
        analysis = self.env["dealer.csi.kpi.analysis"].with_user(manager).create({"date_month": date(2025, 3, 1)})
        self.assertEqual(analysis.action_print_pdf()["report_name"], "dealer_csi.report_kpi_analysis")
        pdf, _type = self.env["ir.actions.report"].with_user(manager).with_context(
            force_report_rendering=True,
        )._render_qweb_pdf("dealer_csi.action_report_kpi_analysis", analysis.ids)
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True, check=True, timeout=60,
            ).stdout.decode()
        text = unicodedata.normalize("NFKC", text)
        # the store's header and the page's body (the CJK font's text is what pdftotext reads back)
        self.assertIn("大连测试店", text)
        self.assertIn("王经理", text)

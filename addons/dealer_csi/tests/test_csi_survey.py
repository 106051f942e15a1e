from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CsiCase

MONDAY = "2026-12-07 03:00:00"


@tagged("post_install", "-at_install")
class TestCsiSurvey(CsiCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("dealer_csi.survey_csi")
        cls.questions = cls.survey.question_ids.filtered(lambda q: q.question_type == "simple_choice")
        cls.satisfaction = cls.questions.filtered(lambda q: not q.dealer_csi_process)
        cls.process = cls.questions.filtered("dealer_csi_process")

    def _answer(self, call, picks, process_no=0, skip=0):
        """The customer answers during the call: ``picks`` indexes the satisfaction answers (0 = very
        satisfied, 10 points) question by question; the last ``process_no`` process steps are missed;
        the last ``skip`` satisfaction questions are not answered."""
        action = call.with_user(self.agent).action_fill_survey()
        answer = call.survey_answer_ids
        self.assertEqual(action["url"], answer.get_start_url())
        for question, pick in zip(self.satisfaction[:len(self.satisfaction) - skip], picks, strict=False):
            answer._save_lines(question, question.suggested_answer_ids.sorted("sequence")[pick].id)
        for index, question in enumerate(self.process):
            yes_no = question.suggested_answer_ids.sorted("sequence")
            missed = index >= len(self.process) - process_no
            answer._save_lines(question, yes_no[1 if missed else 0].id)
        answer._mark_done()
        return answer

    def test_answers_are_linked_and_scored(self):
        self.assertEqual((len(self.satisfaction), len(self.process)), (12, 5))
        self.assertEqual(self.store_a.dealer_csi_survey_id, self.survey)
        order = self._deliver(MONDAY, technician=self.technician)
        call = self._calls(order_id=order.id)
        # ten "very satisfied" (10) and two "satisfied" (8): 116 of 120; four of five steps done
        answer = self._answer(call, [0] * 10 + [1, 1], process_no=1)
        self.assertRecordValues(answer, [{
            "dealer_repair_order_id": order.id, "dealer_call_id": call.id, "dealer_company_id": self.store_a.id,
            "dealer_advisor_id": self.advisor_a.id, "partner_id": self.customer.id, "state": "done",
            "dealer_process_score": 80.0,
        }])
        self.assertAlmostEqual(answer.dealer_csi_score, 100 * 116 / 120, places=6)
        self.assertEqual(answer.dealer_technician_ids, self.technician)
        # a second customer of the same advisor, less happy, two questions unanswered: 6 x 5 + 4 x 2 = 38 of 100
        other = self._deliver(MONDAY)
        other_answer = self._answer(self._calls(order_id=other.id), [2] * 6 + [3] * 4, skip=2)
        self.assertAlmostEqual(other_answer.dealer_csi_score, 38.0, places=6)
        self.assertEqual(other_answer.dealer_process_score, 100.0)

        Report = self.env["dealer.csi.score.report"].with_user(self.supervisor)
        [(advisor, count, csi, process)] = Report._read_group(
            [("order_id", "in", (order | other).ids)], ["advisor_id"],
            ["answer_count:sum", "csi_score:avg", "process_score:avg"],
        )
        self.assertEqual((advisor, count, process), (self.advisor_a, 2, 90.0))
        self.assertAlmostEqual(csi, (100 * 116 / 120 + 38.0) / 2, places=6)
        [(store, month, store_csi)] = Report._read_group(
            [("order_id", "in", (order | other).ids)], ["company_id", "date:month"], ["csi_score:avg"],
        )
        self.assertEqual(store, self.store_a)
        self.assertAlmostEqual(store_csi, csi, places=6)
        TechnicianReport = self.env["dealer.csi.technician.score.report"].with_user(self.supervisor)
        [(technician, tech_csi)] = TechnicianReport._read_group(
            [("order_id", "in", (order | other).ids)], ["technician_id"], ["csi_score:avg"],
        )
        self.assertEqual(technician, self.technician)
        self.assertAlmostEqual(tech_csi, 100 * 116 / 120, places=6)

    def test_survey_link_sent_and_answers_kept_in_the_store(self):
        order = self._deliver(MONDAY)
        call = self._calls(order_id=order.id).with_user(self.agent)
        call.action_send_survey()
        answer = call.survey_answer_ids
        self.assertEqual(len(answer), 1)
        self.assertIn(answer.access_token, call.message_ids[0].body)
        # sending again reuses the open answer
        call.action_send_survey()
        self.assertEqual(call.survey_answer_ids, answer)
        self.assertTrue(answer.with_user(self.agent).read(["dealer_csi_score"]))
        with self.assertRaises(AccessError):
            answer.with_user(self.agent_b).read(["dealer_csi_score"])
        with self.assertRaises(AccessError):
            self.env["dealer.csi.score.report"].with_user(self.agent).search([])

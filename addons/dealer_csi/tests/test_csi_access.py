from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CsiCase

MONDAY = "2026-12-07 03:00:00"


@tagged("post_install", "-at_install")
class TestCsiAccess(CsiCase):

    def test_agent_sees_customers_orders_and_answers_not_invoices(self):
        order = self._deliver(MONDAY)
        order.with_user(self.advisor_a).action_create_invoices()
        invoice = order.invoice_ids
        self.assertTrue(invoice)
        as_agent = order.with_user(self.agent)
        self.assertEqual(as_agent.partner_id.name, "Zhang Wei")
        self.assertEqual(as_agent.line_ids.labour_operation_id.code, "M001")
        self.assertEqual(as_agent.dealer_csi_call_count, 1)
        self.customer.with_user(self.agent).dealer_birthday = "1980-12-10"
        answer = as_agent.dealer_csi_call_ids.action_send_survey() and as_agent.dealer_csi_survey_answer_ids
        self.assertEqual(answer.with_user(self.agent).dealer_repair_order_id, order)
        for fname in ("invoice_ids", "cost", "gross_profit"):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                as_agent.read([fname])
        with self.assertRaises(AccessError):
            as_agent.line_ids.read(["cost"])
        with self.assertRaises(AccessError):
            invoice.with_user(self.agent).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.agent).search([])
        with self.assertRaises(AccessError):
            order.with_user(self.agent).write({"customer_complaint": "changed"})

    def test_stores_are_isolated(self):
        order_b = self._make_order(self.store_b)
        call_b = self.env["dealer.csi.call"].create({
            "company_id": self.store_b.id, "partner_id": self.customer.id, "order_id": order_b.id,
        })
        complaint_b = self.env["dealer.csi.complaint"].create({
            "company_id": self.store_b.id, "partner_id": self.customer.id,
        })
        for record in (call_b, complaint_b):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(self.agent).read(["partner_id"])
        self.assertTrue(call_b.with_user(self.agent_b).read(["partner_id"]))

    def test_managers_see_their_stores_csi_only(self):
        survey = self.env.ref("dealer_csi.survey_csi")
        Answer = self.env["survey.user_input"]
        for order in (self._make_order(self.store_a), self._make_order(self.store_b)):
            Answer.create({"survey_id": survey.id, "partner_id": self.customer.id, "state": "done",
                           "dealer_repair_order_id": order.id, "end_datetime": "2026-12-07 03:00:00"})
        group_manager = self._make_user("csi_group_manager", "dealer_service.dealer_service_group_manager",
                                        companies=self.store_a | self.store_b)
        for user, stores in ((self.manager_a, self.store_a), (group_manager, self.store_a | self.store_b)):
            with self.subTest(user=user.login):
                env = self.env(user=user, context=dict(self.env.context, allowed_company_ids=user.company_ids.ids))
                rows = env["dealer.csi.score.report"].search([])
                self.assertEqual(rows.company_id & (self.store_a | self.store_b), stores)

from odoo.tests import HttpCase, tagged

CUSTOMER = "彭宁"


@tagged("post_install", "-at_install")
class TestCsiAgentTour(HttpCase):
    """The customer-service agent's day in the demo store, typed into the real forms by the
    demo login `csagent`; the service manager approves the solution in between."""

    def test_follow_up_call_complaint_solved(self):
        store = self.env.ref("dealer_service.company_dalian_demo")
        call = self.env["dealer.csi.call"].search([
            ("company_id", "=", store.id), ("call_type", "=", "service"), ("partner_id.name", "=", CUSTOMER),
        ])
        self.assertRecordValues(call, [{"state": "open", "user_id": self.env.ref("dealer_csi.user_csagent_demo").id}])
        self.start_tour("/odoo/customer-calls", "dealer_csi_agent_complaint_tour", login="csagent")
        self.assertRecordValues(call, [{"state": "done", "outcome": "unsatisfied"}])
        complaint = self.env["dealer.csi.complaint"].search([("call_id", "=", call.id)])
        self.assertRecordValues(complaint, [{
            "state": "to_approve", "validity": "valid", "channel": "followup", "department": "reception",
            "responsible_user_id": self.env.ref("dealer_service.user_advisor_demo").id, "category": "attitude",
            "repair_order_id": call.order_id.id, "user_id": self.env.ref("dealer_csi.user_csagent_demo").id,
        }])
        complaint.with_user(self.env.ref("dealer_service.user_service_manager_demo")).action_approve_solution()
        self.start_tour(f"/odoo/complaints/{complaint.id}", "dealer_csi_agent_solved_tour", login="csagent")
        self.assertRecordValues(complaint, [{"state": "closed", "acceptance_signed_by": CUSTOMER}])
        self.assertTrue(complaint.acceptance_signature)
        self.assertRecordValues(complaint.call_ids, [{"call_type": "complaint", "outcome": "satisfied"}])

"""A whole service day in the demo store, typed into the real forms by the demo login
of each role: reception, parts requisition (service and parts modules), workshop,
quality control, delivery and the invoices of each payer on the store's China chart."""

from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.dealer_service.tests.test_workshop_tour import TourCase


@tagged("post_install", "-at_install")
class TestServiceDayTour(TourCase):

    def test_service_day_by_each_role(self):
        self.start_tour("/odoo/repair-orders/new", "dealer_service_advisor_tour", login="advisor")
        order = self._order_of_the_tour()
        labour, part = self._assert_reception(order)
        # the brake pads, found worn under warranty, are for the brand's OEM
        oem = self.vehicle.model_id.brand_id.dealer_oem_partner_id
        self.assertTrue(oem, "the demo brand has its OEM partner")
        warranty_part = order.line_ids - labour - part
        self.assertRecordValues(warranty_part, [{"line_type": "part", "payer": "warranty", "payer_partner_id": oem.id,
                                                 "is_added_work": False, "approval_state": "not_required"}])
        self.assertEqual(warranty_part.product_id.name, "Front brake pad set")
        self.assertRecordValues(order.job_ids, [{"line_id": labour.id, "technician_id": self.technician.id,
                                                 "state": "pending"}])
        url = f"/odoo/repair-orders/{order.id}"
        # the part goes out on a numbered requisition: the advisor signs it as the
        # settlement clerk, the parts clerk issues it (the demo parts clerk works in the
        # group's other store: here he also serves the demo store)
        requisition = order.line_ids.move_ids.picking_id
        self.assertEqual(requisition.dealer_doc_kind, "requisition")
        self.start_tour(url, "dealer_service_settlement_sign_tour", login="advisor")
        self.assertEqual(requisition.dealer_settlement_user_id, self.advisor)
        clerk = self.env.ref("dealer_parts.user_parts_demo")
        clerk.write({"company_ids": [Command.link(self.store.id)], "company_id": self.store.id})
        self.start_tour(f"/odoo/action-stock.action_picking_tree_all/{requisition.id}", "dealer_parts_issue_tour",
                        login=clerk.login)
        self.assertEqual(order.line_ids.move_ids.mapped("state"), ["done", "done"])
        self.assertRegex(requisition.dealer_number, r"^RQ")
        self.assertFalse(order.parts_waiting)

        self.start_tour(url, "dealer_service_technician_tour", login="technician")
        job = order.job_ids
        self.assertEqual(order.state, "in_progress")
        self.assertEqual(job.state, "done")
        self.assertEqual(len(job.time_ids), 2, "clocked on, off for the break, on again")
        self.assertEqual(job.time_ids.employee_id, self.technician)
        self.assertTrue(all(job.time_ids.mapped("date_stop")))
        self.assertRecordValues(order.quality_check_ids, [
            {"level": "self", "result": "passed", "job_id": job.id, "user_id": self.technician.user_id.id},
        ])

        self.start_tour(url, "dealer_service_advisor_request_qc_tour", login="advisor")
        self.start_tour(url, "dealer_service_qc_fail_tour", login="qc")
        self.assertEqual(order.state, "in_progress", "the failed inspection sends the vehicle back")
        self.assertEqual(job.rework_count, 1)
        self.start_tour(url, "dealer_service_technician_rework_tour", login="technician")
        self.start_tour(url, "dealer_service_advisor_request_qc_tour", login="advisor")
        self.start_tour(url, "dealer_service_qc_pass_tour", login="qc")
        qc_user = self.env["res.users"].search([("login", "=", "qc")])
        self.assertRecordValues(order.quality_check_ids.filtered(lambda check: check.level == "final").sorted("id"), [
            {"result": "failed", "user_id": qc_user.id, "note": "机油滤清器渗油，重新紧固"},
            {"result": "passed", "user_id": qc_user.id, "note": "复检合格"},
        ])
        self.assertTrue(order.final_inspection_passed)

        self.start_tour(url, "dealer_service_advisor_delivery_tour", login="advisor")
        self.assertEqual(order.state, "delivered")
        self.assertTrue(order.date_delivered)

        # the advisor (a billing user by the role) settles the order: one posted invoice per
        # payer, in CNY on the store's China chart, at 13 % VAT, labour and parts on their accounts;
        # the warranty part is no invoice to the OEM: the warranty clerk claims it (dealer_warranty)
        self.start_tour(url, "dealer_service_advisor_invoice_tour", login="advisor")
        self.assertEqual(order.state, "invoiced")
        customer = self.vehicle.customer_id
        invoices = order.invoice_ids.sorted(lambda move: move.partner_id != customer)
        self.assertRecordValues(invoices, [
            {"partner_id": customer.id, "move_type": "out_invoice", "state": "posted", "company_id": self.store.id,
             "currency_id": self.env.ref("base.CNY").id, "invoice_user_id": self.advisor.id,
             "amount_untaxed": 150.0, "amount_tax": 19.5, "amount_total": 169.5},
        ])
        self.assertTrue(order.dealer_warranty_to_claim)
        lines = invoices.invoice_line_ids
        self.assertEqual(lines.tax_ids.mapped("amount"), [13.0])
        store_lines = lines.with_company(self.store)
        self.assertEqual([
            (line.move_id.partner_id, line.product_id, line.price_subtotal, line.account_id.code)
            for line in store_lines.sorted(lambda line: (line.move_id.partner_id != customer, line.id))
        ], [
            (customer, labour.product_id, 90.0, "600101"),
            (customer, part.product_id, 60.0, "600102"),
        ])

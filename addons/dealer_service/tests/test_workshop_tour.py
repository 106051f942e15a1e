from odoo.tests import HttpCase, tagged

from odoo.addons.dealer_service.tests import reception_common


@tagged("post_install", "-at_install")
class TestServiceAdvisorTour(reception_common.ReceptionCase, HttpCase):
    """The service advisor's day in the browser: check-in, lines, approval,
    dispatch, quality check, delivery and invoice."""

    def test_service_advisor_flow(self):
        sa = self._make_user(
            "sa_tour", "dealer_service.dealer_service_group_manager,account.group_account_invoice",
        )
        technician = self.env["hr.employee"].create({
            "name": "Tour Technician", "dealer_trade": "mechanical", "company_id": self.store_a.id,
        })
        bay = self.env["dealer.service.bay"].create({"name": "Tour Lift"})
        appointment = self.env["dealer.appointment"].create({
            "partner_id": self.customer.id, "vehicle_id": self.vehicle_a.id, "user_id": sa.id,
            "date_start": "2026-11-23 09:00:00", "technician_id": technician.id, "bay_id": bay.id,
        })
        appointment.action_arrive()
        order = appointment.repair_order_id
        order.write({
            **self._reception_values(),
            "diagnosis_signature": reception_common.SIGNATURE,
            "work_order_signature": reception_common.SIGNATURE,
        })
        self.start_tour(f"/odoo/repair-orders/{order.id}", "dealer_service_advisor_tour", login=sa.login)

        self.assertEqual(order.state, "invoiced")
        self.assertEqual(order.line_ids.labour_operation_id, self.op_brake)
        self.assertRecordValues(order.job_ids, [{
            "technician_id": technician.id, "bay_id": bay.id, "state": "done", "standard_hours": 1.0,
        }])
        self.assertEqual(len(order.job_ids.time_ids), 1)
        self.assertRecordValues(order.quality_check_ids, [
            {"level": "final", "result": "passed", "user_id": sa.id},
        ])
        invoice = order.invoice_ids
        self.assertRecordValues(invoice, [{
            "partner_id": self.customer.id, "state": "posted", "amount_untaxed": 200.0, "amount_tax": 26.0,
        }])
        self.assertEqual(invoice.invoice_line_ids.tax_ids, self.tax13)

from odoo.tests import HttpCase, tagged

PLATE = "辽BG8465"


@tagged("post_install", "-at_install")
class TestInsuranceTour(HttpCase):
    """An accident repair in the demo store, typed into the real forms by the claims clerk."""

    def test_accident_case_from_check_in_to_the_two_invoices(self):
        self.start_tour("/odoo/insurance-cases/new", "dealer_insurance_accident_tour", login="insurance", timeout=300)
        vehicle = self.env["fleet.vehicle"].search([("license_plate", "=", PLATE)])
        case = self.env["dealer.insurance.case"].search([("vehicle_id", "=", vehicle.id)], order="id desc", limit=1)
        clerk = self.env.ref("dealer_insurance.user_insurance_demo")
        self.assertRecordValues(case, [{
            "user_id": clerk.id, "report_number": "RDAA2026210200007777", "state": "approved",
            "company_id": self.env.ref("dealer_service.company_dalian_demo").id,
            "insurer_id": self.env.ref("dealer_service.partner_insurer_picc_demo").id,
        }])
        order = case.repair_order_id
        self.assertEqual(order.state, "in_progress")
        estimate, supplement = case.assessment_ids.sorted("sequence")
        bumper, repaint, door = order.line_ids.sorted("id")
        self.assertEqual(estimate.line_ids, bumper | repaint)
        self.assertEqual(supplement.line_ids, door)
        self.assertRecordValues(estimate | supplement, [
            {"state": "approved", "assessment_mode": "total", "amount_assessed": 1100.0,
             "amount_estimated": bumper.price_total + repaint.price_total},
            {"state": "approved", "assessment_mode": "line", "amount_assessed": 300.0,
             "amount_estimated": door.price_total},
        ])
        self.assertEqual(case.amount_approved, 1400.0)
        self.assertEqual(order.line_ids.mapped("payer"), ["insurance"] * 3)

        # the workshop repairs, the quality check passes, the vehicle is delivered
        order.action_request_quality_check()
        self.env["dealer.quality.check"].create({"order_id": order.id, "level": "final", "result": "passed"})
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        order.action_deliver()
        self.start_tour(f"/odoo/insurance-cases/{case.id}", "dealer_insurance_settlement_tour", login="insurance",
                        timeout=180)
        self.assertEqual(order.state, "invoiced")
        insurer_invoice = order.invoice_ids.filtered(lambda move: move.partner_id == case.insurer_id)
        customer_invoice = order.invoice_ids - insurer_invoice
        # the insurer's invoice totals its assessments (VAT included), the customer's the rest
        self.assertRecordValues(insurer_invoice, [{"state": "posted", "amount_total": 1400.0,
                                                   "dealer_insurance_case_id": case.id}])
        self.assertEqual(customer_invoice.partner_id, order.partner_id)
        self.assertEqual(customer_invoice.amount_total, order.currency_id.round(order.amount_total - 1400.0))

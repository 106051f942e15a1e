import io
from datetime import timedelta

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.sealed import unsealed

from . import common


@tagged("post_install", "-at_install")
class TestWarrantyClaim(common.WarrantyCase):

    def _answer(self, claim, approved, reason=None, note=False):
        """The OEM's answer typed into the answer form: ``approved`` per claim line name."""
        action = claim.with_user(self.clerk).action_open_answer()
        answer = self.env["dealer.warranty.claim.answer"].browse(action["res_id"]).with_user(self.clerk)
        form = Form(answer)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                line.amount_approved = approved[answer.line_ids[index].claim_line_id.name]
        form.reason_id = reason or self.env["dealer.warranty.reason"]
        form.note = note
        form.save().action_confirm()

    def test_claim_from_the_delivered_order_and_its_submission(self):
        order = self._delivered_order(clocked=2.25)
        tag = order.picking_ids.move_ids.dealer_old_part_move_id.dealer_warranty_tag_ids
        self.assertTrue(order.with_user(self.clerk).dealer_warranty_to_claim)
        self.assertIn(order, self.env["dealer.repair.order"].with_user(self.clerk).search(
            [("dealer_warranty_to_claim", "=", True)]))
        claim = self._claim(order)
        self.assertFalse(order.with_user(self.clerk).dealer_warranty_to_claim, "every warranty line is claimed")
        self.assertRecordValues(claim, [{
            "claim_type": "warranty", "repair_order_id": order.id, "vehicle_id": self.vehicle_a.id,
            "partner_id": self.oem.id, "state": "draft", "customer_complaint": order.customer_complaint,
            "date_repair": fields.Date.context_today(claim, order.date_delivered),
            "date_deadline": fields.Date.context_today(claim, order.date_delivered) + timedelta(days=30),
            "amount_claimed": 1200.0, "amount_approved": 0.0,
        }])
        self.assertRecordValues(claim.line_ids, [
            {"line_type": "labour", "oem_code": "E010", "quantity": 2.0, "price_unit": 200.0, "amount": 400.0},
            {"line_type": "part", "oem_code": "1307010-E01", "quantity": 1.0, "price_unit": 800.0, "amount": 800.0},
        ])
        # the old part's tag follows the claim, and carries its fault
        self.assertRecordValues(tag, [{"claim_id": claim.id, "vin": common.VIN, "product_id": self.pump.id,
                                       "fault": "P0217 · 水泵轴承损坏漏水"}])
        claim.with_user(self.clerk).action_submit()
        self.assertRecordValues(claim, [{"state": "submitted", "submission_count": 1}])
        self.assertRecordValues(claim.submission_ids, [{"attempt": 1, "amount_claimed": 1200.0, "result": False,
                                                        "user_id": self.clerk.id}])
        # what the OEM has no longer changes
        with self.assertRaisesRegex(UserError, "are with the OEM"):
            claim.with_user(self.clerk).write({"fault_code": "P0000"})
        with self.assertRaisesRegex(UserError, "are with the OEM"):
            claim.line_ids[0].with_user(self.clerk).write({"quantity": 1.0})
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            claim.with_user(self.clerk).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "written by its buttons"):
            claim.submission_ids.with_user(self.clerk).write({"result": "approved"})

    def test_settlement_sends_no_invoice_to_the_oem(self):
        order = self._delivered_order(insurer_id=self.insurer.id)
        order.write({"line_ids": [Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id,
                                                  "payer": "insurance"})]})
        order.with_user(self.advisor_a).action_create_invoices()
        self.assertEqual(order.state, "invoiced")
        # the customer's oil change (1.5 h x 200) and the insurer's bumper (2 h x 250); the water pump is claimed
        self.assertEqual(sorted((move.partner_id, move.amount_untaxed) for move in order.invoice_ids),
                         sorted([(self.customer, 300.0), (self.insurer, 500.0)]))
        self.assertNotIn(self.oem, order.invoice_ids.partner_id)
        claim = self._claim(order)
        self.assertEqual(claim.amount_claimed, 1200.0)

    def test_labour_claiming_more_hours_than_clocked_is_refused(self):
        order = self._delivered_order(clocked=1.5)
        claim = self._claim(order)
        with self.assertRaisesRegex(UserError, r"\[E010\] Water pump replacement claims 2.0 h but only 1.5 h were "
                                               r"clocked on its job"):
            claim.with_user(self.clerk).action_submit()
        # the technician's second session on the job makes the hours
        self._clock(order, claim.line_ids[0].repair_line_id, 0.5)
        claim.with_user(self.clerk).action_submit()
        self.assertEqual(claim.state, "submitted")

    def test_submission_checks_photos_deadline_old_part_and_coverage(self):
        order = self._delivered_order(book=False)
        claim = self._claim(order, photos=1)
        with self.assertRaises(UserError) as caught:
            claim.with_user(self.clerk).action_submit()
        message = str(caught.exception)
        self.assertIn("the OEM requires 2 photos, 1 are attached", message)
        self.assertIn("the old Water pump 水泵 is not booked into the warranty old-part store and tagged", message)
        # past the OEM's deadline
        claim.with_user(self.clerk).date_repair = fields.Date.today() - timedelta(days=31)
        with self.assertRaisesRegex(UserError, "the OEM's deadline passed on"):
            claim.with_user(self.clerk).action_submit()
        # outside the warranty at the visit
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(years=5)
        with self.assertRaisesRegex(UserError,
                                    r"Water pump replacement is not covered: Basic warranty: until .* \(outside\)"):
            claim.with_user(self.clerk).action_submit()

    def test_rejected_claim_resubmits_with_its_history(self):
        order = self._delivered_order()
        claim = self._claim(order)
        claim.with_user(self.clerk).action_submit()
        labour, part = claim.line_ids
        # the OEM rejects the claim: a rejection needs the OEM's reason code
        missing = self.env["dealer.warranty.reason"].create({"code": "T02", "name": "Photos of the fault missing"})
        with self.assertRaisesRegex(UserError, "Give the OEM's reason code"):
            self._answer(claim, {labour.name: 0.0, part.name: 0.0})
        self._answer(claim, {labour.name: 0.0, part.name: 0.0}, reason=missing, note="缺少故障照片")
        self.assertRecordValues(claim, [{"state": "rejected", "amount_approved": 0.0, "amount_open": 1200.0,
                                         "reason_id": missing.id}])
        # corrected and resubmitted: the OEM pays 1.5 of the 2 hours
        claim.with_user(self.clerk).action_resubmit()
        self.assertEqual(claim.state, "draft")
        claim.with_user(self.clerk).action_submit()
        self._answer(claim, {labour.name: 300.0, part.name: 800.0}, reason=self.reason, note="工时超标")
        self.assertRecordValues(claim, [{"state": "partly_approved", "amount_approved": 1100.0, "amount_open": 100.0,
                                         "reason_id": self.reason.id}])
        self.assertRecordValues(labour | part, [{"amount_approved": 300.0}, {"amount_approved": 800.0}])
        # the difference is resubmitted with the job card, and accepted
        claim.with_user(self.clerk).action_resubmit()
        claim.with_user(self.clerk).action_submit()
        action = claim.with_user(self.clerk).action_open_answer()
        answer = self.env["dealer.warranty.claim.answer"].browse(action["res_id"]).with_user(self.clerk)
        self.assertEqual(answer.line_ids.amount_open, 100.0, "only the cut difference is claimed again")
        answer.action_confirm()
        self.assertRecordValues(claim, [{"state": "approved", "amount_approved": 1200.0, "amount_open": 0.0,
                                         "submission_count": 3}])
        # each submission invoiced what it claimed, each cut credited: the OEM owes the 1,200 (+ 13 % VAT)
        self.assertEqual([(move.move_type, move.amount_untaxed) for move in claim.move_ids.sorted("id")], [
            ("out_invoice", 1200.0), ("out_refund", 1200.0), ("out_invoice", 1200.0), ("out_refund", 100.0),
            ("out_invoice", 100.0)])
        self.assertRecordValues(claim, [{"amount_receivable": 1356.0, "amount_due": 1356.0}])
        self.assertEqual(claim.submission_ids.mapped("difference_decision"), ["resubmitted", "resubmitted", False])
        self.assertRecordValues(claim.submission_ids, [
            {"attempt": 1, "amount_claimed": 1200.0, "result": "rejected", "amount_approved": 0.0,
             "reason_id": missing.id, "note": "缺少故障照片"},
            {"attempt": 2, "amount_claimed": 1200.0, "result": "partly_approved", "amount_approved": 1100.0,
             "reason_id": self.reason.id, "note": "工时超标"},
            {"attempt": 3, "amount_claimed": 100.0, "result": "approved", "amount_approved": 100.0,
             "reason_id": False, "note": False},
        ])
        # a claim the OEM has seen stays in the ledger; an approved one is not resubmitted
        with self.assertRaisesRegex(UserError, "stay in the claim ledger"):
            claim.with_user(self.clerk).unlink()
        with self.assertRaisesRegex(UserError, "Resubmitting is not possible"):
            claim.with_user(self.clerk).action_resubmit()

    def test_claim_ledger_xlsx(self):
        claim = self._claim(self._delivered_order())
        claim.with_user(self.clerk).action_submit()
        self._answer(claim, {claim.line_ids[0].name: 300.0, claim.line_ids[1].name: 800.0}, reason=self.reason)
        content, kind = self.env["ir.actions.report"].with_user(self.clerk)._render(
            "dealer_warranty.report_claim_ledger_xlsx", claim.ids)
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        header = next(index for index, row in enumerate(rows) if row[0] == "Reference")
        line = rows[header + 1]
        self.assertEqual(line[0], claim.name)
        self.assertEqual(line[6], "Partly Approved")
        # before tax: claimed, approved, not approved; taxes included: paid, due (1,100 + 13 % VAT)
        self.assertEqual(line[9:14], [1200.0, 1100.0, 100.0, 0.0, 1243.0])
        self.assertEqual(line[14], "[R07] Labour time above standard")
        self.assertEqual(rows[header + 2][0], "Total")

    def test_oem_cannot_approve_more_than_claimed(self):
        claim = self._claim(self._delivered_order())
        claim.with_user(self.clerk).action_submit()
        labour, part = claim.line_ids
        with self.assertRaisesRegex(UserError, "can approve between 0 and 400.0"):
            self._answer(claim, {labour.name: 450.0, part.name: 800.0})

    # ------------------------------------------------------------ a new car's PDI and free first service
    def _programs(self):
        """The OEM pays 150.00 an hour in store A and 0.8 h for the oil change (1.5 h in the
        store's catalogue), 1.2 h for its PDI; its first service is free."""
        env = self.env
        env["dealer.warranty.labour.rate"].create({"company_id": self.store_a.id, "brand_id": self.brand.id,
                                                   "rate": 150.0})
        env["dealer.labour.operation.oem.time"].create({"operation_id": self.op_oil.id, "brand_id": self.brand.id,
                                                        "hours": 0.8})
        self.op_pdi = env["dealer.labour.operation"].create({
            "code": "P001", "name": "PDI 新车交付前检查", "trade": "mechanical", "standard_hours": 1.0,
            "oem_time_ids": [Command.create({"brand_id": self.brand.id, "hours": 1.2})],
        })
        self.first_service = env["dealer.service.package"].create({
            "name": "首保 First free service", "mileage": 5000, "dealer_oem_free": True,
            "line_ids": [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
                         Command.create({"line_type": "part", "product_id": self.oil_filter.id,
                                                "quantity": 1.0})],
        })
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(months=3)

    def _add_package(self, order, package):
        wizard = Form(self.env["dealer.repair.order.package.wizard"].with_user(self.advisor_a).with_context(
            default_order_id=order.id))
        wizard.package_id = package
        wizard.payer = "customer"
        wizard.save().action_apply()

    def test_free_first_service_is_claimed_from_the_oem(self):
        self._programs()
        order = self._checked_in_order(mileage=5100)
        self._add_package(order, self.first_service)
        self.assertRecordValues(order.line_ids, [
            {"payer": "warranty", "dealer_claim_type": "free_service", "quantity": 0.8, "price_unit": 150.0},
            {"payer": "warranty", "dealer_claim_type": "free_service", "quantity": 1.0, "price_unit": 80.0},
        ])
        # the oil filter is a wear part, yet the OEM pays it under the free service
        self.assertEqual(order.line_ids[1].dealer_warranty_status, "wear")
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            order.line_ids[0].with_user(self.advisor_a).write({"dealer_claim_type": False})
        self._sign(order)
        order.action_approve()
        labour = order.line_ids[0]
        self._clock(order, labour, 0.8).write({"state": "done", "date_done": fields.Datetime.now()})
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        claim = self._claim(order)
        # 0.8 h x 150.00 + 80.00 = 200.00, nothing billed to the customer
        self.assertRecordValues(claim, [{"claim_type": "free_service", "amount_claimed": 200.0}])
        claim.with_user(self.clerk).action_submit()
        self.assertEqual(claim.state, "submitted")

    def test_a_plain_package_stays_with_the_customer(self):
        self._programs()
        self.first_service.dealer_oem_free = False
        order = self._checked_in_order(mileage=5100)
        self._add_package(order, self.first_service)
        self.assertEqual(order.line_ids.mapped("payer"), ["customer", "customer"])
        self.assertFalse(any(order.line_ids.mapped("dealer_claim_type")))

    def test_pdi_checklist_is_claimed_from_the_oem(self):
        self._programs()
        template = self.env["dealer.inspection.template"].create({
            "name": "PDI 新车检查", "brand_id": self.brand.id, "dealer_pdi": True,
            "dealer_pdi_labour_operation_id": self.op_pdi.id,
            "item_ids": [Command.create({"area": "exterior", "name": "漆面检查 paint"})],
        })
        # a new car not sold yet: no warranty runs, the OEM pays its PDI all the same
        self.vehicle_a.dealer_warranty_start_date = False
        order = self._checked_in_order(mileage=12)
        check = self.env["dealer.health.check"].with_user(self.advisor_a).create({
            "order_id": order.id, "template_id": template.id})
        check.with_user(self.advisor_a).action_dealer_claim_pdi()
        self.assertRecordValues(check.dealer_pdi_line_id, [
            {"payer": "warranty", "dealer_claim_type": "pdi", "quantity": 1.2, "price_unit": 150.0,
             "price_subtotal": 180.0}])
        with self.assertRaisesRegex(UserError, "on the order already"):
            check.with_user(self.advisor_a).action_dealer_claim_pdi()
        values = check.dealer_pdi_line_id._dealer_prepare_claims_values()
        self.assertEqual([(value["claim_type"], len(value["line_ids"])) for value in values], [("pdi", 1)])
        self.assertEqual(values[0]["line_ids"][0][2]["price_unit"], 150.0)
        # a health check from an ordinary template is not a PDI
        plain = self.env["dealer.health.check"].with_user(self.advisor_a).create({"order_id": order.id})
        with self.assertRaisesRegex(UserError, "not made from a PDI checklist"):
            plain.with_user(self.advisor_a).action_dealer_claim_pdi()

    # ------------------------------------------------------------ batch-friendly submission (bench/bench_warranty.py)
    def _repaired_claim(self, mileage):
        """The claim of an order whose water pump labour was clocked and that was delivered
        (a fixture, as in the bench: the state is set, not walked through)."""
        order = self._checked_in_order(mileage=mileage)
        order.write({"line_ids": [Command.create({"line_type": "labour", "labour_operation_id": self.op_pump.id,
                                                  "payer": "warranty"})]})
        self._clock(order, order.line_ids, 2.0)
        with unsealed(self.env):
            order.write({"state": "delivered", "date_delivered": fields.Datetime.now()})
        return self._claim(order)

    def _queries(self, claims):
        claims = claims.with_user(self.clerk)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        claims.action_submit()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_claims_submitted_together_share_their_queries(self):
        claims = [self._repaired_claim(30000 + 100 * i) for i in range(5)]
        self._queries(claims[0])  # the first submission warms the registry's caches up
        one = self._queries(claims[1])
        three = self._queries(claims[2] | claims[3] | claims[4])
        self.assertEqual([(claim.state, claim.amount_claimed) for claim in claims], [("submitted", 400.0)] * 5)
        # the checks and the warranty terms are read once per batch; what each more claim adds is
        # its own invoice to the OEM (about 18 queries: its lines, taxes and number), not a search
        self.assertLessEqual(three, one + 2 * 20, "each more claim of a batch adds at most its own invoice")

import io
from datetime import timedelta

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

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

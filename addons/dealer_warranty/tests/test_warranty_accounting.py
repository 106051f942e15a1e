from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged, warmup

from . import common

BUCKETS = ("current", "30_days", "60_days", "90_days", "120_days", "older")


@tagged("post_install", "-at_install")
class TestWarrantyAccounting(common.WarrantyCase):
    """A claim is a receivable from the OEM: invoiced in the warranty claims journal at submission,
    the OEM's cut credited, the OEM's transfer reconciling it; goodwill splits on the settlement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.journal = cls.store_a._dealer_warranty_journal()
        cls.goodwill_account = cls.store_a.dealer_warranty_goodwill_account_id

    def _answer(self, claim, approved, reason=None):
        """The OEM's answer typed into the answer form: ``approved`` per claim line type."""
        action = claim.with_user(self.clerk).action_open_answer()
        answer = self.env["dealer.warranty.claim.answer"].browse(action["res_id"]).with_user(self.clerk)
        form = Form(answer)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                line.amount_approved = approved[answer.line_ids[index].claim_line_id.line_type]
        form.reason_id = reason or self.env["dealer.warranty.reason"]
        form.save().action_confirm()

    def _submitted_claim(self, **extra):
        """A delivered order's claim (2 h x 200 + the 800 water pump = 1,200 before VAT), submitted."""
        claim = self._claim(self._delivered_order(**extra))
        claim.with_user(self.clerk).action_submit()
        return claim

    def test_claim_booked_cut_and_paid_by_one_oem_transfer(self):
        # the order with customer, warranty and insurer lines settles with no invoice to the OEM
        order = self._delivered_order(insurer_id=self.insurer.id)
        order.write({"line_ids": [Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id,
                                                  "payer": "insurance"})]})
        order.with_user(self.advisor_a).action_create_invoices()
        self.assertEqual(sorted((move.partner_id.name, move.amount_untaxed) for move in order.invoice_ids),
                         sorted([(self.customer.name, 300.0), (self.insurer.name, 500.0)]))
        self.assertFalse(self.env["account.move"].search([("partner_id", "=", self.oem.id)]))
        # the submission books the claim as a receivable from the OEM, line by line
        claim = self._claim(order)
        claim.with_user(self.clerk).action_submit()
        invoice = claim.move_ids
        self.assertRecordValues(invoice, [{
            "move_type": "out_invoice", "state": "posted", "partner_id": self.oem.id, "journal_id": self.journal.id,
            "amount_untaxed": 1200.0, "amount_total": 1356.0, "dealer_warranty_claim_id": claim.id,
        }])
        self.assertEqual(self.journal.code, "WCL")
        labour, part = claim.line_ids
        self.assertRecordValues(invoice.invoice_line_ids, [
            {"price_subtotal": 400.0, "dealer_claim_line_id": labour.id,
             "dealer_repair_line_id": labour.repair_line_id.id,
             "dealer_line_type": "labour", "dealer_trade": "mechanical", "dealer_payer": "warranty",
             "account_id": self.labour_account.id},
            {"price_subtotal": 800.0, "dealer_claim_line_id": part.id, "dealer_repair_line_id": part.repair_line_id.id,
             "dealer_line_type": "part", "dealer_trade": False, "dealer_payer": "warranty",
             "account_id": self.parts_account.id},
        ])
        self.assertEqual(claim.submission_ids.invoice_id, invoice)
        # the accountant sees the claim on the invoice
        self.assertEqual(Form(invoice.with_user(self.accountant)).dealer_warranty_claim_id, claim)
        # the OEM approves 1,020 of 1,200: the credit note is exactly the 180 cut, taxed as the invoice
        self._answer(claim, {"labour": 300.0, "part": 720.0}, reason=self.reason)
        refund = claim.move_ids - invoice
        self.assertRecordValues(refund, [{
            "move_type": "out_refund", "state": "posted", "partner_id": self.oem.id, "journal_id": self.journal.id,
            "amount_untaxed": 180.0, "amount_total": 203.4, "reversed_entry_id": invoice.id,
            "amount_residual": 0.0,
        }])
        self.assertIn("[R07] Labour time above standard", refund.ref)
        self.assertEqual(sorted(refund.invoice_line_ids.mapped("price_subtotal")), [80.0, 100.0])
        self.assertEqual(refund.invoice_line_ids.dealer_repair_line_id, claim.line_ids.repair_line_id)
        self.assertRecordValues(claim, [{"state": "partly_approved", "amount_approved": 1020.0,
                                         "amount_receivable": 1152.6, "amount_paid": 0.0, "amount_due": 1152.6}])
        self.assertEqual(invoice.amount_residual, 1152.6)
        # a second claim, approved in full
        claim_2 = self._submitted_claim()
        self._answer(claim_2, {"labour": 400.0, "part": 800.0})
        self.assertRecordValues(claim_2, [{"state": "approved", "amount_receivable": 1356.0, "amount_due": 1356.0}])
        # the accountants' aged balance: both claims 20 days after their invoices (due at once), 1-30 days
        partner = self._aged_balance(fields.Date.today() + timedelta(days=20))
        self.assertEqual({bucket: partner[bucket] for bucket in ("residual", *BUCKETS)},
                         {"residual": 2508.6, "current": 0.0, "30_days": 2508.6, "60_days": 0.0, "90_days": 0.0,
                          "120_days": 0.0, "older": 0.0})
        # nobody marks a claim paid: a warranty clerk registers no payment, the state is the server's
        invoices = (claim | claim_2).move_ids.filtered(lambda move: move.move_type == "out_invoice")
        with self.assertRaises(AccessError):
            self._pay(invoices, 2508.6, user=self.clerk)
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            claim.with_user(self.clerk).write({"state": "paid"})
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            claim.with_user(self.clerk).write({"amount_due": 0.0, "amount_paid": 1152.6})
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            invoice.with_user(self.accountant).write({"dealer_warranty_claim_id": claim_2.id})
        # the OEM's one transfer for both claims, registered by an accountant, reconciles each to zero
        self._pay(invoices, 2508.6)
        self.assertEqual(len(invoices.matched_payment_ids), 1)
        self.assertEqual(invoices.mapped("amount_residual"), [0.0, 0.0])
        self.assertRecordValues(claim | claim_2, [
            {"state": "paid", "amount_paid": 1152.6, "amount_due": 0.0},
            {"state": "paid", "amount_paid": 1356.0, "amount_due": 0.0},
        ])
        # the payment undone: the claims are owed again
        invoices.matched_payment_ids.move_id.line_ids.with_user(self.accountant).remove_move_reconcile()
        self.assertRecordValues(claim | claim_2, [{"state": "partly_approved", "amount_due": 1152.6},
                                                  {"state": "approved", "amount_due": 1356.0}])

    def _pay(self, invoices, amount, user=None):
        wizard = Form(self.env["account.payment.register"].with_user(user or self.accountant).with_context(
            active_model="account.move", active_ids=invoices.ids))
        wizard.group_payment = True
        wizard.amount = amount
        return wizard.save().action_create_payments()

    def _aged_balance(self, day):
        """The OEM's line of the accountants' aged partner balance of the OEMs on ``day``."""
        self.assertEqual(self.oem.dealer_receivable_kind, "oem")
        wizard = self.env["aged.partner.balance.report.wizard"].with_user(self.accountant).create({
            "company_id": self.store_a.id, "date_at": day, "dealer_receivable_kind": "oem",
            "account_ids": [Command.set(self.oem.with_company(self.store_a).property_account_receivable_id.ids)],
        })
        data = wizard._prepare_report_data()
        data["date_at"] = fields.Date.to_string(data["date_at"])
        values = self.env["report.account_financial_report.aged_partner_balance"].with_user(
            self.accountant)._get_report_values(wizard.ids, data)
        [account] = values["aged_partner_balance"]
        [partner] = [partner for partner in account["partners"] if partner["name"] == self.oem.name]
        return partner

    def test_rejected_claim_cut_is_the_stores_goodwill(self):
        claim = self._submitted_claim()
        self._answer(claim, {"labour": 0.0, "part": 0.0}, reason=self.reason)
        self.assertRecordValues(claim, [{"state": "rejected", "amount_receivable": 0.0, "amount_due": 0.0}])
        # only the appraiser decides where the cut goes
        with self.assertRaisesRegex(UserError, "Only a warranty appraiser"):
            claim.with_user(self.clerk).action_cut_to_goodwill()
        claim.with_user(self.appraiser).action_cut_to_goodwill()
        submission = claim.submission_ids
        entry = submission.difference_move_id
        self.assertEqual(submission.difference_decision, "goodwill")
        self.assertRecordValues(entry, [{"move_type": "entry", "state": "posted"}])
        self.assertEqual({(line.account_id, line.debit, line.credit) for line in entry.line_ids}, {
            (self.goodwill_account, 1200.0, 0.0), (self.labour_account, 0.0, 400.0),
            (self.parts_account, 0.0, 800.0)})
        self.assertEqual(self.goodwill_account.account_type[:7], "expense")
        # decided: neither resubmitted nor billed again
        with self.assertRaisesRegex(UserError, "decided already"):
            claim.with_user(self.clerk).action_resubmit()
        with self.assertRaisesRegex(UserError, "decided already"):
            claim.with_user(self.appraiser).action_cut_to_customer()

    def test_cut_billed_to_the_customer(self):
        claim = self._submitted_claim()
        self._answer(claim, {"labour": 300.0, "part": 720.0}, reason=self.reason)
        claim.with_user(self.appraiser).action_cut_to_customer()
        invoice = claim.submission_ids.difference_move_id
        self.assertRecordValues(invoice, [{
            "move_type": "out_invoice", "state": "posted", "partner_id": self.customer.id,
            "dealer_repair_order_id": claim.repair_order_id.id, "amount_untaxed": 180.0, "amount_total": 203.4,
        }])
        self.assertEqual(invoice.invoice_line_ids.mapped("dealer_payer"), ["customer", "customer"])
        self.assertEqual(claim.submission_ids.difference_decision, "customer")

    def test_goodwill_split_on_the_settlement(self):
        """Goodwill 50/30/20 on a 1,000 line: the OEM's claim 500, the store's cost 300, the
        customer's invoice 200."""
        self.vehicle_a.dealer_warranty_start_date = fields.Date.today() - relativedelta(years=4)
        valve = self.env["product.product"].create({
            "name": "Valve body 阀体", "type": "consu", "is_storable": True, "lst_price": 1000.0,
            "standard_price": 600.0, "categ_id": self.categ_parts.id, "taxes_id": [Command.set(self.tax13.ids)],
        })
        self.env["stock.quant"]._update_available_quantity(valve, self.warehouse_a.lot_stock_id, 1.0)
        order = self._checked_in_order(mileage=120000)
        order.write({"line_ids": [Command.create({"line_type": "part", "product_id": valve.id, "quantity": 1,
                                                  "payer": "warranty"})]})
        line = order.line_ids
        appraisal = self.env["dealer.warranty.appraisal"].with_user(self.appraiser).create({
            "order_id": order.id, "line_ids": [Command.set(line.ids)], "decision": "goodwill",
            "reason": "老客户 (loyal customer)", "oem_percent": 50.0, "dealer_percent": 30.0, "customer_percent": 20.0,
        })
        # an appraiser asking for goodwill approves the store's appraiser step with the same click
        appraisal.with_user(self.appraiser).action_decide()
        self.assertEqual(appraisal.state, "approved")
        self._sign(order)
        order.action_approve()
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        order.with_user(self.advisor_a).action_create_invoices()
        # the customer's invoice: its 20 %
        self.assertRecordValues(order.invoice_ids, [{
            "partner_id": self.customer.id, "amount_untaxed": 200.0, "amount_total": 226.0,
        }])
        self.assertRecordValues(order.invoice_ids.invoice_line_ids, [{
            "dealer_repair_line_id": line.id, "dealer_payer": "customer", "account_id": self.parts_account.id,
        }])
        # the store's 30 %: its goodwill cost, from the parts income
        cost = self.env["account.move.line"].search([("dealer_repair_line_id", "=", line.id),
                                                     ("move_id.move_type", "=", "entry")]).move_id
        self.assertEqual({(move_line.account_id, move_line.debit, move_line.credit) for move_line in cost.line_ids},
                         {(self.goodwill_account, 300.0, 0.0), (self.parts_account, 0.0, 300.0)})
        # the OEM's 50 %: its claim
        claim = self._claim(order)
        self.assertRecordValues(claim, [{"claim_type": "goodwill", "amount_claimed": 500.0}])


@tagged("post_install", "-at_install")
class TestWarrantyAccountingPerformance(common.WarrantyCase):

    @warmup
    def test_submitting_a_claim_books_it_in_a_bounded_number_of_queries(self):
        claim = self._claim(self._delivered_order()).with_user(self.clerk)
        self.env.flush_all()
        self.env.invalidate_all()
        # the checks, the submission's history, the OEM invoice (2 lines) created and posted
        with self.assertQueryCount(155):  # 139 measured, margin for other modules
            claim.action_submit()
            self.env.flush_all()
        self.assertEqual(claim.move_ids.amount_untaxed, 1200.0)

from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from . import common

BUCKETS = ("current", "30_days", "60_days", "90_days", "120_days", "older")
SETTLED = date(2026, 10, 9)  # 45 days before the payment: due after 30 days, 15 days overdue
PAID = date(2026, 11, 23)


@tagged("post_install", "-at_install")
class TestSplitBilling(common.InsuranceCase):
    """Settlement of an accident repair: the insurer is invoiced its approved assessments, the
    customer the rest; the insurer's short payment stays open and ages; its write-off is approved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.env["dealer.payer.contract"].create({
            "name": "PICC direct payment (test)", "company_id": cls.store_a.id, "partner_id": cls.insurer.id,
            "dealer_direct_payment": True,
            "dealer_payment_term_id": cls.env.ref("account.account_payment_term_30days").id,
        })
        cls.accountant = cls._make_user("ins_accountant_a", "account.group_account_manager")
        cls.store_a.dealer_insurance_writeoff_account_id = cls.env["account.account"].search([
            ("company_ids", "in", cls.store_a.ids), ("account_type", "=", "expense"),
        ], limit=1)
        cls.env["res.partner"].search([("dealer_receivable_kind", "!=", False), ("id", "!=", cls.insurer.id)]).write(
            {"dealer_receivable_kind": False})

    def _settle(self, vat=True):
        """Estimate 10,000, assessed 8,600; supplement 1,200, assessed 1,000; delivered and invoiced
        by the claims clerk. Without ``vat``, the lines carry no tax (the amounts are the totals)."""
        case = self._accident_case()
        order = case.repair_order_id
        if not vat:
            order.line_ids.write({"tax_ids": [Command.clear()]})
        self._send_and_assess(case, 8600.0)
        self._approved_accident_order(case)
        order.action_start_repair()
        order.write({"line_ids": [Command.create({
            "line_type": "part", "product_id": self.headlamp.id, "quantity": 1, "payer": "insurance",
            **({} if vat else {"tax_ids": [Command.clear()]}),
        })]})
        order.line_ids.filtered(lambda line: line.product_id == self.headlamp).action_approve_by_phone()
        case.action_send_estimate()
        supplement = case.assessment_ids.sorted("sequence")[-1]
        supplement.assessment_mode = "line"
        supplement.line_ids.dealer_assessed_amount = 1000.0
        supplement.action_assess()
        supplement.action_approve()
        case.with_user(self.clerk_a).write({
            "authorisation_signed_by": "Zhang Wei", "authorisation_signature": common.reception_common.SIGNATURE,
        })
        self._finish(order)
        with freeze_time(SETTLED):
            order.with_user(self.clerk_a).action_create_invoices()
        insurer_invoice = order.invoice_ids.filtered(lambda move: move.partner_id == self.insurer)
        customer_invoice = order.invoice_ids - insurer_invoice
        return case, order, insurer_invoice, customer_invoice

    def _finish(self, order):
        """The repair started: quality check, ready, parts issued, delivered."""
        order.action_request_quality_check()
        self._pass_final_inspection(order)
        order.action_mark_ready()
        order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                     "delivery_old_parts": True})
        self._issue_parts(order)
        order.action_deliver()

    def _pay(self, invoice, amount, user=None):
        wizard = Form(self.env["account.payment.register"].with_user(user or self.accountant).with_context(
            active_model="account.move", active_ids=invoice.ids))
        wizard.amount = amount
        wizard.payment_date = PAID
        return wizard.save().action_create_payments()

    def test_insurer_invoice_of_the_assessments_customer_the_rest(self):
        case, order, insurer_invoice, customer_invoice = self._settle()
        # before VAT: the insurer 8,600 + 1,000, the customer 1,400 + 200 above the assessments and its oil change
        self.assertRecordValues(insurer_invoice, [{
            "state": "posted", "amount_untaxed": 9600.0, "amount_total": 10848.0, "dealer_insurance_case_id": case.id,
            "invoice_payment_term_id": self.contract.dealer_payment_term_id.id, "invoice_date": SETTLED,
        }])
        self.assertRecordValues(customer_invoice, [{
            "partner_id": self.customer.id, "amount_untaxed": 1900.0, "amount_total": 2147.0,
        }])
        self.assertEqual(order.amount_untaxed, 11500.0)
        self.assertAlmostEqual(insurer_invoice.amount_total + customer_invoice.amount_total, order.amount_total)
        # each share is linked to its order line; the bumper's 6,000 is 5,160 for the insurer, 840 for the customer
        bumper = order.line_ids.filtered(lambda line: line.product_id == self.bumper)
        self.assertEqual(sorted(bumper.invoice_line_ids.mapped("price_subtotal")), [840.0, 5160.0])
        self.assertEqual(case.state, "invoiced")
        self.assertEqual(case.amount_insurer_open, 10848.0)
        # the advisor opens the order's invoices (the insurer's too) without reading the case
        for invoice in insurer_invoice | customer_invoice:
            self.assertEqual(Form(invoice.with_user(self.advisor_a)).partner_id, invoice.partner_id)

    def test_insurer_pays_9000_of_9600_the_rest_ages_and_its_write_off_is_approved(self):
        case, order, insurer_invoice, customer_invoice = self._settle(vat=False)
        self.assertEqual((insurer_invoice.amount_total, customer_invoice.amount_total), (9600.0, 1900.0))
        self.assertEqual(insurer_invoice.amount_total + customer_invoice.amount_total, order.amount_total)
        # only an accountant registers (and reconciles) the insurer's payment
        with self.assertRaises(AccessError):
            self._pay(insurer_invoice, 9000.0, user=self.clerk_a)
        self._pay(insurer_invoice, 9000.0)
        self.assertEqual(insurer_invoice.payment_state, "partial")
        self.assertRecordValues(case.with_user(self.clerk_a), [{
            "amount_insurer_invoiced": 9600.0, "amount_insurer_paid": 9000.0, "amount_insurer_open": 600.0,
        }])
        # the collection list shows it with its age; the weekly action gives the clerk its next action
        collection = self.env["account.move"].with_user(self.clerk_a).search([
            ("dealer_insurance_case_id", "!=", False), ("payment_state", "in", ("not_paid", "partial")),
        ])
        self.assertEqual(collection, insurer_invoice)
        with freeze_time(PAID):
            self.env["account.move"]._cron_insurer_collection()
            self.env["account.move"]._cron_insurer_collection()
            self.assertEqual(insurer_invoice.with_user(self.clerk_a).dealer_age_days, 45)
        self.assertEqual(len(insurer_invoice.activity_ids), 1)
        self.assertEqual(insurer_invoice.activity_ids.user_id, self.clerk_a)
        # the accountants' aged balance: 600 is 15 days overdue (due 30 days after the invoice), 1-30 days
        wizard = self.env["aged.partner.balance.report.wizard"].with_user(self.accountant).create({
            "company_id": self.store_a.id, "dealer_receivable_kind": "insurer", "date_at": PAID,
            "account_ids": [Command.set(insurer_invoice.line_ids.filtered(
                lambda line: line.account_id.account_type == "asset_receivable").account_id.ids)],
        })
        data = wizard._prepare_report_data()
        data["date_at"] = fields.Date.to_string(data["date_at"])
        values = self.env["report.account_financial_report.aged_partner_balance"].with_user(
            self.accountant)._get_report_values(wizard.ids, data)
        [account] = values["aged_partner_balance"]
        [partner] = account["partners"]
        self.assertEqual(partner["name"], self.insurer.name)
        self.assertEqual({bucket: partner[bucket] for bucket in ("residual", *BUCKETS)},
                         {"residual": 600.0, "current": 0.0, "30_days": 600.0, "60_days": 0.0, "90_days": 0.0,
                          "120_days": 0.0, "older": 0.0})
        # the insurer will not pay the 600: its write-off needs the service manager's approval and a reason
        Writeoff = self.env["dealer.insurance.writeoff"].with_user(self.clerk_a)
        writeoff = Writeoff.create({"invoice_id": insurer_invoice.id, "amount": 600.0})
        with self.assertRaisesRegex(UserError, "Say why"):
            writeoff.action_submit()
        writeoff.reason = "保险公司核价后拒付超出部分，已与理赔经理确认"
        writeoff.action_submit()
        self.assertEqual(writeoff.state, "to_approve")
        with self.assertRaises(UserError):
            writeoff.with_user(self.accountant).action_post()
        with self.assertRaises(AccessError):
            writeoff.with_user(self.clerk_a).validate_tier()
        with self.assertRaises(UserError):
            writeoff.write({"state": "approved"})
        writeoff.with_user(self.manager_a).validate_tier()
        self.assertEqual(writeoff.state, "approved")
        with self.assertRaises(AccessError):
            writeoff.with_user(self.clerk_a).action_post()
        writeoff.with_user(self.accountant).action_post()
        self.assertEqual(writeoff.state, "posted")
        self.assertEqual(insurer_invoice.payment_state, "paid")
        self.assertEqual(case.with_user(self.clerk_a).amount_insurer_open, 0.0)

    def test_no_direct_payment_the_customer_pays_everything(self):
        self.contract.dealer_direct_payment = False
        case, order, insurer_invoice, customer_invoice = self._settle()
        self.assertFalse(insurer_invoice)
        self.assertRecordValues(customer_invoice, [{"partner_id": self.customer.id, "amount_untaxed": 11500.0}])
        self.assertEqual(customer_invoice.amount_total, order.amount_total)

    def test_settlement_needs_every_insurer_line_approved_and_the_authorisation(self):
        case = self._accident_case()
        order = case.repair_order_id
        self._send_and_assess(case, 8600.0, approve=False)
        self._approved_accident_order(case)
        order.action_start_repair()
        self._finish(order)
        with self.assertRaisesRegex(UserError, "not in an estimate it approved"):
            order.action_create_invoices()
        case.assessment_ids.action_approve()
        with self.assertRaisesRegex(UserError, "have the customer sign"):
            order.action_create_invoices()
        self.assertEqual(order.state, "delivered")

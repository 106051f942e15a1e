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

    def _settle(self, assessed=8600.0, supplement_assessed=1000.0):
        """Estimate 10,000 before VAT (11,300 with it), assessed 8,600; supplement 1,200 (1,356),
        assessed 1,000; delivered and invoiced by the claims clerk. The insurer's amounts include VAT."""
        case = self._accident_case()
        order = case.repair_order_id
        self._send_and_assess(case, assessed)
        self._approved_accident_order(case)
        order.action_start_repair()
        order.write({"line_ids": [Command.create({
            "line_type": "part", "product_id": self.headlamp.id, "quantity": 1, "payer": "insurance",
        })]})
        order.line_ids.filtered(lambda line: line.product_id == self.headlamp).action_approve_by_phone()
        case.action_send_estimate()
        supplement = case.assessment_ids.sorted("sequence")[-1]
        supplement.assessment_mode = "line"
        supplement.line_ids.dealer_assessed_amount = supplement_assessed
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
        # the order: 11,500 before VAT, 12,995 with it (the insurer's lines 11,300 + 1,356, the oil change 339)
        self.assertRecordValues(order, [{"amount_untaxed": 11500.0, "amount_total": 12995.0}])
        # the insurer's invoice totals its assessments, VAT included: 8,600 + 1,000 = 9,600 of which 13 % VAT
        self.assertRecordValues(insurer_invoice, [{
            "state": "posted", "amount_total": 9600.0, "amount_untaxed": 8495.58, "amount_tax": 1104.42,
            "dealer_insurance_case_id": case.id,
            "invoice_payment_term_id": self.contract.dealer_payment_term_id.id, "invoice_date": SETTLED,
        }])
        # the customer the rest: 2,700 + 356 above the assessments and its oil change
        self.assertRecordValues(customer_invoice, [{
            "partner_id": self.customer.id, "amount_total": 3395.0, "amount_untaxed": 3004.42, "amount_tax": 390.58,
        }])
        self.assertEqual(insurer_invoice.amount_total + customer_invoice.amount_total, order.amount_total)
        # the VAT is the order's 13 %, of the chart's sales tax (as price-included on the shares)
        self.assertEqual(insurer_invoice.invoice_line_ids.tax_ids.mapped("amount"), [13.0])
        self.assertEqual(insurer_invoice.invoice_line_ids.tax_ids.tax_group_id, self.vat13.tax_group_id)
        # each share is linked to its order line; the bumper's 6,780 is 5,160 for the insurer, 1,620 for the customer
        bumper = order.line_ids.filtered(lambda line: line.product_id == self.bumper)
        self.assertEqual(sorted(bumper.invoice_line_ids.mapped("price_total")), [1620.0, 5160.0])
        self.assertEqual(sum(bumper.invoice_line_ids.mapped("price_subtotal")), 6000.0)
        self.assertEqual(case.state, "invoiced")
        self.assertEqual(case.amount_insurer_open, 9600.0)
        # the advisor opens the order's invoices (the insurer's too) without reading the case
        for invoice in insurer_invoice | customer_invoice:
            self.assertEqual(Form(invoice.with_user(self.advisor_a)).partner_id, invoice.partner_id)

    def test_odd_assessments_are_billed_to_the_cent(self):
        """No amount before VAT gives 8,777.71 with 13 % (7,767.88 + 1,009.82 = 8,777.70, 7,767.89 +
        1,009.83 = 8,777.72): the shares are billed at the chart's tax as price-included, the tax taking
        the rest; its twin is made once, with the same rate and accounts."""
        case, order, insurer_invoice, customer_invoice = self._settle(assessed=7777.72, supplement_assessed=999.99)
        self.assertRecordValues(insurer_invoice, [{"amount_total": 8777.71, "amount_untaxed": 7767.88,
                                                   "amount_tax": 1009.83}])
        self.assertEqual(customer_invoice.amount_total, 4217.29)
        self.assertEqual(insurer_invoice.amount_total + customer_invoice.amount_total, order.amount_total)
        twin = insurer_invoice.invoice_line_ids.tax_ids
        self.assertRecordValues(twin, [{"amount": 13.0, "price_include": True, "company_id": self.store_a.id}])
        self.assertEqual(twin._dealer_repartition(), self.vat13._dealer_repartition())
        self.assertEqual(self.vat13._dealer_price_included(), twin)
        self.assertEqual(twin._dealer_price_included(), twin)

    def test_insurer_pays_9000_of_9600_the_rest_ages_and_its_write_off_is_approved(self):
        case, order, insurer_invoice, customer_invoice = self._settle()
        self.assertEqual((insurer_invoice.amount_total, customer_invoice.amount_total), (9600.0, 3395.0))
        # only an accountant registers (and reconciles) the insurer's payment
        with self.assertRaises(AccessError):
            self._pay(insurer_invoice, 9000.0, user=self.clerk_a)
        self._pay(insurer_invoice, 9000.0)
        self.assertEqual(insurer_invoice.payment_state, "partial")
        receivable = insurer_invoice.line_ids.filtered(lambda line: line.account_id.account_type == "asset_receivable")
        with self.assertRaises(AccessError):
            receivable.with_user(self.clerk_a).remove_move_reconcile()
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
        self.assertRecordValues(customer_invoice, [{
            "partner_id": self.customer.id, "amount_untaxed": 11500.0, "amount_total": 12995.0,
        }])

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

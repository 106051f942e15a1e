from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from odoo.addons.dealer_service.tests import reception_common


class SettlementCase(reception_common.ReceptionCase):
    """A delivered order with work for the customer, the OEM warranty, the insurer and the store."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls._make_user("h9_accountant", "account.group_account_manager")

    def _delivered_order_with_every_payer(self):
        order = self._checked_in_order(insurer_id=self.insurer.id)
        order.write({"line_ids": [
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id}),
            Command.create({"line_type": "part", "product_id": self.oil_filter.id, "quantity": 2}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_brake.id, "payer": "warranty"}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_bumper.id, "payer": "insurance"}),
            Command.create({"line_type": "labour", "name": "Road test", "trade": "mechanical", "quantity": 0.5,
                            "payer": "internal"}),
        ]})
        self._sign(order)
        order.action_approve()
        self._issue_parts(order)
        self._ready_for_delivery(order)
        order.action_deliver()
        return order

    def _pay(self, invoices, payment_date, amount=None):
        """The accountant registers a payment with Odoo's payment wizard."""
        values = {"payment_date": payment_date, **({"amount": amount} if amount else {})}
        return self.env["account.payment.register"].with_user(self.accountant).with_context(
            active_model="account.move", active_ids=invoices.ids,
        ).create(values)._create_payments()

    def _revenue(self, order):
        """Revenue of the order per line type and trade, as a KPI reads it from the books."""
        groups = self.env["account.move.line"]._read_group(
            [("move_id.dealer_repair_order_id", "=", order.id), ("parent_state", "=", "posted"),
             ("dealer_line_type", "!=", False)],
            ["dealer_line_type", "dealer_trade"], ["balance:sum"],
        )
        return {(line_type, trade): -balance for line_type, trade, balance in groups}

    def _settlement(self, order):
        """The settlement per payer, as the order shows it."""
        return {row.payer: row for row in order.settlement_ids}


@tagged("post_install", "-at_install")
class TestSettlement(SettlementCase):

    @freeze_time("2026-11-02 10:00:00")
    def test_invoices_per_payer_link_back_to_the_order_lines(self):
        order = self._delivered_order_with_every_payer()
        oil, filt, brake, bumper, road_test = order.line_ids
        order.with_user(self.advisor_a).action_create_invoices()
        self.assertRecordValues(order, [{"state": "invoiced", "date_invoiced": date(2026, 11, 2),
                                         "date_collected": False}])

        invoices = order.invoice_ids.sorted("amount_total")
        self.assertRecordValues(invoices, [
            {"partner_id": self.oem.id, "state": "posted", "amount_untaxed": 200.0, "amount_total": 226.0},
            {"partner_id": self.customer.id, "state": "posted", "amount_untaxed": 460.0, "amount_total": 519.8},
            {"partner_id": self.insurer.id, "state": "posted", "amount_untaxed": 500.0, "amount_total": 565.0},
        ])
        oem_invoice, customer_invoice, insurer_invoice = invoices
        # each invoice line knows its order line, its type, trade and payer; internal work is not invoiced
        self.assertRecordValues(invoices.invoice_line_ids.sorted(lambda line: line.dealer_repair_line_id.id), [
            {"move_id": customer_invoice.id, "dealer_repair_line_id": oil.id, "dealer_line_type": "labour",
             "dealer_trade": "mechanical", "dealer_payer": "customer", "price_subtotal": 300.0},
            {"move_id": customer_invoice.id, "dealer_repair_line_id": filt.id, "dealer_line_type": "part",
             "dealer_trade": False, "dealer_payer": "customer", "price_subtotal": 160.0},
            {"move_id": oem_invoice.id, "dealer_repair_line_id": brake.id, "dealer_line_type": "labour",
             "dealer_trade": "mechanical", "dealer_payer": "warranty", "price_subtotal": 200.0},
            {"move_id": insurer_invoice.id, "dealer_repair_line_id": bumper.id, "dealer_line_type": "labour",
             "dealer_trade": "body", "dealer_payer": "insurance", "price_subtotal": 500.0},
        ])
        self.assertEqual(oil.invoice_line_ids.move_id, customer_invoice)
        self.assertFalse(road_test.invoice_line_ids)
        # revenue per trade and line type, read from posted accounting (income is a credit)
        self.assertEqual(self._revenue(order), {
            ("labour", "mechanical"): 500.0, ("part", False): 160.0, ("labour", "body"): 500.0,
        })

        # a credit note of the insurer's invoice keeps the link to the order and to the order line
        reversal = self.env["account.move.reversal"].with_user(self.accountant).with_context(
            active_model="account.move", active_ids=insurer_invoice.ids,
        ).create({"journal_id": insurer_invoice.journal_id.id, "reason": "Bumper: 0.4 h less"})
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        self.assertRecordValues(credit_note, [{"move_type": "out_refund", "dealer_repair_order_id": order.id}])
        self.assertRecordValues(credit_note.invoice_line_ids, [{
            "dealer_repair_line_id": bumper.id, "dealer_line_type": "labour", "dealer_trade": "body",
            "dealer_payer": "insurance",
        }])
        self.assertEqual(bumper.invoice_line_ids.move_id, insurer_invoice | credit_note)
        # the accountant credits 0.4 h of the bumper and matches the credit note with the invoice
        with Form(credit_note.with_user(self.accountant)) as form, form.invoice_line_ids.edit(0) as line:
            line.quantity = 0.4
        credit_note.with_user(self.accountant).action_post()
        (insurer_invoice | credit_note).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).with_user(self.accountant).reconcile()

        self.assertEqual(self._revenue(order)[("labour", "body")], 400.0, "the credit note nets out")
        settlement = self._settlement(order)
        self.assertEqual(set(settlement), {"customer", "warranty", "insurance"})
        self.assertRecordValues(settlement["insurance"], [{
            "partner_id": self.insurer.id, "invoice_count": 2, "amount_invoiced": 452.0, "amount_paid": 0.0,
            "amount_residual": 452.0, "payment_state": "not_paid",
        }])
        self.assertRecordValues(settlement["customer"], [{
            "partner_id": self.customer.id, "invoice_count": 1, "amount_invoiced": 519.8, "amount_paid": 0.0,
            "amount_residual": 519.8, "payment_state": "not_paid",
        }])
        self.assertFalse(order.date_collected)

    @freeze_time("2026-11-02 10:00:00")
    def test_payments_per_payer_and_collection_date(self):
        order = self._delivered_order_with_every_payer()
        order.with_user(self.advisor_a).action_create_invoices()
        invoices = {move.partner_id: move for move in order.invoice_ids}
        customer_invoice, oem_invoice, insurer_invoice = (
            invoices[self.customer], invoices[self.oem], invoices[self.insurer]
        )

        # the customer pays 200 of 519.80 at the counter, the OEM pays its invoice in full
        self._pay(customer_invoice, "2026-11-05", amount=200.0)
        self._pay(oem_invoice, "2026-11-09")
        settlement = self._settlement(order)
        self.assertRecordValues(settlement["customer"], [{
            "amount_invoiced": 519.8, "amount_paid": 200.0, "amount_residual": 319.8, "payment_state": "partial",
        }])
        self.assertEqual(settlement["warranty"].amount_paid, 226.0)
        self.assertEqual(settlement["warranty"].amount_residual, 0.0)
        self.assertIn(settlement["warranty"].payment_state, ("paid", "in_payment"))
        self.assertRecordValues(settlement["insurance"], [{
            "amount_invoiced": 565.0, "amount_paid": 0.0, "amount_residual": 565.0, "payment_state": "not_paid",
        }])
        self.assertFalse(order.date_collected)

        # the rest comes in: the order is collected on the date of the last payment, not today
        self._pay(insurer_invoice, "2026-11-20")
        self.assertFalse(order.date_collected)
        last_payment = self._pay(customer_invoice, "2026-11-16")
        self.assertEqual(order.date_collected, date(2026, 11, 20))
        self.assertEqual(
            self.env["dealer.repair.order"].search([
                ("id", "=", order.id), ("date_collected", ">=", "2026-11-01"), ("date_collected", "<=", "2026-11-30"),
            ]), order, "commission finds the orders collected in the month with a domain",
        )
        settlement = self._settlement(order)
        self.assertEqual(
            {payer: (row.amount_paid, row.amount_residual) for payer, row in settlement.items()},
            {"customer": (519.8, 0.0), "warranty": (226.0, 0.0), "insurance": (565.0, 0.0)},
        )
        self.assertTrue(all(row.payment_state in ("paid", "in_payment") for row in settlement.values()))

        # a payment taken back from the invoice reopens the collection
        last_payment.move_id.line_ids.with_user(self.accountant).remove_move_reconcile()
        self.assertFalse(order.date_collected)
        self.assertRecordValues(self._settlement(order)["customer"], [{
            "amount_paid": 200.0, "amount_residual": 319.8, "payment_state": "partial",
        }])

    def test_settlement_is_billing_information(self):
        order = self._delivered_order_with_every_payer()
        order.with_user(self.advisor_a).action_create_invoices()
        insurer_invoice = order.invoice_ids.filtered(lambda move: move.partner_id == self.insurer)

        # the accountant goes from the invoice to its order, as billing sees it
        action = insurer_invoice.with_user(self.accountant).action_view_dealer_repair_order()
        self.assertEqual((action["res_model"], action["res_id"]), ("dealer.repair.order", order.id))
        billing_view = self.env.ref("dealer_service.dealer_repair_order_view_form_billing")
        self.assertEqual(action["views"], [(billing_view.id, "form")])
        form = Form(order.with_user(self.accountant), view=billing_view)
        self.assertEqual(form.name, order.name)
        self.assertEqual(len(form.settlement_ids), 3)
        self.assertEqual(len(form.line_ids), 5)

        # the advisor, who invoices, sees it on the order; a technician does not
        self.assertEqual(len(Form(order.with_user(self.advisor_a)).settlement_ids), 3)
        with self.assertRaises(AccessError):
            order.with_user(self.technician_a).read(["settlement_ids"])
        with self.assertRaises(AccessError):
            self.env["dealer.repair.order.settlement"].with_user(self.technician_a).search([])
        self.assertTrue(Form(order.with_user(self.technician_a)).name)
        # a new order has nothing settled yet
        new_order = Form(self.env["dealer.repair.order"].with_user(self.advisor_a))
        new_order.partner_id = self.customer
        new_order.vehicle_id = self.vehicle_a
        self.assertFalse(new_order.settlement_ids)
        self.assertFalse(new_order.save().settlement_ids)
        # the settlement dates change only through invoicing and payments
        with self.assertRaisesRegex(UserError, "changes only through its buttons"):
            order.with_user(self.advisor_a).write({"date_collected": "2026-11-30"})

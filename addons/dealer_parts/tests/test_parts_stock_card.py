from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsStockCard(common.PartsCase):

    def test_card_balance_equals_quant_after_mixed_sequence(self):
        Card = self.env["dealer.parts.stock.card"]
        receipt = self._receive(self.pads, 10)                       # +10
        second = self._receive(self.pads, 6, counted=5)              # +5 (one short)
        requisition = self._issue("requisition", [(self.pads, 3)])   # -3
        requisition.move_ids.action_dealer_exempt_old_part()
        self.env["dealer.parts.reason.wizard"].create({
            "res_model": "stock.move", "res_id": requisition.move_ids.id, "action": "exempt", "reason": "test",
        }).action_confirm()
        self._validate(requisition)
        ticket = self._issue("retail", [(self.pads, 2)])             # -2
        self._pay(ticket)
        self._validate(ticket)
        # the customer brings one pad back (return of the ticket)
        wizard = self.env["stock.return.picking"].with_context(
            active_id=ticket.id, active_model="stock.picking").create({"picking_id": ticket.id})
        wizard.product_return_moves.quantity = 1
        ret = wizard._create_return()
        ret.move_ids.quantity = 1
        ret.move_ids.picked = True
        ret._action_done()                                           # +1
        # the monthly count finds one pad less than the books
        count = self.env["dealer.parts.count"].create({"location_id": self.stock.id, "kind": "monthly"})
        count.action_start()
        line = count.line_ids.filtered(lambda line: line.product_id == self.pads)
        self.assertEqual(line.theoretical_qty, 11)
        line.write({"counted_qty": 10, "reason": "Broken box found"})  # -1
        count.action_validate()
        quant_qty = sum(self.env["stock.quant"].search([
            ("product_id", "=", self.pads.id), ("location_id", "child_of", self.stock.id)]).mapped("quantity"))
        self.assertEqual(quant_qty, 10)
        card = Card.search([("product_id", "=", self.pads.id), ("location_id", "=", self.bin_2.id)])
        self.assertEqual(card.mapped("qty_in"), [10.0, 5.0, 0.0, 0.0, 1.0, 0.0])
        self.assertEqual(card.mapped("qty_out"), [0.0, 0.0, 3.0, 2.0, 0.0, 1.0])
        self.assertEqual(card.mapped("balance"), [10.0, 15.0, 12.0, 10.0, 11.0, 10.0])
        self.assertEqual(card[0].reference, receipt.dealer_number)
        self.assertEqual(card[0].partner_id, self.supplier)
        self.assertEqual(card[2].reference, requisition.dealer_number)
        self.assertEqual(card[-1].balance, quant_qty)
        self.assertFalse(Card._dealer_check_differences(self.store_a, self.pads))
        self.assertTrue(second.dealer_discrepancy_ids)

    def test_check_reports_a_difference(self):
        Card = self.env["dealer.parts.stock.card"]
        self._receive(self.filter, 4)
        self.assertFalse(Card._dealer_check_differences(self.store_a, self.filter))
        # goods changed behind the books' back (no move): the check reports it
        self.env["stock.quant"]._update_available_quantity(self.filter, self.bin_1, -1)
        differences = Card._dealer_check_differences(self.store_a, self.filter)
        self.assertEqual(len(differences), 1)
        self.assertEqual((differences[0]["location"], differences[0]["card"], differences[0]["quant"]),
                         (self.bin_1, 4.0, 3.0))
        action = Card.action_dealer_check()
        self.assertEqual(action["params"]["type"], "danger")

from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsTour(HttpCase, common.PartsCase):

    def test_receipt_putaway_requisition_with_old_part_exchange(self):
        # the demo parts clerk, with exactly the demo user's groups, works in the test store
        clerk = self.env.ref("dealer_parts.user_parts_demo")
        clerk.write({"company_ids": [Command.link(self.store_a.id)], "company_id": self.store_a.id})
        order = self._purchase(self.pads, 2)
        receipt = order.picking_ids
        receipt.move_ids.quantity = 2
        receipt.dealer_inspect_planner_id = self.manager
        self.start_tour(f"/odoo/action-stock.action_picking_tree_all/{receipt.id}", "dealer_parts_receipt_tour",
                        login=clerk.login)
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.move_line_ids.location_dest_id, self.bin_2, "put away to the part's bin")
        self.assertRegex(receipt.dealer_number, r"^GR\d{4}-\d{5}$")

        requisition = self._issue("requisition", [(self.pads, 1)], sign=False)
        self.assertEqual(requisition.move_ids.dealer_old_part_state, "required")
        url = f"/odoo/action-stock.action_picking_tree_all/{requisition.id}"
        self.start_tour(url, "dealer_parts_requisition_tour", login=clerk.login)
        self.assertEqual(requisition.move_ids.dealer_old_part_state, "returned")
        # the settlement clerk is a service advisor: the requisition opens for them too
        self.start_tour(url, "dealer_parts_settlement_tour", login=self.advisor.login)
        self.assertEqual(requisition.dealer_settlement_user_id, self.advisor)
        self.start_tour(url, "dealer_parts_issue_tour", login=clerk.login)
        self.assertEqual(requisition.state, "done")
        self.assertEqual(requisition.move_ids.dealer_old_part_state, "returned")
        self.assertEqual(requisition.move_ids.dealer_old_part_move_id.location_dest_id,
                         self.warehouse.dealer_old_part_counter_loc_id)
        self.assertEqual(requisition.move_ids.move_line_ids.location_id, self.bin_2, "issued from the bin")

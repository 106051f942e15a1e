from contextlib import closing

from odoo import api, sql_db
from odoo.exceptions import UserError
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger


@tagged("post_install", "-at_install")
class TestPartsConcurrency(BaseCase):
    """Two users issue the last unit of a part at the same time, in two real
    transactions: only one can succeed. Everything committed is removed."""

    def setUp(self):
        super().setUp()
        with self._cursor() as cr:
            self._remove(api.Environment(cr, api.SUPERUSER_ID, {}))
        with self._cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            company = env.ref("base.main_company")
            warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
            product = env["product.product"].create({
                "name": "Concurrency test part", "is_storable": True, "type": "consu", "list_price": 10.0,
                "company_id": company.id,
            })
            env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 1.0)
            users = env["res.users"].create([{
                "name": f"Concurrent clerk {i}", "login": f"parts_concurrent_{i}", "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "group_ids": [(6, 0, [env.ref("dealer_parts.dealer_parts_group_clerk").id,
                                      env.ref("dealer_service.dealer_service_group_advisor").id])],
            } for i in (1, 2)])
            pickings = env["stock.picking"]
            for user in users:
                picking = env["stock.picking"].create({
                    "picking_type_id": warehouse.dealer_requisition_type_id.id,
                    "dealer_license_plate": "京A00001",
                    "user_id": user.id,
                    "move_ids": [(0, 0, {
                        "product_id": product.id, "product_uom_qty": 1,
                        "location_id": warehouse.lot_stock_id.id,
                        "location_dest_id": warehouse.dealer_requisition_type_id.default_location_dest_id.id,
                    })],
                })
                picking.action_confirm()
                picking.move_ids.quantity = 1
                picking.with_user(user).action_dealer_sign_settlement()
                pickings |= picking
            self.product_id, self.user_ids, self.picking_ids = product.id, users.ids, pickings.ids
            self.partner_ids = users.partner_id.ids
            self.location_id = warehouse.lot_stock_id.id
            sequence = env["ir.sequence"].search([
                ("code", "=", "dealer.parts.requisition"), ("company_id", "=", company.id)])
            self.sequence_id, self.sequence_next = sequence.id, sequence.number_next
        self.addCleanup(self._cleanup)

    @staticmethod
    def _cursor():
        """A real, independent database connection (never the test cursor)."""
        return sql_db.db_connect(get_db_name()).cursor()

    @staticmethod
    def _remove(env):
        """Remove what this test commits (also what an interrupted run left)."""
        products = env["product.product"].with_context(active_test=False).search([
            ("name", "=", "Concurrency test part")])
        pickings = env["stock.picking"].search([("product_id", "in", products.ids)])
        if pickings:
            env.cr.execute(SQL("""
                DELETE FROM stock_move_line WHERE picking_id = ANY(%(ids)s);
                UPDATE stock_move SET state = 'draft' WHERE picking_id = ANY(%(ids)s);
                UPDATE stock_picking SET state = 'draft', dealer_number = NULL WHERE id = ANY(%(ids)s);
            """, ids=pickings.ids))
            env.invalidate_all()
            pickings.action_cancel()
            pickings.unlink()
        if products:
            env.cr.execute(SQL("DELETE FROM stock_quant WHERE product_id = ANY(%s)", products.ids))
            templates = products.product_tmpl_id
            products.unlink()
            templates.unlink()
        users = env["res.users"].with_context(active_test=False).search([("login", "like", "parts_concurrent_%")])
        partners = users.partner_id
        users.unlink()
        partners.unlink()

    def _cleanup(self):
        with self._cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self._remove(env)
            # the committed issue took a number: give it back so the real sequence stays gapless
            cr.execute(SQL("UPDATE ir_sequence SET number_next = %s WHERE id = %s",
                           self.sequence_next, self.sequence_id))

    @mute_logger("odoo.sql_db")
    def test_two_users_cannot_both_issue_the_last_unit(self):
        with closing(self._cursor()) as cr1, closing(self._cursor()) as cr2:
            env1 = api.Environment(cr1, self.user_ids[0], {})
            env2 = api.Environment(cr2, self.user_ids[1], {})
            first = env1["stock.picking"].browse(self.picking_ids[0])
            second = env2["stock.picking"].browse(self.picking_ids[1])
            first.with_context(skip_backorder=True, skip_sms=True).button_validate()
            self.assertEqual(first.state, "done")
            with self.assertRaisesRegex(UserError, "being issued by another user"):
                second.with_context(skip_backorder=True, skip_sms=True).button_validate()
            cr2.rollback()
            # the first one commits: the second, tried again, finds no stock left
            cr1.commit()
            env2.invalidate_all()
            self.assertEqual(second.move_ids.quantity, 0, "the unit it had counted on is gone")
            second.move_ids.quantity = 1  # the clerk insists
            with self.assertRaisesRegex(UserError, "Only 0.0"):
                second.with_context(skip_backorder=True, skip_sms=True).button_validate()
            cr2.rollback()

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from . import common


@tagged("post_install", "-at_install")
class TestPartsSealed(common.PartsCase):
    """States, approvals, inspections, the paid flag and numbers change only through
    their actions: the walk-arounds (plain write, create, unlink, RPC-style calls as each
    role, with the demo users' groups) are refused with a clear message, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._set_stock(cls.pads, 10)
        cls._set_stock(cls.filter, 20)
        cls._set_stock(cls.pump, 5)
        cls.roles = {
            "parts": cls.clerk, "partsmanager": cls.manager, "advisor": cls.advisor,
            "admin": cls.env.ref("base.user_admin"),
        }

    def _refused(self, records, vals, user):
        before = records.read(list(vals))
        with self.assertRaisesRegex(UserError, "change only through the document's own buttons"):
            records.with_user(user).write(vals)
        self.assertEqual(records.read(list(vals)), before)

    def test_number_of_a_validated_requisition_cannot_be_rewritten(self):
        """Defect 11 (issue 7): a clerk wrote a new dealer_number on a validated requisition."""
        picking = self._issue("requisition", [(self.filter, 1)])
        self._validate(picking, user=self.clerk)
        number = picking.dealer_number
        self.assertRegex(number, r"^RQ\d{4}-\d{5}$")
        for user in self.roles.values():
            self._refused(picking, {"dealer_number": "RQ2099-99999"}, user)
        with self.assertRaisesRegex(UserError, "change only through"):
            picking.sudo().write({"dealer_number": "RQ2099-99999"})
        self.assertEqual(picking.dealer_number, number)
        # nor does a numbered requisition become another kind of document
        with self.assertRaisesRegex(UserError, "their kind no longer changes"):
            picking.with_user(self.manager).write({"dealer_doc_kind": "retail"})
        self.assertEqual(picking.dealer_doc_kind, "requisition")
        # a number typed at creation is refused too (it would collide with the sequence later)
        with self.assertRaisesRegex(UserError, "Document Number"):
            self.env["stock.picking"].with_user(self.clerk).create({
                "picking_type_id": self.warehouse.dealer_counter_type_id.id, "dealer_number": "RT2099-00001"})

    def test_inspections_paid_and_signatures_only_through_actions(self):
        receipt = self._purchase(self.filter, 2).picking_ids
        self._refused(receipt, {"dealer_inspect_buyer_id": self.clerk.id,
                                "dealer_inspect_keeper_id": self.clerk.id}, self.clerk)
        ticket = self._issue("retail", [(self.filter, 1)])
        for user in (self.clerk, self.manager):
            self._refused(ticket, {"dealer_paid": True}, user)
        with self.assertRaisesRegex(UserError, "Cash first"):
            self._validate(ticket, user=self.clerk)
        requisition = self._issue("requisition", [(self.filter, 1)], sign=False)
        self._refused(requisition, {"dealer_settlement_user_id": self.advisor.id}, self.advisor)
        self._refused(requisition, {"dealer_settled": True}, self.manager)
        # the old-part return of a move: through booking or exemption only
        pads = self._issue("requisition", [(self.pads, 1)])
        with self.assertRaisesRegex(UserError, "change only through"):
            pads.move_ids.with_user(self.clerk).write({"dealer_old_part_state": "returned"})
        self.assertEqual(pads.move_ids.dealer_old_part_state, "required")

    def test_plan_scrap_and_discrepancy_states_sealed(self):
        plan = self.env["dealer.parts.plan"].with_user(self.clerk).create({
            "line_ids": [Command.create({"product_id": self.filter.id, "quantity": 3})]})
        self._refused(plan, {"state": "approved"}, self.manager)
        with self.assertRaisesRegex(UserError, "Status"):
            self.env["dealer.parts.plan"].with_user(self.manager).create({"state": "approved"})
        request = self.env["dealer.parts.scrap.request"].with_user(self.clerk).create({
            "line_ids": [Command.create({"product_id": self.pump.id, "location_id": self.bin_3.id,
                                         "quantity": 1, "reason": "damaged"})]})
        self._refused(request, {"state": "approved"}, self.manager)
        self._refused(request, {"validation_status": "validated"}, self.manager)
        self._refused(request.line_ids, {"unit_cost": 1.0}, self.clerk)
        self.assertEqual(request.amount_total, 500.0)

    def test_numbered_documents_are_never_deleted(self):
        plan = self.env["dealer.parts.plan"].with_user(self.clerk).create({
            "line_ids": [Command.create({"product_id": self.filter.id, "quantity": 3})]})
        plan.with_user(self.clerk).action_submit()
        self._approve(plan, self.manager)
        request = self.env["dealer.parts.scrap.request"].with_user(self.clerk).create({
            "line_ids": [Command.create({"product_id": self.pump.id, "location_id": self.bin_3.id,
                                         "quantity": 1, "reason": "damaged"})]})
        request.action_submit()
        self._approve(request, self.service_manager, self.warranty_sup, self.manager)
        receipt = self._receive(self.filter, 4, counted=3)
        receipt_note = receipt.dealer_discrepancy_ids
        self.assertTrue(receipt_note.name)
        for record in (plan, request, receipt_note):
            self.assertTrue(record._dealer_number())
            with self.assertRaisesRegex(UserError, "never deleted"):
                record.with_user(self.manager).unlink()
            self.assertTrue(record.exists())
        with self.assertRaisesRegex(UserError, "never deleted"):
            plan.sudo().unlink()

    def test_warranty_old_part_never_goes_home(self):
        """The seed allows "take it home" only outside warranty."""
        warranty = self._issue("warranty_requisition", [(self.pads, 1)])
        warranty.dealer_old_part_choice = "take"
        warranty.move_ids.with_user(self.clerk).action_dealer_book_old_part()
        old = warranty.move_ids.dealer_old_part_move_id
        self.assertEqual(warranty.move_ids.dealer_old_part_state, "returned")
        self.assertRecordValues(old, [{
            "location_dest_id": self.warehouse.dealer_old_part_warranty_loc_id.id,
            "dealer_old_part_of_id": warranty.move_ids.id, "dealer_old_part_picking_id": warranty.id,
        }])
        # the old-part store is an internal location: the old part is stock that can be found, not valued
        store = self.warehouse.dealer_old_part_warranty_loc_id
        self.assertEqual(store.usage, "internal")
        self.assertEqual(self.pads.with_context(location=store.id).qty_available, 1)
        self.assertEqual(old.value, 0.0)
        # outside warranty the customer may take it home
        customer = self._issue("requisition", [(self.pads, 1)])
        customer.dealer_old_part_choice = "take"
        customer.move_ids.action_dealer_book_old_part()
        self.assertEqual(customer.move_ids.dealer_old_part_state, "customer")
        self.assertFalse(customer.move_ids.dealer_old_part_move_id)

    def test_standard_scrap_of_a_part_is_refused(self):
        for user in (self.manager, self.env.ref("base.user_admin")):
            scrap = self.env["stock.scrap"].with_user(user).create({
                "product_id": self.pump.id, "scrap_qty": 1, "location_id": self.bin_3.id})
            with self.assertRaisesRegex(UserError, "scrap it through a scrap request"):
                scrap.action_validate()
            self.assertEqual(scrap.state, "draft")
        # nor can a plain scrap borrow a request that is not approved
        request = self.env["dealer.parts.scrap.request"].with_user(self.clerk).create({
            "line_ids": [Command.create({"product_id": self.pump.id, "location_id": self.bin_3.id,
                                         "quantity": 1, "reason": "damaged"})]})
        scrap = self.env["stock.scrap"].create({
            "product_id": self.pump.id, "scrap_qty": 1, "location_id": self.bin_3.id,
            "dealer_scrap_request_id": request.id})
        with self.assertRaisesRegex(UserError, "scrap request"):
            scrap.do_scrap()
        self.assertEqual(self.pump.with_context(location=self.stock.id).qty_available, 5)
        with self.assertRaises(AccessError):
            request.with_user(self.clerk).action_scrap()

    def test_client_payload_cannot_write_sealed_fields(self):
        """The same payload the web client (or an RPC script) sends: web_save of a sealed field."""
        ticket = self._issue("retail", [(self.filter, 1)])
        with self.assertRaisesRegex(UserError, "change only through"):
            ticket.with_user(self.clerk).web_save({"dealer_paid": True, "note": "paid in cash"}, {})
        self.assertFalse(ticket.dealer_paid)
        self.assertFalse(ticket.note)

    def test_void_discrepancy_note_reverses_the_claim(self):
        receipt = self._receive(self.pump, 3, counted=2)
        note = receipt.dealer_discrepancy_ids
        note.with_user(self.accountant).action_create_refund()
        refund = note.refund_id
        refund.invoice_date = fields.Date.today()
        refund.action_post()
        self.env["dealer.parts.reason.wizard"].with_user(self.manager).create({
            "res_model": "dealer.parts.discrepancy", "res_id": note.id, "action": "void",
            "reason": "the missing pump arrived the next day",
        }).action_confirm()
        self.assertTrue(note.dealer_voided)
        self.assertTrue(note.name)
        self.assertRecordValues(note.void_refund_id, [{
            "state": "posted", "reversed_entry_id": refund.id, "amount_total": refund.amount_total,
        }])
        self.assertEqual(refund.amount_residual, 0.0, "the claim is cancelled by its reversal")

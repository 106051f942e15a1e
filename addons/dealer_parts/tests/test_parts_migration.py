from datetime import datetime

from odoo.fields import Command
from odoo.modules.module import get_module_path, load_script
from odoo.tests import tagged
from odoo.tools import SQL

from . import common


@tagged("post_install", "-at_install")
class TestPartsApprovalMigration(common.PartsCase):
    """Upgrade to 1.3: the scrap requests' and plans' recorded approvals become tier reviews.

    Unit-level: the old columns are added back to the tables of this database (the test's
    transaction rolls them back), filled like a 1.2 database, and both migration scripts run
    on them. A real upgrade of a 1.2 demo database was run too (README of the branch)."""

    def _script(self, name):
        return load_script(f"{get_module_path('dealer_parts')}/migrations/19.0.1.3.0/{name}.py", name)

    def _legacy(self, model, values):
        """A document as 1.2 left it: its state, no reviews, the old approval columns filled."""
        record = self.env[model].create(values)
        self.env.cr.execute(SQL("UPDATE %s SET state = 'to_approve' WHERE id = %s",
                                SQL.identifier(record._table), record.id))
        record.invalidate_recordset()
        return record

    def test_recorded_appraisals_become_reviews(self):
        cr = self.env.cr
        for column in ("service_manager_approval_id", "warranty_approval_id", "parts_manager_approval_id"):
            cr.execute(SQL("ALTER TABLE dealer_parts_scrap_request ADD COLUMN %s integer", SQL.identifier(column)))
        cr.execute("ALTER TABLE dealer_parts_plan ADD COLUMN approved_by_id integer, "
                   "ADD COLUMN approved_date timestamp")
        line = {"product_id": self.pump.id, "location_id": self.bin_3.id, "quantity": 1, "reason": "damaged"}
        requests = [self._legacy("dealer.parts.scrap.request", {"line_ids": [Command.create(line)]})
                    for _i in range(3)]
        plans = [self._legacy("dealer.parts.plan", {"line_ids": [Command.create({
            "product_id": self.filter.id, "quantity": 3})]}) for _i in range(2)]
        complete, two, none = requests
        approved_plan, waiting_plan = plans
        cr.execute("UPDATE dealer_parts_scrap_request SET state = 'approved', service_manager_approval_id = %s, "
                   "warranty_approval_id = %s, parts_manager_approval_id = %s WHERE id = %s",
                   (self.service_manager.id, self.warranty_sup.id, self.manager.id, complete.id))
        cr.execute("UPDATE dealer_parts_scrap_request SET service_manager_approval_id = %s, "
                   "warranty_approval_id = %s WHERE id = %s",
                   (self.service_manager.id, self.warranty_sup.id, two.id))
        cr.execute("UPDATE dealer_parts_plan SET state = 'approved', approved_by_id = %s, "
                   "approved_date = '2026-03-02 08:00:00' WHERE id = %s", (self.manager.id, approved_plan.id))
        self.env.invalidate_all()
        for record in (*requests, *plans):
            self.assertFalse(record.review_ids)

        self._script("pre-migrate").migrate(cr, "19.0.1.2.0")
        self._script("post-migrate").migrate(cr, "19.0.1.2.0")

        cr.execute("SELECT to_regclass('dealer_parts_legacy_approval')")
        self.assertIsNone(cr.fetchone()[0])
        self.assertRecordValues(complete, [{"state": "approved", "validation_status": "validated"}])
        self.assertEqual(complete.review_ids.mapped("done_by"), self.service_manager | self.warranty_sup | self.manager)
        # two of three: still needs the parts manager, who alone can give it
        self.assertEqual(two.validation_status, "pending")
        self.assertEqual(two.review_ids.filtered(lambda r: r.status == "pending").name,
                         "Scrap appraisal: parts manager")
        self._approve(two, self.manager)
        self.assertEqual(two.state, "approved")
        # none recorded: the three appraise
        self.assertEqual(none.review_ids.mapped("status"), ["pending"] * 3)
        self.assertRecordValues(approved_plan.review_ids, [{
            "status": "approved", "done_by": self.manager.id, "reviewed_date": datetime(2026, 3, 2, 8, 0)}])
        self.assertEqual(waiting_plan.review_ids.mapped("status"), ["pending"])
        # run again (a second upgrade attempt): nothing is doubled
        self._script("post-migrate").migrate(cr, "19.0.1.2.0")
        self.assertEqual(len(complete.review_ids), 3)
        self.assertEqual(len(self.env["tier.definition"].search([
            ("model", "=", "dealer.parts.scrap.request"), ("company_id", "=", self.store_a.id)])), 3)

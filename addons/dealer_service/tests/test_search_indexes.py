from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestSearchIndexes(TransactionCase):
    """The hot filters of a group's database are served by indexes (bench/bench_scale.py measures them at scale):
    the queries the ORM builds for an advisor can use them, so a store's screens do not scan the group's rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.advisor = cls.env["res.users"].create({
            "name": "Index Advisor", "login": "index_advisor",
            "group_ids": [(6, 0, cls.env.ref("dealer_service.dealer_service_group_advisor").ids)],
        })

    def _plan(self, model, domain, order=None, limit=None):
        """EXPLAIN of the ORM's query for ``domain`` as the advisor, sequential scans and sorts priced
        out: on a test database's few rows the planner would rather scan or sort, so this shows which
        index can serve the query, as it does at a group's size (bench/bench_scale.py)."""
        records = self.env[model].with_user(self.advisor).with_context(allowed_company_ids=self.env.company.ids)
        sql = records._search(domain, order=order, limit=limit).select()
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute("SET LOCAL enable_sort = off")
        self.env.cr.execute(SQL("EXPLAIN %s", sql))
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.env.cr.execute("RESET enable_seqscan")
        self.env.cr.execute("RESET enable_sort")
        return plan

    def test_vehicle_by_any_part_of_vin(self):
        self.assertIn("fleet_vehicle__vin_sn_index", self._plan("fleet.vehicle", [("vin_sn", "ilike", "123456")]))

    def test_customer_by_any_part_of_phone(self):
        # on a small database the planner may prefer phone_validation's partial index of the
        # sanitized number (a full scan of it): the trigram index is there for a group's size
        # (bench/bench_scale.py shows the plan at 20,000 contacts)
        self.env.cr.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'res_partner__phone_index'")
        self.assertRegex(self.env.cr.fetchone()[0], r"USING gin \(phone gin_trgm_ops\)")

    def test_store_order_list_reads_newest_first_from_the_index(self):
        plan = self._plan("dealer.repair.order", [], order="date_in desc, id desc", limit=80)
        self.assertIn("dealer_repair_order_company_date_in_idx", plan)
        self.assertNotIn("Sort Key", plan)

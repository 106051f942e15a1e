"""1.3: the scrap request's three appraisal fields and the purchase plan's approver
become tier reviews (OCA base_tier_validation). Before the fields go, their values
are kept in ``dealer_parts_legacy_approval`` for the post-migration."""

from odoo.tools import SQL

LEGACY_COLUMNS = [  # (table, model, column, reviewer group of the store's tier)
    ("dealer_parts_scrap_request", "dealer.parts.scrap.request", "service_manager_approval_id",
     "dealer_service.dealer_service_group_manager"),
    ("dealer_parts_scrap_request", "dealer.parts.scrap.request", "warranty_approval_id",
     "dealer_parts.dealer_parts_group_warranty_supervisor"),
    ("dealer_parts_scrap_request", "dealer.parts.scrap.request", "parts_manager_approval_id",
     "dealer_parts.dealer_parts_group_manager"),
    ("dealer_parts_plan", "dealer.parts.plan", "approved_by_id", "dealer_parts.dealer_parts_group_manager"),
]


def _column_exists(cr, table, column):
    cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
               (table, column))
    return bool(cr.fetchone())


def migrate(cr, version):
    cr.execute("""
        CREATE TABLE IF NOT EXISTS dealer_parts_legacy_approval (
            model varchar NOT NULL, res_id integer NOT NULL, reviewer_group varchar NOT NULL,
            user_id integer NOT NULL, approved_on timestamp)
    """)
    for table, model, column, group in LEGACY_COLUMNS:
        if not _column_exists(cr, table, column):
            continue
        # the plan kept its approval date; a scrap appraisal is dated by the request's last change
        date = "approved_date" if _column_exists(cr, table, "approved_date") else "write_date"
        cr.execute(SQL(
            "INSERT INTO dealer_parts_legacy_approval (model, res_id, reviewer_group, user_id, approved_on) "
            "SELECT %s, id, %s, %s, %s FROM %s WHERE %s IS NOT NULL",
            model, group, SQL.identifier(column), SQL.identifier(date), SQL.identifier(table),
            SQL.identifier(column)))

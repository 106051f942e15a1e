"""1.3: every store gets the parts approvals as tier definitions, and each recorded
appraisal or plan approval becomes an approved review of the store's tier for that
role. A request or plan still waiting gets its other tiers pending (a request with
two of three appraisals still needs the third); one past approval keeps its approved
reviews as the record of who approved."""

from odoo import SUPERUSER_ID, api, fields

from odoo.addons.dealer_service.sealed import unsealed

MODELS = ("dealer.parts.scrap.request", "dealer.parts.plan")


def convert(env, rows):
    """Turn ``rows`` [(model, res_id, reviewer group xmlid, user id, approved on)] into tier
    reviews; then every request or plan under approval without reviews asks for them."""
    approvals = {}
    for model, res_id, group, user_id, approved_on in rows:
        approvals.setdefault((model, res_id), {})[group] = (user_id, approved_on or fields.Datetime.now())
    Review = env["tier.review"]
    with unsealed(env):
        for (model, res_id), by_group in approvals.items():
            record = env[model].browse(res_id).exists()
            if not record or record.review_ids:
                continue
            waiting = record.state in record._state_from
            definitions = env["tier.definition"].search([
                ("model", "=", model), ("company_id", "in", [False, record.company_id.id])], order="sequence desc")
            values = []
            for sequence, definition in enumerate(definitions, start=1):
                group = definition.reviewer_group_id
                user_id, approved_on = by_group.get(group.get_external_id().get(group.id), (None, None))
                if user_id:
                    values.append({**record._prepare_tier_review_vals(definition, sequence), "status": "approved",
                                   "done_by": user_id, "reviewed_date": approved_on,
                                   "requested_by": record.create_uid.id})
                elif waiting:
                    values.append({**record._prepare_tier_review_vals(definition, sequence),
                                   "requested_by": record.create_uid.id})
            Review |= Review.create(values)
        Review._update_review_status()
    for model in MODELS:
        env[model].search([("state", "in", env[model]._state_from), ("review_ids", "=", False)]).request_validation()
    return Review


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].with_context(active_test=False).search([])._dealer_tier_setup("_dealer_parts_tiers")
    cr.execute("SELECT to_regclass('dealer_parts_legacy_approval')")
    if not cr.fetchone()[0]:
        convert(env, [])
        return
    cr.execute("SELECT model, res_id, reviewer_group, user_id, approved_on FROM dealer_parts_legacy_approval")
    convert(env, cr.fetchall())
    cr.execute("DROP TABLE dealer_parts_legacy_approval")

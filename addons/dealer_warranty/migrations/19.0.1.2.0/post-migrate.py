"""1.2: goodwill and old-part disposals are approved through the suite's approvals: every
store gets its own tiers (goodwill: the warranty appraiser; disposal: the service manager)
instead of the shared definitions of 1.1, whose reviews move to the store's tier of the same
document; a document still waiting for its review is *To Approve*."""

from odoo import SUPERUSER_ID, api

from odoo.addons.dealer_service.sealed import unsealed

OLD_DEFINITIONS = ("dealer_warranty.tier_definition_goodwill", "dealer_warranty.tier_definition_disposal")
MODELS = ("dealer.warranty.appraisal", "dealer.warranty.disposal")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"].with_context(active_test=False).search([])._dealer_tier_setup("_dealer_warranty_tiers")
    old = env["tier.definition"].with_context(active_test=False)
    for xmlid in OLD_DEFINITIONS:
        old |= env.ref(xmlid, raise_if_not_found=False) or old.browse()
    with unsealed(env):
        for review in env["tier.review"].search([("definition_id", "in", old.ids)]):
            record = env[review.model].browse(review.res_id).exists()
            definition = env["tier.definition"].search([
                ("model", "=", review.model), ("company_id", "=", record.company_id.id)], order="sequence", limit=1)
            if record and definition:
                review.definition_id = definition
            else:
                review.unlink()
        old.unlink()
        for model in MODELS:
            waiting = env[model].search([("state", "=", "draft"), ("review_ids.status", "in", ("waiting", "pending"))])
            cr.execute(f"UPDATE {env[model]._table} SET state = 'to_approve' WHERE id = ANY(%s)",  # noqa: S608
                       [waiting.ids])
            env[model].invalidate_model(["state"])

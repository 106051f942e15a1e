from odoo import api, fields, models

# the promises of the store's 24-hour rescue line (seed 004): downtown in 30 minutes, the
# counties in an hour, anywhere in the province within half a (working) day
DEFAULT_RESCUE_ZONES = (("downtown", 30), ("counties", 60), ("province", 240))


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_insurance_enabled = fields.Boolean(
        string="Insurance Repairs",
        default=True,
        help="Accident cases, loss estimates, insurer approvals, receivables and renewals.",
    )
    dealer_insurer_contact_minimum = fields.Integer(
        string="Insurer Contacts per Month",
        default=4,
        help="The fewest visits and calls the store makes to each insurer in a month.",
    )
    dealer_insurer_contact_minimum_active = fields.Integer(
        string="Contacts per Month with Active Insurers",
        default=8,
        help="The fewest visits and calls in a month to an insurer the store had accident cases with "
        "in that month or the two months before.",
    )
    dealer_renewal_user_id = fields.Many2one(
        "res.users", string="Renewal Clerk",
        domain="[('share', '=', False), ('company_ids', 'in', id)]",
        help="Gets the reminders to renew the policies of the store's customers, 60, 30 and 7 days "
        "before they expire. Without one, each policy's responsible gets them.",
    )

    dealer_insurance_writeoff_account_id = fields.Many2one(
        "account.account", string="Insurer Write-off Account", check_company=True,
        domain="[('account_type', 'in', ('expense', 'expense_other'))]",
        help="Where the approved write-offs of what insurers will not pay are booked (e.g. credit impairment loss).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_create_rescue_zones()
        companies._dealer_tier_setup("_dealer_insurance_tiers")
        return companies

    @api.model
    def _dealer_insurance_tier_setup_all(self):
        """At install: every store gets the insurance approvals (an administrator edits them afterwards)."""
        self.with_context(active_test=False).search([])._dealer_tier_setup("_dealer_insurance_tiers")

    def _dealer_insurance_tiers(self):
        """A write-off of an insurer's receivable is approved by the service manager."""
        return [
            {"model": "dealer.insurance.writeoff", "name": self.env._("Insurer write-off: service manager"),
             "group": "dealer_service.dealer_service_group_manager", "sequence": 10},
        ]

    def _dealer_rescue_zone_name(self, code):
        return {
            "downtown": self.env._("Downtown"),
            "counties": self.env._("Counties"),
            "province": self.env._("Within the Province"),
        }[code]

    def _dealer_create_rescue_zones(self):
        """Give each store without rescue zones the three of its rescue promise, named in every
        installed language; an administrator changes their times per store."""
        # set-up of a new store (by whoever creates the company), not a user's edit
        Zone = self.env["dealer.rescue.zone"].sudo().with_context(lang="en_US")
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        have = set(Zone.with_context(active_test=False).search([("company_id", "in", self.ids)]).company_id.ids)
        for company in self.filtered(lambda rec: rec.id not in have):
            for sequence, (code, minutes) in enumerate(DEFAULT_RESCUE_ZONES, start=1):
                zone = Zone.create({
                    "name": company.with_context(lang="en_US")._dealer_rescue_zone_name(code),
                    "company_id": company.id,
                    "sequence": sequence,
                    "promised_minutes": minutes,
                })
                if langs:
                    zone.update_field_translations("name", {
                        lang: company.with_context(lang=lang)._dealer_rescue_zone_name(code) for lang in langs
                    })

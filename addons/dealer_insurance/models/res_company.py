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

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_create_rescue_zones()
        return companies

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

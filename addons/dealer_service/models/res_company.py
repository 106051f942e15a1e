from odoo import api, fields, models
from odoo.fields import Command

# line type of a repair order line -> the product category carrying its income account
DEALER_INCOME_CATEGORIES = {
    "labour": "dealer_service.product_category_labour",
    "part": "dealer_service.product_category_parts",
    "accessory": "dealer_service.product_category_accessories",
    "sublet": "dealer_service.product_category_sublet",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_comeback_days = fields.Integer(
        string="Comeback Window (days)",
        default=30,
        help="A repair order for the same vehicle within this many days of an "
        "earlier one can be linked to it as a comeback (rework).",
    )
    dealer_advisor_discount_limit = fields.Float(
        string="Advisor Discount Limit (%)",
        default=10.0,
        help="Highest discount a service advisor may give on a repair order line; "
        "a higher discount needs a service manager.",
    )
    dealer_labour_cost_rate = fields.Monetary(
        string="Labour Cost Rate",
        currency_field="currency_id",
        help="What an hour clocked by a technician costs the store (wages and overheads): "
        "the cost of the labour lines of repair orders, for their gross profit.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_create_sequences()
        return companies

    def _dealer_create_sequences(self):
        """Give each store its own numbering of the after-sales documents: a copy of
        each shared ``dealer.*`` sequence (``ir.sequence.next_by_code`` prefers the
        sequence of the document's company), so no number is ever taken twice."""
        Sequence = self.env["ir.sequence"]
        shared = Sequence.search([("code", "=like", "dealer.%"), ("company_id", "=", False)])
        have = {
            (sequence.code, sequence.company_id.id)
            for sequence in Sequence.search([("code", "=like", "dealer.%"), ("company_id", "in", self.ids)])
        }
        Sequence.create([{
            "name": f"{sequence.name} ({company.name})",
            "code": sequence.code,
            "prefix": sequence.prefix,
            "suffix": sequence.suffix,
            "padding": sequence.padding,
            "implementation": sequence.implementation,
            "use_date_range": sequence.use_date_range,
            # continue after the numbers already taken from the shared sequence
            "number_next": sequence.number_next_actual,
            "company_id": company.id,
        } for company in self for sequence in shared if (sequence.code, company.id) not in have])

    def _dealer_tier_setup(self, spec):
        """Give each store the approvals of ``spec``: the name of a ``res.company`` method
        returning ``[{"model", "name", "group", "sequence"}]`` (names in the context's
        language; an optional ``"domain"``: the documents the tier applies to). One tier
        definition per entry, reviewed by any user of the group, all
        tiers in parallel; a store that has the model's definition for that group keeps it
        (an administrator edits them afterwards: *After-Sales > Configuration > Approvals*)."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        Definition = self.env["tier.definition"].with_context(active_test=False, lang="en_US")
        for company in self:
            entries = getattr(company.with_context(lang="en_US"), spec)()
            for index, entry in enumerate(entries):
                group = self.env.ref(entry["group"])
                model_id = self.env["ir.model"]._get_id(entry["model"])
                if Definition.search_count([("model_id", "=", model_id), ("company_id", "=", company.id),
                                            ("review_type", "=", "group"), ("reviewer_group_id", "=", group.id)]):
                    continue
                definition = Definition.create({
                    "name": entry["name"],
                    "model_id": model_id,
                    "review_type": "group",
                    "reviewer_group_id": group.id,
                    "sequence": entry["sequence"],
                    "company_id": company.id,
                    "definition_domain": entry.get("domain", False),
                })
                if langs:
                    definition.update_field_translations("name", {
                        lang: getattr(company.with_context(lang=lang), spec)()[index]["name"] for lang in langs
                    })

    def _dealer_income_account_name(self, line_type):
        return {
            "labour": self.env._("Labour Income"),
            "part": self.env._("Parts Income"),
            "accessory": self.env._("Accessories Income"),
            "sublet": self.env._("Sublet Income"),
        }[line_type]

    def _dealer_income_account(self, line_type):
        """Income account of a repair order line type in this store (its category's)."""
        self.ensure_one()
        # the cached xmlid, without env.ref's existence query on every invoice line
        category = self.env["product.category"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(DEALER_INCOME_CATEGORIES[line_type]))
        return category.with_company(self).property_account_income_categ_id if category else \
            self.env["account.account"]

    def _dealer_set_income_accounts(self):
        """Give the Labour, Parts, Accessories and Sublet categories their own income
        account in each store with a chart of accounts: sub-accounts of the store's main
        income account (on the China chart, 6001 main business income: 600101 labour,
        600102 parts, 600103 accessories, 600104 sublet). An account the store already
        chose for a category is kept."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        for company in self.filtered("chart_template"):
            main = company.income_account_id
            if not main:
                continue
            Account = self.env["account.account"].with_company(company).with_context(lang="en_US")
            code = main.with_company(company).code
            for line_type, xmlid in DEALER_INCOME_CATEGORIES.items():
                category = self.env.ref(xmlid, raise_if_not_found=False)
                if not category:
                    continue
                category = category.with_company(company)
                if category.property_account_income_categ_id not in (main, Account):
                    continue
                code = Account._search_new_account_code(code)
                account = Account.create({
                    "code": code,
                    "name": company.with_context(lang="en_US")._dealer_income_account_name(line_type),
                    "account_type": "income",
                    "company_ids": [Command.set(company.ids)],
                })
                if langs:
                    account.update_field_translations("name", {
                        lang: company.with_context(lang=lang)._dealer_income_account_name(line_type)
                        for lang in langs
                    })
                category.property_account_income_categ_id = account

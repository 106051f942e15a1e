from odoo import api, fields, models


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

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    dealer_is_insurer = fields.Boolean(
        string="Insurer", index=True,
        help="An insurance company: it pays accident repairs, insures the customers' vehicles and is "
        "visited by the claims staff.",
    )
    dealer_contact_count = fields.Integer(
        string="Contacts this Month", compute="_compute_dealer_contact_status",
        help="Visits and calls of the active store to this insurer in the current month.",
    )
    dealer_contact_minimum = fields.Integer(
        string="Monthly Minimum", compute="_compute_dealer_contact_status",
        help="The store's minimum of contacts a month: higher for the insurers it had accident cases "
        "with in the month or the two months before.",
    )
    dealer_insurer_active = fields.Boolean(
        string="Active Insurer", compute="_compute_dealer_contact_status",
        help="The active store had accident cases with this insurer in the month or the two months before.",
    )
    dealer_contact_below_minimum = fields.Boolean(
        string="Below Contact Minimum", compute="_compute_dealer_contact_status",
        search="_search_dealer_contact_below_minimum",
    )

    @api.depends("dealer_is_insurer")
    def _compute_dealer_receivable_kind(self):
        return super()._compute_dealer_receivable_kind()

    def _dealer_receivable_kind_found(self):
        """An insurer's receivables are the insurers' (aged balance, open items)."""
        return super()._dealer_receivable_kind_found() or ("insurer" if self.dealer_is_insurer else False)

    @api.depends_context("company", "tz")
    def _compute_dealer_contact_status(self):
        status = self._dealer_contact_status(self.env.company, fields.Date.context_today(self))
        for partner in self:
            count, minimum, active = status.get(partner.id, (0, 0, False))
            partner.dealer_contact_count = count
            partner.dealer_contact_minimum = minimum
            partner.dealer_insurer_active = active
            partner.dealer_contact_below_minimum = count < minimum

    def _search_dealer_contact_below_minimum(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        status = self.search([("dealer_is_insurer", "=", True)])._dealer_contact_status(
            self.env.company, fields.Date.context_today(self),
        )
        below = [pid for pid, (count, minimum, _active) in status.items() if count < minimum]
        positive = (True in value) == (operator == "in")
        return [("id", "in" if positive else "not in", below)]

    def _dealer_contact_status(self, company, day):
        """``{insurer id: (contacts, minimum, active)}`` for the insurers in ``self`` in the month of
        ``day`` in ``company``: active insurers are those the store had accident cases with in that
        month or the two months before."""
        insurers = self.filtered("dealer_is_insurer")
        if not insurers:
            return {}
        month_start = day.replace(day=1)
        month_end = month_start + relativedelta(months=1)
        contacts = dict(self.env["dealer.insurer.contact"]._read_group(
            [
                ("company_id", "=", company.id), ("insurer_id", "in", insurers.ids),
                ("date", ">=", month_start), ("date", "<", month_end),
            ],
            ["insurer_id"], ["__count"],
        ))
        active = {insurer for insurer, in self.env["dealer.insurance.case"]._read_group(
            [
                ("company_id", "=", company.id), ("insurer_id", "in", insurers.ids),
                ("date", ">=", month_start - relativedelta(months=2)), ("date", "<", month_end),
            ],
            ["insurer_id"],
        )}
        return {
            insurer.id: (
                contacts.get(insurer, 0),
                company.dealer_insurer_contact_minimum_active if insurer in active
                else company.dealer_insurer_contact_minimum,
                insurer in active,
            )
            for insurer in insurers
        }

    def action_dealer_view_contacts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_insurance.dealer_insurer_contact_action")
        action["domain"] = [("insurer_id", "=", self.id)]
        action["context"] = {"default_insurer_id": self.id}
        return action

from odoo import api, fields, models
from odoo.fields import Domain

from .fleet_vehicle import month_days, next_anniversary


class ResPartner(models.Model):
    _inherit = "res.partner"

    dealer_birthday = fields.Date(string="Birthday")
    dealer_birthday_md = fields.Char(
        string="Birthday (Month-Day)", compute="_compute_dealer_birthday_md", store=True, index=True,
    )
    dealer_vehicle_ids = fields.One2many("fleet.vehicle", "customer_id", string="Owned Vehicles")
    dealer_csi_birthday_soon = fields.Boolean(
        string="Birthday Soon", compute="_compute_dealer_csi_birthday_soon",
        search="_search_dealer_csi_birthday_soon",
    )

    @api.depends("dealer_birthday")
    def _compute_dealer_birthday_md(self):
        for partner in self:
            partner.dealer_birthday_md = f"{partner.dealer_birthday:%m-%d}" if partner.dealer_birthday else False

    @api.model
    def _dealer_csi_birthday_domain(self):
        """Customers of the active store (owners of its vehicles) whose birthday is within the
        store's greeting days."""
        company = self.env.company
        return Domain([
            ("dealer_birthday_md", "in", month_days(company._dealer_csi_today(), company.dealer_csi_greeting_days)),
            ("dealer_vehicle_ids", "any", [("dealer_csi_store_id", "=", company.id)]),
        ])

    @api.depends_context("company")
    def _compute_dealer_csi_birthday_soon(self):
        soon = self.filtered_domain(self._dealer_csi_birthday_domain())
        for partner in self:
            partner.dealer_csi_birthday_soon = partner in soon

    def _search_dealer_csi_birthday_soon(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = self._dealer_csi_birthday_domain()
        return domain if (True in value) == (operator == "in") else ~domain

    def action_dealer_csi_plan_birthday_calls(self):
        """Plan a birthday greeting for the selected customers of the list, or all of it (once a year)."""
        domain = self._dealer_csi_birthday_domain()
        partners = self.filtered_domain(domain) if self else self.search(domain)
        company = self.env.company
        today = company._dealer_csi_today()
        vals_list = []
        for partner in partners:
            birthday = next_anniversary(partner.dealer_birthday_md, today)
            vals_list.append({
                "company_id": company.id, "call_type": "birthday", "partner_id": partner.id,
                "date_due": birthday, "list_key": str(birthday.year),
            })
        Call = self.env["dealer.csi.call"]
        return Call._dealer_csi_planned_notification(Call._dealer_csi_plan(vals_list))

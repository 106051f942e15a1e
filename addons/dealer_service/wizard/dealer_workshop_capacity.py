from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models


class DealerWorkshopCapacity(models.TransientModel):
    """The workshop's free technician hours per trade and day, for the SA who
    promises a delivery time: working schedules minus the hours of booked jobs."""

    _name = "dealer.workshop.capacity"
    _description = "Workshop Capacity"

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, default=lambda self: self.env.company,
    )
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    day_count = fields.Integer(string="Days", required=True, default=7)
    table = fields.Html(string="Free Hours", compute="_compute_table", sanitize=False)

    @api.depends("company_id", "date_from", "day_count")
    def _compute_table(self):
        Job = self.env["dealer.repair.job"]
        labels = dict(Job._fields["trade"]._description_selection(self.env))
        for wizard in self:
            if not wizard.date_from or wizard.day_count <= 0:
                wizard.table = False
                continue
            days = [wizard.date_from + timedelta(days=offset) for offset in range(min(wizard.day_count, 31))]
            free = {day: Job._dealer_free_hours(wizard.company_id, day) for day in days}
            trades = [trade for trade in labels if any(free[day][trade]["capacity"] for day in days)]
            header = Markup("").join(Markup("<th class='text-end'>%s</th>") % escape(str(day)) for day in days)
            rows = Markup("")
            for trade in trades:
                cells = Markup("")
                for day in days:
                    values = free[day][trade]
                    css = "text-danger fw-bold" if values["free"] < 0 else ""
                    css = css or ("text-muted" if not values["capacity"] else "")
                    cells += Markup("<td class='text-end %s' title='%s'>%s</td>") % (
                        css,
                        self.env._("%(capacity)s h in schedules, %(booked)s h booked",
                                   capacity=round(values["capacity"], 1), booked=round(values["booked"], 1)),
                        round(values["free"], 1),
                    )
                rows += Markup("<tr><th>%s</th>%s</tr>") % (labels[trade], cells)
            wizard.table = Markup(
                "<table class='table table-sm o_dealer_capacity'><thead><tr><th>%s</th>%s</tr></thead>"
                "<tbody>%s</tbody></table>"
            ) % (self.env._("Free hours"), header, rows)

    @api.model
    def _dealer_free_hours_table(self, company, date_from, day_count=7):
        """{day: {trade: free hours}} for tests and other modules."""
        Job = self.env["dealer.repair.job"]
        return {
            date_from + timedelta(days=offset): {
                trade: values["free"]
                for trade, values in Job._dealer_free_hours(company, date_from + timedelta(days=offset)).items()
            }
            for offset in range(day_count)
        }

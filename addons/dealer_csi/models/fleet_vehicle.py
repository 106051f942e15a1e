import math
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# the orders that count as a visit: the vehicle came and was handed back
VISIT_STATES = ("delivered", "invoiced")
# how far back a vehicle counts as a new car for the new-car calls
NEW_CAR_DAYS = 7


def month_days(start, days):
    """The 'MM-DD' of ``start`` and the ``days`` days after it (29 February is greeted on the
    28th in other years)."""
    result = []
    for offset in range(days + 1):
        day = start + relativedelta(days=offset)
        result.append(f"{day:%m-%d}")
        if f"{day:%m-%d}" == "02-28" and (day + relativedelta(days=1)).month == 3:
            result.append("02-29")
    return result


def next_anniversary(month_day, today):
    """The next date (from ``today`` on) whose 'MM-DD' is ``month_day``."""
    month, day = (int(part) for part in month_day.split("-"))
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February of a common year
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    return False


class FleetVehicle(models.Model):
    _inherit = "fleet.vehicle"

    dealer_odometer_ids = fields.One2many("fleet.vehicle.odometer", "vehicle_id", string="Odometer Readings")
    dealer_csi_store_id = fields.Many2one(
        "res.company", string="Serviced By", compute="_compute_dealer_csi_service", store=True, index=True,
        help="The store whose customer the vehicle is: where it was last handed back (else its own store).",
    )
    dealer_csi_last_visit_date = fields.Date(
        string="Last Visit", compute="_compute_dealer_csi_service", store=True,
        help="The day the vehicle was last handed back after a repair order.",
    )
    dealer_csi_next_service_date = fields.Date(
        string="Next Service Date", compute="_compute_dealer_csi_service", store=True,
        help="Given to the customer at the last delivery.",
    )
    dealer_csi_next_service_mileage = fields.Integer(
        string="Next Service Mileage (km)", compute="_compute_dealer_csi_service", store=True,
        help="Given to the customer at the last delivery.",
    )
    dealer_csi_daily_mileage = fields.Float(
        string="Average Daily Mileage (km)", compute="_compute_dealer_csi_service", store=True, digits=(16, 1),
        help="From the odometer readings since the instrument cluster was last replaced.",
    )
    dealer_csi_service_due_date = fields.Date(
        string="Service Due", compute="_compute_dealer_csi_service", store=True, index=True,
        help="The next service date given at delivery or, if earlier, the day the average daily mileage "
        "reaches the next service mileage.",
    )
    dealer_csi_new_car_date = fields.Date(
        string="New Car Handed Over", tracking=True,
        help="The day the store handed this new car to its owner: the new-car calls follow from it.",
    )
    dealer_csi_anniversary_md = fields.Char(
        string="Anniversary (Month-Day)", compute="_compute_dealer_csi_anniversary_md", store=True, index=True,
    )
    dealer_csi_lost_ids = fields.One2many("dealer.csi.lost", "vehicle_id", string="Lost-Customer Records")
    dealer_csi_is_lost = fields.Boolean(
        string="Lost Customer", compute="_compute_dealer_csi_is_lost", store=True,
    )
    dealer_csi_maintenance_due = fields.Boolean(
        string="Maintenance Due", compute="_compute_dealer_csi_lists", search="_search_dealer_csi_maintenance_due",
    )
    dealer_csi_not_back = fields.Boolean(
        string="Not Back", compute="_compute_dealer_csi_lists", search="_search_dealer_csi_not_back",
    )
    dealer_csi_anniversary_soon = fields.Boolean(
        string="Anniversary Soon", compute="_compute_dealer_csi_lists",
        search="_search_dealer_csi_anniversary_soon",
    )

    @api.depends(
        "company_id", "dealer_repair_order_ids.state", "dealer_repair_order_ids.company_id",
        "dealer_repair_order_ids.date_delivered",
        "dealer_repair_order_ids.next_service_date", "dealer_repair_order_ids.next_service_mileage",
        "dealer_odometer_ids.value", "dealer_odometer_ids.date", "dealer_odometer_ids.dealer_cluster_replaced",
    )
    def _compute_dealer_csi_service(self):
        for vehicle in self:
            visits = vehicle.dealer_repair_order_ids.filtered(
                lambda order: order.state in VISIT_STATES and order.date_delivered
            ).sorted(lambda order: (order.date_delivered, order.id))
            last = visits[-1:]
            vehicle.dealer_csi_store_id = last.company_id or vehicle.company_id
            company = vehicle.dealer_csi_store_id or self.env.company
            vehicle.dealer_csi_last_visit_date = company._dealer_csi_local_date(last.date_delivered)
            vehicle.dealer_csi_next_service_date = last.next_service_date
            vehicle.dealer_csi_next_service_mileage = last.next_service_mileage
            readings = vehicle._dealer_csi_readings()
            daily = 0.0
            if len(readings) > 1:
                days = (readings[-1].date - readings[0].date).days
                if days > 0:
                    daily = max(readings[-1].value - readings[0].value, 0.0) / days
            vehicle.dealer_csi_daily_mileage = daily
            due = [last.next_service_date] if last.next_service_date else []
            if last.next_service_mileage and readings and daily:
                to_go = last.next_service_mileage - readings[-1].value
                due.append(readings[-1].date + relativedelta(days=max(math.ceil(to_go / daily), 0)))
            vehicle.dealer_csi_service_due_date = min(due) if due else False

    def _dealer_csi_readings(self):
        """The odometer readings since the instrument cluster was last replaced, oldest first."""
        self.ensure_one()
        readings = self.dealer_odometer_ids.filtered("date").sorted(lambda r: (r.date, r.id))
        replaced = readings.filtered("dealer_cluster_replaced")[-1:]
        if replaced:
            readings = readings.filtered(lambda r: (r.date, r.id) >= (replaced.date, replaced.id))
        return readings

    @api.depends("dealer_csi_new_car_date", "acquisition_date")
    def _compute_dealer_csi_anniversary_md(self):
        for vehicle in self:
            day = vehicle.dealer_csi_new_car_date or vehicle.acquisition_date
            vehicle.dealer_csi_anniversary_md = f"{day:%m-%d}" if day else False

    @api.depends("dealer_csi_lost_ids.state")
    def _compute_dealer_csi_is_lost(self):
        for vehicle in self:
            vehicle.dealer_csi_is_lost = "lost" in vehicle.dealer_csi_lost_ids.mapped("state")

    @api.depends_context("company")
    def _compute_dealer_csi_lists(self):
        lists = {
            name: self.filtered_domain(self._dealer_csi_list_domain(name))
            for name in ("maintenance_due", "not_back", "anniversary_soon")
        }
        for vehicle in self:
            vehicle.dealer_csi_maintenance_due = vehicle in lists["maintenance_due"]
            vehicle.dealer_csi_not_back = vehicle in lists["not_back"]
            vehicle.dealer_csi_anniversary_soon = vehicle in lists["anniversary_soon"]

    @api.model
    def _dealer_csi_list_domain(self, name):
        """The vehicles of a retention list, in the active store, as of the store's today."""
        company = self.env.company
        today = company._dealer_csi_today()
        base = Domain([("dealer_csi_store_id", "=", company.id), ("dealer_csi_is_lost", "=", False)])
        if name == "maintenance_due":
            return base & Domain(
                "dealer_csi_service_due_date", "<=", today + relativedelta(days=company.dealer_csi_due_days),
            )
        if name == "not_back":
            return base & Domain(
                "dealer_csi_last_visit_date", "<", today - relativedelta(months=company.dealer_csi_not_back_months),
            )
        if name == "anniversary_soon":
            return base & Domain("dealer_csi_anniversary_md", "in", month_days(today, company.dealer_csi_greeting_days))
        if name == "new_car":
            return Domain([
                "|", ("dealer_csi_store_id", "=", company.id), ("dealer_csi_store_id", "=", False),
                ("dealer_csi_new_car_date", ">=", today - relativedelta(days=NEW_CAR_DAYS)),
                ("dealer_csi_new_car_date", "<=", today),
            ])
        raise UserError(self.env._("There is no retention list %(name)s.", name=name))

    def _dealer_csi_search_list(self, name, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = self._dealer_csi_list_domain(name)
        return domain if (True in value) == (operator == "in") else ~domain

    def _search_dealer_csi_maintenance_due(self, operator, value):
        return self._dealer_csi_search_list("maintenance_due", operator, value)

    def _search_dealer_csi_not_back(self, operator, value):
        return self._dealer_csi_search_list("not_back", operator, value)

    def _search_dealer_csi_anniversary_soon(self, operator, value):
        return self._dealer_csi_search_list("anniversary_soon", operator, value)

    @api.model_create_multi
    def create(self, vals_list):
        vehicles = super().create(vals_list)
        vehicles.filtered("dealer_csi_new_car_date")._dealer_csi_plan_new_car_calls()
        return vehicles

    def write(self, vals):
        res = super().write(vals)
        if vals.get("dealer_csi_new_car_date"):
            self._dealer_csi_plan_new_car_calls()
        return res

    # ------------------------------------------------------------
    # Calls
    # ------------------------------------------------------------

    def _dealer_csi_plan_new_car_calls(self):
        """The new-car calls (seed 004): a thank-you letter and a call within 24 hours, a call
        within 7 days with the first-service reminder, then a contact every two months. Only for
        cars handed over in the last week; planned once."""
        vals_list = []
        for vehicle in self.filtered(lambda v: v.customer_id and v.dealer_csi_new_car_date):
            company = vehicle.dealer_csi_store_id or self.env.company
            day = vehicle.dealer_csi_new_car_date
            if not day <= company._dealer_csi_today() <= day + relativedelta(days=NEW_CAR_DAYS):
                continue
            common = {"company_id": company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id}
            vals_list += [
                {**common, "call_type": "new_car_thanks", "date_due": day + relativedelta(days=1), "list_key": "new"},
                {**common, "call_type": "new_car_call", "date_due": day + relativedelta(days=1), "list_key": "new"},
                {**common, "call_type": "new_car_week", "date_due": day + relativedelta(days=7), "list_key": "new"},
                {**common, "call_type": "new_car_contact", "date_due": day + relativedelta(months=2),
                 "list_key": str(day + relativedelta(months=2))},
            ]
        # planned for the store's customer-service desk, whoever registered the car
        return self.env["dealer.csi.call"].sudo()._dealer_csi_plan(vals_list).sudo(False)

    def _dealer_csi_list_call_values(self, name):
        """The call each vehicle of retention list ``name`` gets (what it is planned for is its key)."""
        vals_list = []
        for vehicle in self.filtered("customer_id"):
            company = vehicle.dealer_csi_store_id or self.env.company
            today = company._dealer_csi_today()
            common = {"company_id": company.id, "partner_id": vehicle.customer_id.id, "vehicle_id": vehicle.id}
            if name == "maintenance_due":
                vals_list.append({**common, "call_type": "maintenance_due", "date_due": today,
                                  "list_key": str(vehicle.dealer_csi_service_due_date)})
            elif name == "not_back":
                vals_list.append({**common, "call_type": "not_back", "date_due": today,
                                  "list_key": str(vehicle.dealer_csi_last_visit_date)})
            elif name == "anniversary_soon":
                anniversary = next_anniversary(vehicle.dealer_csi_anniversary_md, today)
                vals_list.append({**common, "call_type": "anniversary", "date_due": anniversary,
                                  "list_key": str(anniversary.year)})
        return vals_list

    def action_dealer_csi_plan_calls(self):
        """Plan the calls of the retention list in the context (``dealer_csi_list``): for the
        selected vehicles, or the whole list. A call planned already is not planned again."""
        name = self.env.context.get("dealer_csi_list")
        domain = self._dealer_csi_list_domain(name)
        vehicles = self.filtered_domain(domain) if self else self.search(domain)
        if name == "new_car":
            calls = vehicles._dealer_csi_plan_new_car_calls()
        else:
            calls = self.env["dealer.csi.call"]._dealer_csi_plan(vehicles._dealer_csi_list_call_values(name))
        return self.env["dealer.csi.call"]._dealer_csi_planned_notification(calls)

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.dealer_service.models.dealer_repair_order import REPAIR_ORDER_STATES


class DealerAppointmentReport(models.Model):
    """Appointment rate (预约率): share of the repair orders that came from an
    appointment, per month and service advisor."""

    _name = "dealer.appointment.report"
    _description = "Appointment Rate Analysis"
    _auto = False
    _order = "date desc"

    order_id = fields.Many2one("dealer.repair.order", string="Repair Order", readonly=True)
    company_id = fields.Many2one("res.company", string="Store", readonly=True)
    user_id = fields.Many2one("res.users", string="Service Advisor", readonly=True)
    date = fields.Datetime(string="Arrival", readonly=True)
    state = fields.Selection(REPAIR_ORDER_STATES, string="Status", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True, aggregator="sum")
    appointment_count = fields.Integer(string="From Appointment", readonly=True, aggregator="sum")
    appointment_rate = fields.Float(
        string="Appointment Rate (%)", readonly=True, aggregator="avg",
        help="Share of the repair orders opened from an appointment.",
    )

    @property
    def _table_query(self):
        return SQL("""
            SELECT o.id AS id,
                   o.id AS order_id,
                   o.company_id AS company_id,
                   o.user_id AS user_id,
                   o.date_in AS date,
                   o.state AS state,
                   1 AS order_count,
                   CASE WHEN o.appointment_id IS NOT NULL THEN 1 ELSE 0 END AS appointment_count,
                   CASE WHEN o.appointment_id IS NOT NULL THEN 100.0 ELSE 0.0 END AS appointment_rate
              FROM dealer_repair_order o
             WHERE o.state != 'cancel'
        """)

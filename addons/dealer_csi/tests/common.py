from freezegun import freeze_time

from odoo.fields import Command

from odoo.addons.dealer_service.tests import reception_common


class CsiCase(reception_common.ReceptionCase):
    """Store A works 8-12 and 13-17 from Monday to Friday, Beijing time; its customer-service
    agent gets the calls; a supervisor, a front-desk supervisor and a technician for the jobs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Store A hours (test)",
            "tz": "Asia/Shanghai",
            "company_id": cls.store_a.id,
            "attendance_ids": [
                Command.create({"name": f"Day {day} {period}", "dayofweek": str(day), "day_period": period,
                                "hour_from": start, "hour_to": stop})
                for day in range(5) for period, start, stop in (("morning", 8, 12), ("afternoon", 13, 17))
            ],
        })
        cls.store_a.resource_calendar_id = cls.calendar
        cls.agent = cls._make_user("csi_agent", "dealer_csi.dealer_csi_group_agent")
        cls.agent_b = cls._make_user("csi_agent_b", "dealer_csi.dealer_csi_group_agent", companies=cls.store_b)
        cls.supervisor = cls._make_user("csi_supervisor", "dealer_csi.dealer_csi_group_supervisor")
        cls.frontdesk = cls._make_user("csi_frontdesk", "dealer_csi.dealer_csi_group_frontdesk")
        (cls.agent | cls.agent_b | cls.supervisor | cls.frontdesk | cls.advisor_a | cls.manager_a).tz = "Asia/Shanghai"
        cls.store_a.dealer_csi_agent_id = cls.agent
        cls.store_b.dealer_csi_agent_id = cls.agent_b
        cls.customer.phone = "+86 138 0411 0000"
        cls.technician = cls.env["hr.employee"].create({
            "name": "Ma Tech (CSI test)", "company_id": cls.store_a.id, "dealer_trade": "mechanical",
        })

    @classmethod
    def _vehicle(cls, plate, customer=None):
        vehicle = cls._make_vehicle(cls.store_a, plate)
        vehicle.customer_id = customer or cls.customer
        return vehicle

    def _order(self, vehicle=None, mileage=10000, lines=None):
        """A checked-in order of the advisor, with an oil change, approved by the customer."""
        vehicle = vehicle or self.vehicle_a
        order = self.env["dealer.repair.order"].with_user(self.advisor_a).create({
            "partner_id": (vehicle.customer_id or self.customer).id,
            "vehicle_id": vehicle.id,
            "company_id": self.store_a.id,
        })
        order.write(self._reception_values(mileage=mileage))
        order.action_check_in()
        order.line_ids = lines or [Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id})]
        self._sign(order)
        order.action_approve()
        return order

    def _deliver(self, when, vehicle=None, mileage=10000, lines=None, technician=None, **values):
        """A visit: checked in an hour before ``when`` (UTC), handed back at ``when``."""
        with freeze_time(when) as frozen:
            frozen.tick(-3600)
            order = self._order(vehicle, mileage, lines)
            frozen.tick(3600)
            if technician:
                # the technician's job, clocked on and done: the repair is in progress
                order.action_dispatch_jobs()
                order.job_ids.technician_id = technician
                order.job_ids.with_user(self.manager_a).action_clock_on()
                order.job_ids.with_user(self.manager_a).action_done()
                order.action_request_quality_check()
                self._pass_final_inspection(order)
                order.action_mark_ready()
                order.write({"delivery_washed": True, "delivery_walkround": True, "delivery_charges_explained": True,
                             "delivery_old_parts": True, **values})
            else:
                self._ready_for_delivery(order, **values)
            order.with_user(self.advisor_a).action_deliver()
        return order

    def _calls(self, **domain):
        return self.env["dealer.csi.call"].search([(key, "=", value) for key, value in domain.items()])

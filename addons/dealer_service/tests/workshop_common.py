import base64

from odoo.fields import Command

from odoo.addons.dealer_service.tests import common

# a 1x1 PNG: the customer's signature in tests
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4e70000000049454e44ae426082"
    )
)


class WorkshopCase(common.DealerCase):
    """Store A with a workshop: technicians with a UTC 8-hour working day, a QC
    inspector, a workshop manager, an advisor, bays and a team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Workshop 8h (test)",
            "tz": "UTC",
            "company_id": cls.store_a.id,
            "attendance_ids": [
                Command.create({"name": f"Day {day} {period}", "dayofweek": str(day), "day_period": period,
                                "hour_from": start, "hour_to": stop})
                for day in range(5) for period, start, stop in (("morning", 8, 12), ("afternoon", 13, 17))
            ],
        })
        cls.advisor = cls._make_user("ws_advisor", "dealer_service.dealer_service_group_advisor")
        cls.advisor.tz = "UTC"
        cls.tech_user = cls._make_user("ws_technician", "dealer_service.dealer_service_group_technician")
        cls.tech_user_2 = cls._make_user("ws_technician_2", "dealer_service.dealer_service_group_technician")
        cls.qc_user = cls._make_user("ws_qc", "dealer_service.dealer_service_group_qc_inspector")
        cls.workshop_manager = cls._make_user(
            "ws_workshop_manager", "dealer_service.dealer_service_group_workshop_manager",
        )
        cls.team = cls.env["dealer.workshop.team"].create({"name": "Mechanical 1", "trade": "mechanical"})
        cls.tech = cls._make_technician("Ma Tech", "mechanical", cls.tech_user)
        cls.tech_2 = cls._make_technician("Niu Tech", "mechanical", cls.tech_user_2)
        cls.body_tech = cls._make_technician("Bai Body", "body")
        cls.bay = cls.env["dealer.service.bay"].create({"name": "Lift 1 (test)", "trade": "mechanical"})

    @classmethod
    def _make_technician(cls, name, trade, user=None, company=None):
        return cls.env["hr.employee"].create({
            "name": name,
            "company_id": (company or cls.store_a).id,
            "user_id": user.id if user else False,
            "dealer_trade": trade,
            "dealer_team_id": cls.team.id if trade == "mechanical" and not company else False,
            "resource_calendar_id": cls.calendar.id,
        })

    def _checked_in_order(self, mileage=1000, vehicle=None, **values):
        vehicle = vehicle or self.vehicle_a
        order = self.env["dealer.repair.order"].create({
            "partner_id": self.customer.id,
            "vehicle_id": vehicle.id,
            "company_id": vehicle.company_id.id,
            "user_id": self.advisor.id,
            "mileage": mileage,
            "fuel_level": "half",
            "customer_complaint": "Squeak when braking",
            "old_part_choice": "leave",
            "covers_fitted": True,
            "valuables_reminded": True,
            **values,
        })
        order.action_check_in()
        return order

    def _labour(self, order, name, hours, trade="mechanical", **values):
        return self.env["dealer.repair.order.line"].create({
            "order_id": order.id,
            "line_type": "labour",
            "name": name,
            "quantity": hours,
            "trade": trade,
            "price_unit": 100.0,
            **values,
        })

    def _approved_order(self, labour=(("Brake pads front", 1.5, "mechanical"),), **values):
        order = self._checked_in_order(**values)
        for name, hours, trade in labour:
            self._labour(order, name, hours, trade)
        order.write({"diagnosis_signature": SIGNATURE, "work_order_signature": SIGNATURE})
        order.action_approve()
        return order

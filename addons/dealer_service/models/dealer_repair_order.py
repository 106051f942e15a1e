from odoo import fields, models

REPAIR_ORDER_STATES = [
    ("draft", "Draft"),
    ("checked_in", "Checked In"),
    ("approved", "Approved"),
    ("in_progress", "In Progress"),
    ("quality_check", "Quality Check"),
    ("ready", "Ready"),
    ("delivered", "Delivered"),
    ("invoiced", "Invoiced"),
    ("cancel", "Cancelled"),
]
TRADES = [
    ("mechanical", "Mechanical"),
    ("body", "Body"),
    ("paint", "Paint"),
    ("wash", "Wash"),
    ("detailing", "Detailing"),
]
PAYERS = [
    ("customer", "Customer"),
    ("warranty", "OEM Warranty"),
    ("insurance", "Insurer"),
    ("internal", "Internal"),
]


class DealerRepairOrder(models.Model):
    """A repair order (任务委托单): one visit of a customer's vehicle."""

    _name = "dealer.repair.order"
    _description = "Repair Order"
    _inherit = ["mail.thread", "mail.activity.mixin", "dealer.numbered.mixin"]
    _order = "date_in desc, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True,
        check_company=True,
    )
    vehicle_id = fields.Many2one(
        "fleet.vehicle", string="Vehicle", required=True, index=True, tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Service Advisor", index=True, tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    date_in = fields.Datetime(string="Arrival", default=fields.Datetime.now, required=True)
    state = fields.Selection(
        REPAIR_ORDER_STATES, default="draft", required=True, readonly=True,
        copy=False, index=True, tracking=True,
    )

    # --- workshop fields (appointments, jobs, QC, board, loaner, comebacks): helper H2 ---

    # --- end of workshop fields ---

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "A repair order reference must be unique per store.",
    )

    # --- workshop methods (appointments, jobs, QC, board, loaner, comebacks): helper H2 ---

    # --- end of workshop methods ---

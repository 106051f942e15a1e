from odoo import api, fields, models

# (code, name, prefix) of the gapless per-store document sequences, numbered at validation
DEALER_PARTS_SEQUENCES = [
    ("dealer.parts.plan", "Parts Purchase Plan", "PP%(year)s-"),
    ("dealer.parts.receipt", "Parts Goods Receipt", "GR%(year)s-"),
    ("dealer.parts.discrepancy", "Parts Discrepancy Note", "DN%(year)s-"),
    ("dealer.parts.requisition", "Parts Repair Requisition", "RQ%(year)s-"),
    ("dealer.parts.warranty_requisition", "Parts Warranty Requisition", "WR%(year)s-"),
    ("dealer.parts.retail", "Parts Retail Ticket", "RT%(year)s-"),
    ("dealer.parts.issue", "Parts Issue Slip", "IS%(year)s-"),
    ("dealer.parts.count", "Parts Stock Count", "CT%(year)s-"),
    ("dealer.parts.scrap.request", "Parts Scrap Request", "SC%(year)s-"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    dealer_parts_enabled = fields.Boolean(
        string="Parts Discipline",
        help="Bin locations, stock cards, purchase plans, numbered multi-copy parts documents and scrap approval, "
             "in the store's parts warehouse. Off in a new store until an administrator switches it on.",
    )
    dealer_parts_warehouse_id = fields.Many2one(
        "stock.warehouse", string="Parts Warehouse", check_company=True,
        help="The warehouse run by the parts desk: its receipts, deliveries, repair requisitions, counter sales "
             "and scraps of parts follow the parts discipline; every other warehouse works as standard Odoo.",
    )
    dealer_abc_a_percent = fields.Float(
        string="A-Class Share (%)", default=70.0,
        help="Parts making up this share of the last 12 months' consumption value are A-class.",
    )
    dealer_abc_b_percent = fields.Float(
        string="B-Class Share (%)", default=20.0,
        help="The next share of the consumption value is B-class; the rest is C-class.",
    )
    dealer_slow_stock_days = fields.Integer(
        string="Dead Stock After (days)", default=180,
        help="Parts without any movement for this many days are listed as dead stock.",
    )
    dealer_general_manager_id = fields.Many2one(
        "hr.employee", string="General Manager", check_company=True,
        help="Bears 10% of approved scrap losses.",
    )
    dealer_service_manager_id = fields.Many2one(
        "hr.employee", string="Service Manager", check_company=True,
        help="Bears 10% of approved scrap losses.",
    )
    dealer_parts_manager_id = fields.Many2one(
        "hr.employee", string="Parts Manager", check_company=True,
        help="Bears 10% of approved scrap losses.",
    )
    dealer_scrap_journal_id = fields.Many2one(
        "account.journal", string="Scrap Loss Journal", check_company=True,
        domain="[('type', '=', 'general')]",
    )
    dealer_scrap_expense_account_id = fields.Many2one(
        "account.account", string="Scrap Loss Account (Company Share)", check_company=True,
    )
    dealer_scrap_stock_account_id = fields.Many2one(
        "account.account", string="Scrapped Stock Account",
        check_company=True,
        help="Credited with the value of the scrapped parts.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._dealer_parts_setup()
        companies._dealer_tier_setup("_dealer_parts_tiers")
        return companies

    def write(self, vals):
        res = super().write(vals)
        if vals.get("dealer_parts_warehouse_id") or vals.get("dealer_parts_enabled"):
            self._dealer_parts_setup()
        return res

    @api.model
    def _dealer_parts_setup_all(self):
        self.search([])._dealer_parts_setup()

    @api.model
    def _dealer_parts_tier_setup_all(self):
        """At install: every store gets the parts approvals (an administrator edits them afterwards)."""
        self.with_context(active_test=False).search([])._dealer_tier_setup("_dealer_parts_tiers")

    def _dealer_parts_tiers(self):
        """The seed's approvals: the service manager, the warranty supervisor and the parts
        manager appraise a scrap request together; the parts manager approves a purchase plan."""
        return [
            {"model": "dealer.parts.scrap.request", "name": self.env._("Scrap appraisal: service manager"),
             "group": "dealer_service.dealer_service_group_manager", "sequence": 30},
            {"model": "dealer.parts.scrap.request", "name": self.env._("Scrap appraisal: warranty supervisor"),
             "group": "dealer_parts.dealer_parts_group_warranty_supervisor", "sequence": 20},
            {"model": "dealer.parts.scrap.request", "name": self.env._("Scrap appraisal: parts manager"),
             "group": "dealer_parts.dealer_parts_group_manager", "sequence": 10},
            {"model": "dealer.parts.plan", "name": self.env._("Purchase plan approval: parts manager"),
             "group": "dealer_parts.dealer_parts_group_manager", "sequence": 10},
        ]

    def _dealer_parts_setup(self):
        """Per-store gapless sequences; the parts warehouse gets the parts operation types."""
        Sequence = self.env["ir.sequence"]
        for company in self:
            existing = set(Sequence.search([
                ("company_id", "=", company.id),
                ("code", "in", [code for code, _name, _prefix in DEALER_PARTS_SEQUENCES]),
            ]).mapped("code"))
            Sequence.create([{
                "name": name,
                "code": code,
                "prefix": prefix,
                "padding": 5,
                "implementation": "no_gap",
                "company_id": company.id,
            } for code, name, prefix in DEALER_PARTS_SEQUENCES if code not in existing])
        self.dealer_parts_warehouse_id._dealer_parts_setup()

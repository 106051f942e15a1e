from odoo import api, fields, models

from .dealer_repair_order import TRADES


class DealerWorkshopTeam(models.Model):
    """A workshop team (班组) of technicians under a team leader."""

    _name = "dealer.workshop.team"
    _description = "Workshop Team"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    trade = fields.Selection(TRADES, required=True, default="mechanical")
    leader_id = fields.Many2one("hr.employee", string="Team Leader", check_company=True)
    member_ids = fields.One2many("hr.employee", "dealer_team_id", string="Technicians")
    member_count = fields.Integer(compute="_compute_member_count", string="Technician Count")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "A team name must be unique per store.",
    )

    @api.depends("member_ids")
    def _compute_member_count(self):
        for team in self:
            team.member_count = len(team.member_ids)

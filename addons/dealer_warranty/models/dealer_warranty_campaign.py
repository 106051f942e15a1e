from odoo import api, fields, models
from odoo.exceptions import UserError

CAMPAIGN_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
]


class DealerWarrantyCampaign(models.Model):
    """A recall or service campaign of the OEM (召回/服务活动): the work to do and the VINs
    of the vehicles concerned, done free of charge and claimed from the OEM."""

    _name = "dealer.warranty.campaign"
    _description = "Recall or Service Campaign"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index="trigram", tracking=True, help="The OEM's campaign code.")
    name = fields.Char(required=True, translate=True, tracking=True)
    kind = fields.Selection([("recall", "Recall"), ("service", "Service Campaign")], required=True,
                            default="recall")
    brand_id = fields.Many2one("fleet.vehicle.model.brand", string="Brand", required=True, index=True)
    company_id = fields.Many2one("res.company", string="Store", index=True,
                                 help="Leave empty for a campaign of the whole group.")
    description = fields.Html(help="What is wrong and what the workshop does, as the OEM describes it.")
    date_start = fields.Date(string="Start", default=fields.Date.context_today)
    date_end = fields.Date(string="End")
    state = fields.Selection(CAMPAIGN_STATES, default="draft", required=True, readonly=True, tracking=True,
                             copy=False, index=True)
    line_ids = fields.One2many("dealer.warranty.campaign.line", "campaign_id", string="Work", copy=True)
    vehicle_ids = fields.One2many("dealer.warranty.campaign.vehicle", "campaign_id", string="VINs")
    vehicle_count = fields.Integer(string="Vehicles", compute="_compute_completion")
    done_count = fields.Integer(string="Done", compute="_compute_completion")
    completion_rate = fields.Float(string="Completion (%)", compute="_compute_completion", digits=(16, 1))
    completion_by_store = fields.Text(string="Completion per Store", compute="_compute_completion")

    _code_brand_uniq = models.Constraint("unique(code, brand_id)", "A campaign code is unique per brand.")

    @api.depends("vehicle_ids.state", "vehicle_ids.company_id")
    def _compute_completion(self):
        completion = self._dealer_completion_by_store()
        for campaign in self:
            stores = completion.get(campaign.id, {})
            total = sum(values["total"] for values in stores.values())
            done = sum(values["done"] for values in stores.values())
            campaign.vehicle_count = total
            campaign.done_count = done
            campaign.completion_rate = 100.0 * done / total if total else 0.0
            campaign.completion_by_store = "\n".join(
                self.env._("%(store)s: %(done)s of %(total)s done (%(rate)s%%)", store=store.name,
                           done=values["done"], total=values["total"], rate=round(values["rate"], 1))
                for store, values in sorted(stores.items(), key=lambda item: item[0].name)
            )

    def _dealer_completion_by_store(self):
        """``{campaign id: {store: {"total", "done", "rate"}}}`` over the VINs the user may see."""
        result = {}
        groups = self.env["dealer.warranty.campaign.vehicle"]._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id", "company_id", "state"], ["__count"],
        )
        for campaign, company, state, count in groups:
            values = result.setdefault(campaign.id, {}).setdefault(company, {"total": 0, "done": 0, "rate": 0.0})
            values["total"] += count
            if state == "done":
                values["done"] += count
            values["rate"] = 100.0 * values["done"] / values["total"]
        return result

    def action_open(self):
        for campaign in self:
            if not campaign.line_ids:
                raise UserError(self.env._(
                    "Campaign %(code)s has no work: add its labour operations and parts before opening it.",
                    code=campaign.code,
                ))
        self._dealer_check_state(["draft", "closed"])
        self.write({"state": "open"})
        return True

    def action_close(self):
        self._dealer_check_state(["open"])
        self.write({"state": "closed"})
        return True

    def _dealer_check_state(self, allowed):
        wrong = self.filtered(lambda campaign: campaign.state not in allowed)
        if wrong:
            raise UserError(self.env._(
                "Campaigns %(codes)s are not in the right state for this.", codes=", ".join(wrong.mapped("code")),
            ))

    def action_view_vehicles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "dealer_warranty.dealer_warranty_campaign_vehicle_action")
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    @api.depends("code", "name")
    def _compute_display_name(self):
        for campaign in self:
            campaign.display_name = f"[{campaign.code}] {campaign.name}"

from odoo import api, fields, models

TARGET_KINDS = [
    ("output", "Output"),
    ("gross_profit", "Gross Profit"),
    ("vehicles_in", "Vehicles In"),
    ("collections", "Collections"),
    ("accessory", "Accessory Sales"),
]
# kind -> the measure it is compared with by default
TARGET_MEASURES = {
    "output": "output",
    "gross_profit": "gross_profit",
    "vehicles_in": "vehicles_in",
    "collections": "collections",
    "accessory": "accessory_revenue",
}


class DealerCommissionTargetLine(models.Model):
    """One target figure of the month; its achievement (``ach_<kind>``) is the measure over
    the target."""

    _name = "dealer.commission.target.line"
    _description = "Commission Target Figure"
    _order = "target_id, kind"

    target_id = fields.Many2one("dealer.commission.target", string="Targets", required=True, ondelete="cascade",
                                index=True)
    company_id = fields.Many2one(related="target_id.company_id", store=True)
    kind = fields.Selection(TARGET_KINDS, string="Target", required=True)
    target = fields.Float(string="Target Figure", required=True, digits=(16, 2))
    measure_code = fields.Char(
        string="Compared With", required=True, compute="_compute_measure_code", store=True, readonly=False,
        precompute=True,
        help="The measure the target is compared with (a group's pool base, e.g. workshop_output, for a group).")
    achievement_code = fields.Char(string="Achievement", compute="_compute_achievement_code", store=True,
                                   help="The measure the pool rules multiply: actual / target.")

    _kind_uniq = models.Constraint("unique(target_id, kind)", "Each target is set once a month.")
    _target_positive = models.Constraint("CHECK(target >= 0)", "A target cannot be negative.")

    @api.depends("kind")
    def _compute_measure_code(self):
        for line in self:
            line.measure_code = TARGET_MEASURES.get(line.kind) or line.measure_code

    @api.depends("kind")
    def _compute_achievement_code(self):
        for line in self:
            line.achievement_code = line.kind and f"ach_{line.kind}"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.target_id._dealer_withdraw_acknowledgement()
        return lines

    def write(self, vals):
        res = super().write(vals)
        self.target_id._dealer_withdraw_acknowledgement()
        return res

    def unlink(self):
        targets = self.target_id
        res = super().unlink()
        targets._dealer_withdraw_acknowledgement()
        return res

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..sealed import unsealed


class DealerHealthCheck(models.Model):
    """A multi-point inspection of the vehicle (health check), filled at check-in by
    the SA or in the workshop by the technician."""

    _name = "dealer.health.check"
    _description = "Health Check"
    _order = "date desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", required=True, index=True, ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    vehicle_id = fields.Many2one(related="order_id.vehicle_id")
    template_id = fields.Many2one("dealer.inspection.template", string="Template", check_company=True)
    user_id = fields.Many2one("res.users", string="Inspected By", default=lambda self: self.env.user)
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    line_ids = fields.One2many("dealer.health.check.line", "check_id", string="Check Points", copy=True)
    green_count = fields.Integer(compute="_compute_counts")
    amber_count = fields.Integer(compute="_compute_counts")
    red_count = fields.Integer(compute="_compute_counts")

    @api.depends("order_id", "date")
    def _compute_display_name(self):
        for check in self:
            check.display_name = self.env._("Health check %(order)s", order=check.order_id.name or "")

    @api.depends("line_ids.rating")
    def _compute_counts(self):
        for check in self:
            ratings = check.line_ids.mapped("rating")
            check.green_count = ratings.count("green")
            check.amber_count = ratings.count("amber")
            check.red_count = ratings.count("red")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            order = self.env["dealer.repair.order"].browse(vals.get("order_id"))
            if not vals.get("template_id") and order:
                vals["template_id"] = self.env["dealer.inspection.template"]._dealer_template_for(
                    order.vehicle_id, order.company_id,
                ).id
            if vals.get("template_id") and not vals.get("line_ids"):
                template = self.env["dealer.inspection.template"].browse(vals["template_id"])
                vals["line_ids"] = [Command.create({
                    "sequence": item.sequence,
                    "area": item.area,
                    "name": item.name,
                    "trade": item.trade,
                    "estimated_hours": item.estimated_hours,
                }) for item in template.item_ids]
        return super().create(vals_list)

    def action_create_recommendations(self):
        """Amber and red points become added-work lines on the order, waiting for the
        customer's approval."""
        lines = self.env["dealer.health.check.line"]
        for check in self:
            if check.order_id.state in ("delivered", "invoiced", "cancel"):
                raise UserError(self.env._(
                    "Order %(order)s is closed: recommendations can only be added to an open order.",
                    order=check.order_id.name,
                ))
            lines |= check.line_ids.filtered(lambda line: line.rating in ("amber", "red") and not line.order_line_id)
        if not lines:
            raise UserError(self.env._(
                "There is no amber or red check point without a recommended line: rate the points first."
            ))
        # recommendations are added work whatever the order's state: the customer approves them
        with unsealed(self.env):
            order_lines = self.env["dealer.repair.order.line"].create([
                line.check_id.order_id._dealer_prepare_recommended_line(
                    line._recommendation_text(), hours=line.estimated_hours, amount=line.estimated_amount,
                    trade=line.trade,
                ) for line in lines
            ])
        for line, order_line in zip(lines, order_lines, strict=True):
            line.order_line_id = order_line
        return order_lines

from odoo import fields, models
from odoo.exceptions import UserError


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    dealer_plan_id = fields.Many2one("dealer.parts.plan", string="Purchase Plan", readonly=True, copy=False,
                                     index="btree_not_null", check_company=True)

    def button_confirm(self):
        self._dealer_check_a_class_quotes()
        return super().button_confirm()

    def _dealer_check_a_class_quotes(self):
        """A-class parts are ordered only through a plan line with three supplier
        quotes or the parts manager's recorded reason."""
        for order in self.filtered(lambda po: po.company_id.dealer_parts_enabled):
            company = order.company_id
            missing = order.order_line.filtered(
                lambda line, company=company: line.product_id
                and line.product_id.with_company(company).dealer_abc_class == "a"
                and (not line.dealer_plan_line_id or line.dealer_plan_line_id._dealer_quotes_missing()))
            if missing:
                raise UserError(self.env._(
                    "Compare three suppliers (货比三家): %(parts)s on %(order)s are A-class parts; order them "
                    "through an approved purchase plan with at least three quotes, or a reason from the parts "
                    "manager.", parts=", ".join(missing.product_id.mapped("display_name")), order=order.name))

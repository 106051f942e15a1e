from odoo import fields, models
from odoo.exceptions import UserError


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    dealer_scrap_request_id = fields.Many2one("dealer.parts.scrap.request", string="Scrap Request", readonly=True,
                                              index="btree_not_null", check_company=True)

    def do_scrap(self):
        self._dealer_check_scrap_request()
        return super().do_scrap()

    def _dealer_check_scrap_request(self):
        """A part of the parts warehouse is scrapped only through an approved scrap
        request (three appraisals, the loss split): a plain Odoo scrap of it is refused."""
        for scrap in self:
            company = scrap.company_id
            warehouse = company.dealer_parts_warehouse_id
            if not (company.dealer_parts_enabled and warehouse and scrap.product_id._dealer_is_part()
                    and scrap.location_id.parent_path.startswith(warehouse.view_location_id.parent_path)):
                continue
            if scrap.dealer_scrap_request_id.state != "approved":
                raise UserError(self.env._(
                    "%(part)s is a part of the parts warehouse: scrap it through a scrap request (appraised by the "
                    "service manager, the warranty supervisor and the parts manager, the loss split 70/10/10/10), "
                    "not with a plain scrap order.", part=scrap.product_id.display_name))

from odoo import fields, models

from .dealer_repair_order import TRADES


class DealerServiceBay(models.Model):
    """A workshop bay (工位): a lift, a body bench, a paint booth..."""

    _name = "dealer.service.bay"
    _description = "Workshop Bay"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Store", required=True, index=True,
        default=lambda self: self.env.company,
    )
    trade = fields.Selection(TRADES, help="The trade the bay is equipped for, if any.")

    _name_company_uniq = models.Constraint(
        "unique(name, company_id)",
        "A bay name must be unique per store.",
    )

from odoo import fields, models

DOC_KINDS = [
    ("receipt", "Goods Receipt"),
    ("requisition", "Repair Requisition"),
    ("warranty_requisition", "Warranty Requisition"),
    ("retail", "Retail Ticket"),
    ("cash", "Issue Slip (Cash)"),
    ("account", "Issue Slip (On Account)"),
]
ISSUE_KINDS = ("requisition", "warranty_requisition", "retail", "cash", "account")
PAID_FIRST_KINDS = ("retail", "cash")
DOC_SEQUENCE = {
    "receipt": "dealer.parts.receipt",
    "requisition": "dealer.parts.requisition",
    "warranty_requisition": "dealer.parts.warranty_requisition",
    "retail": "dealer.parts.retail",
    "cash": "dealer.parts.issue",
    "account": "dealer.parts.issue",
}


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    dealer_doc_kind = fields.Selection(
        DOC_KINDS, string="Parts Document",
        help="The numbered parts document printed for transfers of this type.",
    )
    dealer_parts_governed = fields.Boolean(
        string="Parts Discipline", copy=False,
        help="Set by the Parts module on the operation types of the store's parts warehouse: transfers of parts of "
             "this type follow the parts discipline (inspections, numbered documents, no goods leave without a "
             "document). Other operation types work as standard Odoo.",
    )

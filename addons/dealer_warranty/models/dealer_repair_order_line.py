from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.dealer_service.sealed import check_sealed

from .dealer_warranty_appraisal import APPRAISAL_DECISIONS
from .dealer_warranty_claim import AMOUNT_GROUPS, OEM_PROGRAMS

WARRANTY_STATUSES = [
    ("inside", "Inside Warranty"),
    ("outside", "Outside Warranty"),
    ("wear", "Wear Part"),
    ("none", "No Warranty Terms"),
]
# what only the warranty's actions set on a line: the campaign it does, the appraisals of it, the
# OEM programme (PDI, free service) it is claimed under
LINE_WARRANTY_SEALED = ("dealer_campaign_vehicle_id", "dealer_appraisal_ids", "dealer_claim_type")
# order states from the customer's approval on: a warranty line is appraised before
APPROVED_STATES = ("approved", "in_progress", "quality_check", "ready", "delivered")


class DealerRepairOrderLine(models.Model):
    _inherit = "dealer.repair.order.line"

    dealer_campaign_vehicle_id = fields.Many2one(
        "dealer.warranty.campaign.vehicle", string="Campaign VIN", readonly=True, copy=False,
        index="btree_not_null", help="The recall or service campaign whose work this line does.",
    )
    dealer_claim_type = fields.Selection(
        OEM_PROGRAMS, string="OEM Programme", readonly=True, copy=False,
        help="A new car's PDI or free service, paid by the OEM whatever the warranty covers.",
    )
    dealer_appraisal_ids = fields.Many2many(
        "dealer.warranty.appraisal", "dealer_warranty_appraisal_line_rel", "line_id", "appraisal_id",
        string="Warranty Appraisals", readonly=True, copy=False,
    )
    dealer_warranty_decision = fields.Selection(
        APPRAISAL_DECISIONS, string="Appraiser's Decision", compute="_compute_dealer_warranty_decision",
        store=True, help="The warranty appraiser's decision on a warranty line outside the warranty.",
    )
    dealer_warranty_status = fields.Selection(WARRANTY_STATUSES, string="Warranty",
                                              compute="_compute_dealer_warranty_status")
    dealer_warranty_coverage = fields.Char(string="Warranty Coverage", compute="_compute_dealer_warranty_status")
    dealer_claim_line_ids = fields.One2many("dealer.warranty.claim.line", "repair_line_id", string="Claim Lines",
                                            groups=AMOUNT_GROUPS)

    @api.depends("dealer_appraisal_ids.state", "dealer_appraisal_ids.decision")
    def _compute_dealer_warranty_decision(self):
        for line in self:
            decided = line.dealer_appraisal_ids.filtered(lambda appraisal: appraisal.state == "approved")
            line.dealer_warranty_decision = decided.sorted("id")[-1:].decision

    @api.depends("product_id", "labour_operation_id", "order_id.vehicle_id", "order_id.mileage", "order_id.date_in")
    def _compute_dealer_warranty_status(self):
        coverage = self._dealer_warranty_coverage()
        for line in self:
            line.dealer_warranty_status, line.dealer_warranty_coverage = coverage.get(line, ("none", False))

    def _dealer_warranty_coverage(self):
        """The warranty covering each line on its order's day and mileage:
        ``{line: (status, label)}``, status being a key of ``WARRANTY_STATUSES``."""
        result = {}
        terms = self.order_id.vehicle_id._dealer_warranty_terms()
        for order in self.order_id:
            warranties, term = order._dealer_warranties(terms.get(order.vehicle_id, self.env["dealer.warranty.term"]))
            for line in self.filtered(lambda rec, order=order: rec.order_id == order):
                if not term:
                    result[line] = ("none", self.env._("No warranty terms for the brand"))
                    continue
                warranty = term._dealer_line_warranty(warranties, line.product_id, line.labour_operation_id)
                if warranty is None:
                    result[line] = ("wear", self.env._("Wear part: no warranty covers it"))
                else:
                    result[line] = ("inside" if warranty["inside"] else "outside",
                                    order._dealer_warranty_label(warranty))
        return result

    def _dealer_claimed_from_oem(self):
        """A warranty line of a store with the OEM warranty on, for a brand whose warranty terms it
        keeps: the OEM pays it through a claim, not an invoice."""
        self.ensure_one()
        order = self.order_id
        return self.payer == "warranty" and order.company_id.dealer_warranty_enabled \
            and bool(order.vehicle_id._dealer_warranty_term())

    def _dealer_warranty_exempt(self):
        """A recall campaign's work, a new car's PDI or free service, or goodwill the appraiser
        granted: covered whatever the warranty."""
        self.ensure_one()
        return bool(self.dealer_campaign_vehicle_id or self.dealer_claim_type) \
            or self.dealer_warranty_decision == "goodwill"

    def _dealer_check_warranty_decision(self):
        """A warranty line the warranty does not cover needs the appraiser's goodwill before the
        customer approves the work; refused warranty is billed to the customer or removed."""
        lines = self.filtered(lambda rec: rec.payer == "warranty" and rec.approval_state != "declined"
                              and rec.order_id.company_id.dealer_warranty_enabled)
        coverage = lines._dealer_warranty_coverage()
        problems = []
        for line in lines:
            status, label = coverage[line]
            if status not in ("outside", "wear") or line._dealer_warranty_exempt():
                continue
            if line.dealer_warranty_decision == "refused":
                problems.append(self.env._(
                    "The warranty appraiser refused warranty for %(line)s on %(order)s: bill it to the customer or "
                    "remove it.", line=line.name, order=line.order_id.name))
            else:
                problems.append(self.env._(
                    "%(line)s on %(order)s is billed to the OEM warranty but the warranty does not cover it "
                    "(%(coverage)s): the warranty appraiser decides first (goodwill or refused).",
                    line=line.name, order=line.order_id.name, coverage=label))
        if problems:
            raise UserError("\n".join(problems))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_sealed(self, vals, LINE_WARRANTY_SEALED, creating=True)
        lines = super().create(vals_list)
        lines.filtered(lambda rec: rec.order_id.state in APPROVED_STATES
                       and rec.approval_state != "pending")._dealer_check_warranty_decision()
        return lines

    def write(self, vals):
        check_sealed(self, vals, LINE_WARRANTY_SEALED)
        res = super().write(vals)
        if {"payer", "product_id", "labour_operation_id"} & set(vals):
            self.filtered(lambda rec: rec.order_id.state in APPROVED_STATES
                          and rec.approval_state != "pending")._dealer_check_warranty_decision()
        return res

    def _set_approval(self, state, method, signer_name=None):
        if state == "approved":
            self._dealer_check_warranty_decision()
        return super()._set_approval(state, method, signer_name=signer_name)

    def _dealer_goodwill_appraisal(self):
        """The appraiser's decided goodwill on this line, splitting it between the OEM, the store and the customer."""
        self.ensure_one()
        return self.dealer_appraisal_ids.filtered(
            lambda appraisal: appraisal.state == "approved" and appraisal.decision == "goodwill").sorted("id")[-1:]

    def _dealer_prepare_claim_line_values(self):
        """Values of the claim line claiming this warranty line from the OEM."""
        self.ensure_one()
        goodwill = self._dealer_goodwill_appraisal()
        return {
            "repair_line_id": self.id,
            "line_type": self.line_type if self.line_type in ("labour", "part", "sublet") else "part",
            "labour_operation_id": self.labour_operation_id.id,
            "product_id": self.product_id.id,
            "oem_code": self.labour_operation_id.code or self.product_id.dealer_oem_number or False,
            "name": self.name,
            "quantity": self.quantity,
            "price_unit": self.price_unit * (1 - (self.discount or 0.0) / 100.0),
            "share": goodwill.oem_percent if goodwill else 100.0,
        }

    def _dealer_prepare_claims_values(self):
        """Values of the claims of these warranty lines: one per order and kind of work (the
        warranty, the PDI, the free service, each campaign, goodwill)."""
        groups = {}
        for line in self:
            campaign = line.dealer_campaign_vehicle_id.campaign_id
            kind = "campaign" if campaign else "goodwill" if line.dealer_warranty_decision == "goodwill" \
                else line.dealer_claim_type or "warranty"
            key = (line.order_id, kind, campaign)
            groups[key] = groups.get(key, self.browse()) | line
        return [{
            "repair_order_id": order.id,
            "company_id": order.company_id.id,
            "claim_type": kind,
            "campaign_id": campaign.id,
            # the photos the workshop took of the fault on the lines
            "photo_ids": [Command.set(lines.added_work_photo_ids.ids)],
            "line_ids": [Command.create(line._dealer_prepare_claim_line_values()) for line in lines],
        } for (order, kind, campaign), lines in groups.items()]

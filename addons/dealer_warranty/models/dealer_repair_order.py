from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import frozendict

from odoo.addons.dealer_service.sealed import unsealed

from .dealer_repair_order_line import WARRANTY_STATUSES

# orders whose warranty lines are claimed: the repair is finished
CLAIM_ORDER_STATES = ("delivered", "invoiced")
# who sees an order's claims (their state; the amounts are the warranty staff's and the accountants')
CLAIM_READERS = "dealer_service.dealer_service_group_advisor,dealer_warranty.dealer_warranty_group_clerk"


class DealerRepairOrder(models.Model):
    _inherit = "dealer.repair.order"

    dealer_warranty_status = fields.Selection(
        WARRANTY_STATUSES[:2] + WARRANTY_STATUSES[3:], string="Warranty", compute="_compute_dealer_warranty",
        help="Whether the vehicle is inside the maker's basic warranty on the day of the visit, at its mileage.",
    )
    dealer_warranty_summary = fields.Text(
        string="Warranties", compute="_compute_dealer_warranty",
        help="Each warranty of the vehicle (basic and components) with its end and whether it still covers the "
             "vehicle at this visit's date and mileage.",
    )
    dealer_campaign_vehicle_ids = fields.Many2many(
        "dealer.warranty.campaign.vehicle", string="Open Campaigns", compute="_compute_dealer_campaigns",
        help="Open recall and service campaigns listing this vehicle's VIN.",
    )
    dealer_campaign_alert = fields.Char(string="Campaign Alert", compute="_compute_dealer_campaigns")
    dealer_claim_ids = fields.One2many("dealer.warranty.claim", "repair_order_id", string="Warranty Claims",
                                       groups=CLAIM_READERS)
    dealer_claim_count = fields.Integer(string="Claims", compute="_compute_dealer_claim_count", groups=CLAIM_READERS)
    dealer_appraisal_ids = fields.One2many("dealer.warranty.appraisal", "order_id", string="Warranty Appraisals")
    dealer_warranty_to_claim = fields.Boolean(
        string="Warranty to Claim", compute="_compute_dealer_warranty_to_claim",
        search="_search_dealer_warranty_to_claim",
        help="The repair is finished and warranty lines are not claimed from the OEM yet.",
    )

    def _dealer_warranties(self, term=None):
        """The vehicle's warranties on the day of this visit at its mileage, and its terms
        (``term``: the vehicle's, when the caller looked them up for many orders at once)."""
        self.ensure_one()
        if term is None:
            term = self.vehicle_id._dealer_warranty_term() if self.vehicle_id else self.env["dealer.warranty.term"]
        if not term:
            return [], term
        day = fields.Date.context_today(self, self.date_in or fields.Datetime.now())
        return term._dealer_warranties(self.vehicle_id, day, self.mileage), term

    def _dealer_warranty_label(self, warranty):
        limit = self.env._("%(km)s km", km=f"{warranty['mileage']:,}") if warranty["mileage"] \
            else self.env._("no mileage limit")
        status = self.env._("inside") if warranty["inside"] else self.env._("outside")
        if not warranty["date_end"]:
            return self.env._("%(name)s: no warranty start date on the vehicle", name=warranty["name"])
        return self.env._("%(name)s: until %(date)s, %(limit)s (%(status)s)", name=warranty["name"],
                          date=warranty["date_end"], limit=limit, status=status)

    @api.depends("vehicle_id.dealer_warranty_start_date", "vehicle_id.model_id", "mileage", "date_in")
    def _compute_dealer_warranty(self):
        terms = self.vehicle_id._dealer_warranty_terms()
        for order in self:
            warranties, term = order._dealer_warranties(terms.get(order.vehicle_id, self.env["dealer.warranty.term"]))
            if not term:
                order.dealer_warranty_status = "none"
                order.dealer_warranty_summary = False
                continue
            order.dealer_warranty_status = "inside" if warranties[0]["inside"] else "outside"
            order.dealer_warranty_summary = "\n".join(order._dealer_warranty_label(w) for w in warranties)

    @api.depends("vehicle_id.vin_sn", "state", "line_ids.dealer_campaign_vehicle_id")
    def _compute_dealer_campaigns(self):
        in_shop = self.filtered(lambda order: order.state not in ("delivered", "invoiced", "cancel"))
        open_vins = self.env["dealer.warranty.campaign.vehicle"]._dealer_open_for_vins(
            in_shop.vehicle_id.mapped("vin_sn"))
        for order in self:
            found = open_vins.filtered(lambda vin, order=order: order in in_shop and vin.vin == order.vehicle_id.vin_sn
                                       and vin.company_id == order.company_id)
            # campaigns whose work is on the order already are no longer news
            found -= order.line_ids.dealer_campaign_vehicle_id
            order.dealer_campaign_vehicle_ids = found
            order.dealer_campaign_alert = bool(found) and self.env._(
                "Open campaigns for this VIN: %(campaigns)s. Add their work to the order (free of charge, "
                "claimed from the OEM).", campaigns=", ".join(found.campaign_id.mapped("display_name")))

    def _compute_dealer_claim_count(self):
        counts = dict(self.env["dealer.warranty.claim"]._read_group(
            [("repair_order_id", "in", self.ids)], ["repair_order_id"], ["__count"]))
        for order in self:
            order.dealer_claim_count = counts.get(order, 0)

    def _dealer_lines_to_claim(self):
        return self.line_ids.filtered(
            lambda line: line.payer == "warranty" and line.approval_state != "declined" and line.quantity
            and not line.sudo().dealer_claim_line_ids
        )

    @api.depends("state", "line_ids.payer", "line_ids.approval_state", "line_ids.dealer_claim_line_ids")
    def _compute_dealer_warranty_to_claim(self):
        for order in self:
            order.dealer_warranty_to_claim = order.state in CLAIM_ORDER_STATES and bool(order._dealer_lines_to_claim())

    def _search_dealer_warranty_to_claim(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        domain = [("state", "in", CLAIM_ORDER_STATES), ("line_ids", "any", [
            ("payer", "=", "warranty"), ("approval_state", "!=", "declined"), ("quantity", "!=", 0),
            ("dealer_claim_line_ids", "=", False),
        ])]
        return domain if (True in value) == (operator == "in") else ["!", *domain]

    # ------------------------------------------------------------
    # State machine hooks
    # ------------------------------------------------------------

    def _get_invoiceable_lines(self):
        """Warranty lines the store claims from the OEM leave the settlement: no invoice to the OEM
        at delivery, the claim is the OEM's bill."""
        lines = super()._get_invoiceable_lines()
        return lines - lines.filtered(lambda line: line._dealer_claimed_from_oem())

    def _dealer_goodwill_shares(self):
        """``{line: {"oem", "dealer", "customer"}}``: the goodwill split of the lines claimed from the
        OEM, in amounts before tax. The OEM's share is its claim; the customer's stays on the settlement;
        the store's is its goodwill cost."""
        self.ensure_one()
        shares = {}
        for line in super()._get_invoiceable_lines().filtered(
                lambda rec: rec.dealer_warranty_decision == "goodwill" and rec._dealer_claimed_from_oem()):
            shares[line] = line._dealer_goodwill_appraisal()._dealer_split(line.price_subtotal)
        return shares

    def _dealer_customer_invoice_key(self):
        return frozendict(partner_id=self.partner_id.id)

    def _get_invoice_groups(self):
        """The customer gets an invoice of its share of the goodwill, even when none of the order's
        own lines is the customer's."""
        groups = super()._get_invoice_groups()
        if any(share["customer"] for share in self._dealer_goodwill_shares().values()):
            groups.setdefault(self._dealer_customer_invoice_key(), self.env["dealer.repair.order.line"])
        return groups

    def _prepare_invoice_lines_values(self, key, lines):
        values = super()._prepare_invoice_lines_values(key, lines)
        if key == self._dealer_customer_invoice_key():
            for line, share in self._dealer_goodwill_shares().items():
                if not self.currency_id.is_zero(share["customer"]):
                    line_values = line._prepare_invoice_line_values()
                    line_values.update(
                        name=self.env._("%(line)s (the customer's share of the goodwill)", line=line.name),
                        quantity=1.0, price_unit=share["customer"], discount=0.0, dealer_payer="customer")
                    values.append(line_values)
        return values

    def _action_create_invoices(self):
        """The store's share of the goodwill is its cost: an entry from the income of the work to
        the warranty goodwill cost account, posted with the settlement."""
        invoices = super()._action_create_invoices()
        for order in self:
            order.company_id._dealer_goodwill_cost_move(
                self.env._("Store's goodwill share on %(order)s", order=order.name),
                [(line, line.name, line._get_income_account(), share["dealer"])
                 for line, share in order._dealer_goodwill_shares().items()])
        return invoices

    def action_approve(self):
        self.line_ids._dealer_check_warranty_decision()
        return super().action_approve()

    def _action_check_in(self):
        res = super()._action_check_in()
        for order in self.filtered("dealer_campaign_vehicle_ids"):
            order.message_post(body=order.dealer_campaign_alert)
        return res

    # ------------------------------------------------------------
    # Campaigns, appraisals, claims
    # ------------------------------------------------------------

    def action_add_campaign_lines(self):
        """Add the work of the VIN's open campaigns as warranty lines, in one click."""
        self.ensure_one()
        self._check_state(["draft", "checked_in", "approved", "in_progress"], self.env._("Adding campaign work"))
        vins = self.dealer_campaign_vehicle_ids
        if not vins:
            raise UserError(self.env._("No open campaign lists the VIN of %(vehicle)s.",
                                       vehicle=self.vehicle_id.display_name))
        commands = [Command.create(line._dealer_prepare_order_line_values(vin))
                    for vin in vins for line in vin.campaign_id.line_ids]
        with unsealed(self.env):
            self.line_ids = commands
        self.message_post(body=self.env._("Campaign work added: %(campaigns)s",
                                          campaigns=", ".join(vins.campaign_id.mapped("display_name"))))
        return True

    def action_new_appraisal(self):
        """The warranty appraiser decides on the warranty lines the warranty does not cover."""
        self.ensure_one()
        coverage = self.line_ids._dealer_warranty_coverage()
        lines = self.line_ids.filtered(lambda line: line.payer == "warranty"
                                       and coverage[line][0] in ("outside", "wear")
                                       and not line._dealer_warranty_exempt())
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Warranty Appraisal"),
            "res_model": "dealer.warranty.appraisal",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_order_id": self.id, "default_company_id": self.company_id.id,
                        "default_line_ids": [Command.set(lines.ids)]},
        }

    def _add_service_package(self, package, payer="customer"):
        """A package the OEM pays (a new car's free first service) comes in as warranty lines,
        claimed from the OEM as a free service, whatever payer was chosen."""
        if not package.dealer_oem_free or not self.company_id.dealer_warranty_enabled:
            return super()._add_service_package(package, payer=payer)
        before = self.line_ids
        res = super()._add_service_package(package, payer="warranty")
        with unsealed(self.env):
            (self.line_ids - before).write({"dealer_claim_type": "free_service"})
        return res

    def action_create_warranty_claims(self):
        """One claim per kind of warranty work (the warranty, PDI, free service, each campaign, goodwill) of the
        order's warranty lines not claimed yet."""
        self.env["dealer.warranty.claim"].check_access("create")
        lines = self._dealer_lines_to_claim()
        wrong = self.filtered(lambda order: order.state not in CLAIM_ORDER_STATES)
        if wrong or not lines:
            raise UserError(self.env._(
                "Warranty claims are made once the vehicle is delivered, for warranty lines not claimed yet: "
                "%(orders)s have none.", orders=", ".join((wrong or self).mapped("name"))))
        claims = self.env["dealer.warranty.claim"].create(lines._dealer_prepare_claims_values())
        if len(claims) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "dealer.warranty.claim",
                "res_id": claims.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return self.action_view_warranty_claims()

    def action_view_warranty_claims(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_warranty.dealer_warranty_claim_action")
        action["domain"] = [("repair_order_id", "in", self.ids)]
        action["context"] = {"create": False}
        return action

    def action_view_appraisals(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("dealer_warranty.dealer_warranty_appraisal_action")
        action["domain"] = [("order_id", "in", self.ids)]
        action["context"] = {"default_order_id": self.id if len(self) == 1 else False}
        return action

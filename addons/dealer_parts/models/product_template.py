from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

ABC_CLASSES = [("a", "A"), ("b", "B"), ("c", "C")]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    dealer_oem_number = fields.Char(
        string="OEM Part Number", index="trigram", copy=False, tracking=True,
        help="The manufacturer's part number; unique per brand.",
    )
    dealer_brand_id = fields.Many2one(
        "fleet.vehicle.model.brand", string="Part Brand", index="btree_not_null", tracking=True,
    )
    dealer_model_ids = fields.Many2many(
        "fleet.vehicle.model", string="Fits Models",
        help="Vehicle models this part fits.",
    )
    dealer_superseded_by_id = fields.Many2one(
        "product.template", string="Superseded By", index="btree_not_null", tracking=True,
        help="The new part number replacing this one.",
    )
    dealer_supersedes_ids = fields.One2many(
        "product.template", "dealer_superseded_by_id", string="Supersedes",
    )
    dealer_abc_class = fields.Selection(
        ABC_CLASSES, string="ABC Class", company_dependent=True,
        help="Computed from the last 12 months' consumption value of the store.",
    )
    dealer_consumption_value = fields.Float(
        string="12-Month Consumption Value", company_dependent=True, readonly=True,
    )
    dealer_returnable = fields.Boolean(
        string="Exchange Old for New",
        help="The new part is issued to a repair only when the replaced old part is handed in.",
    )
    dealer_default_bin_id = fields.Many2one(
        "stock.location", string="Default Bin",
        compute="_compute_dealer_default_bin_id", inverse="_inverse_dealer_default_bin_id",
        domain="[('dealer_bin_level', '=', 'position')]",
        help="The four-number bin (store-rack-shelf-position) of the part in this store; receipts are put away there.",
    )
    dealer_safety_stock = fields.Float(
        string="Safety Stock", digits="Product Unit",
        compute="_compute_dealer_safety_stock", inverse="_inverse_dealer_safety_stock",
        help="Minimum quantity of the reordering rule of this store's parts warehouse.",
    )

    _dealer_oem_brand_uniq = models.Constraint(
        "unique(dealer_oem_number, dealer_brand_id)",
        "An OEM part number must be unique per brand.",
    )

    def _dealer_warehouse(self):
        return self.env.company.dealer_parts_warehouse_id

    def _compute_dealer_default_bin_id(self):
        rules = self.env["stock.putaway.rule"].search([
            ("product_id.product_tmpl_id", "in", self.ids),
            ("company_id", "=", self.env.company.id),
            ("location_out_id.dealer_bin_level", "=", "position"),
        ])
        by_template = {rule.product_id.product_tmpl_id.id: rule.location_out_id for rule in rules}
        for template in self:
            template.dealer_default_bin_id = by_template.get(template.id, False)

    def _inverse_dealer_default_bin_id(self):
        Rule = self.env["stock.putaway.rule"]
        for template in self:
            rules = Rule.search([
                ("product_id.product_tmpl_id", "=", template.id),
                ("company_id", "=", self.env.company.id),
                ("location_out_id.dealer_bin_level", "=", "position"),
            ])
            bin_location = template.dealer_default_bin_id
            if not bin_location:
                rules.unlink()
                continue
            warehouse = bin_location.warehouse_id
            values = {
                "product_id": template.product_variant_id.id,
                "location_in_id": warehouse.lot_stock_id.id,
                "location_out_id": bin_location.id,
                "company_id": bin_location.company_id.id,
            }
            if rules:
                rules[0].write(values)
                rules[1:].unlink()
            else:
                Rule.create(values)

    def _compute_dealer_safety_stock(self):
        points = self.env["stock.warehouse.orderpoint"].search([
            ("product_id.product_tmpl_id", "in", self.ids),
            ("company_id", "=", self.env.company.id),
        ])
        by_template = {}
        for point in points:
            by_template.setdefault(point.product_id.product_tmpl_id.id, point.product_min_qty)
        for template in self:
            template.dealer_safety_stock = by_template.get(template.id, 0.0)

    def _inverse_dealer_safety_stock(self):
        Orderpoint = self.env["stock.warehouse.orderpoint"]
        warehouse = self._dealer_warehouse()
        for template in self:
            point = Orderpoint.search([
                ("product_id", "=", template.product_variant_id.id),
                ("company_id", "=", self.env.company.id),
            ], limit=1)
            if point:
                point.product_min_qty = template.dealer_safety_stock
                point.product_max_qty = max(point.product_max_qty, template.dealer_safety_stock)
            elif template.dealer_safety_stock:
                if not warehouse:
                    raise UserError(self.env._(
                        "Choose the parts warehouse of %(store)s in the settings before setting a safety stock.",
                        store=self.env.company.display_name))
                Orderpoint.create({
                    "product_id": template.product_variant_id.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "company_id": self.env.company.id,
                    "product_min_qty": template.dealer_safety_stock,
                    "product_max_qty": template.dealer_safety_stock * 2,
                    "trigger": "manual",
                })

    @api.depends("dealer_oem_number")
    def _compute_display_name(self):
        super()._compute_display_name()
        for template in self.filtered("dealer_oem_number"):
            template.display_name = f"[{template.dealer_oem_number}] {template.name}"

    def action_dealer_compute_abc(self):
        self.env["product.template"]._dealer_compute_abc(self.env.company)
        return True

    @api.model
    def _dealer_compute_abc(self, company, date_to=None):
        """Classify the store's parts (products with an OEM number) by the value consumed in the last 12 months
        (the stock valuation of the moves issued to customers and repairs; losses, scraps and count differences
        are not consumption): the first ``dealer_abc_a_percent`` of the cumulated value is A, the next
        ``dealer_abc_b_percent`` is B, the rest (and unused parts) is C."""
        date_to = date_to or fields.Datetime.now()
        date_from = date_to - relativedelta(months=12)
        Move = self.env["stock.move"]
        consumed = Move._read_group([
            ("company_id", "=", company.id),
            ("state", "=", "done"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("location_id.usage", "=", "internal"),
            ("location_dest_id.usage", "in", ("customer", "production")),
            ("product_id.is_storable", "=", True),
            ("product_id.dealer_oem_number", "!=", False),
        ], ["product_id"], ["value:sum"])
        returned = dict(Move._read_group([
            ("company_id", "=", company.id),
            ("state", "=", "done"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("location_id.usage", "in", ("customer", "production")),
            ("location_dest_id.usage", "=", "internal"),
            ("product_id.dealer_oem_number", "!=", False),
        ], ["product_id"], ["value:sum"]))
        value_by_template = defaultdict(float)
        for product, value in consumed:
            value_by_template[product.product_tmpl_id] += abs(value) - abs(returned.get(product, 0.0))
        total = sum(value_by_template.values())
        a_limit = total * company.dealer_abc_a_percent / 100.0
        b_limit = total * (company.dealer_abc_a_percent + company.dealer_abc_b_percent) / 100.0
        templates = self.with_company(company).search([("is_storable", "=", True), ("dealer_oem_number", "!=", False)])
        class_of = {}
        cumulated = 0.0
        rounding = company.currency_id
        for template, value in sorted(value_by_template.items(), key=lambda item: (-item[1], item[0].id)):
            first = not cumulated
            cumulated += value
            # cumulated share including the part; the biggest part is always A
            if first or rounding.compare_amounts(cumulated, a_limit) <= 0:
                klass = "a"
            elif rounding.compare_amounts(cumulated, b_limit) <= 0:
                klass = "b"
            else:
                klass = "c"
            class_of[template] = klass
        templates |= self.browse([template.id for template in class_of])
        for klass in ("a", "b", "c"):
            templates.filtered(lambda t, k=klass: class_of.get(t, "c") == k).with_company(company).write(
                {"dealer_abc_class": klass})
        by_value = defaultdict(list)
        for template in templates:
            by_value[rounding.round(value_by_template.get(template, 0.0))].append(template.id)
        for value, ids in by_value.items():
            self.browse(ids).with_company(company).write({"dealer_consumption_value": value})
        return True

    @api.model
    def _cron_dealer_compute_abc(self):
        for company in self.env["res.company"].search([("dealer_parts_enabled", "=", True)]):
            self._dealer_compute_abc(company)

import subprocess
import tempfile
import unicodedata

from odoo.fields import Command

from odoo.addons.dealer_service.tests import reception_common

CLERK = "dealer_insurance.dealer_insurance_group_clerk"
LEAD = "dealer_insurance.dealer_insurance_group_lead"


def pdf_text(pdf):
    """The text of a PDF (pdftotext); the CJK font maps some characters to their Kangxi radicals
    (⼤ for 大), read back as the characters."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True, check=True, timeout=60,
        ).stdout.decode()
    return unicodedata.normalize("NFKC", text)


class InsuranceCase(reception_common.ReceptionCase):
    """An insurer with its assessor, the claims staff of store A, and an accident repair whose
    insurer lines are 10,000 before VAT: a 6,000 bumper, 8 h of body work at 250, 4 h of paint at
    300 and an 800 windscreen sublet, all at the store's VAT of 13 % (the China chart's), so
    estimated at 11,300 VAT included; the customer pays an oil change beside."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.insurer.dealer_is_insurer = True
        cls.vat13 = cls.store_a.account_sale_tax_id
        cls.assessor = env["res.partner"].create({"name": "王磊", "parent_id": cls.insurer.id})
        env["dealer.labour.rate"].create({"company_id": cls.store_a.id, "trade": "paint", "rate": 300.0})
        cls.bumper = cls._make_part("Front bumper cover (test)", 6000.0)
        cls.headlamp = cls._make_part("Right headlamp (test)", 1200.0)
        cls.clerk_a = cls._make_user("ins_clerk_a", CLERK)
        cls.lead_a = cls._make_user("ins_lead_a", LEAD)
        cls.clerk_b = cls._make_user("ins_clerk_b", CLERK, companies=cls.store_b)

    @classmethod
    def _make_part(cls, name, price):
        part = cls.env["product.product"].create({
            "name": name, "type": "consu", "is_storable": True, "lst_price": price,
            "categ_id": cls.categ_parts.id, "taxes_id": [Command.set(cls.vat13.ids)],
        })
        cls.env["stock.quant"]._update_available_quantity(part, cls.warehouse_a.lot_stock_id, 10.0)
        return part

    def _accident_case(self, user=None, **values):
        """A case of store A registered by the clerk, its vehicle received and checked in, with the
        insurer's lines of 10,000 and the customer's oil change."""
        env = self.env(user=user or self.clerk_a)
        case = env["dealer.insurance.case"].create({
            "insurer_id": self.insurer.id,
            "report_number": values.pop("report_number", "RDAA2026210200009999"),
            "partner_id": self.customer.id,
            "vehicle_id": self.vehicle_a.id,
            "accident_place": "大连市沙河口区黄河路",
            "liability": "full",
            "assessor_id": self.assessor.id,
            **values,
        })
        case.action_create_repair_order()
        order = case.repair_order_id
        order.write({**self._reception_values(customer_complaint="追尾，前保险杠破损"), "line_ids": [
            Command.create({"line_type": "part", "product_id": self.bumper.id, "quantity": 1, "payer": "insurance"}),
            Command.create({"line_type": "labour", "name": "钣金修复", "trade": "body", "quantity": 8,
                            "payer": "insurance"}),
            Command.create({"line_type": "labour", "name": "前保险杠喷漆", "trade": "paint", "quantity": 4,
                            "payer": "insurance"}),
            Command.create({"line_type": "sublet", "name": "Windscreen (glass specialist)", "quantity": 1,
                            "price_unit": 800.0, "payer": "insurance"}),
            Command.create({"line_type": "labour", "labour_operation_id": self.op_oil.id, "payer": "customer"}),
        ]})
        order.action_check_in()
        return case

    def _approved_accident_order(self, case):
        """The customer signs and approves the repair."""
        order = case.repair_order_id
        self._sign(order)
        order.action_approve()
        return order

    def _send_and_assess(self, case, amount, approve=True):
        """The clerk sends the next estimate of the case, the insurer assesses it as a total."""
        case.action_send_estimate()
        assessment = case.assessment_ids.sorted("sequence")[-1]
        assessment.amount_assessed_total = amount
        assessment.action_assess()
        if approve:
            assessment.action_approve()
        return assessment

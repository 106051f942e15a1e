from odoo import models


class AgedPartnerBalanceReportWizard(models.TransientModel):
    _name = "aged.partner.balance.report.wizard"
    _inherit = ["aged.partner.balance.report.wizard", "dealer.receivable.report.mixin"]

    def _prepare_report_data(self):
        return self._dealer_receivable_report_data(super()._prepare_report_data())

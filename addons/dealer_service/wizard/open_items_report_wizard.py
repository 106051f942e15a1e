from odoo import models


class OpenItemsReportWizard(models.TransientModel):
    _name = "open.items.report.wizard"
    _inherit = ["open.items.report.wizard", "dealer.receivable.report.mixin"]

    def _prepare_report_data(self):
        return self._dealer_receivable_report_data(super()._prepare_report_data())

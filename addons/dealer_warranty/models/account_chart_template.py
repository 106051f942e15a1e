from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """A store getting its chart of accounts gets its warranty claims journal and goodwill cost account."""
        super()._post_load_data(template_code, company, template_data)
        (company or self.env.company)._dealer_warranty_setup_accounting()

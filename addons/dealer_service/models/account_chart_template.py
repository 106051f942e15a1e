from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """A store getting its chart of accounts gets the income accounts of its
        labour, parts, accessories and sublet revenue too."""
        super()._post_load_data(template_code, company, template_data)
        (company or self.env.company)._dealer_set_income_accounts()

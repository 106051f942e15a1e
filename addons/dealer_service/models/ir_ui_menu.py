from odoo import api, fields, models
from odoo.http import request


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    dealer_capability = fields.Char(
        string="After-Sales Capability",
        help="Name of the boolean field on the company that switches this menu "
        "(and everything below it) on or off for the active store.",
    )

    @api.model
    def load_menus(self, debug):
        """Drop the menus of capabilities switched off for the active store."""
        menus = super().load_menus(debug)
        hidden = self._dealer_hidden_menu_ids()
        if not hidden:
            return menus
        removed = set()
        stack = [menu_id for menu_id in hidden if menu_id in menus]
        while stack:
            menu_id = stack.pop()
            removed.add(menu_id)
            stack.extend(menus[menu_id]["children"])
        # the result of super() is cached: build new dicts, never mutate it
        return {
            key: dict(menu, children=[c for c in menu["children"] if c not in removed])
            for key, menu in menus.items()
            if key not in removed
        }

    @api.model
    def _dealer_hidden_menu_ids(self):
        company = self._dealer_active_company()
        switched = self.sudo().search_fetch([("dealer_capability", "!=", False)], ["dealer_capability"])
        return {
            menu.id
            for menu in switched
            if menu.dealer_capability in company._fields and not company[menu.dealer_capability]
        }

    @api.model
    def _dealer_active_company(self):
        """The store selected in the company switcher (the ``cids`` cookie in a
        web request, whose context carries only the user's default company)."""
        if request and (cids := request.cookies.get("cids")):
            first = cids.replace(",", "-").split("-")[0]
            if first.isdigit() and int(first) in self.env.user._get_company_ids():
                return self.env["res.company"].browse(int(first))
        return self.env.company

from odoo import api, models

REMOVAL_ORDERS = {"fifo": False, "lifo": True, "closest": False}


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _dealer_prefetch_context(self, moves):
        """Context reading the quants of ``moves``' products at their source locations
        with one search, for the reservation that follows (stock searches per move)."""
        by_key = {(move.product_id.id, move.location_id.id): [] for move in moves}
        for location in moves.location_id:
            products = moves.filtered(lambda move, loc=location: move.location_id == loc).product_id
            quants = self.sudo().search(
                [("product_id", "in", products.ids), ("location_id", "child_of", location.id)], order="in_date, id",
            )
            for quant in quants:
                by_key[quant.product_id.id, location.id].append(quant.id)
        return {"dealer_quants_prefetch": by_key}

    def _gather(self, product_id, location_id, lot_id=None, package_id=None, owner_id=None, strict=False, qty=0):
        prefetched = self.env.context.get("dealer_quants_prefetch")
        key = (product_id.id, location_id.id)
        if (not prefetched or key not in prefetched or strict or lot_id or package_id or owner_id
                or self.env.context.get("with_expiration")):
            return super()._gather(product_id, location_id, lot_id=lot_id, package_id=package_id,
                                   owner_id=owner_id, strict=strict, qty=qty)
        removal_strategy = self._get_removal_strategy(product_id, location_id)
        if removal_strategy not in REMOVAL_ORDERS:
            return super()._gather(product_id, location_id, lot_id=lot_id, package_id=package_id,
                                   owner_id=owner_id, strict=strict, qty=qty)
        # the same quants in the same order as the search stock would run
        quants = self.browse(prefetched[key])
        if REMOVAL_ORDERS[removal_strategy]:
            quants = quants.sorted(lambda quant: (quant.in_date, quant.id), reverse=True)
        if removal_strategy == "closest":
            quants = quants.sorted(lambda quant: (quant.location_id.complete_name, -quant.id))
        return quants.sorted(lambda quant: not quant.lot_id)

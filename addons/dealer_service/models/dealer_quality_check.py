from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

QC_LEVELS = [
    ("self", "Technician Self-Check"),
    ("patrol", "Patrol Check"),
    ("final", "Final Inspection"),
]
QC_RESULTS = [
    ("passed", "Passed"),
    ("failed", "Failed"),
]
QC_INSPECTOR_GROUP = "dealer_service.dealer_service_group_qc_inspector"


class DealerQualityCheck(models.Model):
    """A signed quality check (质检) at one of the three levels: the technician's
    self-check, the technical director's patrol check and the QC inspector's final
    inspection. A failed check sends the job back to the workshop (internal rework)."""

    _name = "dealer.quality.check"
    _description = "Quality Check"
    _order = "date desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        "dealer.repair.order", string="Repair Order", required=True, index=True, ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True, precompute=True)
    job_id = fields.Many2one(
        "dealer.repair.job", string="Job", index="btree_not_null", check_company=True,
        domain="[('order_id', '=', order_id)]",
        help="The job checked; a failed check sends this job back to the workshop.",
    )
    level = fields.Selection(selection="_selection_level", required=True, default="self")
    result = fields.Selection(QC_RESULTS, required=True, default="passed")
    note = fields.Text(help="What was checked or what must be redone.")
    user_id = fields.Many2one("res.users", string="Signed By", required=True, readonly=True, index=True,
                              default=lambda self: self.env.user)
    date = fields.Datetime(string="Signed On", required=True, readonly=True, default=fields.Datetime.now)

    @api.model
    def _selection_level(self):
        """Every level; the signing form (context ``dealer_qc_signing``) offers only the levels
        the user may sign."""
        if self.env.context.get("dealer_qc_signing"):
            return self._dealer_signable_levels()
        return QC_LEVELS

    @api.model
    def _dealer_signable_levels(self):
        """A technician signs his self-check; a QC inspector the patrol check and the final inspection."""
        if self.env.user.has_group(QC_INSPECTOR_GROUP):
            return [level for level in QC_LEVELS if level[0] != "self"]
        return [level for level in QC_LEVELS if level[0] == "self"]

    @api.model
    def _dealer_default_level(self, order):
        """The level the signing form opens with for the current user on ``order``."""
        if not self.env.user.has_group(QC_INSPECTOR_GROUP):
            return "self"
        return "final" if order.state == "quality_check" else "patrol"

    def _level_labels(self):
        env = self.with_context(dealer_qc_signing=False).env
        return dict(self._fields["level"]._description_selection(env))

    @api.depends("level", "result", "order_id")
    def _compute_display_name(self):
        levels = self._level_labels()
        results = dict(self._fields["result"]._description_selection(self.env))
        for check in self:
            check.display_name = f"{check.order_id.name}: {levels.get(check.level)} ({results.get(check.result)})"

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        is_inspector = self.env.user.has_group(QC_INSPECTOR_GROUP)
        for vals in vals_list:
            # the signature is the current user at the current time, whatever was sent
            # (only superuser code, e.g. data imports, records checks signed earlier)
            if not self.env.su or not vals.get("user_id"):
                vals.update(user_id=self.env.uid, date=now)
            if vals.get("level") in ("patrol", "final") and not is_inspector:
                level = self._level_labels()[vals["level"]]
                raise AccessError(self.env._(
                    "Only a QC inspector can sign a %(level)s.", level=level,
                ))
        checks = super().create(vals_list)
        checks._check_order_state()
        checks._apply_result()
        return checks

    def _check_order_state(self):
        for check in self:
            order = check.order_id
            if order.state not in ("in_progress", "quality_check"):
                raise UserError(self.env._(
                    "Order %(order)s is not being repaired or checked: quality checks are signed "
                    "while the order is in progress or in quality check.",
                    order=order.name,
                ))
            if check.result == "failed" and not check.job_id:
                raise UserError(self.env._(
                    "Choose the job of order %(order)s that must be redone: a failed check sends a job back.",
                    order=order.name,
                ))
            if check.level == "self" and not check.job_id:
                raise UserError(self.env._("A technician self-check is signed on a job: choose the job."))
            if check.level == "final" and check.result == "passed":
                open_jobs = order.job_ids.filtered(lambda job: job.state not in ("done", "cancel"))
                if open_jobs:
                    raise UserError(self.env._(
                        "The final inspection of %(order)s cannot pass while jobs %(jobs)s are not done.",
                        order=order.name, jobs=", ".join(open_jobs.mapped("name")),
                    ))

    def _apply_result(self):
        failed = self.filtered(lambda check: check.result == "failed")
        if not failed:
            return
        failed.job_id._dealer_send_back()
        # QC inspectors may not edit repair orders (customer, prices): sending the vehicle
        # back is the consequence of the failed check they signed, so it is made with
        # superuser rights (the signing user stays the author of the messages).
        back = failed.order_id.filtered(lambda order: order.state == "quality_check")
        if back:
            back.sudo()._action_back_to_repair()
        for check in failed:
            check.order_id.sudo().message_post(body=self.env._(
                "%(level)s failed, job %(job)s sent back for rework by %(user)s: %(note)s",
                level=self._level_labels()[check.level],
                job=check.job_id.name, user=check.user_id.name, note=check.note or "-",
            ))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if not self.env.user.has_group("dealer_service.dealer_service_group_manager"):
            raise UserError(self.env._("A signed quality check can only be deleted by a service manager."))

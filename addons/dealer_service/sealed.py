"""Fields that only a document's action methods change (states, approvals, numbers,
signatures): a plain create/write of them is refused for every client and role.

The action methods unseal them for the time they run; the flag lives on the database
cursor, out of reach of a client's context. Module data files loaded by the superuser
(demo records in a given state) are not refused."""

import functools
from contextlib import contextmanager

from odoo.exceptions import UserError

_UNSEALED = "dealer_unsealed"


@contextmanager
def unsealed(env):
    """Within this block the sealed fields may be written (an action method is running)."""
    cache = env.cr.cache
    cache[_UNSEALED] = cache.get(_UNSEALED, 0) + 1
    try:
        yield
    finally:
        cache[_UNSEALED] = max(cache.get(_UNSEALED, 1) - 1, 0)


def dealer_action(method):
    """Decorate an action method that changes sealed fields: only such methods may write them."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with unsealed(self.env):
            return method(self, *args, **kwargs)
    return wrapper


def is_data_load(env):
    """Whether ``env`` loads a module's data files (the superuser installing or updating a module)."""
    return env.su and bool(env.context.get("install_mode"))


def is_unsealed(env):
    """Whether ``env`` writes for an action method (or loads a module's data files)."""
    return bool(env.cr.cache.get(_UNSEALED)) or is_data_load(env)


def check_sealed(records, vals, sealed, creating=False):
    """Refuse a plain create or write of the ``sealed`` fields outside the actions
    (on create, a field left at its default is not a write)."""
    if is_unsealed(records.env):
        return
    touched = [name for name in sealed if name in vals]
    if creating:
        fields_ = records._fields
        touched = [name for name in touched if vals[name] and vals[name] != fields_[name].default
                   and not (callable(fields_[name].default) and vals[name] == fields_[name].default(records))]
    if touched:
        labels = ", ".join(records._fields[name]._description_string(records.env) for name in touched)
        raise UserError(records.env._(
            "%(fields)s of %(model)s change only through the document's own buttons (submit, approve, "
            "inspect, register payment, validate, void), never by editing them.",
            fields=labels, model=records._description))


def check_computed(records, vals, computed):
    """Refuse a plain create or write of the ``computed`` fields, which the server alone computes
    (prices from the catalogue and the payer's terms, costs from stock and clocked time, figures
    that reports read from the document's own records)."""
    if is_unsealed(records.env):
        return
    touched = [name for name in computed if name in vals]
    if touched:
        labels = ", ".join(records._fields[name]._description_string(records.env) for name in touched)
        raise UserError(records.env._(
            "%(fields)s of %(model)s are computed by the server from the catalogue, the payer's terms, the "
            "stock valuation, the clocked time and the document's own records: they cannot be entered.",
            fields=labels, model=records._description))

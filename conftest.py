"""Repository-wide pytest set-up: browser tests must run, never skip silently."""

import shutil

import pytest


def pytest_sessionstart(session):
    if not session.config.getoption("odoo_http", default=False):
        return
    missing = []
    if not any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        missing.append("chromium (Debian package chromium)")
    try:
        import websocket  # noqa: F401
    except ImportError:
        missing.append("websocket-client (pip)")
    if missing:
        raise pytest.UsageError("browser tests cannot run, missing: " + ", ".join(missing))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped HttpCase test is a failure: Odoo skips them when it cannot
    start the browser, which would hide every tour."""
    outcome = yield
    report = outcome.get_result()
    cls = getattr(item, "cls", None)
    if report.skipped and cls is not None and _is_http_case(cls):
        report.outcome = "failed"
        report.longrepr = f"browser test was skipped: {report.longrepr}"


def _is_http_case(cls):
    from odoo.tests import HttpCase

    return issubclass(cls, HttpCase)

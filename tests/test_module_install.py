"""Every dealer module installs alone, with only its own dependencies, into a
new database, and logs no warning or error. Odoo runs in subprocesses, two at
a time (one per core)."""

import os
import re
import subprocess
import sys
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from odoo.tools import config

MODULES = [
    "dealer_service",
    "dealer_parts",
    "dealer_warranty",
    "dealer_insurance",
    "dealer_hr_commission",
    "dealer_csi",
]
PROBLEM = re.compile(r" (WARNING|ERROR|CRITICAL) ")


def _install_alone(module, workdir):
    db = f"dealer_alone_{module}_{uuid.uuid4().hex[:6]}"
    log = Path(workdir) / f"{module}.log"
    cmd = [
        sys.executable, "-m", "odoo", "-c", config.rcfile, "-d", db, "-i", module,
        "--with-demo", "--stop-after-init", "--no-http", "--logfile", str(log),
    ]
    try:
        proc = subprocess.run(cmd, env=os.environ, capture_output=True, text=True, timeout=1200)
        return proc.returncode, (log.read_text() if log.exists() else "") + proc.stderr
    finally:
        subprocess.run(["dropdb", "--if-exists", db], capture_output=True)


@pytest.fixture(scope="module")
def install_results():
    with tempfile.TemporaryDirectory() as workdir, ThreadPoolExecutor(max_workers=2) as pool:
        futures = {module: pool.submit(_install_alone, module, workdir) for module in MODULES}
        yield {module: future.result() for module, future in futures.items()}


@pytest.mark.parametrize("module", MODULES)
def test_module_installs_alone(module, install_results):
    returncode, text = install_results[module]
    assert returncode == 0, f"install of {module} failed:\n{text[-3000:]}"
    assert f"Loading module {module}" in text
    problems = [line for line in text.splitlines() if PROBLEM.search(line)]
    assert not problems, f"install of {module} logged:\n" + "\n".join(problems)

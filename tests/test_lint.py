"""The code stays ruff-clean (ruff comes with the test extra)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT


def test_the_core_imports_no_engine():
    import subprocess
    import sys

    code = (
        "import sys, cleaner, cleaner.cli, cleaner.batch;"
        "print(sorted(m for m in ('ray', 'pyspark', 'datatrove', 'pandas', 'pyarrow')"
        " if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_ruff_check_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    proc = subprocess.run(
        [ruff, "check", "cleaner", "tests", "bench", "hatch_build.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

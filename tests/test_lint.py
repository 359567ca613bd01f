"""The code stays ruff-clean (ruff comes with the test extra)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT


def test_ruff_check_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    proc = subprocess.run(
        [ruff, "check", "cleaner", "tests", "bench"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

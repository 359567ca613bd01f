from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Builds cache what they analyse (cleaner.cache): the tests start from an empty
# cache of their own, and leave the user's alone. Subprocesses inherit it.
if "CLEANER_CACHE_DIR" not in os.environ:
    os.environ["CLEANER_CACHE_DIR"] = tempfile.mkdtemp(prefix="cleaner-test-cache-")
    atexit.register(shutil.rmtree, os.environ["CLEANER_CACHE_DIR"], True)

from cleaner import Cleaner, build

#: The tests run on the installed build; a compiled one's classes and functions
#: cannot be patched, so the few tests that patch one run on the pure build
#: only (tests/test_build.py runs those modules' tests on it in every run).
COMPILED = build() != "pure Python"
if os.environ.get("CLEANER_EXPECT_BUILD", build()) != build():
    raise RuntimeError(f"expected the {os.environ['CLEANER_EXPECT_BUILD']} build, got {build()}")
needs_pure = pytest.mark.skipif(
    COMPILED, reason="patches a compiled class; test_build runs it on the pure build"
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture
def pack(tmp_path):
    """Write a YAML pack into tmp_path and return its path."""

    def write(text: str, name: str = "pack.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def regex_compiles(monkeypatch) -> list[str]:
    """The patterns the ``regex`` module compiles from here on, in order (it parses
    them in pure Python: what the pattern cache spares). Skips where that version
    of ``regex`` compiles elsewhere."""
    import regex

    main = getattr(regex, "_main", None)
    original = getattr(main, "_compile", None)
    if not callable(original):
        pytest.skip("this version of regex compiles elsewhere")
    compiled: list[str] = []

    def counting(pattern, *args, **kwargs):
        compiled.append(pattern)
        return original(pattern, *args, **kwargs)

    monkeypatch.setattr(main, "_compile", counting)
    return compiled

"""Build hook: compile cleaner's hot modules with mypyc, or build pure Python.

``pip install .`` (a wheel build) compiles the modules in :data:`COMPILED` from
the same typed Python source with mypyc, and those in :data:`CYTHONIZED` with
Cython's pure-Python mode, when a C compiler is there. It builds
pure Python instead, with a warning, when compiling fails (no compiler, no
Python headers), and without trying when ``CLEANER_PURE_PYTHON=1`` is set.
Editable installs (``pip install -e .``) are always pure Python: the source is
what runs, as a developer expects. ``cleaner --version`` says which build runs.

Why not the hatch-mypyc plugin: it builds inside the source tree (and renames
pyproject.toml while it runs), and a failed compile fails the install; here
the compile runs in a temporary copy and a failure falls back to pure Python.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: The modules compiled, chosen by the profile (bench/PROFILE.md): the rule kinds
#: (every per-paragraph loop), normalization's gate and character checks, the
#: prefilter's bookkeeping, paragraph splitting, the rules' passes, the over-removal
#: guard and the removal records.
#: Everything else (CLI, formats, loader, batch) spends its time in I/O and
#: stays pure Python.
COMPILED = (
    "cleaner/kinds/__init__.py",
    "cleaner/kinds/base.py",
    "cleaner/kinds/block.py",
    "cleaner/kinds/caption.py",
    "cleaner/kinds/drop.py",
    "cleaner/kinds/edges.py",
    "cleaner/kinds/lines.py",
    "cleaner/kinds/questions.py",
    "cleaner/kinds/strip.py",
    "cleaner/document.py",
    "cleaner/guard.py",
    "cleaner/normalize.py",
    "cleaner/passes.py",
    "cleaner/prefilter.py",
    "cleaner/result.py",
)

#: Compiled with Cython (pure-Python mode, typed by its ``.pxd``) instead: the one loop
#: mypyc cannot make fast, over a string's characters (see the module's docstring).
CYTHONIZED = ("cleaner/charscan.py",)

#: How mypy reads the source: the project's dependencies are not installed where
#: it builds (their calls compile as calls on Python objects), and only the
#: compiled modules must type-check.
MYPY_ARGS = ("--ignore-missing-imports", "--follow-imports=silent")

#: Build requirements of the compile, asked for only when it runs.
COMPILE_REQUIRES = ["mypy>=2.4,<3", "setuptools>=68", "Cython>=3.0"]

_SETUP = """\
from Cython.Build import cythonize
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="cleaner-core",
    ext_modules=mypycify({args!r}, opt_level="3", group_name="cleaner")
    + cythonize(
        {cythonized!r},
        compiler_directives={{"language_level": 3, "annotation_typing": False}},
    ),
)
"""


def pure_requested() -> bool:
    return os.environ.get("CLEANER_PURE_PYTHON", "").strip() not in ("", "0")


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return [] if pure_requested() else list(COMPILE_REQUIRES)

    def initialize(self, version: str, build_data: dict) -> None:
        self._scratch: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if pure_requested():
            self.app.display_info("cleaner: CLEANER_PURE_PYTHON is set; building pure Python")
            return
        try:
            built = self._compile()
        except Exception as exc:  # any failure means: ship pure Python
            self.app.display_warning(
                f"cleaner: compiling the core with mypyc failed; building pure Python "
                f"instead (set CLEANER_PURE_PYTHON=1 to skip the attempt).\n{exc}"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)
        self.app.display_info(
            f"cleaner: compiled {len(COMPILED)} modules with mypyc, {len(CYTHONIZED)} with Cython"
        )

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_scratch", None):
            shutil.rmtree(self._scratch, ignore_errors=True)

    def _compile(self) -> dict[str, str]:
        """Compile :data:`COMPILED` in a scratch copy; map each built file to its wheel path."""
        scratch = self._scratch = tempfile.mkdtemp(prefix="cleaner-mypyc-")
        root = Path(self.root)
        shutil.copytree(
            root / "cleaner",
            Path(scratch, "cleaner"),
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),
        )
        Path(scratch, "setup.py").write_text(
            _SETUP.format(args=[*MYPY_ARGS, *COMPILED], cythonized=list(CYTHONIZED)),
            encoding="utf-8",
        )
        done = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=scratch,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(done.stdout[-4000:])
        suffixes = (".so", ".pyd")
        built = {
            str(path): path.relative_to(scratch).as_posix()
            for path in Path(scratch).rglob("*")
            if path.suffix in suffixes and "build" not in path.relative_to(scratch).parts
        }
        # One per module, the group's shared library, and the Cython modules.
        expected = len(COMPILED) + 1 + len(CYTHONIZED)
        if len(built) != expected:
            raise RuntimeError(
                f"expected {expected} compiled files, found {sorted(built.values())}"
            )
        return built

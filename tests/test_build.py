"""The compiled build and the pure-Python build are the same program.

``pip install .`` compiles the hot modules with mypyc (hatch_build.py). These
tests run when the installed build is the compiled one (CI installs it so):
they run the pure source tree beside it, in a subprocess, and compare. On a
pure install (``pip install -e .``) the rest of the suite already tests pure
Python, and these skip.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner import Cleaner, build

from .conftest import COMPILED, EXAMPLES, ROOT, SHARED
from .test_hostile_text import splice_page

BENCH_SETS = ("bench/articles", "bench-readability/articles")
INPUTS = ("input.txt", "input_tight.txt", "input_traf.txt")


def _pure_env() -> dict[str, str]:
    """An environment in which ``import cleaner`` imports the source tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["CLEANER_EXPECT_BUILD"] = "pure Python"
    return env


def test_the_build_is_the_one_ci_asked_for():
    """CI installs the compiled build: a silent fall-back to pure Python fails here."""
    if not os.environ.get("CI"):
        pytest.skip("CI only: a developer's editable install is pure Python")
    if os.environ.get("CLEANER_PURE_PYTHON", "").strip() not in ("", "0"):
        assert build() == "pure Python"
    else:
        assert build() == "compiled with mypyc", cleaner.__file__


def test_a_pure_source_tree_says_so():
    proc = subprocess.run(
        [sys.executable, "-c", "import cleaner; print(cleaner.build())"],
        capture_output=True,
        text=True,
        env=_pure_env(),
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "pure Python"


def _inputs() -> list[Path]:
    paths = sorted(EXAMPLES.glob("*/input.txt"))
    for name in BENCH_SETS:
        for page in sorted((SHARED / name).glob("*")):
            paths.extend(page / f for f in INPUTS if (page / f).is_file())
    return paths


_PURE_CLEAN = """
import json, sys
import cleaner
assert cleaner.build() == "pure Python", cleaner.__file__
c = cleaner.Cleaner()
out = []
for text in json.loads(sys.stdin.read()):
    r = c.clean(text)
    out.append([r.text, [[x.rule, x.text, x.line, list(x.paragraphs), x.span, x.reason]
                         for x in r.removals]])
print(json.dumps(out))
"""


def _assert_builds_agree(texts: list[str], names: list[str]) -> None:
    """The installed (compiled) build and the pure source tree, in a subprocess, give
    the same text and removals (with lines, paragraphs, spans, reasons) for each text;
    a difference names the text by ``names``."""
    proc = subprocess.run(
        [sys.executable, "-c", _PURE_CLEAN],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=_pure_env(),
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    pure = json.loads(proc.stdout)
    compiled = Cleaner()
    for text, name, expected in zip(texts, names, pure, strict=True):
        r = compiled.clean(text)
        removals = [
            [x.rule, x.text, x.line, list(x.paragraphs), list(x.span) if x.span else None, x.reason]
            for x in r.removals
        ]
        assert [r.text, removals] == expected, name


@pytest.mark.skipif(not COMPILED, reason="the installed build is pure Python")
def test_compiled_and_pure_builds_clean_every_example_and_bench_input_alike():
    paths = _inputs()
    assert len(paths) > 30
    _assert_builds_agree([p.read_text(encoding="utf-8") for p in paths], list(map(str, paths)))


@pytest.mark.skipif(not COMPILED, reason="the installed build is pure Python")
def test_compiled_and_pure_builds_clean_spliced_pages_alike():
    """Beyond the fixed inputs: pages in orders no example has (a list cut by another
    rule's furniture, a body between two menus)."""
    rng = random.Random(2026)
    texts = [splice_page(rng) for _ in range(2000)]
    _assert_builds_agree(texts, [repr(text[:300]) for text in texts])


_PURE_NEEDS = """
import json
import cleaner
from cleaner.prefilter import need
assert cleaner.build() == "pure Python", cleaner.__file__
print(json.dumps([
    [rule.id, pattern.pattern, None if found is None else sorted(found)]
    for rule in cleaner.Cleaner().rules
    for pattern, standalone in rule.triggers or ()
    for found in [need(pattern, standalone)]
]))
"""


@pytest.mark.skipif(not COMPILED, reason="the installed build is pure Python")
def test_both_builds_find_the_same_literals_in_every_bundled_pattern():
    """The prefilter's analysis (compiled) gives every bundled pattern the literals the
    pure source gives it. So ``test_bundled_needs_hold_on_mutated_furniture``, which
    checks those literals against a million searches of ``regex`` (the same module in
    both builds), holds for both when it passes on this one: the pure run below leaves
    it out."""
    from cleaner.prefilter import need

    compiled = [
        [rule.id, pattern.pattern, None if found is None else sorted(found)]
        for rule in Cleaner().rules
        for pattern, standalone in rule.triggers or ()
        for found in [need(pattern, standalone)]
    ]
    proc = subprocess.run(
        [sys.executable, "-c", _PURE_NEEDS],
        capture_output=True,
        text=True,
        env=_pure_env(),
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(compiled) > 50
    assert sum(found is not None for _, _, found in compiled) > 50
    assert compiled == json.loads(proc.stdout)


@pytest.mark.skipif(not COMPILED, reason="the installed build is pure Python")
def test_engine_normalization_and_prefilter_tests_pass_on_the_pure_build(tmp_path):
    """The suite runs on the compiled build; these modules' tests run on pure Python too
    (the guard's as well: it is compiled), but the one test whose pure run would only
    repeat the compiled one's regex searches (see the test above). In two processes at
    once: this one only waits meanwhile, and CI has two cores."""
    groups = {
        "engine": ["tests/test_engine.py", "tests/test_guard.py", "tests/test_normalize.py"],
        "prefilter": [
            "tests/test_prefilter.py",
            "--deselect",
            "tests/test_prefilter.py::test_bundled_needs_hold_on_mutated_furniture",
        ],
    }
    runs = {}
    for name, args in groups.items():
        out = (tmp_path / f"{name}.out").open("w")
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
        proc = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, text=True, env=_pure_env(), cwd=ROOT
        )
        runs[name] = (proc, out)
    outputs = {}
    for name, (proc, out) in runs.items():
        proc.wait()
        out.close()
        outputs[name] = (proc.returncode, (tmp_path / f"{name}.out").read_text())
    for name, (returncode, text) in outputs.items():
        assert returncode == 0, f"{name}:\n{text[-6000:]}"
        assert " passed" in text, name
        assert "patches a compiled class" not in text, name  # the pure-only tests ran
    assert " 1 deselected" in outputs["prefilter"][1]


@pytest.mark.skipif(not os.environ.get("CI"), reason="CI only: builds a wheel (about 30 s)")
def test_without_a_compiler_pip_builds_pure_python(tmp_path):
    """A machine without a C compiler gets a pure-Python wheel, with a warning, not an error."""
    env = dict(os.environ, CC="false", CLEANER_PURE_PYTHON="")  # every compile fails
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheels = [p.name for p in tmp_path.glob("*.whl")]
    assert len(wheels) == 1 and wheels[0].endswith("-py3-none-any.whl"), wheels
    assert "building pure Python instead" in proc.stdout + proc.stderr

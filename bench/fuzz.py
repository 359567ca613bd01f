"""Fuzz ``Cleaner.clean`` with hypothesis at a high example count; write bench/FUZZ.md.

    python bench/fuzz.py                 # 20,000 documents per property
    python bench/fuzz.py --examples 2000 # a quicker look

Documents are built from arbitrary code points (surrogates and control
characters included), every kind of line break, and lines of real boilerplate
and body text mixed in; and spliced from stretches of the examples' pages (a
list cut short, another rule's furniture inside it). Each must clean without an exception, within
``--deadline`` seconds (a hang), and keep the invariants of
``tests/test_hostile_text.py``: idempotent, replay equals output, output
paragraphs are input paragraphs in order. Not part of the test suite (the suite
runs the same properties at a few hundred examples).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleaner import Cleaner, __version__  # noqa: E402
from tests.test_engine import PIECES  # noqa: E402
from tests.test_hostile_text import check_invariants, documents, pages  # noqa: E402

CLEANER = Cleaner()

mixed = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=60)), max_size=40).map(
    "\n".join
)


def run(name: str, strategy, examples: int, deadline: float) -> dict:
    seen = {"n": 0, "chars": 0}

    @settings(
        max_examples=examples,
        deadline=timedelta(seconds=deadline),
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
        database=None,
    )
    @given(strategy)
    def prop(text):
        seen["n"] += 1
        seen["chars"] += len(text)
        check_invariants(CLEANER, text)

    started = time.perf_counter()
    error = None
    example = ""
    try:
        prop()
    except Exception as exc:  # a failure: shrunk example and message in the report
        error = f"{type(exc).__name__}: {exc}"
        # Hypothesis adds the shrunk example to the exception's notes: without it a
        # failure cannot be replayed (the runs are not seeded).
        example = "\n".join(getattr(exc, "__notes__", ()))
    seconds = time.perf_counter() - started
    return {
        "example": example if error is not None else "",
        "name": name,
        "examples": seen["n"],
        "chars": seen["chars"],
        "s": seconds,
        "error": error,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--deadline", type=float, default=5.0, help="seconds per document")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "FUZZ.md")
    args = parser.parse_args()
    results = [
        run("arbitrary code points and line breaks", documents, args.examples, args.deadline),
        run("boilerplate and body lines mixed with text", mixed, args.examples, args.deadline),
        run("pages spliced from the examples' lines", pages, args.examples, args.deadline),
    ]
    lines = [
        "# Fuzzing `Cleaner.clean`",
        "",
        f"`python bench/fuzz.py --examples {args.examples}` on {time.strftime('%Y-%m-%d')}, "
        f"cleaner {__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}. Invariants: no exception, no document over "
        f"{args.deadline:g} s, idempotent, replay equals output, output paragraphs are "
        "input paragraphs in order.",
        "",
        "| documents | examples | characters | seconds | result |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        verdict = "no failure" if r["error"] is None else f"FAILED: {r['error'][:300]}"
        lines.append(
            f"| {r['name']} | {r['examples']:,} | {r['chars']:,} | {r['s']:.0f} | {verdict} |"
        )
    for r in results:
        if r["example"]:
            lines += [
                "",
                f"Shrunk failing example, {r['name']}:",
                "",
                "```",
                r["example"][:4000],
                "```",
            ]
    report = "\n".join(lines) + "\n"
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 1 if any(r["error"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

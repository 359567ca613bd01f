"""Instructions Cleaner.clean executes, counted by valgrind: the installed build and the pure one.

    python bench/instructions.py               # 300 documents of the speed corpus
    python bench/instructions.py --docs 1000

Wall-clock rates on the shared machines here move by 10-20% from run to run;
an instruction count does not (callgrind counts the same total for the same
binary, inputs and environment, whatever else the machine does). Each build
runs twice under ``valgrind --tool=callgrind``: on no documents and on
``--docs`` documents of bench/speed.py's corpus, after the same start-up (import,
``Cleaner()``, one clean) and with the build cache filled by a run before them;
the difference is the cleaning. The pure build is
the source tree, put first on the path. The table splits each count by where
the instructions ran (the interpreter's loop, the stdlib ``re`` engine that
runs cleaner's character checks, the ``regex`` module that runs rule patterns,
compiled cleaner code, ...). About a minute per build for 300 documents.

The rule time budget is off (``rule_timeout=None``): its timer counts CPU time,
which runs some fifty times slower under valgrind, so rules would time out there
that never do outside it. The budget costs 2-3% of ``Cleaner.clean`` (PROFILE.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(1, str(HERE))
import speed  # noqa: E402  (bench/speed.py: the corpus)

_RUN = """
import json, sys
from itertools import islice
import cleaner
print(cleaner.build(), file=sys.stderr)
with open(sys.argv[1], encoding="utf-8") as f:
    docs = [json.loads(line)["text"] for line in islice(f, int(sys.argv[2]))]
c = cleaner.Cleaner(rule_timeout=None)
c.clean("A first text.\\n")
for d in docs:
    c.clean(d)
"""

_LINE = re.compile(r"\s*([\d,]+) \([\s\d.]+%\)\s+(\S.*)$")


def _where(function: str, library: str) -> str:
    """The bucket of one function's instructions."""
    if "mypyc" in library:
        return "compiled cleaner code (mypyc)"
    if library.startswith("charscan"):
        return "compiled cleaner code (Cython: character checks)"
    if library.startswith("_regex"):
        return "regex module (rule patterns)"
    if "hyperscan" in library or library.startswith("libhs"):
        return "Hyperscan (prefilter scan)"
    if library.startswith("libc"):
        return "libc (memory copies, malloc)"
    if "libpython" in library or library == "?":
        if "sre" in function:
            return "stdlib re engine (character checks)"
        if function.startswith(("_PyEval", "initialize_locals", "_PyFrame")):
            return "interpreter loop"
        return "interpreter: objects, str, dict, calls"
    return "other extension modules"


def count(env: dict[str, str], jsonl: Path, docs: int, scratch: Path) -> tuple[int, dict]:
    """Instructions of one run, and their split by bucket."""
    out = scratch / f"callgrind.{docs}.out"
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            _RUN,
            str(jsonl),
            str(docs),
        ],
        env=env,
        check=True,
        capture_output=True,
        cwd=scratch,
    )
    report = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--threshold=100", str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    buckets: dict[str, int] = {}
    total = 0
    for line in report.splitlines():
        m = _LINE.match(line)
        if not m or ":" not in m.group(2) or "PROGRAM TOTALS" in line:
            continue
        rest = m.group(2)
        library = rest.rsplit(" [", 1)[1].rstrip("]").rsplit("/", 1)[-1] if " [" in rest else "?"
        function = rest.split(" [")[0].split(":", 1)[-1]
        n = int(m.group(1).replace(",", ""))
        bucket = _where(function, library)
        buckets[bucket] = buckets.get(bucket, 0) + n
        total += n
    return total, buckets


def measure(pure: bool, jsonl: Path, docs: int) -> tuple[int, dict]:
    env = dict(speed._env(speed.PURE if pure else "") or os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        # A build cache of this build's own: two builds whose packs differ (an
        # installed wheel and a changed source tree) would rewrite each other's
        # patterns entry in a shared one, and a run that misses it compiles them all.
        env["CLEANER_CACHE_DIR"] = str(Path(tmp, "cache"))
        env.pop("CLEANER_CACHE", None)
        # One run first, uncounted: it fills that cache (cleaner/cache.py), which both
        # counted runs then read, as every run after a first one does. In the scratch
        # folder, as the counted runs: ``python -c`` puts the working folder first on
        # the path, and from the repository's root it would import the source tree,
        # not the installed build.
        subprocess.run(
            [sys.executable, "-c", _RUN, str(jsonl), "1"],
            env=env,
            check=True,
            capture_output=True,
            cwd=tmp,
        )
        base, split0 = count(env, jsonl, 0, Path(tmp))
        full, split1 = count(env, jsonl, docs, Path(tmp))
    return full - base, {k: split1.get(k, 0) - split0.get(k, 0) for k in split1}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--corpus", type=Path, default=speed.DEFAULT_CORPUS)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    # A corpus bench/speed.py built, of any size, serves if it holds the documents.
    speed.build_corpus(args.corpus, 20.0, min_docs=args.docs)
    jsonl = args.corpus / "corpus.jsonl"
    import cleaner

    rows = [("pure Python", *measure(True, jsonl, args.docs))]
    if cleaner.build() != "pure Python":
        rows.insert(0, (cleaner.build(), *measure(False, jsonl, args.docs)))
    first = rows[0][2]
    buckets = sorted({b for _, _, split in rows for b in split}, key=lambda b: -first.get(b, 0))
    print(f"Instructions per document, Cleaner.clean, {args.docs} documents of the speed corpus:\n")
    print("| where | " + " | ".join(name for name, _, _ in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for b in buckets:
        cells = [f"{split.get(b, 0) / args.docs / 1e3:,.0f} k" for _, _, split in rows]
        print(f"| {b} | " + " | ".join(cells) + " |")
    totals = [f"**{t / args.docs / 1e3:,.0f} k**" for _, t, _ in rows]
    print("| **all** | " + " | ".join(totals) + " |")
    if len(rows) == 2:
        print(f"\nThe pure build executes {rows[1][1] / rows[0][1]:.2f}x the instructions.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What starting costs: ``import cleaner`` and ``Cleaner()`` in a fresh process.

    python bench/startup.py               # 7 fresh processes per state
    python bench/startup.py --runs 15

A ``cleaner run`` on one file, each task of a Spark or Ray job and each worker
started by spawn pays this before it cleans anything. Three states, each in fresh
processes (the median of ``--runs``):

- **no cache**: ``CLEANER_CACHE=off``: every build analyses the patterns for the
  prefilter and compiles them with the ``regex`` module;
- **cold cache**: an empty cache folder, the first run on a machine (the run
  fills the cache);
- **warm cache**: the cache as a run before left it: every later run.

And a second ``Cleaner()`` in the same process, for each. The table is printed;
wall-clock on a shared machine, so compare the rows of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

_CHILD = """
import json, time
t0 = time.perf_counter()
import cleaner
t1 = time.perf_counter()
cleaner.Cleaner()
t2 = time.perf_counter()
cleaner.Cleaner()
t3 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2, cleaner.build()]))
"""


def fresh(env: dict[str, str]) -> list:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per state")
    args = ap.parse_args()
    folder = tempfile.mkdtemp(prefix="cleaner-startup-")
    base = {**os.environ, "CLEANER_CACHE_DIR": folder}
    base.pop("CLEANER_CACHE", None)
    rows = []
    try:
        states = {
            "no cache": lambda: {**base, "CLEANER_CACHE": "off"},
            "cold cache": lambda: (shutil.rmtree(folder, ignore_errors=True), base)[1],
            "warm cache": lambda: base,
        }
        build = "?"
        for name, env in states.items():
            got = [fresh(env()) for _ in range(args.runs)]
            build = got[0][3]
            rows.append((name, *(statistics.median(g[i] for g in got) * 1000 for i in range(3))))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Start-up of the {build} build, median of {args.runs} fresh processes (ms):\n")
    print("| state | `import cleaner` | `Cleaner()` | `Cleaner()` again |")
    print("|---|---|---|---|")
    for name, imp, first, again in rows:
        print(f"| {name} | {imp:.0f} | {first:.0f} | {again:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How many paragraphs of the real pages each rule looks at, and what a change did to that.

    python bench/prefilter_hits.py                   # this tree, every rule
    python bench/prefilter_hits.py --against HEAD    # this tree against a commit
    python bench/prefilter_hits.py --against main --pages 400

A rule looks only at the paragraphs where the prefilter found one of its literals
(cleaner/prefilter.py). A pattern whose literal is something body text holds
(``to your``, ``mag`` in "magazine") makes its rule look at far more paragraphs,
and costs instructions that no test sees: the outputs stay the same. This counts,
per rule, the paragraphs the prefilter passes it on the first ``--pages`` pages of
../shared/bench*/articles/*/input*.txt (normalized, as ``Cleaner.clean`` scans them),
and with ``--against REV`` the same for the packs and code of that git revision,
sorted by the difference. A rule marked ``all`` has no literal need: it looks at
every paragraph.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

_COUNT = """
import glob, json, sys
from cleaner import Cleaner
files = sorted(glob.glob(sys.argv[1] + "/bench*/articles/*/input*.txt"))[: int(sys.argv[2])]
cleaner = Cleaner()
counts, whole = {}, set()
for f in files:
    texts = [p.text for p in cleaner.paragraphs(open(f, encoding="utf-8").read())]
    for rule, hits in zip(cleaner._plan, cleaner._prefilter.scan(texts)):
        counts[rule.id] = counts.get(rule.id, 0) + (len(texts) if hits is None else len(hits))
        if hits is None:
            whole.add(rule.id)
print(json.dumps({"counts": counts, "whole": sorted(whole), "pages": len(files)}))
"""


def count(source: Path, pages: int) -> dict:
    """Per-rule paragraph counts with ``source`` (a tree holding ``cleaner/``) first on the path."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    out = subprocess.run(
        [sys.executable, "-c", _COUNT, str(SHARED), str(pages)],
        env=env,
        cwd=tempfile.gettempdir(),  # not this tree: it would shadow ``source``
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def checkout(rev: str, into: Path) -> Path:
    """``cleaner/`` and ``rules/`` of git revision ``rev``, extracted under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "cleaner", "rules"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--against", metavar="REV", help="a git revision to compare with")
    ap.add_argument("--pages", type=int, default=400, help="how many bench inputs (400)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"no real pages: {SHARED} is not there")
    now = count(ROOT, args.pages)
    before = None
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            before = count(checkout(args.against, Path(tmp)), args.pages)
    rows = []
    for rule, n in now["counts"].items():
        old = before["counts"].get(rule) if before else None
        rows.append((rule, old, n))
    if before:
        rows += [(r, n, None) for r, n in before["counts"].items() if r not in now["counts"]]
        rows.sort(key=lambda r: -abs((r[2] or 0) - (r[1] or 0)))
    else:
        rows.sort(key=lambda r: -(r[2] or 0))

    def cell(rule: str, n: int | None, run: dict | None) -> str:
        if n is None or run is None:
            return "-"
        return f"{n:,}" + (" (all)" if rule in run["whole"] else "")

    print(f"Paragraphs each rule looks at, first {now['pages']} real pages")
    print()
    head = f"| rule | {args.against} | now | change |" if before else "| rule | paragraphs |"
    print(head)
    print("|---" * (head.count("|") - 1) + "|")
    for rule, old, n in rows:
        if before:
            change = (n or 0) - (old or 0)
            share = f" ({change / old:+.0%})" if old else ""
            was, has = cell(rule, old, before), cell(rule, n, now)
            print(f"| {rule} | {was} | {has} | {change:+,}{share} |")
        else:
            print(f"| {rule} | {cell(rule, n, now)} |")
    if before:
        total_old = sum(before["counts"].values())
        total_now = sum(now["counts"].values())
        print(f"| all rules | {total_old:,} | {total_now:,} | {total_now - total_old:+,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

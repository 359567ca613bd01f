"""Where Cleaner.clean spends its time, with pyinstrument, on the speed corpus.

    python bench/profile_clean.py                       # 10 MB of the corpus, prints the table
    python bench/profile_clean.py --write "after"       # and (re)writes that section of PROFILE.md

To profile another version of the engine on the same documents, put it first on
the path: ``PYTHONPATH=/path/to/old/checkout python bench/profile_clean.py --write before``.
The corpus is bench/speed.py's (built if missing). Self time is summed per
function over the whole run; the sampling profiler's own overhead is small,
but read shares, not seconds.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(1, str(HERE))
import speed  # noqa: E402  (bench/speed.py: the corpus)

OUT = HERE / "PROFILE.md"


def _label(frame) -> str:
    if (frame.file_path_short or "") == "<built-in>" and frame.parent is not None:
        # A C function (a regex search, str.translate): name who called it.
        return f"`{frame.function}` from {_label(frame.parent)}"
    path = frame.file_path_short or frame.file_path or ""
    if "site-packages/" in path:
        path = path.split("site-packages/", 1)[1]
    path = re.sub(r"^.*?/(cleaner/)", r"\1", path)
    return f"`{frame.function}` ({path}:{frame.line_no})" if path else f"`{frame.function}`"


def profile(megabytes: float, top: int) -> tuple[str, float, float]:
    from pyinstrument import Profiler

    from cleaner import Cleaner

    paths = speed.build_corpus(speed.DEFAULT_CORPUS, 100.0)
    texts, size = [], 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        size += len(text.encode("utf-8"))
        if size >= megabytes * 1e6:
            break
    cleaner = Cleaner()
    start = time.perf_counter()
    for text in texts:
        cleaner.clean(text)
    plain = time.perf_counter() - start
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        cleaner.clean(text)
    profiler.stop()
    root = profiler.last_session.root_frame()
    own: dict[str, float] = defaultdict(float)
    stack = [root]
    while stack:
        frame = stack.pop()
        stack.extend(frame.children)
        # Time is in the leaves; a "[self]" leaf is its parent's own time.
        if frame.function == "[self]" and frame.parent is not None:
            own[_label(frame.parent)] += frame.time
        elif not frame.children:
            own[_label(frame)] += frame.time
    total = sum(own.values()) or 1.0
    rows = sorted(own.items(), key=lambda kv: -kv[1])[:top]
    lines = ["| self time | share | function |", "|---|---|---|"]
    lines += [f"| {seconds:.3f} s | {seconds / total:.0%} | {name} |" for name, seconds in rows]
    return "\n".join(lines), size / 1e6, size / 1e6 / plain


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="MB of the corpus to clean (10)")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--write", metavar="SECTION", help="write the table as this section")
    args = ap.parse_args()
    table, mb, rate = profile(args.mb, args.top)
    import cleaner

    where = Path(cleaner.__file__).resolve().parent.parent
    commit = subprocess.run(
        ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    body = (
        f"Cleaner.clean at {rate:.2f} MB/s without the profiler, on {mb:.1f} MB "
        f"(commit {commit or 'unknown'}, {time.strftime('%Y-%m-%d')}).\n\n{table}\n"
    )
    print(body)
    if args.write:
        text = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        head = f"## {args.write}\n"
        sections = re.split(r"(?m)^(?=## )", text)
        kept = [s for s in sections if s and not s.startswith(head)]
        if not kept or not kept[0].startswith("# "):
            title = "# Where Cleaner.clean spends its time\n\nBy bench/profile_clean.py.\n\n"
            kept.insert(0, title)
        kept.append(head + "\n" + body + "\n")
        OUT.write_text("".join(kept), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

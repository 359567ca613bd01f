"""Where Cleaner.clean spends its time, with pyinstrument, on the speed corpus.

    python bench/profile_clean.py                       # 10 MB of the corpus, prints the table
    python bench/profile_clean.py --write "after"       # and (re)writes that section of PROFILE.md
    python bench/profile_clean.py --native              # Python code against C libraries (py-spy)

To profile another version of the engine on the same documents, put it first on
the path: ``PYTHONPATH=/path/to/old/checkout python bench/profile_clean.py --write before``.
The corpus is bench/speed.py's (built if missing). Self time is summed per
function over the whole run; the sampling profiler's own overhead is small,
but read shares, not seconds.

``--native`` answers another question: how much of the time is Python code, and
how much is already C (the ``regex`` module, ftfy, Hyperscan, the interpreter's own
string methods). It samples a child process with py-spy's native frames and puts
each sample in one bucket (the first that fits, in the order of BUCKETS), then
says what a compiled core could give: the part it would take over (our Python
code and the C it calls for it) made free, or five times faster, with what stays
(ftfy, the ``regex`` engine running rule patterns, Hyperscan, case folding) as it is.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
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


def _texts(megabytes: float) -> tuple[list[str], int]:
    """The corpus's first ``megabytes`` of documents, and their size in bytes."""
    paths = speed.build_corpus(speed.DEFAULT_CORPUS, 100.0)
    texts, size = [], 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        size += len(text.encode("utf-8"))
        if size >= megabytes * 1e6:
            break
    return texts, size


def profile(megabytes: float, top: int) -> tuple[str, float, float]:
    from pyinstrument import Profiler

    from cleaner import Cleaner

    texts, size = _texts(megabytes)
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


#: Where a sample's time goes, by its frames (py-spy --native), first match wins:
#: (bucket, stays as it is under a compiled core, test on the frames).
BUCKETS = (
    ("ftfy (its Python and the C under it)", True, lambda fr: any("ftfy/" in f for f in fr)),
    ("Python code (cleaner's, run by the interpreter)", False, lambda fr: _python(fr[-1])),
    ("`regex` module (rule patterns)", True, lambda fr: any("_regex" in f for f in fr)),
    ("Hyperscan (the prefilter's scan)", True, lambda fr: any("_hs_ext" in f for f in fr)),
    ("case folding (str.casefold, str.lower)", True, lambda fr: _leaf_has(fr, "casefold", "lower")),
    ("stdlib `re` engine (cleaner's character checks)", False, lambda fr: _leaf_has(fr, "sre")),
    ("other C (str methods, objects, memory, signals)", False, lambda fr: True),
)


def _python(frame: str) -> bool:
    return ".py:" in frame or "(<string>" in frame


def _leaf_has(frames: list[str], *words: str) -> bool:
    """True when the innermost (native) function's name holds one of ``words``."""
    name = frames[-1].split(" (", 1)[0].lower()
    return any(word in name for word in words)


def native_split(megabytes: float) -> str:
    """Shares of Cleaner.clean's samples by bucket (py-spy --native on a child)."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "samples.txt"
        child = [sys.executable, __file__, "--clean-only", "--mb", str(megabytes)]
        spy = ["py-spy", "record", "--native", "--rate", "250", "--format", "raw", "--output"]
        try:
            subprocess.run([*spy, str(raw), "--", *child], check=True, capture_output=True)
        except FileNotFoundError:
            raise SystemExit("--native needs py-spy: pip install '.[bench]'") from None
        except subprocess.CalledProcessError as exc:
            raise SystemExit(f"py-spy failed:\n{exc.stderr.decode(errors='replace')}") from None
        counts: Counter[str] = Counter()
        for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
            stack, _, count = line.rpartition(" ")
            if "Cleaner.clean" not in stack:
                continue
            frames = stack.split(";")
            bucket = next(name for name, _, fits in BUCKETS if fits(frames))
            counts[bucket] += int(count)
    total = sum(counts.values())
    if not total:
        raise SystemExit("py-spy took no sample inside Cleaner.clean: try a larger --mb")
    kept = sum(counts[name] for name, stays, _ in BUCKETS if stays) / total
    lines = ["| where | samples | share | under a compiled core |", "|---|---|---|---|"]
    for name, stays, _ in BUCKETS:
        fate = "stays" if stays else "taken over"
        lines.append(f"| {name} | {counts[name]} | {counts[name] / total:.0%} | {fate} |")
    lines.append("")
    lines.append(
        f"What stays is {kept:.0%} of the time: with the rest free, Cleaner.clean would run "
        f"{1 / kept:.1f}x as fast; with the rest five times faster, "
        f"{1 / (kept + (1 - kept) / 5):.1f}x."
    )
    return "\n".join(lines)


def _clean_only(megabytes: float) -> None:
    """The child --native samples: clean the documents twice, for more samples."""
    from cleaner import Cleaner

    texts, _ = _texts(megabytes)
    cleaner = Cleaner()
    for _ in range(2):
        for text in texts:
            cleaner.clean(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--mb", type=float, help="MB of the corpus to clean (10; 50 with --native, for samples)"
    )
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--write", metavar="SECTION", help="write the table as this section")
    ap.add_argument("--native", action="store_true", help="Python code against C (py-spy)")
    ap.add_argument("--clean-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.clean_only:
        _clean_only(args.mb)
        return 0
    if args.native:
        print(native_split(args.mb or 50.0))
        return 0
    args.mb = args.mb or 10.0
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

"""Score the default packs on ../shared/bench (the real-page dev set).

    python bench/accuracy.py [--bench ../shared/bench] [--out /tmp/cleaner-bench] [--learn]

Cleans every ``articles/<id>/input.txt`` and ``input_tight.txt`` with
``Cleaner()``, writes ``OUT/input/<id>.txt`` and ``OUT/input_tight/<id>.txt``,
and runs the benchmark's own scorer on both. Uses only the input text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from cleaner import Cleaner
from cleaner.learn import Learner, site_of


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--bench", default=str(Path(__file__).resolve().parents[2] / "shared" / "bench")
    )
    ap.add_argument("--out", default="/tmp/cleaner-bench")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument(
        "--learn",
        action="store_true",
        help="first learn from the inputs (sites from meta.json's url), as cleaner run --learn",
    )
    args = ap.parse_args()
    bench, out = Path(args.bench), Path(args.out)
    for variant in ("input", "input_tight"):
        cleaner = Cleaner()
        if args.learn:
            cleaner = _learned(bench, variant, out)
        dest = out / variant
        dest.mkdir(parents=True, exist_ok=True)
        for doc in sorted((bench / "articles").iterdir()):
            src = doc / f"{variant}.txt"
            if src.exists():
                text = cleaner.clean(src.read_text(encoding="utf-8")).text
                (dest / f"{doc.name}.txt").write_text(text, encoding="utf-8")
        cmd = [sys.executable, str(bench / "score.py"), str(dest), "--input", f"{variant}.txt"]
        if args.markdown:
            cmd.append("--markdown")
        if args.per_doc:
            cmd += ["--per-doc", str(out / f"{variant}.tsv")]
        print(f"## {variant}.txt", flush=True)
        subprocess.run(cmd, check=True)
    return 0


def _learned(bench: Path, variant: str, out: Path) -> Cleaner:
    """Learn from the inputs alone (never truth.txt); a Cleaner with the learned pack too."""
    learner = Learner(Cleaner(max_removed=None))
    for doc in sorted((bench / "articles").iterdir()):
        src = doc / f"{variant}.txt"
        if src.exists():
            url = json.loads((doc / "meta.json").read_text(encoding="utf-8")).get("url", "")
            learner.add(src.read_text(encoding="utf-8"), site_of(url))
    pack = out / f"learned-{variant}.yaml"
    pack.parent.mkdir(parents=True, exist_ok=True)
    pack.write_text(learner.pack(f"bench {variant}.txt"), encoding="utf-8")
    print(f"learned {len(learner.learned())} lines: {pack}", flush=True)
    if not learner.learned():
        return Cleaner()
    return Cleaner(packs=["default", pack])


if __name__ == "__main__":
    raise SystemExit(main())

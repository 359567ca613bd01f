"""Score the default packs on ../shared/bench (the real-page dev set).

    python bench/accuracy.py [--bench ../shared/bench] [--out /tmp/cleaner-bench] [-- score.py args]

Cleans every ``articles/<id>/input.txt`` and ``input_tight.txt`` with
``Cleaner()``, writes ``OUT/input/<id>.txt`` and ``OUT/input_tight/<id>.txt``,
and runs the benchmark's own scorer on both. Uses only the input text.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from cleaner import Cleaner


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--bench", default=str(Path(__file__).resolve().parents[2] / "shared" / "bench")
    )
    ap.add_argument("--out", default="/tmp/cleaner-bench")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--per-doc", action="store_true")
    args = ap.parse_args()
    bench, out = Path(args.bench), Path(args.out)
    cleaner = Cleaner()
    for variant in ("input", "input_tight"):
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


if __name__ == "__main__":
    raise SystemExit(main())

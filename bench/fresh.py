"""Score the packs on pages written with their furniture marked (bench/fresh/).

    python bench/fresh.py                    # every batch: body lines lost, furniture left
    python bench/fresh.py -v                 # ... and each line, with the rule that took it
    python bench/fresh.py bench/fresh/s41-b7 # one batch (or one page)

Each page is a text file, one paragraph per line; a line that opens with ``F| `` is
furniture (POLICY.md's kinds), every other line is body. The page is cleaned without
the marks (paragraphs separated by blank lines). A body line is *lost* when a rule
removed it; a furniture line is *left* when no rule removed it. (A line that
normalization changes is neither: the pages are written so that none is.)

The pages were written by the sessions that worked on issue 18, as a check on pages
nobody tuned on: each batch's README line in bench/fresh/README.md says when it was
written, before or after which change. A batch written after a change measures it
held out; once a later change was made for it, it is tuned on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = "F| "


def read_page(path: Path) -> list[tuple[str, bool]]:
    """The page's lines, each with whether it is marked furniture (blank lines dropped)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        furniture = line.startswith(MARK)
        text = line[len(MARK) :] if furniture else line
        if text.strip():
            lines.append((text.strip(), furniture))
    return lines


def score(cleaner, path: Path) -> tuple[int, int, list[tuple[str, str]], list[str]]:
    """The page's body lines and furniture lines (counts), the body lines a rule removed
    (each with the rule and its reason), and the furniture lines no rule removed."""
    lines = read_page(path)
    result = cleaner.clean("\n\n".join(text for text, _ in lines) + "\n")
    removed: dict[str, str] = {}
    for removal in result.removals:
        for piece in removal.text.split("\n"):
            rule = removal.rule + (f": {removal.reason}" if removal.reason else "")
            removed.setdefault(piece.strip(), rule)
    kept = {line.strip() for line in result.text.split("\n") if line.strip()}
    lost = [
        (text, removed[text])
        for text, furniture in lines
        if not furniture and text in removed and text not in kept
    ]
    left = [text for text, furniture in lines if furniture and text not in removed]
    body = sum(1 for _, furniture in lines if not furniture)
    return body, len(lines) - body, lost, left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[HERE / "fresh"])
    parser.add_argument("-v", "--verbose", action="store_true", help="list each line")
    args = parser.parse_args(argv)

    from cleaner import Cleaner

    cleaner = Cleaner()
    pages: dict[str, list[Path]] = {}
    for path in args.paths:
        if path.is_file():
            pages.setdefault(path.parent.name, []).append(path)
            continue
        batches = sorted(p for p in path.iterdir() if p.is_dir()) or [path]
        for batch in batches:
            pages.setdefault(batch.name, []).extend(sorted(batch.glob("*.txt")))
    if not any(pages.values()):
        print("no pages found", file=sys.stderr)
        return 2
    print("| batch | pages | body lines lost | furniture lines left |")
    print("|---|---|---|---|")
    totals = [0, 0, 0, 0, 0]
    detail = []
    for batch, paths in pages.items():
        b = f = lost = left = 0
        for path in paths:
            body, furniture, lost_lines, left_lines = score(cleaner, path)
            b, f, lost, left = (
                b + body,
                f + furniture,
                lost + len(lost_lines),
                left + len(left_lines),
            )
            for text, rule in lost_lines:
                detail.append(f"- lost [{rule}] {batch}/{path.name}: {text}")
            for text in left_lines:
                detail.append(f"- left {batch}/{path.name}: {text}")
        print(f"| {batch} | {len(paths)} | {lost} of {b} | {left} of {f} |")
        for i, n in enumerate((len(paths), lost, b, left, f)):
            totals[i] += n
    n, lost, b, left, f = totals
    print(f"| all | {n} | {lost} of {b} | {left} of {f} |")
    if args.verbose and detail:
        print()
        print("\n".join(detail))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Score the packs on the real-page sets in ../shared, per input variant and per fold.

    python bench/accuracy.py                      # every set, every variant, both folds
    python bench/accuracy.py --markdown           # the README's tables
    python bench/accuracy.py --folds 1            # no split: each set whole
    python bench/accuracy.py --sets bench --variants input_tight --show-lost
    python bench/accuracy.py --disable outside-body --rules extra.yaml

Sets (each ``articles/<id>/`` with the three input variants):

- ``bench``: ../shared/bench, news pages with human-annotated bodies (Zyte's benchmark);
- ``readability``: ../shared/bench-readability, Mozilla Readability's test pages
  (blogs, docs, wiki, recipes), truth a reviewed extraction;
- ``snippets``: ../shared/bench-snippets, trafilatura's evaluation pages (mostly German),
  scored by ``with`` snippets kept and ``without`` snippets removed.

Variants: ``input`` (the article container), ``input_tight`` (the body block only: do
no harm), ``input_traf`` (trafilatura's extraction: what users who run an extractor
first give us). A set scores the variants it has.

**Folds.** ``--folds 2`` (the default) splits every set by a hash of the page id
into folds A and B and scores each alone. A threshold, weight or rule is chosen on
one fold and must hold on the other: the gain it brings where it was chosen must
show on the other fold (at least half of it), and lost lines must not rise on either.

It uses only the input text to clean; ``truth.txt`` and ``snippets.json`` are read
by the sets' own scorers (imported from ``../shared``) and by the lost-line report.

**What was lost, and by whom.** Every clean input line (as the scorer defines it)
that is missing from the output is traced to the rule whose removal took it; the
report lists each with its page, so a person can read them. ``--show-lost`` prints
them; they are always written to ``OUT/lost.md``. Dirty lines the cleaner left are
counted by family (a rough guess from their words: caption or credit, read-more,
share, byline, ...), written to ``OUT/dirty-left.md``.

``--check`` compares the figures with issue 18's targets and exits 1 when one is
missed.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import regex

from cleaner import Cleaner
from cleaner.learn import Learner, site_of

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = {
    "bench": ("bench", "bench/score.py"),
    "readability": ("bench-readability", "bench/score.py"),
    "snippets": ("bench-snippets", "bench-snippets/score_snippets.py"),
}
VARIANTS = ("input", "input_tight", "input_traf")

# issue 18's targets: (set, variant) -> (min gain over doing nothing, or an absolute
# floor given as ("abs", F1), max % of clean lines lost).
TARGETS: dict[tuple[str, str], tuple[tuple[str, float], float]] = {
    ("bench", "input"): (("abs", 0.955), 1.0),
    ("bench", "input_tight"): (("gain", 0.003), 0.5),
    ("bench", "input_traf"): (("gain", 0.003), 0.5),
    ("readability", "input"): (("gain", 0.015), 1.5),
    ("readability", "input_tight"): (("gain", 0.0), 1.0),
    ("readability", "input_traf"): (("gain", 0.0), 1.0),
}

# Rough families for the dirty lines left, first match wins. Only for reading the
# report: nothing in the cleaner uses them.
FAMILIES = [
    (
        "caption or credit",
        r"\b(?:photo|image|picture|getty|reuters|afp|ap photo|epa|credit|"
        r"supplied|foto|bild|file|shutterstock|istock)\b|\(\s*[LRC]\s*\)",
    ),
    (
        "read more or related",
        r"\b(?:read|related|see also|more from|recommended|also|"
        r"weiterlesen|lire|leer|mehr)\b",
    ),
    (
        "share, follow, subscribe",
        r"\b(?:share|follow|subscribe|sign up|newsletter|facebook|"
        r"twitter|whatsapp|telegram|email|tweet|pinterest|linkedin)\b",
    ),
    (
        "byline or date",
        r"^(?:by|von|par|por)\b|\b(?:updated|published|posted|\d{1,2}:\d\d|"
        r"20\d\d|19\d\d)\b",
    ),
    ("ad or reading furniture", r"\b(?:advert\w*|sponsored|anzeige|min read|listen)\b"),
    ("tags, bio, comments", r"\b(?:tags?|topics?|comments?|reply|says|filed)\b"),
    ("copyright or footer", r"©|\b(?:copyright|rights reserved|reporting by|editing by)\b"),
]
_FAMILIES = [(name, regex.compile(p, regex.I)) for name, p in FAMILIES]
_TOKEN = regex.compile(r"\w+")


def family(line: str) -> str:
    for name, pattern in _FAMILIES:
        if pattern.search(line):
            return name
    n = len(_TOKEN.findall(line))
    return "other, 1-4 words" if n <= 4 else "other, 5-12 words" if n <= 12 else "other, longer"


def fold_of(page_id: str, folds: int) -> str:
    """The page's fold: a stable hash of its id (A, B, ...)."""
    if folds <= 1:
        return "all"
    h = int(hashlib.sha256(page_id.encode("utf-8")).hexdigest()[:8], 16)
    return "ABCDEFGH"[h % folds]


def load_scorer(set_name: str) -> ModuleType:
    _, script = SETS[set_name]
    path = SHARED / script
    spec = importlib.util.spec_from_file_location(f"_score_{set_name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Lost:
    set: str
    variant: str
    page: str
    rule: str
    line: str


@dataclass
class Cell:
    """One set x variant x fold: the scorer's aggregates for doing nothing and cleaner."""

    base: dict
    clean: dict
    lost_by_rule: Counter = field(default_factory=Counter)


def key(line: str) -> str:
    return " ".join(_TOKEN.findall(line))


def rules_by_line(text: str, result) -> dict[int, str]:
    """Input line (1-based) -> the rule that removed the paragraph on it (spans aside)."""
    by_line: dict[int, str] = {}
    paragraphs = result.paragraphs
    for r in result.removals:
        if r.span is not None:
            continue
        for i in r.paragraphs:
            by_line.setdefault(paragraphs[i].line, r.rule)
    return by_line


def lost_lines(inp: str, truth: str, out: str, titles, by_line: dict[int, str]):
    """(rule, line) for each clean input line missing from the output (score.py's rules)."""
    title_keys = {key(t) for t in titles}
    truth_s = " " + key(truth) + " "
    truth_lines = {key(ln) for ln in truth.splitlines()}
    out_lines = {key(ln) for ln in out.splitlines()}
    out_s = " " + key(out) + " "
    lost, dirty_left = [], []
    for lineno, ln in enumerate(regex.split(r"\r\n|\r|\n", inp), 1):
        k = key(ln)
        if not k or k in title_keys:
            continue
        n = len(k.split())
        present = k in out_lines or (n >= 4 and f" {k} " in out_s)
        clean = k in truth_lines or (n >= 4 and f" {k} " in truth_s)
        if clean and not present:
            lost.append((by_line.get(lineno, "(normalization or span)"), ln.strip()))
        elif not clean and present:
            dirty_left.append(ln.strip())
    return lost, dirty_left


def snippet_losses(inp: str, out: str, snippets: dict, by_line: dict[int, str], nrm):
    """(rule, snippet) for each ``with`` snippet in the input and not in the output."""
    n_in, n_out = nrm(inp), nrm(out)
    lines = regex.split(r"\r\n|\r|\n", inp)
    lost = []
    for s in snippets.get("with", []):
        s = nrm(s)
        if not s or s not in n_in or s in n_out:
            continue
        rule = "(normalization or span)"
        for lineno, ln in enumerate(lines, 1):
            if (s in nrm(ln) or (nrm(ln) in s and nrm(ln))) and lineno in by_line:
                rule = by_line[lineno]
                break
        lost.append((rule, s))
    return lost


def learned_cleaner(pages: list[Path], variant: str, out: Path, base: list[str]) -> Cleaner:
    """Learn from the inputs alone (never truth.txt); a Cleaner with the learned pack too."""
    learner = Learner(Cleaner(packs=base, max_removed=None))
    for page in pages:
        src = page / f"{variant}.txt"
        meta = json.loads((page / "meta.json").read_text(encoding="utf-8"))
        learner.add(src.read_text(encoding="utf-8"), site_of(meta.get("url", "") or ""))
    if not learner.learned():
        return Cleaner(packs=base)
    pack = out / f"learned-{variant}.yaml"
    pack.write_text(learner.pack(f"bench {variant}.txt"), encoding="utf-8")
    return Cleaner(packs=[*base, str(pack)])


def run_set(
    set_name: str,
    args,
    cleaner: Cleaner,
    out: Path,
    lost_all: list[Lost],
    dirty_all: Counter,
    dirty_examples: dict,
) -> dict[tuple[str, str], Cell]:
    scorer = load_scorer(set_name)
    root = SHARED / SETS[set_name][0] / "articles"
    pages = sorted(p for p in root.iterdir() if p.is_dir())
    cells: dict[tuple[str, str], Cell] = {}
    snippet_set = set_name == "snippets"
    for variant in args.variants:
        have = [p for p in pages if (p / f"{variant}.txt").exists()]
        if not have:
            continue
        use = cleaner
        if args.learn:
            use = learned_cleaner(have, variant, out, args.packs)
        by_fold: dict[str, list[Path]] = defaultdict(list)
        for p in have:
            by_fold[fold_of(p.name, args.folds)].append(p)
        dest = out / set_name / variant
        dest.mkdir(parents=True, exist_ok=True)
        for fold, fold_pages in sorted(by_fold.items()):
            eval_dir = out / "eval" / set_name / variant / fold
            eval_dir.mkdir(parents=True, exist_ok=True)
            pred = dest / fold
            pred.mkdir(parents=True, exist_ok=True)
            lost_by_rule: Counter = Counter()
            for page in fold_pages:
                link = eval_dir / page.name
                if not link.exists():
                    link.symlink_to(page)
                text = (page / f"{variant}.txt").read_text(encoding="utf-8")
                result = use.clean(text)
                (pred / f"{page.name}.txt").write_text(result.text, encoding="utf-8")
                by_line = rules_by_line(text, result)
                if snippet_set:
                    sn = json.loads((page / "snippets.json").read_text(encoding="utf-8"))
                    lost = snippet_losses(text, result.text, sn, by_line, scorer.nrm)
                else:
                    meta = json.loads((page / "meta.json").read_text(encoding="utf-8"))
                    truth = (page / "truth.txt").read_text(encoding="utf-8")
                    out_text = scorer.drop_headline(result.text, meta.get("titles", []))
                    lost, dirty = lost_lines(text, truth, out_text, meta.get("titles", []), by_line)
                    for ln in dirty:
                        fam = family(ln)
                        dirty_all[(set_name, variant, fam)] += 1
                        dirty_examples.setdefault((set_name, variant, fam), []).append(
                            (page.name, ln)
                        )
                for rule, ln in lost:
                    lost_by_rule[rule] += 1
                    lost_all.append(Lost(set_name, variant, page.name, rule, ln))
            if snippet_set:
                base = scorer.aggregate(scorer.score(eval_dir, None, f"{variant}.txt", "all", True))
                got = scorer.aggregate(scorer.score(eval_dir, pred, f"{variant}.txt", "all", False))
            else:
                base = scorer.aggregate(
                    scorer.score(eval_dir, None, f"{variant}.txt", "all", False, True)
                )
                got = scorer.aggregate(
                    scorer.score(eval_dir, pred, f"{variant}.txt", "all", False, False)
                )
            cells[(variant, fold)] = Cell(base, got, lost_by_rule)
    return cells


def text_table(set_name: str, cells: dict[tuple[str, str], Cell], markdown: bool) -> list[str]:
    rows = []
    if set_name == "snippets":
        head = [
            "input",
            "fold",
            "pages",
            "do nothing F1",
            "cleaner F1",
            "with kept",
            "without removed",
            "with lost (snippets)",
        ]
        for (variant, fold), c in sorted(cells.items()):
            lost = c.clean["with"] - round(c.clean["with"] * c.clean["with_kept_pct"] / 100)
            rows.append(
                [
                    f"{variant}.txt",
                    fold,
                    str(c.clean["n_docs"]),
                    f"{c.base['F1']:.3f}",
                    f"{c.clean['F1']:.3f}",
                    f"{c.clean['with_kept_pct']:.1f}%",
                    f"{c.clean['without_removed_pct']:.1f}%",
                    str(lost),
                ]
            )
    else:
        head = [
            "input",
            "fold",
            "pages",
            "do nothing",
            "cleaner",
            "gain",
            "dirty lines left",
            "clean lines lost",
        ]
        for (variant, fold), c in sorted(cells.items()):
            b, g = c.base["tok_macro_F1"], c.clean["tok_macro_F1"]
            rows.append(
                [
                    f"{variant}.txt",
                    fold,
                    str(c.clean["n_docs"]),
                    f"{b:.3f}",
                    f"{g:.3f}",
                    f"{g - b:+.3f}",
                    f"{c.clean['dirty_left_pct']:.1f}%",
                    f"{c.clean['clean_lost_pct']:.1f}% ({c.clean['clean_lost']}"
                    f"/{c.clean['clean']})",
                ]
            )
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return out
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*head)] + [fmt.format(*r) for r in rows]


def check(set_name: str, cells: dict[tuple[str, str], Cell]) -> list[str]:
    misses = []
    for (variant, fold), c in sorted(cells.items()):
        target = TARGETS.get((set_name, variant))
        if target is None:
            continue
        (how, value), max_lost = target
        b, g = c.base["tok_macro_F1"], c.clean["tok_macro_F1"]
        floor = value if how == "abs" else b + value
        where = f"{set_name} {variant}.txt fold {fold}"
        if g < floor - 1e-9:
            misses.append(f"{where}: F1 {g:.3f} < {floor:.3f}")
        if c.clean["clean_lost_pct"] > max_lost + 1e-9:
            misses.append(f"{where}: lost {c.clean['clean_lost_pct']:.2f}% > {max_lost}%")
    return misses


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--sets", default="bench,readability,snippets", help="comma-separated: " + ", ".join(SETS)
    )
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--folds", type=int, default=2, help="1 scores each set whole")
    ap.add_argument("--out", default="/tmp/cleaner-accuracy")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument(
        "--rules",
        action="append",
        default=[],
        help="an extra pack, added to the packs (repeatable)",
    )
    ap.add_argument("--packs", default="default", help="comma-separated base packs")
    ap.add_argument("--disable", action="append", default=[], help="a rule id to switch off")
    ap.add_argument(
        "--learn",
        action="store_true",
        help="learn repeated lines from each set's inputs first (as run --learn)",
    )
    ap.add_argument("--show-lost", action="store_true", help="print every lost line")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target of issue 18 is missed")
    ap.add_argument("--json", help="write every cell's figures here")
    args = ap.parse_args()
    args.sets = [s for s in args.sets.split(",") if s]
    args.variants = [v for v in args.variants.split(",") if v]
    args.packs = [*args.packs.split(","), *args.rules]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cleaner = Cleaner(packs=args.packs, disable=args.disable)
    lost_all: list[Lost] = []
    dirty_all: Counter = Counter()
    dirty_examples: dict = {}
    misses: list[str] = []
    dump = {}
    for set_name in args.sets:
        cells = run_set(set_name, args, cleaner, out, lost_all, dirty_all, dirty_examples)
        print(f"\n## {set_name} ({SETS[set_name][0]})\n")
        print("\n".join(text_table(set_name, cells, args.markdown)))
        if set_name != "snippets":
            misses += check(set_name, cells)
        dump[set_name] = {
            f"{v}/{f}": {"base": c.base, "clean": c.clean} for (v, f), c in cells.items()
        }
    print("\n## Clean lines lost, by rule (all folds)\n")
    by = Counter((x.set, x.variant, x.rule) for x in lost_all)
    for (s, v, rule), n in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        print(f"- {s} {v}.txt: {rule}: {n}")
    print("\n## Clean lines lost, by family (all folds; a rough guess from their words)\n")
    print(
        "Lines the truth keeps that look like a furniture family POLICY drops (a "
        "caption credit, a byline, a read-more link) are usually annotation choices; "
        "the 'other' rows are where body text is lost.\n"
    )
    fams = Counter((x.set, x.variant, family(x.line)) for x in lost_all)
    for (s, v, fam), n in sorted(fams.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        print(f"- {s} {v}.txt: {fam}: {n}")
    lines = ["# Clean lines lost (snippets: `with` snippets lost)\n"]
    for x in sorted(lost_all, key=lambda x: (x.set, x.variant, x.rule, x.page)):
        lines.append(f"- {x.set} {x.variant} [{x.rule}] {x.page}: {x.line}")
    (out / "lost.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.show_lost:
        print("\n" + "\n".join(lines[1:]))
    dl = ["# Dirty lines left, by family\n"]
    for (s, v, fam), n in sorted(dirty_all.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        dl.append(f"\n## {s} {v}.txt: {fam}: {n}\n")
        dl += [f"- {p}: {ln}" for p, ln in dirty_examples[(s, v, fam)]]
    (out / "dirty-left.md").write_text("\n".join(dl) + "\n", encoding="utf-8")
    print("\n## Dirty lines left, by family (all folds)\n")
    for (s, v, fam), n in sorted(dirty_all.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
        print(f"- {s} {v}.txt: {fam}: {n}")
    print(f"\nlost lines: {out / 'lost.md'}; dirty lines left: {out / 'dirty-left.md'}")
    if args.json:
        Path(args.json).write_text(json.dumps(dump, indent=1), encoding="utf-8")
    if args.check:
        print("\n## Targets (issue 18)\n")
        print("\n".join(f"- missed: {m}" for m in misses) or "- all met")
        return 1 if misses else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

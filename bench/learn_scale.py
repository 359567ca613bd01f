"""How `cleaner learn` scales: documents, seconds, memory, on a generated multi-site corpus.

    python bench/learn_scale.py                      # 10k, 30k and 100k documents
    python bench/learn_scale.py --docs 5000 20000    # other sizes

Each corpus is a JSONL file of pages from 200 made-up sites. A page is a
random mix of real paragraphs (examples/ and ../shared/bench inputs), each
with two words changed so that pages share no body line, wrapped in its
site's furniture: a top bar, a newsletter sentence, a "More from" header and
a footer, some with numbers that vary.
A tenth of the pages also carry one of a few wire stories, printed word for
word by many sites, and a quote shared by several articles. `cleaner learn
-j 2` runs on each; the table gives wall time, documents/s, the peak memory
of all its processes, and what it learned: site furniture found, and any
line of the wire stories or the quote (there should be none). Written to
bench/LEARN.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

import psutil
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from soak import tree_rss  # noqa: E402
from speed import _sources  # noqa: E402

SITES = 200
WIRE = [
    [
        "The central bank raised its main interest rate by a quarter point on Wednesday, "
        "its third increase this year.",
        "Rate rise expected",
        "Economists had expected the move, and markets barely moved after it was announced.",
    ],
    [
        "Floodwaters began to recede on Sunday across the northern valley, officials said.",
        "Rebuilding begins",
        "Crews cleared roads into the town for the first time in a week.",
    ],
]
QUOTE = "\u201cWe will rebuild every home that was lost,\u201d the governor said on Tuesday."


def furniture(site: int, rng: random.Random) -> tuple[list[str], list[str]]:
    # Names without digits (digits are one number to a line key): Site bcd News.
    name = "Site " + "".join("abcdefghij"[int(d)] for d in f"{site:03d}") + " News"
    top = [f"{name} | World | Business | Opinion", f"Today's paper: {name} weekend edition"]
    bottom = [
        f"Get the {name} briefing in your inbox every morning.",
        f"More from {name}",
        f"Page {rng.randint(2, 40)} of the print edition",
    ]
    return top, bottom


def build(path: Path, docs: int, seed: int = 11) -> int:
    rng = random.Random(seed)
    pool = sorted({p for s in _sources() for p in s.split("\n") if len(p.split()) >= 6})
    vocabulary = sorted({w for p in pool for w in p.split() if w.isalpha()})

    def unique(paragraph: str) -> str:
        # Pages of a real corpus do not share body lines: each sampled paragraph
        # gets two of its words replaced, so it is not repeated across pages.
        words = paragraph.split()
        for _ in range(2):
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        return " ".join(words)

    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(docs):
            site = rng.randrange(SITES)
            top, bottom = furniture(site, rng)
            body = [unique(p) for p in rng.sample(pool, rng.randint(4, 9))]
            if i % 10 == 0:
                body[1:1] = rng.choice(WIRE)
            if i % 17 == 0:
                body.insert(2, QUOTE)
            text = "\n".join([*top, *body, *bottom]) + "\n"
            line = json.dumps({"url": f"https://site{site}.example/{i}", "text": text}) + "\n"
            out.write(line)
            size += len(line)
    return size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    ap.add_argument("--folder", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")))
    ap.add_argument("--out", type=Path, default=HERE / "LEARN.md")
    args = ap.parse_args()
    rows = []
    for n in args.docs:
        corpus = args.folder / f"cleaner-learn-{n}.jsonl"
        size = build(corpus, n)
        pack = args.folder / f"cleaner-learn-{n}.yaml"
        started = time.perf_counter()
        proc = psutil.Popen(["cleaner", "learn", str(corpus), "-o", str(pack), "-j", "2", "-q"])
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc)[0])
            time.sleep(0.2)
        seconds = time.perf_counter() - started
        rules = (
            yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]
            if proc.returncode == 0
            else []
        )
        texts = {line["text"] for r in rules for line in r["lines"]}
        furniture_lines = sum(1 for t in texts if "Site" in t or "Page" in t or "paper" in t)
        leaked = sorted(t for t in texts if t == QUOTE or any(t in w for w in WIRE))
        rows.append((n, size, seconds, peak, len(texts), furniture_lines, leaked))
        print(rows[-1], flush=True)
    lines = [
        "# How `cleaner learn` scales",
        "",
        f"`python bench/learn_scale.py` on {time.strftime('%Y-%m-%d')}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores, `cleaner learn CORPUS -j 2`. "
        f"{SITES} sites; every page has 5 furniture lines of its site; a tenth carry a wire "
        "story printed by many sites, one in 17 a shared quote.",
        "",
        "| documents | MB | seconds | docs/s | peak RSS, all processes | lines learned | "
        "of them site furniture | wire or quote lines learned |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, size, seconds, peak, learned, furn, leaked in rows:
        lines.append(
            f"| {n:,} | {size / 1e6:,.0f} | {seconds:,.0f} | {n / seconds:,.0f} | "
            f"{peak / 2**20:,.0f} MiB | {learned:,} | {furn:,} | {len(leaked)} |"
        )
    report = "\n".join(lines) + "\n"
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Soak: 1 GB of JSONL (or Parquet) through `cleaner run` with 2 workers; memory must stay flat.

    python bench/soak.py                    # 1 GB JSONL (about 4 minutes to build, then the run)
    python bench/soak.py --mb 200           # a quicker look
    python bench/soak.py --format parquet   # the same documents as one Parquet file

Builds (or reuses) a JSONL corpus of varied pages (the same generator as
bench/speed.py), runs `cleaner run IN OUT -j 2 -q`, and samples the resident
memory of the run's whole process tree (main process and workers) every half
second. Writes bench/SOAK.md: throughput, peak memory, and memory over the
run (by tenths of the elapsed time), so a leak or an unbounded queue shows as
a rising line. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import _sources, _vary  # noqa: E402

DEFAULT = Path(os.environ.get("TMPDIR", "/tmp")) / "cleaner-soak"


def build(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Write (or reuse) the JSONL corpus; return (documents, bytes)."""
    stamp = path.with_suffix(".json")
    if path.exists() and stamp.exists():
        meta = json.loads(stamp.read_text())
        if meta["mb"] == megabytes:
            return meta["docs"], meta["bytes"]
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources = _sources()
    docs = size = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            text = "\n".join(_vary(rng.choice(sources), rng) for _ in range(rng.randint(1, 2)))
            line = json.dumps({"id": docs, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            docs += 1
    stamp.write_text(json.dumps({"mb": megabytes, "docs": docs, "bytes": size}))
    return docs, size


def to_parquet(jsonl: Path, rows: int = 2000) -> Path:
    """The JSONL corpus as one zstd Parquet file, streamed row group by row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = jsonl.with_suffix(".parquet")
    if path.exists() and path.stat().st_mtime >= jsonl.stat().st_mtime:
        return path
    schema = pa.schema([("id", pa.int64()), ("text", pa.string())])
    tmp = path.with_suffix(".tmp")
    with (
        open(jsonl, encoding="utf-8") as src,
        pq.ParquetWriter(tmp, schema, compression="zstd") as out,
    ):
        batch: list[dict] = []
        for line in src:
            batch.append(json.loads(line))
            if len(batch) == rows:
                out.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            out.write_table(pa.Table.from_pylist(batch, schema=schema))
    tmp.replace(path)
    return path


def tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(RSS of the whole tree, RSS of its largest process), in bytes."""
    total = largest = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            rss = p.memory_info().rss
        except psutil.Error:
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=1000.0, help="corpus size in MB (default 1000)")
    ap.add_argument("--folder", type=Path, default=DEFAULT)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument(
        "--out", type=Path, default=None, help="default: bench/SOAK.md, SOAK-parquet.md"
    )
    args = ap.parse_args()
    parquet = args.format == "parquet"
    args.out = args.out or HERE / ("SOAK-parquet.md" if parquet else "SOAK.md")

    corpus = args.folder / "corpus.jsonl"
    started = time.perf_counter()
    docs, size = build(corpus, args.mb)
    if parquet:
        corpus = to_parquet(corpus)
    print(
        f"corpus: {docs:,} documents, {size / 1e6:,.0f} MB ({time.perf_counter() - started:.0f}s)"
    )
    output = args.folder / ("clean.parquet" if parquet else "clean.jsonl")
    output.unlink(missing_ok=True)
    cmd = ["cleaner", "run", str(corpus), str(output), "-j", str(args.workers), "-q"]
    samples: list[tuple[float, int, int]] = []
    started = time.perf_counter()
    proc = psutil.Popen(cmd, stderr=subprocess.PIPE)
    while proc.poll() is None:
        total, largest = tree_rss(proc)
        samples.append((time.perf_counter() - started, total, largest))
        time.sleep(0.5)
    elapsed = time.perf_counter() - started
    errors = proc.stderr.read().decode(errors="replace").splitlines()
    if not output.exists():
        print("the run wrote no output:", *errors[-5:], sep="\n")
        return 1
    peak_total = max(s[1] for s in samples)
    peak_one = max(s[2] for s in samples)
    tenths = []
    for k in range(1, 10):
        at = elapsed * k / 10
        nearest = min(samples, key=lambda s: abs(s[0] - at))
        tenths.append(f"{nearest[1] / 2**20:,.0f}")
    mib = 2**20
    report = "\n".join(
        [
            f"# Soak: a large {'Parquet file' if parquet else 'JSONL'} through `cleaner run`",
            "",
            f"`python bench/soak.py --mb {args.mb:g}{' --format parquet' if parquet else ''}` "
            f"on {time.strftime('%Y-%m-%d')}, "
            f"Python {platform.python_version()}, {os.cpu_count()} cores, "
            f"`cleaner run {corpus.name} {output.name} -j {args.workers} -q`"
            + (
                f" ({size / 1e6:,.0f} MB of text as JSONL, {corpus.stat().st_size / 1e6:,.0f} MB "
                "as zstd Parquet in row groups of 2,000 rows)."
                if parquet
                else "."
            ),
            "",
            "| documents | MB in | seconds | MB/s | docs/s | peak RSS, all processes | "
            "peak RSS, largest process | exit | error lines |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| {docs:,} | {size / 1e6:,.0f} | {elapsed:,.0f} | {size / 1e6 / elapsed:.2f} | "
            f"{docs / elapsed:,.0f} | {peak_total / mib:,.0f} MiB | {peak_one / mib:,.0f} MiB | "
            f"{proc.returncode} | {len(errors):,} |",
            "",
            "Resident memory of all processes (MiB) at each tenth of the run:",
            "",
            "| " + " | ".join(f"{k}0%" for k in range(1, 10)) + " |",
            "|" + "---|" * 9,
            "| " + " | ".join(tenths) + " |",
            "",
            "Error lines are documents reported on stderr (records that come out empty "
            "after cleaning: the generator mixes in all-boilerplate pages on purpose).",
            "",
        ]
    )
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

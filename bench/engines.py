"""Throughput of cleaner inside the engines it plugs into, on one machine.

    python bench/engines.py               # 4,000 documents of the speed corpus
    python bench/engines.py --docs 1000   # a quicker look

Needs the extras: pip install '.[datatrove,ray,spark]' (and Java for Spark). An
engine that is not installed is listed as not run.

Every engine cleans the same JSONL records of bench/speed.py's corpus with the
default packs and 2 workers: `cleaner run -j 2`, datatrove's
LocalPipelineExecutor (2 tasks, CleanerFormatter), Spark local[2] (mapInArrow,
clean_dataframe) and Ray Data with 2 CPUs (map_batches, CleanBatch). Each reads
the records and writes them back cleaned.

An engine's start-up (a JVM, a Ray cluster, processes and imports) would
swamp a few seconds of cleaning, so each engine runs twice on the records:
once on the first --small of them and once on all, and the throughput is
the extra megabytes over the extra seconds. Each engine first runs one
warm-up job; Spark and Ray keep one session for all jobs, `cleaner run` and
datatrove start a fresh process for each. Every measure runs --repeats times (3) and the median
counts. Writes bench/ENGINES.md. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import speed  # noqa: E402  (bench/speed.py: the corpus)

OUT = HERE / "ENGINES.md"
WORKERS = 2


def write_inputs(corpus: Path, folder: Path, docs: int, small: int) -> dict[str, tuple[Path, int]]:
    """The first ``small`` and ``docs`` records as JSONL, each as one file and as two parts."""
    lines = []
    with open(corpus / "corpus.jsonl", encoding="utf-8") as f:
        for line in f:
            lines.append(line)
            if len(lines) == docs:
                break
    out = {}
    for name, count in (("small", small), ("big", len(lines))):
        chosen = lines[:count]
        one = folder / name / "all.jsonl"
        parts = folder / name / "parts"
        parts.mkdir(parents=True)
        one.write_text("".join(chosen), encoding="utf-8")
        for k in range(WORKERS):  # datatrove: one file per task
            (parts / f"part{k}.jsonl").write_text("".join(chosen[k::WORKERS]), encoding="utf-8")
        out[name] = (folder / name, sum(len(x.encode("utf-8")) for x in chosen))
    return out


# --- one engine, in its own process --------------------------------------------------


def job_cleaner_run(inputs: Path, scratch: Path) -> None:
    target = scratch / "out.jsonl"
    subprocess.run(
        ["cleaner", "run", str(inputs / "all.jsonl"), str(target), "-j", str(WORKERS), "-q"],
        check=False,  # exit 1: some records come out empty (reported, not an error here)
        capture_output=True,
    )
    if not target.exists():
        raise RuntimeError("cleaner run wrote nothing")


def job_datatrove(inputs: Path, scratch: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerFormatter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(inputs / "parts")),
            CleanerFormatter(),
            JsonlWriter(str(scratch / "out"), compression=None),
        ],
        tasks=WORKERS,
        workers=WORKERS,
        logging_dir=str(scratch / "logs"),
    ).run()


def session_cleaner_run():
    return job_cleaner_run, None  # the command: a fresh process per run


def session_datatrove():
    def job(inputs: Path, scratch: Path) -> None:
        # A fresh process per run, as a user's job is.
        subprocess.run([sys.executable, __file__, "--job", str(inputs), str(scratch)], check=True)

    return job, None


def session_spark():
    from pyspark.sql import SparkSession

    from cleaner import Cleaner
    from cleaner.integrations.spark import clean_dataframe

    spark = (
        SparkSession.builder.master(f"local[{WORKERS}]")
        .appName("cleaner-bench")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    cleaner = Cleaner()

    def job(inputs: Path, scratch: Path) -> None:
        df = spark.read.json(str(inputs / "all.jsonl")).repartition(4 * WORKERS)
        clean_dataframe(df, cleaner=cleaner).write.mode("overwrite").json(str(scratch / "out"))

    return job, spark.stop


def session_ray():
    import ray

    from cleaner import Cleaner
    from cleaner.integrations.ray import CleanBatch

    ray.init(num_cpus=WORKERS, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    cleaner = Cleaner()

    def job(inputs: Path, scratch: Path) -> None:
        # An instance: stateless tasks, as the README shows (an actor pool of
        # WORKERS would hold both CPUs and leave none to read and write).
        # One file is one read task: split it, as for Spark, so both CPUs clean.
        ray.data.read_json(str(inputs / "all.jsonl")).repartition(4 * WORKERS).map_batches(
            CleanBatch(cleaner=cleaner), batch_format="pandas"
        ).write_json(str(scratch / "out"))

    return job, ray.shutdown


#: name: (module it needs, session: () -> (job(inputs, scratch), stop or None))
ENGINES = {
    "cleaner run JSONL, 2 workers": ("cleaner run", session_cleaner_run),
    "datatrove LocalPipelineExecutor, 2 tasks": ("datatrove", session_datatrove),
    "Spark local[2], mapInArrow": ("pyspark", session_spark),
    "Ray Data, 2 CPUs, map_batches": ("ray", session_ray),
}


def one(name: str, small: Path, big: Path, repeats: int) -> dict:
    """Run in a fresh process: seconds for the small and the big input, per repeat."""
    times: dict[str, list[float]] = {"small": [], "big": []}
    job, stop = ENGINES[name][1]()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            job(small, Path(scratch))  # warm-up: the first job pays for the JVM's or Ray's start
        for _ in range(repeats):
            for label, inputs in (("small", small), ("big", big)):
                with tempfile.TemporaryDirectory() as scratch:
                    start = time.perf_counter()
                    job(inputs, Path(scratch))
                    times[label].append(time.perf_counter() - start)
    finally:
        if stop is not None:
            stop()
    return times


def available(module: str) -> str | None:
    """Why an engine cannot run here, or None."""
    if module == "cleaner run":
        return None if shutil.which("cleaner") else "the cleaner command is not on PATH"
    try:
        __import__(module)
    except ImportError:
        return f"{module} is not installed"
    if module == "pyspark" and shutil.which("java") is None:
        return "Spark needs Java"
    return None


def table(results: list[dict], sizes: dict[str, int], docs: int, small: int) -> str:
    mb_small, mb_big = sizes["small"] / 1e6, sizes["big"] / 1e6
    lines = [
        "# cleaner inside the engines",
        "",
        f"Written by `python bench/engines.py` on {time.strftime('%Y-%m-%d')}, "
        f"{WORKERS} workers on this machine. {docs:,} documents ({mb_big:.1f} MB of JSONL) "
        f"of bench/speed.py's corpus; start-up taken out by a run on the first {small} "
        f"({mb_small:.2f} MB): MB/s is the extra megabytes over the extra seconds, "
        "median of the repeats. Each engine runs one warm-up job first; Spark and Ray "
        "run every job in one session started before the timing, `cleaner run` and "
        "datatrove start a fresh process for each run, as a user's job would.",
        "",
        "| engine | MB/s | seconds, all documents | seconds, first few | runs, MB/s |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['name']} | not run: {r['error']} | | | |")
            continue
        rates = [
            (mb_big - mb_small) / (b - s)
            for s, b in zip(r["times"]["small"], r["times"]["big"], strict=True)
        ]
        lines.append(
            f"| {r['name']} | {statistics.median(rates):.2f} "
            f"| {statistics.median(r['times']['big']):.1f} "
            f"| {statistics.median(r['times']['small']):.1f} "
            f"| {', '.join(f'{x:.2f}' for x in rates)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=4000, help="documents to clean (4000)")
    ap.add_argument("--small", type=int, default=100, help="documents of the start-up run (100)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=speed.DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: one engine, in its own process
    ap.add_argument("--job", action="store_true", help=argparse.SUPPRESS)  # a datatrove run
    ap.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.job:
        job_datatrove(Path(args.paths[0]), Path(args.paths[1]))
        return 0
    if args.one:
        small, big = (Path(p) for p in args.paths)
        print(json.dumps(one(args.one, small, big, args.repeats)))
        return 0
    speed.build_corpus(args.corpus, 100.0)
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {}
        inputs = write_inputs(args.corpus, Path(tmp), args.docs, args.small)
        for label, (_, size) in inputs.items():
            sizes[label] = size
        results = []
        for name, (module, _) in ENGINES.items():
            print(f"... {name}", file=sys.stderr, flush=True)
            why = available(module)
            if why:
                results.append({"name": name, "error": why})
                continue
            run = subprocess.run(
                [
                    *(sys.executable, __file__, "--one", name, "--repeats", str(args.repeats)),
                    *(str(inputs["small"][0]), str(inputs["big"][0])),
                ],
                capture_output=True,
                text=True,
            )
            if run.returncode != 0:
                tail = (run.stderr.strip().splitlines() or ["failed"])[-1]
                results.append({"name": name, "error": tail[:80]})
                continue
            results.append({"name": name, "times": json.loads(run.stdout.strip().splitlines()[-1])})
    text = table(results, sizes, args.docs, args.small)
    print(text)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

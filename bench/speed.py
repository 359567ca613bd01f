"""Speed of cleaner beside its peers, on one corpus, in one run.

    python bench/speed.py                 # ~100 MB, 20,000 documents (several minutes)
    python bench/speed.py --mb 20         # a quicker run
    python bench/speed.py --only cleaner  # just the measures whose name contains "cleaner"

Builds (or reuses) a corpus from examples/ and ../shared/bench/articles/*/input*.txt.
Each document is one source page (about 5 KB) with realistic variation:
shuffled paragraphs (30%), changed numbers (50%) and names (30%), and damage:
mojibake (10%: UTF-8 read as Windows-1252), HTML entities (10%), odd spaces
(10%). The corpus is written as a folder of .txt files and as one JSONL file;
corpus.json lists which documents got mojibake or entities.

Every measure then runs in a fresh subprocess on the same documents, so each
has its own peak memory:

- the I/O floor: read, decode, split and write, with no cleaning, for files (one
  file per document: on a slow disk, creating files is the limit) and for JSONL;
- Cleaner.clean in-process, and apart: its normalization alone
  (Cleaner.paragraphs), and Cleaner.clean on the documents without mojibake or
  entities (what ftfy has to repair is most of the difference);
- `cleaner run` folder to folder, JSONL to JSONL, and gzipped JSONL to gzipped JSONL,
  with 1 worker and with all cores;
- the peers, where installed (pip install '.[bench]'):
  - ftfy.fix_text;
  - jusText, with one <p> per line;
  - trafilatura, on the text wrapped as HTML;
  - clean-text;
  - datatrove's FTFY formatter;
  - datatrove's C4 filter.

The table gives MB/s, documents/s and peak RSS for each measure, and each rate as a
ratio to the I/O floor and to Cleaner.clean. It is printed and written to
bench/RESULTS.md. Times are wall-clock on a shared machine: compare ratios within a
run, not figures across runs. Measures that write files run three times
(--repeats) and the median counts: on the machines here, creating a file costs
0.02 ms on a settled disk and up to 0.5 ms for a while after many deletions.
Their outputs are kept until the whole run ends, for that reason. A `cleaner run`
measure with 1 worker and the same with all cores take turns (1, all, 1, all, ...),
and the speed-up a second worker gives is the median of each turn's ratio: the two
runs of a turn meet the disk in the same state. The other ratios that are targets are
measured the same way: `Cleaner.clean` compiled takes turns with the pure-Python
build, and on the real pages both take turns with `ftfy.fix_text` (three turns with
the default --repeats). In one afternoon here, single runs of the real-pages ratio
gave 5.01x, 4.34x, 3.69x and 4.66x (bench/PROFILE.md, session 13). Each of those
target ratios is printed in CPU time too (the in-process measures are one process
cleaning, so the time other jobs took from it is not in its CPU time): wall clock is
the target's measure, and the two side by side show how much of a spread was the
machine.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "articles"
DEFAULT_CORPUS = Path(os.environ.get("TMPDIR", "/tmp")) / "cleaner-speed-corpus"


# --- corpus ---------------------------------------------------------------------


def _sources() -> list[str]:
    files = sorted(ROOT.glob("examples/*/input.txt"))
    if BENCH.is_dir():
        files += sorted(BENCH.glob("*/input*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


#: Bumped when the corpus recipe changes, so an old corpus is built again.
CORPUS_VERSION = 2
NAMES = ["Araghchi", "Rubio", "Muscat", "Tehran", "Witkoff", "Oman", "Delhi", "Madrid"]
NEW_NAMES = ["Okafor", "Lindqvist", "Nakamura", "Ferreira", "Kowalski", "Haddad", "Moreau"]


def _vary(text: str, rng: random.Random, damage: set[str] | None = None) -> str:
    lines = text.splitlines()
    if rng.random() < 0.3:
        body = lines[1:]
        rng.shuffle(body)
        lines = lines[:1] + body
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.5:
        text = "".join(str(rng.randrange(10)) if ch.isdigit() else ch for ch in text)
    if rng.random() < 0.3:
        for old in NAMES:
            text = text.replace(old, rng.choice(NEW_NAMES))
    damage = set() if damage is None else damage
    if rng.random() < 0.1:  # mojibake: UTF-8 read as Windows-1252
        text = text.encode("utf-8").decode("cp1252", errors="replace")
        damage.add("mojibake")
    if rng.random() < 0.1:
        text = text.replace("’", "&#8217;").replace(" & ", " &amp; ")
        damage.add("entities")
    if rng.random() < 0.1:
        text = text.replace(" ", "\u00a0", 20).replace("\n", " \u200b\n", 5)
    return text


def build_corpus(
    folder: Path, megabytes: float, seed: int = 1, min_docs: int | None = None
) -> list[Path]:
    """Write (or reuse) the corpus; return the document paths. With ``min_docs``, a
    corpus of another size that holds that many documents is reused too (a measure
    that reads only the first ones need not replace a larger corpus)."""
    stamp = folder / "corpus.json"
    if stamp.exists():
        info = json.loads(stamp.read_text())
        if info.get("version") == CORPUS_VERSION and (
            info["mb"] == megabytes or (min_docs is not None and info["docs"] >= min_docs)
        ):
            return sorted((folder / "docs").rglob("*.txt"))
    if folder.exists():
        shutil.rmtree(folder)
    docs_dir = folder / "docs"
    rng = random.Random(seed)
    sources = _sources()
    size, n, paths = 0, 0, []
    damaged: list[int] = []
    folder.mkdir(parents=True)
    with open(folder / "corpus.jsonl", "w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            damage: set[str] = set()
            text = _vary(rng.choice(sources), rng, damage)
            if damage:
                damaged.append(n)
            path = docs_dir / f"{n // 1000:03}" / f"{n:06}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            out.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
            paths.append(path)
            size += len(text.encode("utf-8"))
            n += 1
    info = {"mb": megabytes, "docs": n, "bytes": size, "version": CORPUS_VERSION}
    stamp.write_text(json.dumps({**info, "damaged": damaged}))
    return paths


# --- measures (each runs in its own process) -------------------------------------


def _texts(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((corpus / "docs").rglob("*.txt"))]


def io_floor(corpus: Path, scratch: Path) -> None:
    start = time.perf_counter()
    for path in sorted((corpus / "docs").rglob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        target = scratch / path.relative_to(corpus / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps({"seconds": time.perf_counter() - start}))


def io_floor_jsonl(corpus: Path, scratch: Path) -> None:
    """The floor for JSONL runs: read, parse, split, dump and write one file."""
    start = time.perf_counter()
    with (
        open(corpus / "corpus.jsonl", encoding="utf-8") as src,
        open(scratch / "out.jsonl", "w", encoding="utf-8") as out,
    ):
        for line in src:
            record = json.loads(line)
            lines = [x.strip() for x in record["text"].splitlines() if x.strip()]
            record["text"] = "\n\n".join(lines) + "\n"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(json.dumps({"seconds": time.perf_counter() - start}))


def _time_each(fn_factory, texts: list[str], size: bool = True) -> None:
    """Time ``fn_factory()`` on every text and print the seconds (and MB, with ``size``)."""
    fn = fn_factory()
    cpu = time.process_time()
    start = time.perf_counter()
    for text in texts:
        fn(text)
    row = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}
    if size:  # a subset or another corpus: its own size
        row["mb"] = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(json.dumps(row))


def in_process(fn_factory):
    def measure(corpus: Path, scratch: Path) -> None:
        _time_each(fn_factory, _texts(corpus), size=False)

    return measure


def _cleaner():
    from cleaner import Cleaner

    return Cleaner().clean


#: Real pages: every input of the annotated sets (news, Readability), each as is.
REAL_SETS = ("bench/articles", "bench-readability/articles")
#: ... repeated, so that a measure runs long enough to time.
REAL_REPEATS = 5


def _real_pages() -> list[str]:
    texts = []
    for name in REAL_SETS:
        for path in sorted((ROOT.parent / "shared" / name).glob("*/input*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def real_pages(fn_factory):
    """``in_process`` on the real pages (not the speed corpus), repeated."""

    def measure(corpus: Path, scratch: Path) -> None:
        texts = _real_pages() * REAL_REPEATS
        if not texts:
            raise SystemExit("no real pages: ../shared/bench is not there")
        _time_each(fn_factory, texts)

    return measure


#: Measures whose name says so run the pure-Python source tree, beside the
#: installed build (compiled, when pip could compile it).
PURE = "pure-Python build"


def identity_check(corpus: Path) -> str:
    """Compiled and pure builds give the same output on every corpus document, or exit."""
    import hashlib

    import cleaner

    if cleaner.build() == "pure Python":
        return "Identity check: the installed build is pure Python; nothing to compare."
    script = (
        "import hashlib, json, sys\n"
        "import cleaner\n"
        "assert cleaner.build() == 'pure Python', cleaner.__file__\n"
        "c = cleaner.Cleaner()\n"
        "texts = [json.loads(line)['text'] for line in open(sys.argv[1], encoding='utf-8')]\n"
        "for t in texts: print(hashlib.sha256(c.clean(t).text.encode()).hexdigest())\n"
    )
    jsonl = corpus / "corpus.jsonl"
    pure = subprocess.run(
        [sys.executable, "-c", script, str(jsonl)],
        capture_output=True,
        text=True,
        env=_env(PURE),
        check=True,
    ).stdout.split()
    clean = cleaner.Cleaner().clean
    with open(jsonl, encoding="utf-8") as src:
        compiled = [
            hashlib.sha256(clean(json.loads(line)["text"]).text.encode()).hexdigest()
            for line in src
        ]
    differ = [i for i, (a, b) in enumerate(zip(compiled, pure, strict=True)) if a != b]
    if differ:
        raise SystemExit(f"identity check failed: documents {differ[:10]} differ between builds")
    return (
        f"Identity check: the compiled and the pure-Python build give byte-identical "
        f"output on all {len(compiled):,} documents."
    )


def _env(name: str) -> dict[str, str] | None:
    """The environment of a measure: the source tree first on the path for a pure one."""
    if PURE not in name:
        return None
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _normalization():
    from cleaner import Cleaner

    return Cleaner().paragraphs


def undamaged(fn_factory):
    """``in_process`` on the documents without mojibake or entities only."""

    def measure(corpus: Path, scratch: Path) -> None:
        damaged = set(json.loads((corpus / "corpus.json").read_text())["damaged"])
        paths = sorted((corpus / "docs").rglob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for i, p in enumerate(paths) if i not in damaged]
        _time_each(fn_factory, texts)

    return measure


def _ftfy():
    import ftfy

    return ftfy.fix_text


def _justext():
    import justext

    stoplist = justext.get_stoplist("English")

    def run(text: str):
        page = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        return [p.text for p in justext.justext(f"<html><body>{page}</body></html>", stoplist)]

    return run


def _trafilatura():
    import trafilatura

    def run(text: str):
        page = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        return trafilatura.extract(f"<html><body><article>{page}</article></body></html>")

    return run


def _cleantext():
    from cleantext import clean

    return clean


def _datatrove_ftfy():
    from datatrove.pipeline.formatters import FTFYFormatter

    return FTFYFormatter().format


def _datatrove_c4():
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    step = C4QualityFilter()
    return lambda text: step.filter(Document(text=text, id="0"))


def _gzipped(corpus: Path) -> Path:
    """corpus.jsonl.gz beside corpus.jsonl (made once, at gzip's default level)."""
    packed = corpus / "corpus.jsonl.gz"
    if not packed.exists() or packed.stat().st_mtime < (corpus / "corpus.jsonl").stat().st_mtime:
        tmp = packed.with_suffix(".tmp")
        with open(corpus / "corpus.jsonl", "rb") as src, gzip.open(tmp, "wb", 6) as out:
            shutil.copyfileobj(src, out, 1 << 20)
        tmp.replace(packed)
    return packed


def _parquet(corpus: Path) -> Path:
    """corpus.parquet beside corpus.jsonl: id and text, zstd, row groups of 1,000 rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = corpus / "corpus.parquet"
    if not path.exists() or path.stat().st_mtime < (corpus / "corpus.jsonl").stat().st_mtime:
        with open(corpus / "corpus.jsonl", encoding="utf-8") as src:
            rows = [json.loads(line) for line in src]
        table = pa.table({"id": [r["id"] for r in rows], "text": [r["text"] for r in rows]})
        tmp = path.with_suffix(".tmp")
        pq.write_table(table, tmp, compression="zstd", row_group_size=1000)
        tmp.replace(path)
    return path


def _wet(corpus: Path) -> Path:
    """corpus.warc.wet.gz: one WET conversion record per document (FastWARC's writer)."""
    from fastwarc.stream_io import GzipWriter
    from fastwarc.warc import WarcRecord, WarcRecordType

    path = corpus / "corpus.warc.wet.gz"
    if not path.exists() or path.stat().st_mtime < (corpus / "corpus.jsonl").stat().st_mtime:
        tmp = corpus / "corpus.tmp.wet.gz"
        with open(corpus / "corpus.jsonl", encoding="utf-8") as src, GzipWriter(str(tmp)) as out:
            for line in src:
                row = json.loads(line)
                record = WarcRecord()
                record.init_headers(record_type=WarcRecordType.conversion)
                record.headers["WARC-Target-URI"] = f"https://example.com/{row['id']}"
                record.headers["WARC-Date"] = "2024-02-21T10:00:00Z"
                record.set_bytes_content(row["text"].encode("utf-8", "surrogatepass"))
                record.write(out)
        tmp.replace(path)
    return path


def io_floor_parquet(corpus: Path, scratch: Path) -> None:
    """The floor for Parquet runs: read row groups, split the text, write Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = pq.ParquetFile(_parquet(corpus))
    start = time.perf_counter()
    with pq.ParquetWriter(scratch / "out.parquet", src.schema_arrow, compression="zstd") as out:
        for group in range(src.metadata.num_row_groups):
            table = src.read_row_group(group)
            texts = [
                "\n\n".join(x.strip() for x in t.splitlines() if x.strip()) + "\n"
                for t in table.column("text").to_pylist()
            ]
            index = table.schema.get_field_index("text")
            out.write_table(table.set_column(index, "text", pa.array(texts)))
    print(json.dumps({"seconds": time.perf_counter() - start}))


def io_floor_wet(corpus: Path, scratch: Path) -> None:
    """The floor for WET runs: read the records, split the text, write gzipped JSONL."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    path = _wet(corpus)
    start = time.perf_counter()
    with gzip.open(path, "rb") as src, gzip.open(scratch / "out.jsonl.gz", "wb", 6) as out:
        for record in ArchiveIterator(
            src, record_types=WarcRecordType.conversion, parse_http=False, stream_detect=False
        ):
            text = record.reader.read().decode("utf-8", "replace")
            lines = [x.strip() for x in text.splitlines() if x.strip()]
            row = {"id": record.record_id, "text": "\n\n".join(lines) + "\n"}
            out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    print(json.dumps({"seconds": time.perf_counter() - start}))


def cli(kind: str, workers: str):
    def measure(corpus: Path, scratch: Path) -> None:
        exe = shutil.which("cleaner") or sys.exit("the cleaner command is not installed")
        if kind == "folder":
            args = [str(corpus / "docs"), str(scratch / "out")]
        elif kind == "gz":
            args = [str(_gzipped(corpus)), str(scratch / "out.jsonl.gz")]
        elif kind == "parquet":
            args = [str(_parquet(corpus)), str(scratch / "out.parquet")]
        elif kind == "wet":
            args = [str(_wet(corpus)), str(scratch / "out.jsonl.gz")]
        else:
            args = [str(corpus / "corpus.jsonl"), str(scratch / "out.jsonl")]
        subprocess.run([exe, "run", *args, "-j", workers, "--force", "-q"], check=False)

    return measure


CORES = str(os.cpu_count() or 1)
MEASURES = {
    "I/O floor (read, split, write)": io_floor,
    "I/O floor, JSONL (read, parse, split, dump, write)": io_floor_jsonl,
    "cleaner: Cleaner.clean in-process": in_process(_cleaner),
    f"cleaner: Cleaner.clean in-process, {PURE}": in_process(_cleaner),
    "cleaner: normalization alone (Cleaner.paragraphs)": in_process(_normalization),
    "cleaner: Cleaner.clean, documents without mojibake or entities": undamaged(_cleaner),
    "cleaner run folder, 1 worker": cli("folder", "1"),
    f"cleaner run folder, {CORES} workers": cli("folder", CORES),
    "cleaner run JSONL, 1 worker": cli("jsonl", "1"),
    f"cleaner run JSONL, {CORES} workers": cli("jsonl", CORES),
    "cleaner run JSONL.gz to JSONL.gz, 1 worker": cli("gz", "1"),
    f"cleaner run JSONL.gz to JSONL.gz, {CORES} workers": cli("gz", CORES),
    "I/O floor, Parquet (read row groups, split, write)": io_floor_parquet,
    "cleaner run Parquet to Parquet, 1 worker": cli("parquet", "1"),
    f"cleaner run Parquet to Parquet, {CORES} workers": cli("parquet", CORES),
    "I/O floor, WET (read records, split, write JSONL.gz)": io_floor_wet,
    "cleaner run WET to JSONL.gz, 1 worker": cli("wet", "1"),
    f"cleaner run WET to JSONL.gz, {CORES} workers": cli("wet", CORES),
    "ftfy.fix_text alone": in_process(_ftfy),
    "real pages: Cleaner.clean": real_pages(_cleaner),
    f"real pages: Cleaner.clean, {PURE}": real_pages(_cleaner),
    "real pages: ftfy.fix_text": real_pages(_ftfy),
    "jusText (one <p> per line)": in_process(_justext),
    "trafilatura (text as HTML)": in_process(_trafilatura),
    "clean-text": in_process(_cleantext),
    "datatrove FTFYFormatter": in_process(_datatrove_ftfy),
    "datatrove C4QualityFilter": in_process(_datatrove_c4),
}


def _twin(name: str) -> str | None:
    """The all-cores measure of a 1-worker `cleaner run` measure (None for others)."""
    if not name.startswith("cleaner run") or not name.endswith(", 1 worker"):
        return None
    return name[: -len("1 worker")] + f"{CORES} workers"


#: Measures whose ratio is a target take turns with the measure they are compared
#: to (the first of each group): reference, then the others, then the reference
#: again, ... The ratio is the median of each turn's ratio, so a slow minute of this
#: shared machine weighs on both sides of it.
RATIO_GROUPS = (
    (f"cleaner: Cleaner.clean in-process, {PURE}", "cleaner: Cleaner.clean in-process"),
    (
        "real pages: ftfy.fix_text",
        "real pages: Cleaner.clean",
        f"real pages: Cleaner.clean, {PURE}",
    ),
)


def _group(name: str, names: list[str]) -> list[str]:
    """The measures that take turns with ``name`` (itself included), reference first."""
    twin = _twin(name)
    if twin in names:
        return [name, twin]  # MEASURES lists the 1-worker measure first
    for group in RATIO_GROUPS:
        if name in group:
            return [g for g in group if g in names]
    return [name]


def _child(name: str, corpus: Path, scratch: Path) -> None:
    if PURE in name:
        import cleaner

        assert cleaner.build() == "pure Python", cleaner.__file__
    MEASURES[name](corpus, scratch)


def run_measure(name: str, corpus: Path, scratch: Path) -> dict | None:
    """Run one measure in its own process, writing into ``scratch`` (kept until the end).

    Outputs are not deleted between measures: right after 19,164 files are
    deleted, creating a file cost 0.3-0.5 ms here instead of 0.02 ms (for
    many seconds, sync or not), so a folder measure would pay for the
    previous one's cleanup.
    """
    scratch.mkdir(parents=True)
    os.sync()  # the previous measure's writes are not this one's to flush
    logs = corpus / "measure.log"
    start = time.perf_counter()
    with open(logs, "w+") as log:
        child = ["--child", name, "--corpus", str(corpus), "--scratch", str(scratch)]
        proc = subprocess.Popen(
            [sys.executable, __file__, *child],
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            env=_env(name),
        )
        # wait4 reaps the child and gives this measure's own peak memory (the
        # child and the processes it waited for), where getrusage would give
        # the largest process of the whole run.
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        log.seek(0)
        output = log.read()
    if proc.returncode != 0:
        reason = (output.strip().splitlines() or ["failed"])[-1]
        return {"name": name, "error": reason}
    seconds, mb, cpu = wall, None, None
    for line in output.splitlines():
        if line.startswith("{"):
            reported = json.loads(line)
            seconds, mb = reported["seconds"], reported.get("mb")
            cpu = reported.get("cpu_seconds")
    row = {"name": name, "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024}
    if cpu is not None:
        row["cpu_seconds"] = cpu
    return row if mb is None else {**row, "mb": mb}


def _median(runs: list[dict | None]) -> dict | None:
    """The run of median time, with the spread of all (a failed run fails the measure)."""
    failed = [r for r in runs if r is None or "error" in r]
    if failed:
        return failed[0]
    ordered = sorted(runs, key=lambda r: r["seconds"])  # type: ignore[index]
    row = dict(ordered[len(ordered) // 2])  # type: ignore[arg-type]
    if len(runs) > 1:
        row["spread"] = [r["seconds"] for r in ordered]  # type: ignore[index]
    return row


def _rate(results: list[dict], name: str, mb: float) -> float | None:
    """MB/s of the first measure whose name starts with ``name`` (None if it did not run)."""
    row = next((r for r in results if r["name"].startswith(name) and "seconds" in r), None)
    return row.get("mb", mb) / row["seconds"] if row else None


def table(results: list[dict], mb: float, docs: int) -> str:
    floor = _rate(results, "I/O floor", mb)
    ours = _rate(results, "cleaner: Cleaner.clean", mb)
    lines = [
        f"Corpus: {docs:,} documents, {mb:.1f} MB. Peak RSS is the measure's own process "
        "and the processes it waited for (for `cleaner run`, the largest of main and workers).",
        "",
        "| measure | MB/s | docs/s | peak RSS MB | x I/O floor | x Cleaner.clean |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['name']} | not run: {r['error'][:60]} | | | | |")
            continue
        speed = r.get("mb", mb) / r["seconds"]
        count = docs * r.get("mb", mb) / mb  # documents of the subset, near enough
        ratios = f"| {speed / floor:.3f} | {speed / ours:.2f} |" if floor and ours else "| | |"
        per_second, peak = count / r["seconds"], r["peak_mb"]
        lines.append(f"| {r['name']} | {speed:.2f} | {per_second:.0f} | {peak:.0f} {ratios}")
    spread = [r for r in results if "spread" in r]
    if spread:
        lines += [
            "",
            f"Measures that write files or take turns ran {len(spread[0]['spread'])} times "
            "each and the median counts (this machine varies from run to run); all runs, MB/s:",
            "",
        ]
        for r in spread:
            rates = ", ".join(f"{r.get('mb', mb) / t:.2f}" for t in r["spread"])
            lines.append(f"- {r['name']}: {rates}")
    lines += ["", *targets(results, mb)]
    lines += [
        "",
        "Where Cleaner.clean spends its time, before the speed work and now, and what "
        "changed in between: bench/PROFILE.md (written by bench/profile_clean.py).",
    ]
    return "\n".join(lines)


def targets(results: list[dict], mb: float) -> list[str]:
    """Issue 5's targets, each met or not, from this run's figures."""

    def rate(name: str) -> float | None:
        return _rate(results, name, mb)

    ours = rate("cleaner: Cleaner.clean in-process")
    out = ["Targets (issue 5):", ""]
    if ours:
        out.append(f"- Cleaner.clean >= 20 MB/s on one core: {ours:.2f} MB/s, " + _met(ours >= 20))
        for peer in ("jusText", "trafilatura"):
            theirs = rate(peer)
            if theirs:
                ratio = ours / theirs
                out.append(f"- >= 10x {peer}: {ratio:.1f}x, " + _met(ratio >= 10))
    for kind in ("folder", "JSONL"):
        one, many = rate(f"cleaner run {kind}, 1 worker"), rate(f"cleaner run {kind}, {CORES} ")
        if one and many:
            name = f"cleaner run {kind}, {CORES} workers"
            ratio, how = _paired(results, name, many / one)
            if "turns" in how:
                how = how[:-1] + f"; {many / one:.2f}x from the medians above)"
            out.append(f"- {name} >= 1.8x 1 worker: {how}, " + _met(ratio >= 1.8))
    out.append("- peak memory of cleaner run on 1 GB of JSONL under 300 MB: see bench/SOAK.md")
    out += ["", "Targets (issue 19, the compiled core):", ""]
    pure = rate(f"cleaner: Cleaner.clean in-process, {PURE}")
    if ours and pure:
        ratio, how = _paired(results, "cleaner: Cleaner.clean in-process", ours / pure)
        cpu = _paired_cpu(results, "cleaner: Cleaner.clean in-process")
        out.append(
            f"- Cleaner.clean compiled >= 1.5x the pure-Python build: {how} "
            f"({ours:.2f} against {pure:.2f} MB/s, the medians), " + _met(ratio >= 1.5) + cpu
        )
    real = rate("real pages: Cleaner.clean")  # the first: the installed build
    real_pure = rate(f"real pages: Cleaner.clean, {PURE}")
    real_ftfy = rate("real pages: ftfy.fix_text")
    if real and real_ftfy:
        ratio, how = _paired(results, "real pages: Cleaner.clean", real / real_ftfy)
        line = f"- real pages, Cleaner.clean >= 5x ftfy.fix_text: {how}"
        if real_pure:
            _, how_pure = _paired(
                results, f"real pages: Cleaner.clean, {PURE}", real_pure / real_ftfy
            )
            line += f"; pure-Python build: {how_pure}"
        out.append(
            line + ", " + _met(ratio >= 5) + _paired_cpu(results, "real pages: Cleaner.clean")
        )
    return out


def _paired(
    results: list[dict], name: str, fallback: float, key: str = "paired"
) -> tuple[float, str]:
    """The median of the turns' ratios of measure ``name`` to its reference, and how
    it reads; ``fallback`` (the ratio of the medians) when it took no turns. ``key``
    ``"paired_cpu"`` reads the same ratios in CPU time."""
    row = next((r for r in results if r["name"] == name), {})
    paired = sorted(row.get(key, []))
    if not paired:
        return fallback, f"{fallback:.2f}x"
    ratio = paired[len(paired) // 2]
    turns = ", ".join(f"{x:.2f}" for x in paired)
    return ratio, f"{ratio:.2f}x, the median of turns ({turns})"


def _paired_cpu(results: list[dict], name: str) -> str:
    """The same ratio in CPU time (``"; in CPU time 1.52x, the median of turns
    (...)"``), or ``""`` when the turns did not report it. Wall clock stays the
    target's measure; CPU time shows how much of a turn's spread was the machine."""
    row = next((r for r in results if r["name"] == name), {})
    if not row.get("paired_cpu"):
        return ""
    return "; in CPU time " + _paired(results, name, 0.0, "paired_cpu")[1]


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=100.0, help="corpus size in MB (default 100)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--only", help="run only measures whose name contains this")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    ap.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="runs of each measure that writes files; the median counts (default 3)",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.scratch)
        return 0
    paths = build_corpus(args.corpus, args.mb)
    info = json.loads((args.corpus / "corpus.json").read_text())
    # Fill the build cache (cleaner/cache.py) as any earlier use would: every
    # `cleaner run` measured below starts as it does from the second run on.
    from cleaner import Cleaner

    Cleaner()
    import cleaner

    installed = f"Installed build: {cleaner.build()} (`cleaner --version` says the same)."
    identity = identity_check(args.corpus)
    print(identity, file=sys.stderr, flush=True)
    _gzipped(args.corpus)
    mb = info["bytes"] / 1e6
    results = []
    scratch = args.corpus / "scratch"
    if scratch.exists():  # a killed run's: deleted at the end, not before measuring
        scratch.rename(args.corpus / f"old-scratch-{time.time_ns()}")
    names = [
        name
        for name in MEASURES
        if not args.only
        or args.only in name
        or name.startswith(("I/O", "real pages"))
        or "Cleaner.clean" in name
    ]
    # A 1-worker `cleaner run` measure takes turns with its all-cores twin, and a
    # measure whose ratio is a target with what it is compared to (RATIO_GROUPS).
    done: set[str] = set()
    for name in names:
        if name in done:
            continue
        group = _group(name, names)
        done.update(group)
        print(f"... {' / '.join(group)}", file=sys.stderr, flush=True)
        writes = name.startswith(("I/O floor", "cleaner run"))
        turns = max(1, args.repeats) if writes or len(group) > 1 else 1
        runs: dict[str, list] = {g: [] for g in group}
        for k in range(turns):
            for g in group:
                runs[g].append(run_measure(g, args.corpus, scratch / f"{names.index(g)}.{k}"))
        rows = [_median(runs[g]) for g in group]
        if len(group) > 1 and all(r is not None and "error" not in r for r in rows):
            # Each turn's ratio of the reference's time to the other's: a speed ratio
            # (the measures of a group time the same documents).
            for g, row in zip(group[1:], rows[1:], strict=True):
                # ... and of their CPU time, where both measures report it (one
                # process cleaning: the time the machine's other jobs took from it
                # is not in it, so it moves less from run to run than wall clock).
                for key, field in (("paired", "seconds"), ("paired_cpu", "cpu_seconds")):
                    if all(field in r for r in runs[group[0]] + runs[g]):
                        row[key] = [  # type: ignore[index]
                            ref[field] / other[field]
                            for ref, other in zip(runs[group[0]], runs[g], strict=True)
                        ]
        results += rows
    order = {name: n for n, name in enumerate(MEASURES)}
    results.sort(key=lambda r: order[r["name"]])
    shutil.rmtree(scratch, ignore_errors=True)
    for old in args.corpus.glob("old-scratch-*"):
        shutil.rmtree(old, ignore_errors=True)
    text = installed + "\n\n" + identity + "\n\n" + table(results, mb, len(paths))
    print(text)
    if not args.only:
        args.out.write_text(
            "# Speed\n\nWritten by `python bench/speed.py"
            + (f" --mb {args.mb:g}" if args.mb != 100 else "")
            + f"` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores.\n\n"
            + text
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

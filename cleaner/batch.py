"""Batch runs: many documents, files or JSONL records, on one or more cores.

Everything ``cleaner run`` does apart from parsing options and printing lives
here, so it can be tested and reused: listing inputs, skipping outputs that are
up to date, cleaning in a process pool with a bounded number of documents in
flight (memory stays flat however large the input), atomic writes, and one
:class:`Outcome` per document for summaries and reports. Nothing here prints.
"""

from __future__ import annotations

import ctypes
import gzip
import hashlib
import json
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from .document import Paragraph
from .engine import Cleaner
from .io import (
    DEFERRED_SIGNALS,
    InputError,
    atomic_output,
    atomic_write,
    read_document,
    signals_deferred,
)
from .kinds.base import count_words
from .result import Removal

#: What a run's reports need of each document (``detail``): nothing, its word
#: counts (the JSON report), or its input paragraphs too (the HTML report).
#: Counting words costs about a tenth of cleaning, so it is done only on request.
NO_DETAIL, WORDS, PARAGRAPHS = 0, 1, 2

#: Documents handed to a worker at a time, and batches kept in flight per worker.
BATCH = 32
WINDOW_PER_WORKER = 4
#: JSONL records go in larger batches: each batch costs the main process a round
#: trip through the pool's threads, and with small records those round trips
#: were a tenth of its CPU (1.9 s against 1.2 s for 100 MB with 256). A batch
#: also ends at RECORD_BATCH_BYTES of input, so large records do not pile up.
RECORD_BATCH = 256
RECORD_BATCH_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one document (a file, or one JSONL record).

    ``status`` is ``"ok"``, ``"skipped"`` (output already up to date),
    ``"empty"`` (no body left; reported, not written) or ``"failed"`` (``error``
    says why, naming the file and line or record). ``words_in`` and
    ``words_out`` count words as :func:`~cleaner.kinds.base.count_words` does,
    when the run asks for ``WORDS`` detail (0 otherwise); ``paragraphs`` (the
    normalized input, which ``removals`` index into) only with ``PARAGRAPHS``;
    ``removals`` themselves with ``WORDS`` or more (always counted in ``by_rule``).
    """

    source: str
    record: int | None
    status: str
    error: str | None = None
    removals: tuple[Removal, ...] = ()
    bytes_in: int = 0
    bytes_out: int = 0
    words_in: int = 0
    words_out: int = 0
    paragraphs: tuple[Paragraph, ...] = ()
    #: ``pack:line [rule-id] timed out on <document>``, one per rule that ran out of time.
    timeouts: tuple[str, ...] = ()
    #: Why the over-removal guard flagged the document, and what it held back.
    flag: str | None = None
    held: tuple[Removal, ...] = ()
    #: ``(rule id, removals)`` pairs: what the run's totals need of ``removals``,
    #: which a worker sends back only when a report asks for detail.
    by_rule: tuple[tuple[str, int], ...] = ()

    @property
    def name(self) -> str:
        """The document as messages name it: ``file``, or ``file:line`` for a JSONL record."""
        return self.source if self.record is None else f"{self.source}:{self.record}"

    @property
    def share_removed(self) -> float:
        """The share of the document's words that cleaning removed."""
        if not self.words_in:
            return 0.0
        return max(0.0, 1 - self.words_out / self.words_in)

    def as_report(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"source": self.source, "status": self.status}
        if self.record is not None:
            entry["record"] = self.record
        if self.error:
            entry["error"] = self.error
        entry["bytes_in"] = self.bytes_in
        entry["bytes_out"] = self.bytes_out
        entry["words_in"] = self.words_in
        entry["words_out"] = self.words_out
        entry["removals"] = [_with_reason(r) for r in self.removals]
        if self.timeouts:
            entry["timeouts"] = list(self.timeouts)
        if self.flag:
            entry["flag"] = self.flag
            entry["held"] = [removal_dict(r) for r in self.held]
        return entry


def removal_dict(removal: Removal) -> dict[str, Any]:
    """A removal as plain data (``--keep-removed``, the adapters' columns)."""
    return {"rule": removal.rule, "what": removal.what, "line": removal.line, "text": removal.text}


def _with_reason(removal: Removal) -> dict[str, Any]:
    """A removal for the JSON report: its plain data, and its ``reason`` when it has one."""
    entry = removal_dict(removal)
    if removal.reason:
        entry["reason"] = removal.reason
    return entry


@dataclass
class Totals:
    """Running totals over a batch, for the closing summary and the report."""

    documents: int = 0
    cleaned: int = 0
    skipped: int = 0
    empty: int = 0
    failed: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    #: Documents on which some rule ran out of time (kept, cleaned by the other rules).
    timed_out: int = 0
    #: Documents the over-removal guard flagged (kept; see cleaner.guard).
    flagged: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        if outcome.timeouts:
            self.timed_out += 1
        if outcome.flag:
            self.flagged += 1
        if outcome.status == "ok":
            self.cleaned += 1
        elif outcome.status == "skipped":
            self.skipped += 1
            return
        elif outcome.status == "empty":
            self.empty += 1
        else:
            self.failed += 1
        self.bytes_in += outcome.bytes_in
        self.bytes_out += outcome.bytes_out
        for rule, n in outcome.by_rule:
            self.by_rule[rule] = self.by_rule.get(rule, 0) + n

    @property
    def problems(self) -> int:
        """Documents that did not come out clean (failed, empty, or a rule timed out)."""
        return self.failed + self.empty + self.timed_out

    @property
    def share_removed(self) -> float:
        return 1 - self.bytes_out / self.bytes_in if self.bytes_in else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "cleaned": self.cleaned,
            "skipped": self.skipped,
            "empty": self.empty,
            "failed": self.failed,
            "timed_out": self.timed_out,
            "flagged": self.flagged,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "share_removed": round(self.share_removed, 6),
            "removals_by_rule": dict(sorted(self.by_rule.items(), key=lambda kv: -kv[1])),
        }


# --- cleaning one document --------------------------------------------------------


def clean_text(
    cleaner: Cleaner,
    name: str,
    text: str,
    write: Callable[[str], Any],
    detail: int = NO_DETAIL,
) -> Outcome:
    """Clean one text and hand the body to ``write``; an empty result is reported, not written.

    ``detail`` (``NO_DETAIL``, ``WORDS``, ``PARAGRAPHS``) is what the outcome carries for reports.
    """
    result = cleaner.clean(text)
    status, error = "ok", None
    if result.empty:
        status, error = "empty", f"{name}: empty: no body left after cleaning"
    else:
        write(result.text)
    return _outcome(cleaner, name, None, status, error, text, result, detail)


def _outcome(cleaner, source, record, status, error, text, result, detail: int) -> Outcome:
    outcome = Outcome(
        source,
        record,
        status,
        error,
        # Removals cross back from a worker only when a report shows them.
        result.removals if detail >= WORDS else (),
        len(text.encode("utf-8", "surrogatepass")),
        len(result.text.encode("utf-8", "surrogatepass")),
        count_words("\n".join(p.text for p in result.paragraphs)) if detail >= WORDS else 0,
        count_words(result.text) if detail >= WORDS else 0,
        result.paragraphs if detail >= PARAGRAPHS else (),
        (),
        result.flag,
        result.held,
        tuple(result.by_rule().items()),
    )
    if not result.timeouts:
        return outcome
    where = {rule.id: rule.where for rule in cleaner.rules}
    timeouts = tuple(f"{where[r]} [{r}] timed out on {outcome.name}" for r in result.timeouts)
    return replace(outcome, timeouts=timeouts)


def clean_file(
    cleaner: Cleaner,
    src: Path,
    target: Path,
    encoding: str,
    newer_than: float | None = None,
    detail: int = NO_DETAIL,
    synced: int | None = None,
) -> Outcome:
    """Read, clean and atomically write one text file.

    With ``newer_than`` (the newest pack's mtime), a target that is already
    newer than its source and the packs is left alone (``"skipped"``).
    ``synced`` is for a folder run that syncs its outputs in groups
    (:class:`~cleaner.io.SyncPoints`): the file is not synced on its own, and
    a target counts as up to date only if its mtime (ns) is at most
    ``synced``. None: the file is synced before its rename.
    """
    if newer_than is not None and up_to_date(src, target, newer_than, synced):
        return Outcome(str(src), None, "skipped")
    sync = synced is None
    try:
        text = read_document(src, encoding)
        return clean_text(
            cleaner, str(src), text, lambda body: atomic_write(target, body, sync), detail
        )
    except InputError as exc:
        return Outcome(str(src), None, "failed", str(exc))
    except OSError as exc:
        return Outcome(str(src), None, "failed", f"{target}: cannot write: {exc.strerror}")


#: gzip level of a compressed JSONL output: gzip's own default (Python's, 9, took
#: 1.5 times as long for 0.4% less).
GZIP_LEVEL = 6


@dataclass(frozen=True, slots=True)
class RecordOptions:
    text_field: str = "text"
    keep_removed: bool = False
    #: What each outcome carries for reports: NO_DETAIL, WORDS or PARAGRAPHS.
    detail: int = NO_DETAIL
    #: Each batch's output block comes gzip-compressed (one gzip member per batch;
    #: concatenated members are one valid gzip file), so workers compress in parallel.
    compress: bool = False


def clean_record(
    cleaner: Cleaner, source: str, lineno: int, raw: bytes, options: RecordOptions
) -> tuple[Outcome, bytes | None]:
    """Clean one JSONL line; return its outcome and the output line, UTF-8 without its
    newline (or None to leave it out).

    Every field but ``text_field`` is written back as it was. A record whose
    text comes out empty is kept with ``""`` (so records stay one to one) and
    reported; a line that is not a JSON object with a string text field is
    reported and left out.
    """
    where = f"{source}:{lineno}"
    try:
        record, text = parse_record(raw, where, options.text_field)
    except InputError as exc:
        return Outcome(source, lineno, "failed", str(exc)), None
    result = cleaner.clean(text)
    record[options.text_field] = result.text
    if options.keep_removed:
        record["removed"] = [removal_dict(r) for r in result.removals]
    status, error = "ok", None
    if result.empty:
        status, error = "empty", f"{where}: empty: no body left after cleaning"
    outcome = _outcome(cleaner, source, lineno, status, error, text, result, options.detail)
    return outcome, _dump(record)


def parse_record(raw: bytes, where: str, text_field: str) -> tuple[dict, str]:
    """One JSONL line as (record, its text); :class:`InputError` naming ``where`` if it is not
    UTF-8, not a JSON object, or has no string ``text_field``."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start} of the line)") from exc
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = record.get(text_field)
    if not isinstance(text, str):
        problem = "missing" if text is None else f"not a string ({type(text).__name__})"
        raise InputError(f"{where}: field {text_field!r} is {problem}")
    return record, text


def _dump(record: dict) -> bytes:
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate from an escaped "\ud800" cannot be UTF-8; ASCII
        # escapes keep the record lossless and the output valid.
        return json.dumps(record, ensure_ascii=True).encode("ascii")


# --- worker processes -------------------------------------------------------------

# Each worker process's Cleaner, set once by the pool's initializer (a
# per-process value; the main process never sets it).
_WORKER: dict[str, Any] = {}


def _init_pool_worker(cleaner: Cleaner) -> None:
    """Worker processes leave Ctrl-C to the main process, and unwind on SIGTERM.

    The main process answers Ctrl-C by terminating the pool (SIGTERM); raising
    SystemExit there runs the cleanup of a write in progress, so no temporary
    file is left behind.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, DEFERRED_SIGNALS)
    _die_with_parent()
    _WORKER["cleaner"] = cleaner


def _die_with_parent() -> None:
    """Linux: a worker gets SIGTERM when the main process dies, even by SIGKILL.

    Otherwise orphaned workers would finish their batch after the run was
    killed, writing outputs nobody waits for.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        raise SystemExit(1)


PR_SET_PDEATHSIG = 1


def _exit_on_sigterm(signum, frame) -> None:
    # Once: a repeated SIGTERM (see _nudge) must not cut short the cleanup
    # of a write in progress that the first one started.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(128 + signum)


#: Seconds between SIGTERMs to pool workers that have not exited, and how long
#: before the last resort, SIGKILL.
NUDGE_EVERY = 0.5
KILL_AFTER = 15.0
#: The same once a worker has died (the run is lost; no need to wait long).
KILL_LOST_AFTER = 2.0


def _nudge(done: threading.Event, kill_after: float = KILL_AFTER) -> None:
    """Repeat SIGTERM to pool workers until the pool is down; SIGKILL them at last.

    ``Pool.terminate`` sends one SIGTERM per worker and waits. A worker can
    miss it: when the signal lands just before the worker blocks on the task
    queue's lock, Python notes it but only runs the handler when the wait
    ends, which is never, since the pool holds that lock while terminating.
    A second signal interrupts the wait and the handler runs.
    """
    waited = 0.0
    while not done.wait(NUDGE_EVERY):
        waited += NUDGE_EVERY
        sig = signal.SIGKILL if waited >= kill_after else signal.SIGTERM
        for worker in multiprocessing.active_children():
            if "PoolWorker" in worker.name:
                with suppress(OSError):
                    os.kill(worker.pid, sig)  # type: ignore[arg-type]


def _files_batch(
    tasks: list[tuple[Path, Path, str, float | None]],
    detail: int = NO_DETAIL,
    synced: int | None = None,
    cleaner: Cleaner | None = None,
) -> list[Outcome]:
    cleaner = cleaner or _WORKER["cleaner"]
    return [clean_file(cleaner, *task, detail=detail, synced=synced) for task in tasks]


def _records_batch(
    tasks: list[tuple[str, int, bytes]], options: RecordOptions, cleaner: Cleaner | None = None
) -> list[tuple[list[Outcome], bytes]]:
    """The batch's outcomes, and its output lines as one UTF-8 block (gzip-compressed
    with ``options.compress``).

    One block (a list of one, as :meth:`Runner.map` flattens) crosses from a
    worker as a single bytes object: the main process neither decodes nor
    encodes the text, nor compresses it, and writes it with one call.
    """
    cleaner = cleaner or _WORKER["cleaner"]
    outcomes = []
    lines = []
    for src, n, raw in tasks:
        outcome, line = clean_record(cleaner, src, n, raw, options)
        outcomes.append(outcome)
        if line is not None:
            lines.append(line)
            lines.append(b"\n")
    block = b"".join(lines)
    if options.compress and block:
        block = gzip.compress(block, GZIP_LEVEL, mtime=0)
    return [(outcomes, block)]


def _batches(
    items: Iterable, size: int, weigh: Callable[[Any], int] | None = None, budget: int = 0
) -> Iterator[list]:
    """Lists of up to ``size`` items; with ``weigh``, also ending once they weigh ``budget``."""
    batch: list = []
    weight = 0
    for item in items:
        batch.append(item)
        if weigh is not None:
            weight += weigh(item)
        if len(batch) >= size or (weigh is not None and weight >= budget):
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


class WorkerLost(RuntimeError):
    """A worker process died mid-run (killed, or out of memory): what it held is lost.

    A plain process pool would wait for that batch forever; the run stops
    instead, with this error, and the pool is terminated.
    """


#: Seconds between checks that every worker is alive, while a result is awaited.
WATCH_EVERY = 0.5


class _Pool(multiprocessing.pool.Pool):
    """A process pool whose worker-handler thread does not wake for every result.

    CPython's pool (3.8 to 3.13 at least) has that thread wait on the result
    pipe as well as on the workers and its own notifier. A result is read by
    another thread, so while one streams through the pipe (a JSONL batch is
    megabytes) the handler wakes again and again, finding nothing to do: 0.17
    s of the main process's CPU per 100 MB, taken from the workers on a
    machine with as many workers as cores. What the thread must notice still
    wakes it: a worker's exit (its sentinel) and the pool closing, terminating
    or running out of tasks (the notifier).
    """

    def _get_sentinels(self):
        return [self._change_notifier._reader]

    def abandon(self) -> None:
        """Stop a pool one of whose workers was killed, without ``terminate()``.

        A worker killed while it held the task pipe's lock (as an idle worker
        does, waiting for work), or halfway through sending a result, leaves
        ``terminate()`` waiting for that lock or the rest of that result
        forever. Instead the pool stops replacing workers, each worker gets
        SIGTERM (so a write in progress cleans up after itself; the caller's
        :func:`_nudge` repeats it, then kills), and the pool's threads, which
        may wait on what the dead worker left, end with the process.
        """
        self._terminate.cancel()
        self._state = multiprocessing.pool.TERMINATE
        self._worker_handler._state = multiprocessing.pool.TERMINATE
        self._change_notifier.put(None)
        self._worker_handler.join(KILL_LOST_AFTER)
        for worker in self._pool:
            worker.terminate()
        for worker in self._pool:
            worker.join()


class Runner:
    """Runs batch functions in-process (1 worker) or in a bounded process pool.

    Results come back in input order. At most ``workers * WINDOW_PER_WORKER``
    batches are in flight, so reading never runs ahead of cleaning.
    """

    def __init__(self, cleaner: Cleaner, workers: int):
        self.cleaner = cleaner
        self.workers = max(1, workers)
        self._pool = None
        #: The pool's worker processes by pid, as started.
        self._workers: dict[int, Any] = {}

    def __enter__(self) -> Runner:
        return self

    def _start(self):
        """The pool, started on first use: one stdin document never pays for it."""
        if self._pool is None and self.workers > 1:
            ctx = multiprocessing.get_context()
            # A Ctrl-C that lands while a worker is forked would be swallowed by
            # an at-fork hook (the run would go on); held, it lands just after.
            # Workers start with the signals held too and release them once
            # their handlers are set.
            with signals_deferred():
                self._pool = _Pool(
                    self.workers,
                    initializer=_init_pool_worker,
                    initargs=(self.cleaner,),
                    context=ctx,
                )
            self._workers = {w.pid: w for w in getattr(self._pool, "_pool", ())}
        return self._pool

    def _result(self, result) -> list:
        """A batch's result; :class:`WorkerLost` if a worker died before it came back.

        The pool replaces a dead worker but never hands out its batch again,
        so a result that is not ready is checked on every WATCH_EVERY seconds.
        """
        while not result.ready():
            result.wait(WATCH_EVERY)
            if not result.ready():
                self._check_workers()
        return result.get()

    def _check_workers(self) -> None:
        for pid, worker in self._workers.items():
            code = worker.exitcode
            if code is None:
                continue
            if code < 0:
                try:
                    how = f"was killed by {signal.Signals(-code).name}"
                except ValueError:
                    how = f"was killed by signal {-code}"
                if code == -signal.SIGKILL:
                    how += " (the kernel's out-of-memory killer sends it)"
            else:
                how = f"exited with code {code}"
            raise WorkerLost(f"worker process {pid} {how}; the documents it held are not done")

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is None:
            return
        if exc_type is None:
            self._pool.close()
            self._pool.join()
            return
        lost = issubclass(exc_type, WorkerLost)
        done = threading.Event()
        kill_after = KILL_LOST_AFTER if lost else KILL_AFTER
        nudger = threading.Thread(target=_nudge, args=(done, kill_after), daemon=True)
        nudger.start()
        try:
            if lost:
                self._pool.abandon()
            else:
                self._pool.terminate()
                self._pool.join()
        finally:
            done.set()
            nudger.join()

    def map(
        self,
        fn: Callable[..., list],
        items: Iterable,
        *args: Any,
        size: int = BATCH,
        weigh: Callable[[Any], int] | None = None,
        budget: int = 0,
    ) -> Iterator:
        """``fn(batch, *args)`` over batches of ``items`` (see :func:`_batches`), in order."""
        batches = _batches(items, size, weigh, budget)
        pool = self._start()
        if pool is None:
            for batch in batches:
                yield from fn(batch, *args, cleaner=self.cleaner)
            return
        pending: deque = deque()
        window = self.workers * WINDOW_PER_WORKER
        for batch in batches:
            pending.append(pool.apply_async(fn, (batch, *args)))
            if len(pending) >= window:
                yield from self._result(pending.popleft())
        while pending:
            yield from self._result(pending.popleft())


# --- plain-text files -------------------------------------------------------------


def up_to_date(src: Path, target: Path, newer_than: float, synced: int | None = None) -> bool:
    """An output is up to date when it is newer than its input and every pack file
    (and, given ``synced``, not newer than the last sync of its folder, in ns)."""
    try:
        stat = target.stat()
    except OSError:
        return False
    if synced is not None and stat.st_mtime_ns > synced:
        return False
    try:
        return stat.st_mtime >= max(src.stat().st_mtime, newer_than)
    except OSError:
        return False


def clean_files(
    runner: Runner,
    pairs: Iterable[tuple[Path, Path]],
    encoding: str = "utf-8",
    force: bool = False,
    detail: int = NO_DETAIL,
    stale_before: float = 0.0,
    synced: int | None = None,
) -> Iterator[Outcome]:
    """Clean (source, target) file pairs; skip targets that are up to date unless ``force``.

    A target is up to date when it is newer than its source, every pack file
    and ``stale_before`` (when the run's settings last changed, see
    :func:`run_signature`). The check runs in the workers, in input order, so
    a rerun over a million finished files costs stat calls and no memory.
    ``synced``: the caller syncs outputs in groups (see :func:`clean_file`).
    """
    newer_than = None if force else max(packs_mtime(runner.cleaner), stale_before)
    tasks = ((src, target, encoding, newer_than) for src, target in pairs)
    return runner.map(_files_batch, tasks, detail, synced)


def run_signature(cleaner: Cleaner, **settings: Any) -> str:
    """A fingerprint of everything that shapes an output: version, packs, rules, options.

    Stored beside the output (see :func:`~cleaner.io.run_state`), it makes a
    rerun with other packs, ``--disable`` or guard settings clean again what an
    mtime comparison alone would call up to date.
    """
    from . import __version__

    digest = hashlib.sha256()
    parts: list[Any] = [__version__, repr(cleaner), [r.id for r in cleaner.rules]]
    for name in cleaner.files:
        try:
            parts.append(hashlib.sha256(Path(name).read_bytes()).hexdigest())
        except OSError:
            parts.append(None)
    parts.append(sorted(settings.items()))
    digest.update(json.dumps(parts, default=str).encode())
    return digest.hexdigest()


def packs_mtime(cleaner: Cleaner) -> float:
    """When the newest pack file of ``cleaner`` changed: outputs older than that are stale."""
    return max((_mtime(Path(f)) for f in cleaner.files), default=0.0)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# --- JSONL ------------------------------------------------------------------------


def is_jsonl(path: Path) -> bool:
    return path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


@contextmanager
def open_jsonl_input(path: Path | None) -> Iterator[IO[bytes]]:
    """A byte stream over a JSONL file (gunzipped when it ends in .gz) or stdin (None).

    Lines are decoded one by one, so a bad byte fails its own record only.
    """
    if path is None:
        yield sys.stdin.buffer
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        yield f


def read_records(stream: IO[bytes], source: str) -> Iterator[tuple[str, int, bytes]]:
    """Non-blank lines of a JSONL stream as (source, line number, raw line).

    A stream that breaks while being read (a truncated or corrupt .gz, an I/O
    error) raises :class:`InputError` naming the file and the line reached.
    """
    lineno = 0  # the last line read whole
    try:
        for lineno, line in enumerate(stream, 1):
            if line.strip():
                yield (source, lineno, line)
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"{source}:{lineno + 1}: cannot read: {reason}") from exc


def clean_jsonl(
    runner: Runner,
    records: Iterable[tuple[str, int, bytes]],
    write: Callable[[bytes], Any],
    options: RecordOptions,
) -> Iterator[Outcome]:
    """Clean JSONL records in order, writing the output lines (UTF-8 bytes) with ``write``.

    ``write`` gets a batch's lines at a time; each batch's outcomes follow its write.
    With ``options.compress``, it gets gzip members, and at least one (an empty
    one when no record was written), so the output is always a valid gzip file.
    """
    written = False
    batches = runner.map(
        _records_batch,
        records,
        options,
        size=RECORD_BATCH,
        weigh=_record_size,
        budget=RECORD_BATCH_BYTES,
    )
    for outcomes, block in batches:
        if block:
            write(block)
            written = True
        yield from outcomes
    if options.compress and not written:
        write(gzip.compress(b"", GZIP_LEVEL, mtime=0))


def _record_size(record: tuple[str, int, bytes]) -> int:
    return len(record[2])


class ReportWriter:
    """Streams a JSON report: one entry per document as it finishes, totals at the end.

    Memory stays flat however many documents a run has; the file appears
    (atomically) only when the run ends.
    """

    def __init__(self, path: Path):
        self._context = atomic_output(path)
        self._stream = self._context.__enter__()
        self._stream.write('{"documents": [\n')
        self._first = True

    def add(self, outcome: Outcome) -> None:
        if not self._first:
            self._stream.write(",\n")
        self._first = False
        self._stream.write(json.dumps(outcome.as_report(), ensure_ascii=False))

    def finish(self, totals: Totals, about: dict[str, Any]) -> None:
        self._stream.write("\n],\n")
        self._stream.write(f'"totals": {json.dumps(totals.as_dict(), ensure_ascii=False)},\n')
        self._stream.write(f'"run": {json.dumps(about, ensure_ascii=False)}}}\n')
        self._context.__exit__(None, None, None)

    def abort(self, exc: BaseException) -> None:
        # Removes the temporary file; the context hands the exception back.
        with suppress(BaseException):
            self._context.__exit__(type(exc), exc, exc.__traceback__)

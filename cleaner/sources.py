"""What a run's SOURCE holds and how each part of it is cleaned, for every format.

``cleaner run SOURCE DEST`` takes a folder, a file or stdin. :func:`plan` looks
at it once and hands back the outcomes of cleaning it, lazily: text files go
through the worker pool file by file (:func:`cleaner.batch.clean_files`),
JSONL through its raw-line path (:mod:`cleaner.formats.jsonl`), and every
other record format through its reader and a writer (:mod:`cleaner.formats`).
The CLI knows none of them: it parses options, holds the lock, and reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from . import formats
from .batch import Outcome, RecordOptions, clean_files, is_jsonl, packs_mtime, up_to_date
from .errors import RunError
from .formats.jsonl import clean_jsonl_source
from .formats.records import clean_source
from .formats.text import clean_stdin, clean_to_stdout
from .io import list_sources


def resumable(source: Path, fmt: str, stdin: bool) -> bool:
    """Whether a rerun skips finished outputs: folders and record files (JSONL,
    Parquet, ...); a single text file is simply cleaned again."""
    return not stdin and (
        source.is_dir()
        or fmt == "jsonl"
        or (fmt == "auto" and is_jsonl(source))
        or formats.reader_for(source, fmt) is not None
    )


def plan(
    runner,
    source: Path,
    dest: Path,
    fmt: str,
    pattern: str | None,
    opts: RecordOptions,
    encoding: str,
    force: bool,
    stdin: bool,
    stdout: bool,
    stale_before: float,
    synced: int | None,
) -> tuple[Callable[[], int | None], Iterator[Outcome]]:
    """How to count the documents, and their outcomes.

    The first is a function giving how many documents there are (None while
    records are uncounted): a folder is walked as it is cleaned, so the
    first file starts at once and memory does not grow with the number of
    files, and only a progress bar that wants the total walks it once more.
    ``synced``: a folder's text outputs are synced in groups (see io.SyncPoints).
    Raises :class:`~cleaner.errors.RunError` for a source the format cannot take.
    """
    newer_than = max(packs_mtime(runner.cleaner), stale_before)

    def jsonl(path: Path | None) -> bool:
        return fmt == "jsonl" or (fmt == "auto" and path is not None and is_jsonl(path))

    def unless_up_to_date(path: Path, target: Path, clean) -> Iterator[Outcome]:
        """A record file's outcomes, or one "skipped" when its output is up to date."""
        if stdout or force or not up_to_date(path, target, newer_than):
            yield from clean()
        else:
            yield Outcome(str(path), None, "skipped")

    def jsonl_file(path: Path, target: Path) -> Iterator[Outcome]:
        return unless_up_to_date(
            path,
            target,
            lambda: clean_jsonl_source(runner, path, str(path), target, stdout, opts),
        )

    def record_file(path: Path, target: Path, reader: type[formats.Reader]) -> Iterator[Outcome]:
        return unless_up_to_date(
            path, target, lambda: clean_source(runner, reader, path, target, stdout, opts)
        )

    if stdin:
        if formats.reader_for(None, fmt) is not None:
            raise RunError(f"--format {fmt} reads a file, not stdin")
        if jsonl(None):
            return _uncounted, clean_jsonl_source(runner, None, "<stdin>", dest, stdout, opts)
        return _one, iter([clean_stdin(runner.cleaner, dest, stdout, opts.detail)])
    if source.is_file():
        reader = formats.reader_for(source, fmt)
        if reader is not None:
            name = reader.output_name(source.name)
            return _uncounted, record_file(source, dest / name if dest.is_dir() else dest, reader)
        target = dest / source.name if dest.is_dir() else dest
        if jsonl(source):
            return _uncounted, jsonl_file(source, target)
        if stdout:
            return _one, iter([clean_to_stdout(runner.cleaner, source, encoding, opts.detail)])
        return _one, clean_files(runner, [(source, target)], encoding, True, opts.detail)
    if not pattern:
        wanted = "*.jsonl*" if fmt == "jsonl" else ("*.txt", *formats.input_patterns())
    else:
        wanted = pattern
    jsonls: list[tuple[Path, Path]] = []  # cleaned after the text files, one by one
    sources: list[tuple[Path, Path, type[formats.Reader]]] = []  # record formats, likewise
    unlisted: list[Outcome] = []  # folders that could not be listed, reported after them

    def cannot_list(folder: Path, exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        unlisted.append(Outcome(str(folder), None, "failed", f"{folder}: cannot list: {reason}"))

    def texts() -> Iterator[tuple[Path, Path]]:
        for s in list_sources(source, wanted, cannot_list):
            reader = formats.reader_for(s.path, fmt)
            if reader is not None:
                name = reader.output_name(s.path.name)
                sources.append((s.path, dest / s.relative.with_name(name), reader))
            elif jsonl(s.path):
                jsonls.append((s.path, dest / s.relative))
            else:
                yield s.path, dest / s.relative

    def everything() -> Iterator[Outcome]:
        yield from clean_files(runner, texts(), encoding, force, opts.detail, stale_before, synced)
        yield from unlisted
        for path, target in jsonls:
            yield from jsonl_file(path, target)
        for path, target, reader in sources:
            target.parent.mkdir(parents=True, exist_ok=True)
            yield from record_file(path, target, reader)

    def count() -> int | None:
        total = 0
        for s in list_sources(source, wanted):
            if jsonl(s.path) or formats.reader_for(s.path, fmt) is not None:
                return None  # records are not counted
            total += 1
        return total

    return count, everything()


def _one() -> int:
    return 1


def _uncounted() -> None:
    return None

"""JSONL: one JSON object per line, in and out.

A JSONL source (``*.jsonl``, ``*.jsonl.gz``, ``*.ndjson``, or stdin with
``--format jsonl``) takes its own path, :func:`clean_jsonl_source`: its raw
lines go to the workers as bytes and come back as one block per batch, so the
main process neither parses nor encodes a record (the record machinery is in
:mod:`cleaner.batch`). :class:`JsonlWriter` writes Arrow chunks from other
formats (a WET file's pages, say): one object per row, in the columns' order,
UTF-8 (values JSON has no type for, such as timestamps, as their ISO text).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from ..batch import (
    Outcome,
    RecordOptions,
    clean_jsonl,
    is_jsonl,
    open_jsonl_input,
    read_records,
)
from ..io import InputError, atomic_output
from .base import Chunk, Writer, nothing_written, os_failure

__all__ = ["JsonlWriter", "clean_jsonl_source", "is_jsonl"]


def clean_jsonl_source(
    runner, path: Path | None, name: str, dest: Path, stdout: bool, opts: RecordOptions
) -> Iterator[Outcome]:
    """Clean one JSONL input; if it breaks or its output cannot be written, one failure says so.

    The output appears only when every record is done, so a failed file
    leaves nothing at its name (records cleaned before the failure are lost
    with it; rerun once the cause is fixed).
    """
    try:
        with open_jsonl_input(path) as stream:
            records = read_records(stream, name)
            if stdout:
                sys.stdout.flush()
                yield from clean_jsonl(runner, records, sys.stdout.buffer.write, opts)
                sys.stdout.buffer.flush()
                return
            # A .gz output is compressed by the workers, batch by batch.
            compress = dest.name.endswith(".gz")
            with atomic_output(dest, compress=False) as out:
                options = replace(opts, compress=compress)
                yield from clean_jsonl(runner, records, out.buffer.write, options)
    except InputError as exc:
        yield Outcome(name, None, "failed", f"{exc}; {nothing_written(dest, stdout)}")
    except BrokenPipeError:
        raise
    except OSError as exc:
        yield os_failure(exc, name, path, dest)


class JsonlWriter(Writer):
    patterns: ClassVar = ("*.jsonl", "*.jsonl.gz", "*.ndjson")
    compresses: ClassVar = False

    def write(self, chunk: Chunk) -> None:
        lines = []
        for row in chunk.batch.to_pylist():
            try:
                line = json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")
            except UnicodeEncodeError:
                line = json.dumps(row, ensure_ascii=True, default=str).encode("ascii")
            lines.append(line)
            lines.append(b"\n")
        self.stream.write(b"".join(lines))

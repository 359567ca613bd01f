"""What every record format shares: chunks, readers, writers.

Shaped like datatrove's readers and writers: a reader opens one source and
yields its records in order, a writer takes cleaned records and writes them.
Records travel as Arrow record batches (:class:`Chunk`), so a Parquet column
keeps its type from input to output and no row is converted to Python objects
but the text being cleaned.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, ClassVar


def nothing_written(dest: Path, stdout: bool) -> str:
    """What a source that failed midway leaves: its output only appears whole."""
    return "the records before it were written" if stdout else f"nothing was written to {dest}"


def os_failure(exc: OSError, name: str, path: Path | None, dest: Path) -> Any:
    """The one failure of a source whose input could not be read or output written."""
    from ..batch import Outcome

    if exc.filename is not None and path is not None and Path(exc.filename) == path:
        return Outcome(name, None, "failed", f"{name}: cannot read: {exc.strerror}")
    reason = f"cannot write: {exc.strerror or exc}"
    return Outcome(name, None, "failed", f"{dest}: {reason}; nothing was written")


class FormatUnavailable(RuntimeError):
    """The library a format needs is not installed; the message says what to install."""


def need(module: str, extra: str) -> Any:
    """Import ``module`` for a format, or say in one line what to install."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as exc:
        raise FormatUnavailable(
            f"this format needs {module.split('.')[0]}: pip install 'cleaner[{extra}]'"
        ) from exc


@dataclass(frozen=True)
class Chunk:
    """A run of records from one source: ``batch`` (an Arrow RecordBatch), its text column.

    ``first`` is the 1-based number of its first record in the source (a row,
    or a WARC record), which messages name; ``group`` is the input's row group,
    so a writer can keep the layout.
    """

    source: str
    first: int
    batch: Any
    text_column: str
    group: int = 0

    def record_numbers(self) -> list[int]:
        """The 1-based record number of each row of ``batch``."""
        return list(range(self.first, self.first + self.batch.num_rows))


class Named:
    """A format found by file name: ``patterns`` (fnmatch, case-insensitive)."""

    patterns: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def matches(cls, filename: str) -> bool:
        low = filename.lower()
        return any(fnmatch.fnmatch(low, p) for p in cls.patterns)


class Reader(Named):
    """Reads one source file as chunks. Subclasses set ``patterns`` and implement ``chunks``."""

    def __init__(self, path: Path, name: str, text_field: str):
        self.path, self.name, self.text_field = path, name, text_field

    @classmethod
    def output_name(cls, filename: str) -> str:
        """The output's name in a folder run (the same name unless the format converts)."""
        return filename

    def chunks(self, rows: int) -> Iterator[Chunk]:  # pragma: no cover - abstract
        """The source's records, in order, in chunks of at most ``rows`` rows.

        Raises :class:`~cleaner.io.InputError` naming the file (and row group or
        record) when the source cannot be read; what was yielded before stays valid.
        """
        raise NotImplementedError

    def schema(self) -> Any:
        """The Arrow schema of the chunks, before any column is added."""
        raise NotImplementedError

    def options(self) -> dict[str, Any]:
        """What a writer of the same format should keep (a Parquet file's codec)."""
        return {}


class Writer(Named):
    """Writes cleaned chunks to a binary stream. Subclasses set ``patterns``."""

    def __init__(self, stream: IO[bytes], schema: Any, options: dict[str, Any]):
        self.stream, self.schema, self.options = stream, schema, options

    #: Whether the writer compresses itself (else a ``.gz`` name means gzip around it).
    compresses: ClassVar[bool] = True

    def write(self, chunk: Chunk) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (footers, last row group); the stream is closed by the caller."""

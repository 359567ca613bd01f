"""Data formats of ``cleaner run`` beyond text files and JSONL: one module per format.

A **reader** turns an input file into :class:`~cleaner.formats.base.Chunk` s (an
Arrow record batch and the name of its text column) and a **writer** writes
cleaned chunks to an output; :mod:`cleaner.formats.records` runs them through
the worker pool, written once for every format. A format is found by its
file name here, and nowhere else:

====================  ==========================  ============================
format                reads                       writes
====================  ==========================  ============================
``parquet``           ``*.parquet``               ``*.parquet``
``wet``               ``*.warc.wet.gz``, ``*.wet``  (records go to JSONL or Parquet)
``jsonl``             (see :mod:`cleaner.batch`)  ``*.jsonl``, ``*.jsonl.gz`` of chunks
====================  ==========================  ============================

Adding a format means one module with a :class:`~cleaner.formats.base.Reader`
or :class:`~cleaner.formats.base.Writer` subclass, and one line in
:data:`READERS` or :data:`WRITERS`. Each format's third-party library is
imported only when a file of that format is met, so the core install needs none.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .base import Chunk, FormatUnavailable, Reader, Writer

#: Record readers by name, tried in this order on an input's file name.
READERS: dict[str, str] = {
    "parquet": "cleaner.formats.parquet:ParquetReader",
    "wet": "cleaner.formats.wet:WetReader",
}
#: Writers of cleaned chunks by name, tried in this order on an output's file name.
WRITERS: dict[str, str] = {
    "parquet": "cleaner.formats.parquet:ParquetWriter",
    "jsonl": "cleaner.formats.jsonl:JsonlWriter",
}


@functools.cache
def _load(spec: str) -> type:
    module, _, name = spec.partition(":")
    return getattr(__import__(module, fromlist=[name]), name)


def reader_for(path: Path | None, fmt: str = "auto") -> type[Reader] | None:
    """The reader of ``path`` (by ``fmt``, or by its name with ``auto``), or None."""
    if fmt in READERS:
        return _load(READERS[fmt])
    if fmt != "auto" or path is None:
        return None
    for spec in READERS.values():
        reader = _load(spec)
        if reader.matches(path.name):
            return reader
    return None


def writer_for(path: Path) -> type[Writer] | None:
    """The writer of cleaned chunks for an output named like ``path``, or None."""
    for spec in WRITERS.values():
        writer = _load(spec)
        if writer.matches(path.name):
            return writer
    return None


def input_patterns() -> tuple[str, ...]:
    """File-name patterns of every record format, for a folder walk."""
    return tuple(p for spec in READERS.values() for p in _load(spec).patterns)


__all__ = [
    "READERS",
    "WRITERS",
    "Chunk",
    "FormatUnavailable",
    "Reader",
    "Writer",
    "input_patterns",
    "reader_for",
    "writer_for",
]

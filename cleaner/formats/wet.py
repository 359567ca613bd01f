"""Common Crawl WET files: the plain text of every crawled page, one record per page.

Read with FastWARC (``pip install 'cleaner[wet]'``), the fastest WARC library
for Python, through Python's own gzip reader, which raises on a truncated file
where FastWARC's stops quietly. Each ``conversion`` record becomes one row:
``id`` (WARC-Record-ID), ``url`` (WARC-Target-URI), ``date`` (WARC-Date),
``lang`` (WARC-Identified-Content-Language, when present) and ``text``. WET text
is UTF-8 by Common Crawl's conversion; a byte that is not is replaced (U+FFFD).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from ..io import InputError
from .base import Chunk, Reader, need

_SUFFIXES = (".warc.wet.gz", ".wet.gz", ".warc.wet", ".wet")
_COLUMNS = ("id", "url", "date", "lang", "text")
_HEADERS = {
    "url": "WARC-Target-URI",
    "date": "WARC-Date",
    "lang": "WARC-Identified-Content-Language",
}


class WetReader(Reader):
    patterns: ClassVar = tuple(f"*{s}" for s in _SUFFIXES)

    def __init__(self, path: Path, name: str, text_field: str):
        # The page text is always "text" here; --text-field names a column of
        # JSONL and Parquet inputs.
        super().__init__(path, name, "text")
        self._warc = need("fastwarc.warc", "wet")
        self._pa = need("pyarrow", "wet")

    @classmethod
    def output_name(cls, filename: str) -> str:
        low = filename.lower()
        for suffix in _SUFFIXES:
            if low.endswith(suffix):
                return filename[: -len(suffix)] + ".jsonl.gz"
        return filename + ".jsonl.gz"

    def schema(self) -> Any:
        pa = self._pa
        return pa.schema([(c, pa.string()) for c in _COLUMNS])

    def chunks(self, rows: int) -> Iterator[Chunk]:
        warc = self._warc
        opener = gzip.open if self.path.name.lower().endswith(".gz") else open
        columns: dict[str, list] = {c: [] for c in _COLUMNS}
        first, n = 1, 0
        try:
            with opener(self.path, "rb") as stream:
                records = warc.ArchiveIterator(
                    stream,
                    record_types=warc.WarcRecordType.conversion,
                    parse_http=False,
                    stream_detect=False,
                )
                for record in records:
                    n += 1
                    headers = record.headers
                    columns["id"].append(record.record_id)
                    for column, header in _HEADERS.items():
                        columns[column].append(headers.get(header))
                    columns["text"].append(record.reader.read().decode("utf-8", "replace"))
                    if len(columns["text"]) >= rows:
                        yield self._chunk(columns, first)
                        first = n + 1
                        columns = {c: [] for c in _COLUMNS}
        except (OSError, EOFError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise InputError(f"{self.name}: record {n + 1}: cannot read: {reason}") from exc
        if columns["text"]:
            yield self._chunk(columns, first)

    def _chunk(self, columns: dict[str, list], first: int) -> Chunk:
        batch = self._pa.RecordBatch.from_pydict(columns, schema=self.schema())
        return Chunk(self.name, first, batch, "text")

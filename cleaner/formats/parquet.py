"""Parquet: read by row group, write back every column with its type and the input's codec.

A Parquet file is read one row group at a time (``ParquetFile.read_row_group``),
so a file of any size is cleaned in the memory of its largest row group; the
output gets one row group per input row group, in order, with the same
compression codec (zstd, snappy, ...). Only the text column changes; with
``--keep-removed`` a ``removed`` column (a list of ``{rule, what, line,
text}``) is added. Needs pyarrow (``pip install 'cleaner[parquet]'``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, ClassVar

from ..io import InputError
from .base import Chunk, Reader, Writer, need

#: Codecs by the name Parquet metadata gives them -> the name ParquetWriter takes.
_CODECS = {
    "UNCOMPRESSED": "none",
    "SNAPPY": "snappy",
    "GZIP": "gzip",
    "BROTLI": "brotli",
    "ZSTD": "zstd",
    "LZ4": "lz4",
    "LZ4_RAW": "lz4",
}


class ParquetReader(Reader):
    patterns: ClassVar = ("*.parquet",)

    def __init__(self, path: Path, name: str, text_field: str):
        super().__init__(path, name, text_field)
        pa = need("pyarrow", "parquet")
        pq = need("pyarrow.parquet", "parquet")
        try:
            self.file = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as exc:
            if isinstance(exc, OSError) and not isinstance(exc, pa.ArrowException):
                raise
            raise InputError(f"{name}: not a readable Parquet file: {exc}") from exc
        schema = self.file.schema_arrow
        if text_field not in schema.names:
            columns = ", ".join(schema.names)
            raise InputError(f"{name}: no column {text_field!r} (columns: {columns})")
        kind = schema.field(text_field).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            raise InputError(f"{name}: column {text_field!r} is {kind}, not a string")

    def schema(self) -> Any:
        return self.file.schema_arrow

    def options(self) -> dict[str, Any]:
        meta = self.file.metadata
        if meta.num_row_groups == 0 or meta.num_columns == 0:
            return {}
        index = self.file.schema_arrow.get_field_index(self.text_field)
        codec = meta.row_group(0).column(max(index, 0)).compression
        return {"compression": _CODECS.get(str(codec).upper(), "zstd")}

    def chunks(self, rows: int) -> Iterator[Chunk]:
        pa = need("pyarrow", "parquet")
        first = 1
        for group in range(self.file.metadata.num_row_groups):
            try:
                table = self.file.read_row_group(group)
            except (pa.ArrowException, OSError) as exc:
                raise InputError(
                    f"{self.name}: row group {group} (rows from {first}): cannot read: {exc}"
                ) from exc
            for batch in table.to_batches(max_chunksize=rows):
                yield Chunk(self.name, first, batch, self.text_field, group)
                first += batch.num_rows


class ParquetWriter(Writer):
    patterns: ClassVar = ("*.parquet",)

    def __init__(self, stream: IO[bytes], schema: Any, options: dict[str, Any]):
        super().__init__(stream, schema, options)
        pq = need("pyarrow.parquet", "parquet")
        self._pa = need("pyarrow", "parquet")
        self._writer = pq.ParquetWriter(
            stream, schema, compression=options.get("compression", "zstd")
        )
        self._group: int | None = None
        self._pending: list[Any] = []

    def write(self, chunk: Chunk) -> None:
        # One output row group per input row group: the input's layout is kept.
        if chunk.group != self._group:
            self._flush()
            self._group = chunk.group
        self._pending.append(chunk.batch)

    def _flush(self) -> None:
        if self._pending:
            table = self._pa.Table.from_batches(self._pending, schema=self.schema)
            self._writer.write_table(table, row_group_size=max(1, table.num_rows))
            self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

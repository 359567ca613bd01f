"""The run of one record source, for every format: read chunks, clean in the pool, write.

The main process reads a chunk, sends only its texts to a worker, and puts
the cleaned texts (and removals) back into the chunk's Arrow batch before the
writer gets it, so every other column keeps its values and type. The output
is written to a temporary file and renamed into place when the whole source is
done: a failed or interrupted source leaves nothing at its name.
"""

from __future__ import annotations

import gzip
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..batch import _WORKER, GZIP_LEVEL, Outcome, RecordOptions, _outcome, removal_dict
from ..engine import Cleaner
from ..io import InputError, atomic_output
from . import writer_for
from .base import Chunk, FormatUnavailable, Reader, need, nothing_written, os_failure

#: Rows per chunk: what one worker task cleans (about 1 MB of web text).
ROWS = 256

REMOVED = "removed"


def removed_type(pa: Any) -> Any:
    """The Arrow type of the ``removed`` column: a list of ``{rule, what, line, text}``."""
    return pa.list_(
        pa.struct(
            [
                ("rule", pa.string()),
                ("what", pa.string()),
                ("line", pa.int32()),
                ("text", pa.string()),
            ]
        )
    )


def clean_source(
    runner: Any,
    reader_type: type[Reader],
    path: Path,
    dest: Path,
    stdout: bool,
    options: RecordOptions,
) -> Iterator[Outcome]:
    """Clean one record source into ``dest`` (or stdout as JSONL); one failure if it breaks."""
    name = str(path)
    try:
        reader = reader_type(path, name, options.text_field)
        writer_type = writer_for(Path("-.jsonl") if stdout else dest)
        if writer_type is None:
            yield Outcome(
                name, None, "failed", f"{dest}: no format writes this name (.jsonl, .parquet)"
            )
            return
        pa = need("pyarrow", "parquet")
        schema = reader.schema()
        if options.keep_removed:
            if REMOVED in schema.names:
                schema = schema.remove(schema.get_field_index(REMOVED))
            schema = schema.append(pa.field(REMOVED, removed_type(pa)))
        if stdout:
            sys.stdout.flush()
            writer = writer_type(sys.stdout.buffer, schema, reader.options())
            yield from _run(runner, reader, writer, schema, options)
            writer.close()
            sys.stdout.buffer.flush()
            return
        with atomic_output(dest, compress=False) as out:
            stream = out.buffer
            packed = None
            if dest.name.endswith(".gz") and not writer_type.compresses:
                packed = gzip.GzipFile(fileobj=stream, mode="wb", compresslevel=GZIP_LEVEL, mtime=0)
                stream = packed
            writer = writer_type(stream, schema, reader.options())
            yield from _run(runner, reader, writer, schema, options)
            writer.close()
            if packed is not None:
                packed.close()
    except (InputError, FormatUnavailable) as exc:
        yield Outcome(name, None, "failed", f"{exc}; {nothing_written(dest, stdout)}")
    except BrokenPipeError:
        raise
    except OSError as exc:
        yield os_failure(exc, name, path, dest)


def _run(runner: Any, reader: Reader, writer: Any, schema: Any, options: RecordOptions):
    chunks: deque[Chunk] = deque()

    def tasks() -> Iterator[tuple[str, list[int], list[str | None]]]:
        for chunk in reader.chunks(ROWS):
            chunks.append(chunk)
            texts = chunk.batch.column(chunk.text_column).to_pylist()
            yield (chunk.source, chunk.record_numbers(), texts)

    for outcomes, texts, removed in runner.map(_texts_batch, tasks(), options, size=1):
        chunk = chunks.popleft()
        writer.write(_rebuild(chunk, texts, removed, schema, options))
        yield from outcomes


def _rebuild(chunk: Chunk, texts: list, removed: list, schema: Any, options: RecordOptions):
    """The chunk with its text column replaced (and the removals added)."""
    pa = need("pyarrow", "parquet")
    batch = chunk.batch
    columns = []
    for field in schema:
        if field.name == chunk.text_column:
            columns.append(pa.array(texts, type=field.type))
        elif field.name == REMOVED and options.keep_removed:
            columns.append(pa.array(removed, type=field.type))
        else:
            columns.append(batch.column(batch.schema.get_field_index(field.name)))
    rebuilt = pa.RecordBatch.from_arrays(columns, schema=schema)
    return Chunk(chunk.source, chunk.first, rebuilt, chunk.text_column, chunk.group)


def _texts_batch(
    batch: list[tuple[str, list[int], list[str | None]]],
    options: RecordOptions,
    cleaner: Cleaner | None = None,
) -> list[tuple[list[Outcome], list[str | None], list[list[dict] | None]]]:
    """Clean one chunk's texts in a worker: outcomes, cleaned texts, removals per row.

    A row whose text is null stays null and is reported; a row left with no
    body gets ``""`` and is reported, so rows stay one to one.
    """
    cleaner = cleaner or _WORKER["cleaner"]
    ((source, numbers, texts),) = batch
    outcomes: list[Outcome] = []
    out: list[str | None] = []
    removed: list[list[dict] | None] = []
    for number, text in zip(numbers, texts, strict=True):
        if text is None:
            where = f"{source}:{number}"
            outcomes.append(Outcome(source, number, "empty", f"{where}: no text (null), kept"))
            out.append(None)
            removed.append([] if options.keep_removed else None)
            continue
        result = cleaner.clean(text)
        status, error = "ok", None
        if result.empty:
            status, error = "empty", f"{source}:{number}: empty: no body left after cleaning"
        outcomes.append(
            _outcome(cleaner, source, number, status, error, text, result, options.detail)
        )
        out.append(result.text)
        removed.append([removal_dict(r) for r in result.removals] if options.keep_removed else None)
    return [(outcomes, out, removed)]

"""JSONL output of chunks read from another format (a WET file's pages, say).

JSONL input and JSONL-to-JSONL runs keep their own path in :mod:`cleaner.batch`,
which passes raw lines to the workers without parsing them in the main process.
This writer takes Arrow chunks: one JSON object per row, in the columns' order,
UTF-8 (non-JSON values such as timestamps as their ISO text).
"""

from __future__ import annotations

import json
from typing import ClassVar

from .base import Chunk, Writer


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

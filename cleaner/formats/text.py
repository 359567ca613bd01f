"""Text documents: a file, a folder of files, or stdin, each a whole document.

A folder's files are cleaned in the worker pool by :func:`cleaner.batch.clean_files`
(one output file each, written atomically, synced in groups); this module has the
single-document cases that write to stdout or read stdin.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ..batch import Outcome, clean_text
from ..engine import Cleaner
from ..io import InputError, atomic_write, decode_document, read_document


def clean_stdin(cleaner: Cleaner, dest: Path, stdout: bool, detail: int) -> Outcome:
    """Clean the document on stdin into ``dest`` (or stdout)."""
    try:
        text = decode_document(sys.stdin.buffer.read(), "<stdin>")
    except InputError as exc:
        return Outcome("<stdin>", None, "failed", str(exc))
    return clean_text(cleaner, "<stdin>", text, writer(dest, stdout), detail)


def clean_to_stdout(cleaner: Cleaner, source: Path, encoding: str, detail: int) -> Outcome:
    """Clean one text file to stdout."""
    try:
        text = read_document(source, encoding)
    except InputError as exc:
        return Outcome(str(source), None, "failed", str(exc))
    return clean_text(cleaner, str(source), text, writer(source, True), detail)


def writer(dest: Path, stdout: bool) -> Callable[[str], None]:
    """Where a clean body goes: ``dest`` atomically, or stdout."""
    if not stdout:
        return lambda body: atomic_write(dest, body)

    def to_stdout(body: str) -> None:
        sys.stdout.write(body)
        sys.stdout.flush()

    return to_stdout

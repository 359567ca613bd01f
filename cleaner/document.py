"""Text -> paragraphs, each with the input line it came from.

Input lines are split on ``\\r\\n``, ``\\r`` and ``\\n`` (what editors count), then
normalized one by one, so a paragraph's line number always points at the
user's file even when normalization splits or drops lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ._fields import compiled, pickle_by_fields, set_field
from .normalize import PLAIN, Normalizer
from .patterns import compile_pattern

_LINE_BREAK = compile_pattern(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-blank normalized line: its position, its input line, its text."""

    index: int
    line: int
    text: str

    # One per input line: the fast ``__init__`` of the compiled build (see
    # cleaner._fields.compiled). Still a frozen dataclass for every other purpose.
    def __init__(self, index: int, line: int, text: str) -> None:
        if _COMPILED:
            self.index = index  # type: ignore[misc]
            self.line = line  # type: ignore[misc]
            self.text = text  # type: ignore[misc]
        else:
            set_field(self, "index", index)
            set_field(self, "line", line)
            set_field(self, "text", text)


pickle_by_fields(Paragraph)


def split_paragraphs(text: str, normalizer: Normalizer) -> tuple[Paragraph, ...]:
    """Normalize ``text`` and split it into paragraphs (one per non-blank line)."""
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    judge = normalizer.judge
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    for lineno, raw in enumerate(lines, 1):
        if not raw:
            continue
        known = judge(raw)
        if known == PLAIN:
            append(Paragraph(len(paragraphs), lineno, raw))
            continue
        if raw.isspace() and raw.isascii():
            continue
        for piece in normalizer.line(raw, known):
            append(Paragraph(len(paragraphs), lineno, piece))
    return tuple(paragraphs)


#: Whether this module runs compiled: which branch the fast ``__init__`` takes.
_COMPILED: Final = compiled(split_paragraphs)


def render(texts: list[str | None] | tuple[str | None, ...]) -> str:
    """Join surviving paragraphs per POLICY.md: a blank line between, one final newline."""
    kept = [t for t in texts if t]
    return "\n\n".join(kept) + "\n" if kept else ""

"""Text -> paragraphs, each with the input line it came from.

Input lines are split on ``\\r\\n``, ``\\r`` and ``\\n`` (what editors count), then
normalized one by one, so a paragraph's line number always points at the
user's file even when normalization splits or drops lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ._fields import compiled, pickle_by_fields, set_field
from .normalize import PLAIN, Normalizer
from .patterns import compile_pattern

_LINE_BREAK = compile_pattern(r"\r\n|\r|\n")

# What a line may open with before its words that is no word: an emoji, an arrow, a
# bullet, dashes, a Markdown heading's hashes ("👉 Read more: ...", "» Also read:",
# ">> READ MORE:", "## Related"). Rules read such a line without it too.
# (An emoji or a symbol may touch the word; a sign or a dash is followed by a space:
# "-Aquakultur-" is a word. A single ">" marks a quoted line, as in an e-mail: "> Quoted
# reply > from the list" is no breadcrumb. Only before a letter, and not before a link:
# "⬇️ https://..." points at it, and stays a line of text.) The stdlib engine: plain
# classes.
_SYMBOLS = (
    "\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\U0001f000-\U0001faff\ufe0f\u200d"
)
_SIGNS = "*\\-_\u2012-\u2015\u2022\u2023\u2043\u00b7\u00bb\u203a>|+=~"
_ORNAMENT = (
    rf"(?:#{{1,6}}[ \t]++|[{_SYMBOLS}]{{1,8}}+[ \t]*+|(?!>[ \t])[{_SIGNS}]{{1,8}}+[ \t]++)"
    r"(?=[^\W\d_])(?!https?:|www\.)"
)
_ORNAMENT_START = re.compile(_ORNAMENT)


def unornamented(text: str) -> str | None:
    """``text`` without the ornament it opens with (an emoji, an arrow, a bullet,
    dashes, a Markdown heading's hashes, and the space after them, before a letter),
    or None when it opens with none: ``"👉 Read more: ..."`` -> ``"Read more: ..."``."""
    if text[:1].isalnum():
        return None  # nearly every line: a word or a number first
    m = _ORNAMENT_START.match(text)
    return None if m is None else text[m.end() :]


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


# A Markdown code fence's opening line: three backticks or more (then an info string
# without a backtick: "```js") or three tildes or more.
_FENCE_OPEN = re.compile(r"(`{3,}(?=[^`]*$)|~{3,})")
_NO_FENCES: frozenset[int] = frozenset()


def code_fences(texts: list[str | None]) -> frozenset[int]:
    """The paragraphs of ``texts`` inside a fenced code block (Markdown's ```` ``` ````
    or ``~~~``), the fences included: code, which no rule removes a line of. A block
    closes at a line of the same fence character, at least as many, alone; one left
    open runs to the end. A line's first character answers for nearly every line."""
    fenced: list[int] = []
    fence = ""
    for i, text in enumerate(texts):
        if not text:
            continue
        if fence:
            fenced.append(i)
            line = text.strip()
            if line.startswith(fence) and not line.strip(fence[0]):
                fence = ""
        elif text[0] in "`~":
            m = _FENCE_OPEN.match(text)
            if m is not None:
                fence = m.group(1)
                fenced.append(i)
    return frozenset(fenced) if fenced else _NO_FENCES


def ornamented(texts: list[str | None]) -> dict[int, tuple[str, str]]:
    """The paragraphs of ``texts`` that open with an ornament: index -> (text, text
    without it). A line's first character answers for nearly every line."""
    rests: dict[int, tuple[str, str]] = {}
    for i, text in enumerate(texts):
        if text and not text[0].isalnum():
            rest = unornamented(text)
            if rest is not None:
                rests[i] = (text, rest)
    return rests

"""Result and Removal: what a clean produced, and how to replay it.

Rules never edit text; they propose :class:`Removal` records, and
:func:`apply_removal` is the only code that turns a removal into an edit. The
engine uses it while cleaning and :func:`replay` uses it again from scratch,
which is why replaying a result's removals on the input gives exactly its
output (tested over every example).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from ._fields import compiled, pickle_by_fields, set_field
from .document import Paragraph, render
from .normalize import collapse_spaces
from .patterns import compile_pattern

_WORD = compile_pattern(r"\w")


@dataclass(frozen=True, slots=True)
class Removal:
    """One thing a rule removed.

    ``rule`` is the rule id; ``text`` what was removed (the paragraphs of a
    block joined by newlines); ``line`` the 1-based input line where it starts;
    ``paragraphs`` the indices of the paragraphs involved; ``span`` the
    ``(start, end)`` character offsets inside the paragraph when only part of
    it was removed, else ``None``. ``reason`` says why, when the rule judged
    more than a pattern match (the page rule's evidence: ``"teaser headline"``),
    else ``None``.
    """

    rule: str
    text: str
    line: int
    paragraphs: tuple[int, ...]
    span: tuple[int, int] | None = None
    reason: str | None = None

    # The compiled build's fast ``__init__`` (see cleaner._fields.compiled); the
    # same parameters and defaults as the fields above.
    def __init__(
        self,
        rule: str,
        text: str,
        line: int,
        paragraphs: tuple[int, ...],
        span: tuple[int, int] | None = None,
        reason: str | None = None,
    ) -> None:
        if _COMPILED:
            self.rule = rule  # type: ignore[misc]
            self.text = text  # type: ignore[misc]
            self.line = line  # type: ignore[misc]
            self.paragraphs = paragraphs  # type: ignore[misc]
            self.span = span  # type: ignore[misc]
            self.reason = reason  # type: ignore[misc]
        else:
            set_field(self, "rule", rule)
            set_field(self, "text", text)
            set_field(self, "line", line)
            set_field(self, "paragraphs", paragraphs)
            set_field(self, "span", span)
            set_field(self, "reason", reason)

    @property
    def what(self) -> str:
        """``"span"``, ``"paragraph"`` or ``"block"``."""
        if self.span is not None:
            return "span"
        return "paragraph" if len(self.paragraphs) == 1 else "block"


@dataclass(frozen=True, slots=True)
class Result:
    """The clean body (``text``) and every ``removals`` that led to it, in order.

    ``text`` follows POLICY.md: one paragraph per line, a blank line between
    paragraphs, one final newline; it is ``""`` when nothing of the body is left
    (see :attr:`empty`). ``paragraphs`` are the normalized input paragraphs
    that ``Removal.paragraphs`` index into (``paragraphs_in`` of them).
    ``timeouts`` names the rules that ran out of time on this document (see
    ``Cleaner(rule_timeout=...)``); nothing of theirs was applied. ``flag``
    says why the over-removal guard flagged the document (``None`` when it did
    not), and ``held`` are the removals it held back (see :mod:`cleaner.guard`).
    """

    text: str
    removals: tuple[Removal, ...]
    paragraphs_in: int
    paragraphs: tuple[Paragraph, ...] = ()
    timeouts: tuple[str, ...] = ()
    flag: str | None = None
    held: tuple[Removal, ...] = ()

    @property
    def empty(self) -> bool:
        """True when no body is left: callers must report it, not write a blank file."""
        return not self.text

    def by_rule(self) -> dict[str, int]:
        """How many removals each rule made."""
        counts: dict[str, int] = {}
        for r in self.removals:
            counts[r.rule] = counts.get(r.rule, 0) + 1
        return counts


pickle_by_fields(Removal, Result)


class ReplayError(ValueError):
    """A removal does not fit the document it is replayed on."""


def apply_removal(texts: list[str | None], removal: Removal) -> None:
    """Apply one removal to the current paragraph texts (``None`` = removed), in place.

    A span removal that leaves no word character (only a separator such as
    ``|``) removes the paragraph.
    """
    if removal.span is None:
        current = "\n".join(texts[i] or "" for i in removal.paragraphs)
        if current != removal.text:
            raise ReplayError(f"line {removal.line} [{removal.rule}]: paragraphs changed")
        for i in removal.paragraphs:
            texts[i] = None
        return
    (i,) = removal.paragraphs
    start, end = removal.span
    text = texts[i]
    if text is None or text[start:end] != removal.text:
        raise ReplayError(f"line {removal.line} [{removal.rule}]: span does not match")
    # Close the gap the span leaves: "a  b " -> "a b".
    rest = collapse_spaces(text[:start] + text[end:])
    texts[i] = rest if _WORD.search(rest) else None


#: Whether this module runs compiled: which branch the fast ``__init__`` takes.
_COMPILED: Final = compiled(apply_removal)


def replay(paragraphs: Iterable[Paragraph], removals: Iterable[Removal]) -> str:
    """Apply ``removals`` to freshly split ``paragraphs`` and render the text."""
    texts: list[str | None] = [p.text for p in paragraphs]
    for removal in removals:
        apply_removal(texts, removal)
    return render(texts)

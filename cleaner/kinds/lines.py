"""``lines``: remove paragraphs that are one of a list of known lines.

What ``cleaner learn`` writes: the furniture a corpus repeats (a site's
newsletter line, its share bar, its "More from ..." header), listed
verbatim so a person can review them. A paragraph matches when its *line
key* equals an entry's: case folded, every run of digits read as one
number, spaces collapsed. So ``Updated 5 hours ago`` learned from one page
matches ``Updated 17 hours ago`` on the next. Matching is a set lookup, the
same cost for ten lines or ten thousand.

Each entry is a string or a mapping ``{text, documents, sites}``; the counts
record what ``cleaner learn`` saw and do not change matching.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..result import Removal
from .base import Rule, View

_DIGITS = regex.compile(r"\d+")


def line_key(text: str) -> str:
    """What two paragraphs must share to count as the same line."""
    return " ".join(_DIGITS.sub("0", text.casefold()).split())


@dataclass(frozen=True)
class LinesRule(Rule):
    lines: frozenset[str] = frozenset()

    kind: ClassVar[str] = "lines"
    stage: ClassVar[int] = 2
    FIELDS: ClassVar = {"lines": ("lines", True, None)}

    def find(self, view: View) -> Iterator[Removal]:
        keys = self.lines
        for i in view.live(self.local):
            text = view.texts[i]
            if (
                not self.when.too_long(text)
                and line_key(text) in keys
                and self.allows(view, i, text)
            ):
                yield self.removal_of(view, (i,))

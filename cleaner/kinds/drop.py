"""``drop``: remove a whole paragraph that matches a pattern.

The workhorse for furniture that sits on its own line: ``Advertisement``,
``Share this article``, ``Also Read: ...``. Patterns are searched anywhere in
the paragraph unless anchored or ``standalone: true``; keep them anchored, so a
body sentence that merely mentions "read more" survives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..result import Removal
from .base import PatternRule, View, declare

#: The fewest alternatives of a list ``pattern`` that are searched apart (measured
#: on the bench pages: two or three in one alternation cost less).
PER_TRIGGER_PARTS = 4


@dataclass(frozen=True)
class DropRule(PatternRule):
    def find(self, view: View) -> Iterator[Removal]:
        for i in view.candidates(self.local):
            text = view.texts[i]
            assert text is not None  # candidates() yields live paragraphs only
            if (
                not self.when.too_long(text)
                and self.match(text, view.triggers_hit(i))
                and self.allows(view, i, text)
            ):
                yield self.removal_of(view, (i,))

    @property
    def per_trigger(self) -> bool:
        # A paragraph is searched only with the alternatives whose literals it
        # holds: one alternation would try them all at every position. With
        # fewer, the bookkeeping costs more than the searches it spares.
        return len(self.parts) >= PER_TRIGGER_PARTS


declare(DropRule, kind="drop", stage=2)

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
from .base import PatternRule, View, declare, ornament_free


@dataclass(frozen=True)
class DropRule(PatternRule):
    def find(self, view: View) -> Iterator[Removal]:
        rests = view.counts.rests  # empty for nearly every document
        for i in self.candidates(view):
            text = view.texts[i]
            assert text is not None  # candidates() yields live paragraphs only
            if self.when.too_long(text, view.counts.pieces):
                continue
            if not self.match(text):
                # ... or read without the ornament it opens with ("👉 Read more: ...").
                if not rests:
                    continue
                rest = ornament_free(view, i, text)
                if rest is None or not self.match(rest) or self.when.unless_matches(rest):
                    continue
            if self.allows(view, i, text):
                yield self.removal_of(view, (i,))


declare(DropRule, kind="drop", stage=2)

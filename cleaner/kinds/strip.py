"""``strip``: remove a span inside a paragraph and keep the rest.

For furniture glued to body text by the extractor: ``... a sentence. Click To
Tweet``, a credit stuck to the end of a caption-less paragraph. A paragraph
whose every word is stripped goes away whole. Dropping the paragraph instead
would lose the sentence; keeping it would keep the widget text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..result import Removal
from .base import PatternRule, View, declare

# A pattern that keeps matching what it just left would loop; no paragraph
# needs more strips than this.
MAX_STRIPS_PER_PARAGRAPH = 32


@dataclass(frozen=True)
class StripRule(PatternRule):
    def find(self, view: View) -> Iterator[Removal]:
        for i in self.candidates(view):
            line = view.paragraphs[i].line
            for _ in range(MAX_STRIPS_PER_PARAGRAPH):
                text = view.texts[i]
                if text is None or not self.allows(view, i, text):
                    break
                m = self.match(text)
                if m is None or m.end() == m.start():
                    break
                yield Removal(self.id, m.group(), line, (i,), (m.start(), m.end()))


declare(StripRule, kind="strip", stage=0)

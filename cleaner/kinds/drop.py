"""``drop``: remove a whole paragraph that matches a pattern.

The workhorse for furniture that sits on its own line: ``Advertisement``,
``Share this article``, ``Also Read: ...``. Patterns are searched anywhere in
the paragraph unless anchored or ``standalone: true``; keep them anchored, so a
body sentence that merely mentions "read more" survives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..result import Removal
from .base import Rule, View, full_or_search


@dataclass(frozen=True)
class DropRule(Rule):
    pattern: regex.Pattern = None  # type: ignore[assignment]
    standalone: bool = False

    kind: ClassVar[str] = "drop"
    stage: ClassVar[int] = 2
    FIELDS: ClassVar = {
        "pattern": ("patterns", True, None),
        "standalone": ("bool", False, False),
    }

    def find(self, view: View) -> Iterator[Removal]:
        for i in view.live():
            text = view.texts[i]
            if full_or_search(self.pattern, text, self.standalone) and self.allows(view, i, text):
                yield self.removal_of(view, (i,))

"""``caption``: a short standalone paragraph that ends with a credit or carries a position marker.

Captions describe a photo and end with who took or supplied it
(``... in Muscat, Feb. 6, 2026. (Omani Foreign Ministry Handout via AFP)``,
``... talks in Oman. [Middle East Eye]``) or point at people in it (``(L)``,
``(centre)``). A plain pattern cannot tell them from body text: body
paragraphs end with brackets too, and ``(R)`` also marks a Republican. So a
caption must be short (``max_words``, 60 by default), stand alone, and the
credit must close the paragraph; the pack's ``unless`` keeps quotes and
reported speech.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from ..result import Removal
from .base import Rule, View, declare


@dataclass(frozen=True)
class CaptionRule(Rule):
    #: One pattern per alternative of the pack's ``credit``, each anchored at the end.
    credit: tuple[regex.Pattern, ...] | None = None
    marker: regex.Pattern | None = None

    def find(self, view: View) -> Iterator[Removal]:
        for i in self.candidates(view):
            text = view.texts[i]
            assert text is not None  # candidates() yields live paragraphs only
            if (
                not self.when.too_long(text, view.counts.pieces)
                and self._looks_like_caption(text, view.triggers_hit(i))
                and self.allows(view, i, text)
            ):
                yield self.removal_of(view, (i,))

    @property
    def triggers(self) -> tuple[tuple[regex.Pattern, bool], ...]:
        return (
            *((p, False) for p in self.credit or ()),
            *(((self.marker, False),) if self.marker is not None else ()),
        )

    @property
    def per_trigger(self) -> bool:
        return True  # each credit pattern is searched alone

    def _looks_like_caption(self, text: str, tried: Iterable[int] | None = None) -> bool:
        """Whether ``text`` closes with a credit or holds a marker.

        ``tried``: the numbers of the triggers (the credit patterns, then the
        marker) whose literals the prefilter found in it (see
        :meth:`View.triggers_hit`); the others cannot match. None: try them all.
        """
        credit = self.credit or ()
        if tried is None:
            tried = range(len(credit) + 1)
        starts = []
        for k in tried:
            if k < len(credit):
                m = credit[k].search(text, None, None, False)
                if m is not None:
                    starts.append(m.start())
            elif (
                self.marker is not None and self.marker.search(text, None, None, False) is not None
            ):
                return True
        # The credit closes a description; a line that is only a bracket is a
        # citation or a credit line, which other rules judge: the leftmost credit
        # of all must not start the line.
        return bool(starts) and min(starts) > 0


declare(
    CaptionRule,
    kind="caption",
    stage=2,
    fields={
        "credit": ("patterns_end", False),
        "marker": ("patterns", False),
    },
    one_of=("credit", "marker"),
    condition_defaults={"max_words": 60},
)

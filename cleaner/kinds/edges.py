"""``edges``: furniture before the body's first paragraph and after its last.

Line rules fail both ways on what surrounds an article: a teaser headline
after the body reads like a heading inside it. This kind judges the page
instead. The body runs from the first to the last *body paragraph* (a
sentence of at least ``body_words`` words, or any paragraph of at least
``long_words``), stretched over list items (and bare links between them)
that hang off either end. Inside
it nothing is touched: lists, tables, short sentences and headings stay.
Outside it, a paragraph goes unless it is the headline (the first
paragraph, when it has at least three words: POLICY keeps a headline the
text starts with) or reads as text: a sentence (ending in
. ! ? … : or a closing quote, CJK 。！？ too) of at least ``keep_words`` words,
the attribution line of an embedded post (``— Name (@handle) date``) or a
post's text (``pic.twitter.com``). With ``tail_runs`` (default), after the
body only runs of two or more such lines go (teaser lists, link rows); a
single stray line there is left alone. When the first line after the body
announces what follows (it ends with a colon: "This is how the poem
begins:"), everything after it is kept. Conditions apply to each paragraph
it would remove (default ``max_words: 15``: longer ones stay).

Measured on the bench's dev half (``bench/accuracy.py``) before it joined
the default pack; see the README's accuracy section.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..result import Removal
from .base import Rule, View

# A paragraph that ends like text: sentence punctuation or a closing quote or bracket.
_BODY_END = regex.compile(r"[.!?…。！？'\"’”»)\]]\s*$")
# ... and for keeping a line outside the body, a colon too (a lead-in to a list or post).
_SENTENCE_END = regex.compile(r"[.!?…:。！？'\"’”»)\]]\s*$")
# List items, and bare links between them (a product list with a link per item).
_LIST_ITEM = regex.compile(r"^(?:\d{1,3}[.)]|[-•*–])\s|^https?://\S+$")
#: A first paragraph of at least this many words before the body is the headline.
HEADLINE_WORDS = 3
_LEAD_IN = regex.compile(r":\s*$")
_POST = regex.compile(r"^[—–-] .*\(@\w+\)|pic\.twitter\.com/")


@dataclass(frozen=True)
class EdgesRule(Rule):
    body_words: int = 12
    long_words: int = 20
    keep_words: int = 3
    tail_runs: bool = True

    kind: ClassVar[str] = "edges"
    stage: ClassVar[int] = 3
    FIELDS: ClassVar = {
        "body_words": ("int", False, 12),
        "long_words": ("int", False, 20),
        "keep_words": ("int", False, 3),
        "tail_runs": ("bool", False, True),
    }
    CONDITION_DEFAULTS: ClassVar = {"max_words": 15}

    @property
    def local(self) -> bool:
        return False  # the body's edges depend on every paragraph

    def find(self, view: View) -> Iterator[Removal]:
        order = list(view.live())
        texts = [view.texts[i] or "" for i in order]
        n = len(texts)
        # Words only of the paragraphs looked at: the head and tail, and the
        # body paragraphs that bound them (a long document costs its edges).
        counted: dict[int, int] = {}

        def words(k: int) -> int:
            if k not in counted:
                counted[k] = view.words(texts[k])
            return counted[k]

        first = next((k for k in range(n) if self._body(texts[k], words(k))), None)
        if first is None:
            return
        last = next(k for k in range(n - 1, first - 1, -1) if self._body(texts[k], words(k)))
        while last + 1 < n and _LIST_ITEM.match(texts[last + 1]):
            last += 1
        if last + 1 < n and _LEAD_IN.search(texts[last + 1]):
            # The body ends by announcing what follows ("She read this poem:"):
            # what follows is its content, not furniture.
            last = n - 1
        while first > 0 and _LIST_ITEM.match(texts[first - 1]):
            first -= 1
        # POLICY keeps the headline "when the text starts with one": a first
        # paragraph of a few words before the body.
        head_start = 1 if first > 0 and words(0) >= HEADLINE_WORDS else 0
        outside = {
            k
            for k in (*range(head_start, first), *range(last + 1, n))
            if not self._reads_as_text(texts[k], words(k)) and self.allows(view, order[k], texts[k])
        }
        if self.tail_runs:
            outside = {k for k in outside if k < first or k - 1 in outside or k + 1 in outside}
        for k in sorted(outside):
            yield self.removal_of(view, (order[k],))

    def _body(self, text: str, words: int) -> bool:
        if words >= self.long_words:
            return True
        return words >= self.body_words and _BODY_END.search(text) is not None

    def _reads_as_text(self, text: str, words: int) -> bool:
        if _POST.search(text):
            return True
        return words >= self.keep_words and _SENTENCE_END.search(text) is not None

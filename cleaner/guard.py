"""The over-removal guard: a document the rules would gut is flagged and kept.

Short furniture lines (paragraphs of at most :data:`TRUSTED_WORDS` words:
"Share this article", "Photo: Jane Doe/Reuters", a block of teaser
headlines) and spans stripped from a paragraph are *trusted*: a wrong one
costs a line. A removal that takes a longer paragraph is not: one wrong block
``until`` or one broad user pattern takes the article with it.

The guard measures the untrusted removals against the words the trusted ones
leave. When they would take more than ``max_removed`` of them, the document
is flagged (``Result.flag`` says why) and the policy decides:

- ``"trusted"`` (default): clean again from the input with the rules allowed
  only trusted removals; what they would have removed beyond that is in
  ``Result.held``;
- ``"keep"``: apply nothing; the document is only normalized;
- ``"apply"``: apply everything anyway, and flag it.

Measuring against what the trusted removals leave (and not the whole
document) means a flagged output, cleaned again, usually meets the same
untrusted removals and is flagged the same way. Not always (a block's extent
can depend on a line a trusted rule removed), so the engine cleans a flagged
output again until it settles (``engine.MAX_GUARD_ROUNDS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ._fields import pickle_by_fields
from .kinds.base import count_words
from .result import Removal

#: A removed paragraph of at most this many words is trusted.
TRUSTED_WORDS = 12
MAX_REMOVED = 0.6
POLICIES = ("trusted", "keep", "apply")


@dataclass(frozen=True, slots=True)
class Guard:
    """``max_removed``: the share above which a document is flagged; ``policy``: see above."""

    max_removed: float = MAX_REMOVED
    policy: str = "trusted"

    def __post_init__(self):
        if not 0 < self.max_removed <= 1:
            raise ValueError(f"max_removed must be above 0 and at most 1, not {self.max_removed}")
        if self.policy not in POLICIES:
            raise ValueError(f"over_removal must be one of {', '.join(POLICIES)}")

    def judge(
        self, texts: list[str], removals: list[Removal], words=count_words
    ) -> tuple[str | None, tuple[Removal, ...]]:
        """(why the document is flagged or None, the removals to hold back).

        ``texts`` are the normalized input paragraphs; ``removals`` all the
        rules found, in order; ``words`` counts words (``count_words``, or a
        cached version of it).
        """
        untrusted = [r for r in removals if not trusted(r, words)]
        if not untrusted:
            return None, ()
        held_words = sum(words(r.text) for r in untrusted)
        removed_words = sum(words(r.text) for r in removals)
        # The words the trusted removals leave, counted paragraph by paragraph
        # only until they clear the document (exact: the words not yet counted
        # only add to them, and lower the share).
        left = held_words - removed_words
        for text in texts:
            left += words(text)
            if left > 0 and held_words / left <= self.max_removed:
                return None, ()
        share = held_words / left if left > 0 else 1.0
        if share <= self.max_removed:
            return None, ()
        rules = ", ".join(sorted({r.rule for r in untrusted}))
        why = (
            f"rules would remove {share:.0%} of the words (limit {self.max_removed:.0%}): "
            f"{len(untrusted)} removals of long paragraphs by {rules}"
        )
        if self.policy == "apply":
            return f"{why}; applied anyway", ()
        if self.policy == "keep":
            return f"{why}; kept as it was (normalized only)", tuple(removals)
        return f"{why}; kept with only short lines and spans removed", tuple(untrusted)


pickle_by_fields(Guard)


def trusted(removal: Removal, words=count_words) -> bool:
    """A stripped span, or removed paragraphs that are all short (TRUSTED_WORDS words or less).

    Trust is a property of each paragraph, not of how a block's edges fell,
    so the same lines are trusted however a later run cuts the block.
    """
    if removal.span is not None:
        return True
    return all(words(t) <= TRUSTED_WORDS for t in removal.text.split("\n"))

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

from ..patterns import compile_pattern
from ..result import Removal
from .base import Rule, View, declare

_DIGITS = compile_pattern(r"\d+")


def line_key(text: str) -> str:
    """What two paragraphs must share to count as the same line."""
    return " ".join(_DIGITS.sub("0", text.casefold()).split())


@dataclass(frozen=True)
class LinesRule(Rule):
    lines: frozenset[str] = frozenset()

    def find(self, view: View) -> Iterator[Removal]:
        # The engine runs lines rules as groups; alone, a rule is a group of one.
        return LinesGroup((self,)).find(view)


class LinesGroup:
    """Consecutive ``lines`` rules run as one pass: a key is computed once per paragraph.

    ``cleaner learn`` writes a rule per site; run one by one, a corpus of 200
    sites would look every paragraph up 200 times. The group removes exactly
    what the rules would, one after the other: a paragraph goes to the first
    rule whose lines hold its key and whose conditions allow it (rules only
    drop whole paragraphs, so none changes what a later one sees). Removals
    carry that rule's id. The engine builds groups; packs never name them.
    """

    __slots__ = ("id", "index", "local", "rules")

    def __init__(self, rules: tuple[LinesRule, ...]):
        self.rules = rules
        self.id = rules[0].id
        self.local = all(rule.local for rule in rules)
        self.index: dict[str, tuple[LinesRule, ...]] = {}
        for rule in rules:
            for key in rule.lines:
                self.index[key] = (*self.index.get(key, ()), rule)

    def find(self, view: View) -> Iterator[Removal]:
        index = self.index
        for i in view.live(self.local):
            text = view.texts[i]
            assert text is not None  # live() yields live paragraphs only
            for rule in index.get(line_key(text), ()):
                if not rule.when.too_long(text, view.counts.pieces) and rule.allows(view, i, text):
                    yield rule.removal_of(view, (i,))
                    break


declare(LinesRule, kind="lines", stage=2, fields={"lines": ("lines", True)})


def grouped(rules: tuple[Rule, ...]) -> tuple[Rule | LinesGroup, ...]:
    """``rules`` with every run of consecutive ``lines`` rules as one group."""
    out: list[Rule | LinesGroup] = []
    run: list[LinesRule] = []
    for rule in (*rules, None):
        if isinstance(rule, LinesRule):
            run.append(rule)
            continue
        if run:
            out.append(LinesGroup(tuple(run)))
        run = []
        if rule is not None:
            out.append(rule)
    return tuple(out)

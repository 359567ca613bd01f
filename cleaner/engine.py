"""The Cleaner: rule packs in, clean text and removals out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .document import Paragraph, split_paragraphs
from .errors import RuleError
from .kinds import Rule, View
from .loader import load_packs
from .normalize import Normalizer
from .result import Removal, Result, apply_removal, render, replay

DEFAULT_PACKS = ("default",)
# Rules run again on what is left until nothing more is removed, so that
# cleaning a clean text changes nothing (positions like "within the last 3
# paragraphs" move when something is removed). Real texts settle in 2 passes.
MAX_PASSES = 8


class Cleaner:
    """Cleans article text with rule packs; build once, use everywhere.

    >>> from cleaner import Cleaner
    >>> Cleaner().clean("Body text here.\\nAlso Read: Something else\\n").text
    'Body text here.\\n'

    ``packs`` are names of bundled packs (``"default"``) or paths to YAML
    packs; ``disable`` rule ids to switch off. Patterns are compiled here,
    once. A Cleaner is immutable: it can be shared across threads and pickled
    to worker processes.
    """

    __slots__ = ("_disable", "_files", "_normalizer", "_packs", "_rules")

    def __init__(
        self,
        packs: Sequence[str | Path] | None = None,
        disable: Iterable[str] = (),
    ):
        packs = tuple(DEFAULT_PACKS if packs is None else packs)
        disable = tuple(disable)
        pack = load_packs(packs, disable)
        rules = tuple(sorted(pack.rules, key=lambda r: r.stage))
        _fill(self, packs, disable, rules, Normalizer(pack.normalize), pack.files)

    def __setattr__(self, name, value):
        raise AttributeError("a Cleaner is immutable; build a new one")

    def __reduce__(self):
        # Rules (with compiled patterns) pickle as data, so a worker never
        # needs the pack files.
        return (_rebuild, (self._packs, self._disable, self._rules, self._normalizer, self._files))

    def __repr__(self) -> str:
        packs, disable = list(self._packs), list(self._disable)
        return f"Cleaner(packs={packs!r}, disable={disable!r}, rules={len(self._rules)})"

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The active rules, in the order they run."""
        return self._rules

    @property
    def files(self) -> tuple[str, ...]:
        """The pack files that were loaded."""
        return self._files

    def only(self, rule_ids: Iterable[str]) -> Cleaner:
        """A Cleaner with the same normalization and only the given rules (for rule tests)."""
        wanted = set(rule_ids)
        unknown = wanted - {r.id for r in self._rules}
        if unknown:
            raise RuleError(f"unknown rule id(s): {', '.join(sorted(unknown))}")
        rules = tuple(r for r in self._rules if r.id in wanted)
        return _rebuild(self._packs, self._disable, rules, self._normalizer, self._files)

    def paragraphs(self, text: str) -> tuple[Paragraph, ...]:
        """The normalized paragraphs of ``text`` (``index``, input ``line``, ``text``).

        ``Removal.paragraphs`` holds indices into this tuple.
        """
        return split_paragraphs(text, self._normalizer)

    def normalize(self, text: str) -> str:
        """Only the normalization of :meth:`clean`, rendered one paragraph per line."""
        return render([p.text for p in split_paragraphs(text, self._normalizer)])

    def replay(self, text: str, removals: Iterable[Removal]) -> str:
        """Apply ``removals`` (from :meth:`clean` of ``text``) to ``text`` again.

        Gives exactly ``clean(text).text``; raises :class:`~cleaner.ReplayError`
        when a removal does not fit. Explanations and diffs are built on this.
        """
        return replay(split_paragraphs(text, self._normalizer), removals)

    def clean(self, text: str) -> Result:
        """Clean one document: normalize, run the rules, return text and removals."""
        paragraphs = split_paragraphs(text, self._normalizer)
        texts: list[str | None] = [p.text for p in paragraphs]
        removals: list[Removal] = []
        focus: set[int] | None = None
        for _ in range(MAX_PASSES):
            before = len(removals)
            view = View(paragraphs, texts, focus)
            focus = set()
            for rule in self._rules:
                for removal in rule.find(view):
                    apply_removal(texts, removal)
                    removals.append(removal)
                    if removal.span is not None:
                        focus.update(removal.paragraphs)
            if len(removals) == before:
                break
        return Result(render(texts), tuple(removals), len(paragraphs), paragraphs)


def _fill(cleaner: Cleaner, packs, disable, rules, normalizer, files) -> None:
    set_ = object.__setattr__
    set_(cleaner, "_packs", packs)
    set_(cleaner, "_disable", disable)
    set_(cleaner, "_rules", rules)
    set_(cleaner, "_normalizer", normalizer)
    set_(cleaner, "_files", files)


def _rebuild(packs, disable, rules, normalizer, files) -> Cleaner:
    cleaner = object.__new__(Cleaner)
    _fill(cleaner, packs, disable, rules, normalizer, files)
    return cleaner

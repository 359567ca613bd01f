"""The Cleaner: rule packs in, clean text and removals out."""

from __future__ import annotations

import functools
import hashlib
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

import regex

from . import cache
from . import prefilter as prefilter_module
from .document import Paragraph, code_fences, ornamented, split_paragraphs
from .errors import RuleError
from .guard import MAX_REMOVED, Guard, trusted
from .kinds import Rule
from .kinds.base import WordCounts
from .kinds.lines import grouped
from .loader import load_packs
from .normalize import Normalizer
from .passes import _Timer, split_hits
from .passes import run as _run
from .prefilter import Prefilter, is_strong, need
from .result import Removal, Result, apply_removal, render, replay

DEFAULT_PACKS = ("default",)
#: Extra cleans of a flagged document's output, until it no longer changes.
MAX_GUARD_ROUNDS = 3
#: Seconds of CPU time one rule may spend on one document (see ``rule_timeout``).
RULE_TIMEOUT = 5.0


class Cleaner:
    """Cleans article text with rule packs; build once, use everywhere.

    >>> from cleaner import Cleaner
    >>> Cleaner().clean("Body text here.\\nAlso Read: Something else\\n").text
    'Body text here.\\n'

    ``packs`` are names of bundled packs (``"default"``) or paths to YAML
    packs; ``disable`` rule ids to switch off. Patterns are compiled here,
    once. A Cleaner is immutable: it can be shared across threads and pickled
    to worker processes.

    ``rule_timeout`` is the CPU time in seconds one rule may spend on one
    document (``None`` or 0: no limit). A rule that runs out of time, say a
    user's pattern that backtracks catastrophically, is undone and skipped for
    that document; the other rules still apply and ``Result.timeouts`` names
    it. The budget is kept with a CPU-time timer (``SIGVTALRM``), which Python
    only allows on the main thread of a process: that is where ``cleaner
    run``'s workers and datatrove's, Ray's and Spark's Python workers clean.
    Called from another thread, rules run without a budget.

    ``max_removed`` and ``over_removal`` set the over-removal guard (see
    :mod:`cleaner.guard`): when blocks and long paragraphs would take more
    than ``max_removed`` of the words that short furniture lines leave, the
    document is flagged (``Result.flag``) and, by default, kept with only the
    short lines and spans removed (``"trusted"``; ``"keep"`` applies nothing,
    ``"apply"`` applies everything and only flags). ``max_removed=None``
    switches the guard off.
    """

    __slots__ = (
        "_disable",
        "_files",
        "_guard",
        "_normalizer",
        "_packs",
        "_parts",
        "_plan",
        "_prefilter",
        "_rules",
        "_timeout",
    )

    def __init__(
        self,
        packs: Sequence[str | Path] | None = None,
        disable: Iterable[str] = (),
        rule_timeout: float | None = RULE_TIMEOUT,
        max_removed: float | None = MAX_REMOVED,
        over_removal: str = "trusted",
    ):
        packs = tuple(DEFAULT_PACKS if packs is None else packs)
        disable = tuple(disable)
        if rule_timeout is not None and not rule_timeout >= 0:
            raise ValueError(f"rule_timeout must be a number of seconds >= 0, not {rule_timeout}")
        guard = None if max_removed is None else Guard(max_removed, over_removal)
        pack = load_packs(packs, disable)
        rules = tuple(sorted(pack.rules, key=lambda r: r.stage))
        normalizer = Normalizer(pack.normalize)
        options = (rule_timeout or None, guard)
        _fill(self, packs, disable, rules, normalizer, pack.files, options)

    def __setattr__(self, name, value):
        raise AttributeError("a Cleaner is immutable; build a new one")

    def __reduce__(self):
        # Rules (with compiled patterns) pickle as data, so a worker never
        # needs the pack files.
        return (
            _rebuild,
            (
                self._packs,
                self._disable,
                self._rules,
                self._normalizer,
                self._files,
                self._options,
                self._prefilter,
            ),
        )

    @property
    def _options(self) -> tuple:
        return (self._timeout, self._guard)

    def __repr__(self) -> str:
        packs, disable = list(self._packs), list(self._disable)
        guard = self._guard
        return (
            f"Cleaner(packs={packs!r}, disable={disable!r}, rule_timeout={self._timeout}, "
            f"max_removed={guard and guard.max_removed}, "
            f"over_removal={(guard.policy if guard else 'trusted')!r}, rules={len(self._rules)})"
        )

    @property
    def rule_timeout(self) -> float | None:
        """CPU seconds one rule may spend on one document, or None for no limit."""
        return self._timeout

    @property
    def guard(self) -> Guard | None:
        """The over-removal guard (``max_removed``, ``policy``), or None when off."""
        return self._guard

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The active rules, in the order they run."""
        return self._rules

    @property
    def files(self) -> tuple[str, ...]:
        """The pack files that were loaded."""
        return self._files

    def only(self, rule_ids: Iterable[str]) -> Cleaner:
        """A Cleaner with the same normalization and only the given rules (for rule tests).

        It has no over-removal guard: the guard judges whole documents, and a
        rule test checks what the rule alone does to its sample.
        """
        wanted = set(rule_ids)
        unknown = wanted - {r.id for r in self._rules}
        if unknown:
            raise RuleError(f"unknown rule id(s): {', '.join(sorted(unknown))}")
        rules = tuple(r for r in self._rules if r.id in wanted)
        options = (self._timeout, None)
        return _rebuild(self._packs, self._disable, rules, self._normalizer, self._files, options)

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
        result = self._clean(paragraphs, texts)
        if result.flag is None or result.held == ():
            return result
        # A flagged document was kept with fewer removals. Cleaning that output
        # again may not be flagged (the rules see a different page), so clean
        # it again until nothing changes: what comes out is what a second
        # clean gives, and cleaning stays idempotent.
        removals = list(result.removals)
        timeouts = list(result.timeouts)
        # ``texts`` holds what _clean left: the input with ``removals`` applied.
        for _ in range(MAX_GUARD_ROUNDS):
            survivors = [i for i, t in enumerate(texts) if t is not None]
            again = split_paragraphs(render(texts), self._normalizer)
            if len(again) != len(survivors):  # pragma: no cover - normalization is idempotent
                break
            more = self._clean(again, [p.text for p in again])
            if not more.removals:
                break
            for removal in more.removals:
                # Back to the input's paragraphs and lines.
                where = tuple(survivors[j] for j in removal.paragraphs)
                mapped = Removal(
                    removal.rule, removal.text, paragraphs[where[0]].line, where, removal.span
                )
                apply_removal(texts, mapped)
                removals.append(mapped)
            timeouts += [t for t in more.timeouts if t not in timeouts]
        return Result(
            render(texts),
            tuple(removals),
            len(paragraphs),
            paragraphs,
            tuple(timeouts),
            result.flag,
            _still_held(result.held, removals),
        )

    def _clean(self, paragraphs: tuple[Paragraph, ...], texts: list[str | None]) -> Result:
        """One clean of split paragraphs: the rules to a fixpoint, then the guard."""
        removals: list[Removal] = []
        timer = _Timer.start(self._timeout)
        flag, held = None, ()
        try:
            # What every run of the rules on these paragraphs shares: the
            # prefilter's hits, and word counts (the guard's too).
            counts = WordCounts()
            # The lines that open with an ornament, read without it too.
            counts.rests = ornamented(texts)
            counts.fenced = code_fences(texts)
            scanned = self._prefilter.scan(texts, counts.rests)
            parts = split_hits(scanned, self._parts)
            plan = (self._plan, scanned, parts, counts)
            timeouts = _run(plan, paragraphs, texts, removals, timer)
            if self._guard is not None and removals:
                texts_in = [p.text for p in paragraphs]
                flag, held = self._guard.judge(texts_in, removals, counts.__getitem__)
                if held:
                    # Start again from the input, with rules allowed only the
                    # removals the guard trusts.
                    texts[:] = [p.text for p in paragraphs]
                    removals = []
                    allow = None if self._guard.policy == "keep" else trusted
                    if allow is not None:
                        more = _run(plan, paragraphs, texts, removals, timer, allow)
                        timeouts += tuple(t for t in more if t not in timeouts)
        finally:
            if timer is not None:
                timer.stop()
        return Result(
            render(texts), tuple(removals), len(paragraphs), paragraphs, timeouts, flag, held
        )


def _still_held(held: tuple[Removal, ...], applied: list[Removal]) -> tuple[Removal, ...]:
    """What the guard held back and no later round applied after all."""
    done = {r.text for r in applied}
    return tuple(r for r in held if r.text not in done)


def _fill(cleaner: Cleaner, packs, disable, rules, normalizer, files, options, prefilter=None):
    timeout, guard = options
    set_ = object.__setattr__
    set_(cleaner, "_packs", packs)
    set_(cleaner, "_disable", disable)
    set_(cleaner, "_rules", rules)
    # What runs: the rules, with consecutive ``lines`` rules fused (same removals).
    plan = grouped(rules)
    use_plan(cleaner, plan, prefilter_for(plan) if prefilter is None else prefilter)
    set_(cleaner, "_normalizer", normalizer)
    set_(cleaner, "_files", files)
    set_(cleaner, "_timeout", timeout)
    set_(cleaner, "_guard", guard)


def use_plan(cleaner: Cleaner, plan, prefilter: Prefilter) -> None:
    """Set what ``cleaner`` runs: ``plan`` and its ``prefilter`` (and where each rule's
    trigger-by-trigger hits sit in the prefilter's scan, see :func:`_parts_layout`).

    A prefilter built by hand may hold only the plan's own needs: then no rule's
    triggers are kept apart.
    """
    set_ = object.__setattr__
    set_(cleaner, "_plan", plan)
    set_(cleaner, "_prefilter", prefilter)
    fits = _layout_fits(plan, prefilter.needs)
    set_(cleaner, "_parts", _parts_layout(plan, prefilter.needs) if fits else (None,) * len(plan))


def prefilter_for(plan) -> Prefilter:
    """The prefilter of a plan: one need per item, in plan order, then one per
    trigger of each item that tries its triggers apart (see :func:`_parts_layout`).

    Analysing the patterns and compiling the scan take most of a build, so
    both are kept in the on-disk cache (:mod:`cleaner.cache`), under a key
    made of every plan item's trigger patterns and of what analyses them.
    """
    name = _prefilter_key(plan)
    hit = cache.get(name) if name else None
    if hit is not None:
        value, compiled = hit
        needs = _needs_from_json(value, len(plan))
        if needs is not None and _layout_fits(plan, needs):
            return Prefilter(needs, compiled=compiled or None)
    needs = [rule_need(rule) for rule in plan]
    for rule, at in zip(plan, _parts_layout(plan, needs), strict=True):
        if at is not None:
            needs += [need(pattern, standalone) for pattern, standalone in rule.triggers]
    prefilter = Prefilter(needs)
    compiled = prefilter.compiled() or b""
    if name:
        cache.put(name, [None if n is None else sorted(n) for n in prefilter.needs], compiled)
    return prefilter


def _prefilter_key(plan) -> str | None:
    """The plan's cache entry name; None when the analysis code cannot be read (no cache)."""
    version = _analysis_version()
    if version is None:
        return None
    triggers = [
        [bool(getattr(rule, "per_trigger", False))]
        + [(p.pattern, int(p.flags), bool(standalone)) for p, standalone in t]
        if t
        else None
        for rule, t in ((rule, getattr(rule, "triggers", None)) for rule in plan)
    ]
    return "prefilter-" + cache.key(version, triggers)


def _parts_layout(plan, needs) -> tuple[tuple[int, int] | None, ...]:
    """Where each plan item's trigger-by-trigger needs sit in ``needs``: ``(start,
    end)``, or None for an item whose triggers are not kept apart.

    An item keeps them apart when it asks to (:attr:`Rule.per_trigger`), has two
    triggers or more, and has a need of its own (each trigger's is then strong).
    They follow the plan's own needs, in plan order. Read from the plan's own
    needs (the first ``len(plan)`` of ``needs``).
    """
    layout: list[tuple[int, int] | None] = []
    at = len(plan)
    for rule, own in zip(plan, needs, strict=False):
        triggers = getattr(rule, "triggers", None) or ()
        if own is not None and len(triggers) > 1 and getattr(rule, "per_trigger", False):
            layout.append((at, at + len(triggers)))
            at += len(triggers)
        else:
            layout.append(None)
    return tuple(layout)


def _layout_fits(plan, needs) -> bool:
    """Whether ``needs`` holds exactly the plan's own needs and its triggers'."""
    ends = [at[1] for at in _parts_layout(plan, needs) if at is not None]
    return len(needs) == (ends[-1] if ends else len(plan))


def _needs_from_json(value, size: int) -> list[frozenset[str] | None] | None:
    """Needs as :func:`prefilter_for` stored them (the plan's ``size`` first, then its
    triggers' own), or None if ``value`` is not that shape."""
    if not isinstance(value, list) or len(value) < size:
        return None
    needs: list[frozenset[str] | None] = []
    for item in value:
        if item is None:
            needs.append(None)
        elif isinstance(item, list) and item and all(isinstance(s, str) for s in item):
            needs.append(frozenset(item))
        else:
            return None
    return needs


@functools.cache
def _analysis_version() -> list | None:
    """What the prefilter's analysis depends on besides the patterns: its code and versions.

    The code's own bytes are part of it, so an edited checkout never reads an
    entry made by other code under the same version number. A compiled module is
    read as the source it was built from (the wheel ships it beside the binary):
    the binary of a mypyc module is a shim whose bytes do not change with the code.
    """
    from . import __version__

    code = hashlib.sha256()
    try:
        for module in (prefilter_module, sys.modules[__name__]):
            code.update(_source_of(Path(module.__file__)).read_bytes())  # type: ignore[arg-type]
    except (OSError, TypeError):
        return None
    return [
        __version__,
        code.hexdigest(),
        sys.version_info[:2],
        unicodedata.unidata_version,
        regex.__version__,
        prefilter_module.engine_version(),
    ]


def _source_of(path: Path) -> Path:
    """The ``.py`` file a module was compiled from (``prefilter.cpython-311-....so`` →
    ``prefilter.py``), or ``path`` itself when it is one or has none beside it."""
    if path.suffix == ".py":
        return path
    source = path.with_name(path.name.split(".", 1)[0] + ".py")
    return source if source.is_file() else path


def rule_need(rule) -> frozenset[str] | None:
    """The prefilter's literals for a plan item (None: it looks at every paragraph)."""
    triggers = getattr(rule, "triggers", None)
    if not triggers:
        return None
    literals: set[str] = set()
    for pattern, standalone in triggers:
        found = need(pattern, standalone)
        if not is_strong(found):
            return None
        literals |= found  # type: ignore[operator]
    return frozenset(literals)


def _rebuild(packs, disable, rules, normalizer, files, options, prefilter=None) -> Cleaner:
    cleaner = object.__new__(Cleaner)
    _fill(cleaner, packs, disable, rules, normalizer, files, options, prefilter)
    return cleaner

"""The rules' passes over one document: each rule in turn, until nothing more goes.

Kept apart from :mod:`cleaner.engine` so that the compiled build compiles this
loop (the ``Cleaner`` class stays plain Python: it sets its attributes with
``object.__setattr__`` to stay immutable, which a compiled class cannot do).
"""

from __future__ import annotations

import _signal
import signal
import threading
from collections.abc import Callable
from typing import Any

from .kinds.base import View, WordCounts
from .result import Removal, apply_removal

# Rules run again on what is left until nothing more is removed, so that
# cleaning a clean text changes nothing (positions like "within the last 3
# paragraphs" move when something is removed). Real texts settle in 2 passes.
MAX_PASSES = 8


def split_hits(
    scanned: list, layout: tuple[tuple[int, int] | None, ...]
) -> tuple[tuple | None, ...]:
    """Each plan item's trigger-by-trigger hits, cut out of the prefilter's scan:
    ``layout[k]`` is where item ``k``'s sit in ``scanned`` (``(start, end)``), or None."""
    parts: list[tuple | None] = []
    for at in layout:
        parts.append(None if at is None else tuple(scanned[at[0] : at[1]]))
    return tuple(parts)


#: A table as an extractor writes it takes at least this many lines in a row.
TABLE_LINES = 3
_NO_CELLS: frozenset[int] = frozenset()


def table_cells(texts: list[str | None]) -> frozenset[int]:
    """The paragraphs that are a table's cells or rows as an extractor writes them,
    which no rule removes: a run of TABLE_LINES or more lines that each end with
    " |" or are a lone "|", with a lone "|" among them (trafilatura's cells, one per
    line, each row opened by "|": "|" / "Candidate |" / "Ward |"), or that all open
    with "| " (its rows, one per line: "| 1 | Kyle Busch | 5040 |"). A cell's words
    are a table's, whatever they say ("Comments |", "Share |", "Photo |")."""
    try:
        flat = "".join(texts)  # type: ignore[arg-type]
    except TypeError:  # a paragraph removed: None
        flat = "".join([t or "" for t in texts])
    if "|" not in flat:
        return _NO_CELLS  # nearly every text: one scan in C, no loop
    cells: list[int] = []
    run: list[int] = []
    for i in range(len(texts) + 1):
        text = texts[i] if i < len(texts) else None
        if text is not None and (text == "|" or text.endswith(" |")):
            run.append(i)
            continue
        if len(run) >= TABLE_LINES and (
            any(texts[j] == "|" for j in run) or all((texts[j] or "").startswith("| ") for j in run)
        ):
            cells.extend(run)
        run = []
    return frozenset(cells)


class RuleTimeout(Exception):
    """Raised inside a rule whose time budget ran out (caught by :func:`run`)."""


#: The budget timer ticks this many times per ``rule_timeout``: a rule call is
#: stopped at the first tick after it has used its whole budget, so after
#: between 1 and 1 + 1/TICKS times ``rule_timeout`` of CPU time.
TICKS = 10


class _Timer:
    """A CPU-time budget per rule call, with SIGVTALRM; main thread only.

    ``regex`` checks for signals while it backtracks, so the handler's
    exception stops even a pattern that would run for hours.

    One periodic CPU-time timer runs while a document's rules run, set once
    per document (a one-shot timer set per rule call, with the handler
    swapped through ``signal.signal``, cost 6% of cleaning). The handler
    counts ticks; a rule call still running more than TICKS ticks after it
    began has used more than its budget and is stopped. (It lives here, beside
    the loop that arms it, so that the compiled build arms and disarms it with
    native calls: from the engine's plain Python they cost 2-3% of cleaning.)
    """

    interval: float
    armed: bool
    ticks: int
    began: int
    previous: Any

    def __init__(self, seconds: float) -> None:
        self.interval = seconds / TICKS
        self.armed = False  # a rule call is running
        self.ticks = 0  # ticks so far
        self.began = 0  # the tick count when the running call began
        self.previous = None

    @classmethod
    def start(cls, seconds: float | None) -> _Timer | None:
        if not seconds or not _CAN_TIME or threading.current_thread() is not _MAIN:
            return None
        timer = _Timer(seconds)
        # _signal's own function: signal.signal wraps it in enum conversions
        # that cost more than the rest of the timer.
        timer.previous = _signal.signal(signal.SIGVTALRM, timer._tick)
        signal.setitimer(signal.ITIMER_VIRTUAL, timer.interval, timer.interval)
        return timer

    def _tick(self, signum: int, frame: object) -> None:
        self.ticks += 1
        # More than TICKS ticks since the call began: more than TICKS whole
        # intervals since its first tick, over budget.
        if self.armed and self.ticks - self.began > TICKS:
            self.armed = False
            raise RuleTimeout()

    def arm(self) -> None:
        self.began = self.ticks
        self.armed = True

    def disarm(self) -> None:
        self.armed = False

    def stop(self) -> None:
        self.armed = False
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        _signal.signal(signal.SIGVTALRM, signal.SIG_DFL if self.previous is None else self.previous)


_CAN_TIME = hasattr(signal, "setitimer") and hasattr(signal, "SIGVTALRM")
_MAIN = threading.main_thread()


def run(
    plan: tuple[Any, list, tuple, WordCounts],
    paragraphs: tuple,
    texts: list[str | None],
    removals: list[Removal],
    timer: _Timer | None,
    allow: Callable[[Removal], bool] | None = None,
) -> tuple[str, ...]:
    """Run the plan's rules to a fixpoint, editing ``texts`` and ``removals``.

    Returns the ids of rules that timed out. ``plan`` is ``(rules, hits,
    parts, word counts)``: ``hits`` is the prefilter's scan of the input
    paragraphs, the ones each rule could act on, for every pass (paragraphs
    a span removal edits are looked at by every rule after it); ``parts`` are
    the hits of each trigger apart, for the rules that want them
    (:attr:`Rule.per_trigger`), else None. With ``allow``, a removal it refuses
    is not applied (the guard's second run, from the same input, with the same
    hits). ``timer`` (or None) arms and disarms a rule's time budget; a rule out
    of time raises :class:`RuleTimeout` and is undone whole.
    """
    rules, hits, parts, counts = plan
    cells = table_cells(texts)
    dirty: set[int] = set()
    removed_by: dict[int, str] = {}
    timeouts: list[str] = []
    focus: set[int] | None = None
    for _ in range(MAX_PASSES):
        before = len(removals)
        view = View(paragraphs, texts, focus, dirty, counts, removed_by)
        # No paragraph changed in the last pass: a local rule has given its
        # verdict on every text there is (it would look at none of them).
        settled = focus is not None and not focus
        # The paragraphs span removals edit in this pass: the next pass's focus.
        edited: set[int] = set()
        focus = edited
        # ``hits`` may go on past the rules: the triggers' own hits (``parts``).
        for rule, want, part in zip(rules, hits, parts, strict=False):
            if want is not None and not want and not dirty:
                continue  # the prefilter found nothing this rule could act on
            if settled and rule.local:
                continue
            view.set_hits(want, part)
            if timer is None:
                apply(rule, view, texts, removals, edited, allow, cells)
                continue
            if rule.id in timeouts:
                continue
            saved: list[list[str | None]] = []
            mark = len(removals)
            try:
                timer.arm()
                try:
                    apply(rule, view, texts, removals, edited, allow, cells, saved)
                finally:
                    timer.disarm()
            except RuleTimeout:
                # Undo what the rule did before its time ran out: a rule applies whole.
                if saved:
                    texts[:] = saved[0]
                del removals[mark:]
                timeouts.append(rule.id)
        if len(removals) == before:
            break
        if view.read_as_wrapped():
            # In hard-wrapped text a line is kept as a piece of a sentence for its
            # neighbours' sake and the whole text's (View.in_a_wrapped_sentence): both
            # may have changed in this pass, so every rule looks at every line again.
            focus = None
    return tuple(timeouts)


def apply(
    rule: Any,
    view: View,
    texts: list[str | None],
    removals: list[Removal],
    focus: set[int],
    allow: Callable[[Removal], bool] | None = None,
    cells: frozenset[int] = frozenset(),
    saved: list[list[str | None]] | None = None,
) -> None:
    """Apply each removal ``rule`` finds, as it finds it (the next one sees the text
    without it); none that would take one of ``cells`` (see :func:`table_cells`).
    With ``saved``, the texts as they were are put there before the first removal
    (what undoes the rule if its time runs out; most rule calls remove nothing, and
    copy nothing)."""
    for removal in rule.find(view):
        if allow is not None and not allow(removal):
            continue
        if cells and not cells.isdisjoint(removal.paragraphs):
            continue
        if saved is not None and not saved:
            saved.append(texts[:])
        apply_removal(texts, removal)
        removals.append(removal)
        view.record(removal)
        if removal.span is not None:
            focus.update(removal.paragraphs)

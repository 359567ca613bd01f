"""What every rule kind shares: conditions, samples, the view of a document.

A rule is data compiled once, when its pack is loaded. Its one method,
:meth:`Rule.find`, looks at a :class:`View` of the document and yields
:class:`~cleaner.result.Removal` records; it never edits text. The engine
applies each removal as it is yielded, so a rule sees the effect of its own
earlier removals (a strip rule that removes two spans from one paragraph).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from .._fields import pickle_by_fields
from ..charscan import spaced, words
from ..document import Paragraph
from ..patterns import compile_pattern
from ..result import Removal

_CJK = compile_pattern(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# Every Han, Hiragana and Katakana character is at or above U+2E80 (tested over
# every code point): a text without such a character needs no CJK count. (The
# regex module scans for one range twice as fast as the stdlib engine, which is
# faster for classes of many ranges.)
_WIDE = compile_pattern("[\u2e80-\U0010ffff]")


class Ending:
    """A line that ends with one of ``chars`` (with ``trailing_space``, perhaps
    followed by spaces).

    Answered from the last character (a regex search for ``[chars]\\s*$`` or
    ``[chars]$`` tries every position of the paragraph); the regex only when that
    character is a space or unprintable (``$`` also matches before a final line break).
    """

    __slots__ = ("_pattern", "chars")

    def __init__(self, chars: str, trailing_space: bool = True):
        self.chars = chars
        tail = "\\s*$" if trailing_space else "$"
        self._pattern = compile_pattern(f"[{regex.escape(chars)}]{tail}")

    def of(self, text: str) -> bool:
        last = text[-1:]
        if not last:
            return False
        if last in self.chars:
            return True
        if last.isspace() or not last.isprintable():
            return self._pattern.search(text, None, None, False) is not None
        return False


#: A line hard-wrapped inside a sentence is long (``WRAP_WORDS`` words or more: a menu of
#: lower-case items is not wrapped text) and ends without a sentence's or a clause's end.
WRAP_WORDS = 6
#: What ends a sentence: the Latin stops, the CJK full-width ones, the danda (Hindi),
#: the Urdu full stop, the Arabic question mark, and the full stops of Burmese (``။``),
#: Khmer (``។``), Amharic (``።``) and Armenian (``։``). Every test of a sentence's end
#: reads its stops from here.
SENTENCE_STOPS = ".!?…。！？।۔؟။។።։"
#: What may close a sentence after its stop: quotes and brackets.
CLOSERS = "'\"’”»)]"
WRAP_END = Ending(SENTENCE_STOPS + ":;" + CLOSERS)
#: Text is hard-wrapped when at least this share of its lines (and three or more) run
#: on into the next.
WRAPPED_SHARE = 0.2
#: Text whose lines were wrapped at a fixed width also shows it in the lengths of the
#: lines that run on (Markdown documentation, where code, headings and lists keep the
#: share above low): it is hard-wrapped when three or more lines run on into a lower-case
#: word, they are at least ``WRAPPED_RUN_SHARE`` of the lines that run on at all, their
#: width (nine in ten are no longer) is between the ``WRAP_WIDTHS`` characters (mail
#: wraps at 72, an RFC at 72, Markdown at 80; a list of short lower-case steps, "entlang
#: der Kaigasse bis zum Mozartplatz", is narrower), and ``WRAPPED_BAND`` of them fill the
#: line to within a quarter of that width.
WRAPPED_RUN_SHARE = 0.45
WRAP_WIDTHS = (60, 100)
WRAPPED_BAND = 0.8


# A headline's label: what a video's, a gallery's or a podcast's headline opens with.
_HEADLINE_LABEL = compile_pattern(
    r"(?i:videos?|vídeos?|photos?|fotos?|pictures|bilder|gallery|galerie|watch|listen"
    r"|audio|podcast|read|live|en images|en vidéo|en vídeo)\s?:\s+"
)
#: A headline has at most this many spaces (16 words).
HEADLINE_SPACES = 15
#: A body paragraph under it has at least this many spaces (12 words), and ends with:
BODY_SPACES = 11


def lower_words(words: list[str], size: int, alpha: bool = True) -> int:
    """How many of ``words`` open in lower case and have ``size`` characters or more
    (all letters, with ``alpha``): a title in sentence case has some ("On walking",
    "Police chase ends in crash"), a name, an agency or a button in title case none."""
    return sum(1 for w in words if len(w) >= size and w[0].islower() and (not alpha or w.isalpha()))


def runs_on(text: str) -> bool:
    """A long line that does not end like a sentence or a clause (see :data:`WRAP_WORDS`)."""
    return text.count(" ") >= WRAP_WORDS - 1 and not WRAP_END.of(text)


def broken_off(text: str) -> bool:
    """A sentence's last word broken off onto its own line (``flag.``, ``comments.``):
    one word in lower case and its full stop, where a button or a label has none. No
    rule removes one, as none removes a piece of a sentence in hard-wrapped text (a
    line this short is never asked of the text's wrapping)."""
    return text[:1].islower() and text[-1:] == "." and text[:-1].isalpha()


def hard_wrapped(texts: list[str], share: float = WRAPPED_SHARE) -> bool:
    """Lines hard-wrapped at a fixed width (plain-text mail, an RFC): at least ``share``
    of them, and three or more, run on (:func:`runs_on`) into a line that opens in
    lower case; or, where fewer do, the lines that run on into a lower-case word show
    the width they were wrapped at (see :data:`WRAPPED_RUN_SHARE`)."""
    count = 0
    widths: list[int] = []
    for k in range(1, len(texts)):
        nxt = texts[k]
        if nxt[:1].islower() and runs_on(texts[k - 1]):
            count += 1
            if not _LINK_OPENING.match(nxt):
                widths.append(len(texts[k - 1]))
    if count < 3:
        return False
    if count >= share * len(texts):
        return True
    if len(widths) < 3:
        return False
    # Asked only of the few texts that get this far: most have no three such lines.
    ran = sum(1 for text in texts[:-1] if runs_on(text))
    if len(widths) < WRAPPED_RUN_SHARE * ran:
        return False
    widths.sort()
    width = widths[(len(widths) - 1) * 9 // 10]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return False
    filled = sum(1 for w in widths if 0.75 * width <= w <= 1.05 * width)
    return filled >= WRAPPED_BAND * len(widths)


# A line that opens with a link: no word of a sentence run on from the line above.
_LINK_OPENING = compile_pattern(r"https?:|www\.")


# An embedded post's attribution: "— The Senate (@NGRSenate) October 9, 2018".
_POST_BY = compile_pattern(r"[—–-] .*\(@\w+\)")


def is_post_attribution(text: str) -> bool:
    """The line under an embedded post that names its author: the post is quoted."""
    return text[:1] in "—–-" and _POST_BY.match(text, None, None, False) is not None


def count_words(text: str) -> int:
    """Words as a reader counts them: space-separated tokens, plus one per CJK character.

    Chinese and Japanese are written without spaces; without the second term a
    whole Japanese paragraph would count as one "word" and pass every
    ``max_words`` gate meant for short furniture.
    """
    n = words(text)
    if not text.isascii() and _WIDE.search(text, None, None, False):
        n += len(_CJK.findall(text))
    return n


class WordCounts(dict):
    """``count_words`` by text, each text counted once: ``counts[text]``.

    It lives for one clean, across its passes; ``verdicts`` beside it is where a
    rule keeps what it judged of a text alone (keyed by rule id and text), so a
    later pass does not judge the same text again.
    """

    __slots__ = ("fenced", "pieces", "rests", "verdicts")

    def __init__(self) -> None:
        super().__init__()
        self.verdicts: dict[tuple[str, str], object] = {}
        #: :func:`cleaner.charscan.spaced` by text (see :meth:`Conditions.too_long`).
        self.pieces: dict[str, int] = {}
        #: The paragraphs that open with an ornament: index -> (text, text without
        #: it); see :func:`ornament_free`. Set by the engine before the passes.
        self.rests: dict[int, tuple[str, str]] = {}
        #: The paragraphs inside a fenced code block, the fences included: no rule
        #: removes one (see :func:`cleaner.document.code_fences`). Set by the engine.
        self.fenced: frozenset[int] = frozenset()

    def __missing__(self, text: str) -> int:
        n = self[text] = count_words(text)
        return n


@dataclass(frozen=True, slots=True)
class Sample:
    """An inline test case of a rule: ``drop`` must remove something, ``keep`` nothing.

    ``expect``, when given, is the exact output of the rule alone on ``text``.
    """

    kind: str
    text: str
    line: int
    expect: str | None = None


@dataclass(frozen=True, slots=True)
class Conditions:
    """Gates any rule can put on the paragraph it looks at (for a block: its start).

    Positions (``within_first``, ``within_last``) count the paragraphs still
    present when the pass began, so they mean the same thing when the cleaned
    text is cleaned again.
    """

    max_words: int | None = None
    min_words: int | None = None
    max_chars: int | None = None
    within_first: int | None = None
    within_last: int | None = None
    unless: regex.Pattern | None = None
    #: Only when the paragraph right before or after it (in the input) has been
    #: removed: the second line of a stamp split over two lines. ``()``: removed by
    #: any rule; else the ids of the rules whose removals count. None: no such gate.
    beside_removed: tuple[str, ...] | None = None
    #: Only when the paragraph right before it (in the input) has been removed: the
    #: link a label alone on the line above it announces. Values as ``beside_removed``.
    after_removed: tuple[str, ...] | None = None

    def too_long(self, text: str, pieces: dict[str, int] | None = None) -> bool:
        """A cheap early "no" from ``max_chars`` or ``max_words``, before any pattern runs.

        Words are counted from spaces (:func:`cleaner.charscan.spaced`, one compiled
        loop in the compiled build): on text without doubled or edge spaces (what
        normalization and span removal leave) ``count(" ") + 1`` is the word count,
        but for a piece of other whitespace alone between two spaces, which
        :func:`count_words` does not count: then the rule leaves the line, as unsure.
        ``pieces`` (the view's ``counts.pieces``) keeps the counts by text: a long
        paragraph is a candidate of many rules, and is counted once per clean.
        """
        if self.max_chars is not None and len(text) > self.max_chars:
            return True
        if self.max_words is None:
            return False
        if pieces is None:
            return spaced(text) > self.max_words
        n = pieces.get(text)
        if n is None:
            n = pieces[text] = spaced(text)
        return n > self.max_words

    def allow(self, text: str, rank: int, total: int, words=count_words) -> bool:
        if self.max_chars is not None and len(text) > self.max_chars:
            return False
        if self.within_first is not None and rank >= self.within_first:
            return False
        if self.within_last is not None and rank < total - self.within_last:
            return False
        if self.max_words is not None or self.min_words is not None:
            n = words(text)
            if self.max_words is not None and n > self.max_words:
                return False
            if self.min_words is not None and n < self.min_words:
                return False
        return not self.unless_matches(text)

    def unless_matches(self, text: str) -> bool:
        """Whether ``unless`` keeps ``text``; asked of a line as it stands (by
        :meth:`allow`) and of a line read without its ornament (``"- GNU/Hurd"`` read as
        ``"GNU/Hurd"``), as the patterns read it."""
        return self.unless is not None and self.unless.search(text, None, None, False) is not None


pickle_by_fields(Sample, Conditions)


class View:
    """The document as rules see it during one pass.

    ``texts[i]`` is paragraph ``i``'s current text, or ``None`` once removed.
    ``rank[i]`` and ``total`` are positions among the paragraphs present when
    the pass began.
    """

    __slots__ = (
        "_hit_map",
        "_start",
        "_wrapped",
        "counts",
        "dirty",
        "focus",
        "order",
        "paragraphs",
        "parts",
        "rank",
        "removed_by",
        "removers",
        "texts",
        "total",
        "want",
    )

    def __init__(
        self,
        paragraphs: tuple[Paragraph, ...],
        texts: list[str | None],
        focus: set[int] | None = None,
        dirty: set[int] | None = None,
        counts: WordCounts | None = None,
        removed_by: dict[int, str] | None = None,
    ):
        self.paragraphs = paragraphs
        self.texts = texts
        self.order = tuple(i for i, t in enumerate(texts) if t is not None)
        self.rank = {i: r for r, i in enumerate(self.order)}
        self.total = len(self.order)
        #: Paragraphs whose text changed in the previous pass, or None for all.
        self.focus = focus
        #: The current rule's prefilter hits (see :mod:`cleaner.prefilter`), or
        #: None when it must look at every paragraph; set by the engine.
        self.want: AbstractSet[int] | None = None
        #: The current rule's prefilter hits trigger by trigger (see
        #: :attr:`Rule.per_trigger` and :meth:`triggers_hit`), or None; set by the engine.
        self.parts: tuple[AbstractSet[int] | None, ...] | None = None
        self._hit_map: dict[int, list[int]] | None = None
        self._wrapped: bool | None = None
        #: The texts as the pass began (a shallow copy), for :meth:`hard_wrapped`.
        self._start: list[str | None] = texts[:]
        #: Paragraphs whose text a span removal changed since the prefilter scan.
        self.dirty: set[int] = set() if dirty is None else dirty
        #: Word counts by text, kept for the whole clean (see :meth:`words`).
        self.counts = WordCounts() if counts is None else counts
        #: Which rule removed each whole paragraph removed so far (index -> rule id).
        self.removed_by: dict[int, str] = {} if removed_by is None else removed_by
        #: The rules in ``removed_by`` (an ``after_removed`` rule whose rules removed
        #: nothing has no candidates: asked before any paragraph is walked).
        self.removers: set[str] = set(self.removed_by.values())

    def words(self, text: str) -> int:
        """``count_words(text)``, counted once per text for the whole clean."""
        return self.counts[text]

    @property
    def verdicts(self) -> dict[tuple[str, str], object]:
        """What rules judged of single texts, kept for the whole clean: ``(rule id, text)``."""
        return self.counts.verdicts

    def live(self, local: bool = False) -> Iterator[int]:
        """Indices of paragraphs still present, in order (checked lazily).

        A ``local`` rule (its verdict depends on the paragraph's text alone)
        only needs the paragraphs in ``focus``: on the others it already gave
        its verdict in an earlier pass, on the same text.
        """
        order = self.order
        if local and self.focus is not None:
            order = tuple(i for i in order if i in self.focus)
        for i in order:
            if self.texts[i] is not None:
                yield i

    def candidates(self, local: bool = False) -> Iterator[int]:
        """Like :meth:`live`, but only the paragraphs the current rule could act on.

        That is its prefilter hits and the paragraphs edited since the scan;
        every live paragraph when the rule has no prefilter.
        """
        want = self.want
        if want is None:
            yield from self.live(local)
            return
        picked = want | self.dirty if self.dirty else want
        if not picked:
            return
        if local and self.focus is not None:
            picked = picked & self.focus
        texts = self.texts
        rank = self.rank
        for i in sorted(picked):
            if i in rank and texts[i] is not None:
                yield i

    def set_hits(
        self, want: AbstractSet[int] | None, parts: tuple[AbstractSet[int] | None, ...] | None
    ) -> None:
        """Make the next rule's prefilter hits current: ``want`` for the rule, ``parts``
        for each of its triggers (None when they were not kept apart)."""
        self.want = want
        self.parts = parts
        self._hit_map = None

    def triggers_hit(self, index: int) -> Iterable[int] | None:
        """The numbers of the current rule's triggers (see :attr:`Rule.triggers`)
        whose literals paragraph ``index`` holds, in order: only those can match
        it. None when every trigger must be tried: the prefilter did not keep
        this rule's triggers apart, or the paragraph was edited since the scan."""
        parts = self.parts
        if parts is None or index in self.dirty:
            return None
        found = self._hit_map
        if found is None:
            found = {}
            for k, hits in enumerate(parts):
                for i in hits or ():
                    found.setdefault(i, []).append(k)
            self._hit_map = found
        return found.get(index, ())

    def record(self, removal: Removal) -> None:
        """Note a removal just applied to ``texts``: the paragraphs a span removal
        edited (``dirty``), or the rule that removed whole ones (``removed_by``)."""
        if removal.span is not None:
            self.dirty.update(removal.paragraphs)
        else:
            for i in removal.paragraphs:
                self.removed_by[i] = removal.rule
            self.removers.add(removal.rule)

    def after_removed_candidates(self, rules: tuple[str, ...] = ()) -> list[int]:
        """Like :meth:`candidates`, but only the paragraphs right after one removed whole
        (by one of ``rules``, when given): all an ``after_removed`` rule can act on."""
        if rules and self.removers.isdisjoint(rules):
            return []
        texts = self.texts
        want = self.want
        picked = want | self.dirty if want is not None and self.dirty else want
        n = len(texts)
        out = []
        for j, rule in self.removed_by.items():
            # As beside_removed(j + 1, rules, sides=(-1,)), the rule's id asked first.
            if rules and rule not in rules:
                continue
            k = j + 1
            live = k < n and texts[j] is None and texts[k] is not None
            if live and (picked is None or k in picked):
                out.append(k)
        out.sort()
        return out

    def beside_removed(
        self,
        index: int,
        rules: tuple[str, ...] = (),
        other_than: str = "",
        sides: tuple[int, ...] = (-1, 1),
    ) -> bool:
        """True when the input paragraph right before or after ``index`` has been
        removed whole (by one of ``rules``, when given; by a rule other than
        ``other_than``, when given: what a rule removed in an earlier pass is no
        other rule's evidence). ``sides=(-1,)``: the one right before only
        (``after_removed``)."""
        texts = self.texts
        for step in sides:
            j = index + step
            if (
                0 <= j < len(texts)
                and texts[j] is None
                and (not rules or self.removed_by.get(j) in rules)
                and self.removed_by.get(j) != other_than
            ):
                return True
        return False

    def hard_wrapped(self) -> bool:
        """Whether the text's lines are hard-wrapped (see :func:`hard_wrapped`), judged
        once per view, when a rule first asks, over the paragraphs as they were when
        the pass began: not over what is left when the rule asks, since which rule asks
        first depends on the prefilter's hits (a rule with none never asks), and the
        verdict must not."""
        wrapped = self._wrapped
        if wrapped is None:
            start = self._start
            wrapped = self._wrapped = hard_wrapped([start[i] or "" for i in self.order])
        return wrapped

    def read_as_wrapped(self) -> bool:
        """Whether a rule asked :meth:`hard_wrapped` of this view and the text is: then
        a verdict on a line depends on its neighbours and on the whole text (see
        :meth:`in_a_wrapped_sentence`), not on its own text alone."""
        return self._wrapped is True

    def in_a_wrapped_sentence(self, index: int, text: str) -> bool:
        """Paragraph ``index`` is a piece of a sentence broken over lines, in text whose
        lines are hard-wrapped (:meth:`hard_wrapped`): a long line that does not end
        like a sentence and runs on into a line that opens in lower case, or a line
        that opens in lower case after such a line. (The line first: the text is
        judged only for a line that could be such a piece.)"""
        if runs_on(text):
            nxt = self._neighbour(index, 1)
            if nxt is not None and nxt[:1].islower():
                return self.hard_wrapped()
        if text[:1].islower():
            prev = self._neighbour(index, -1)
            if prev is not None and runs_on(prev):
                return self.hard_wrapped()
        return False

    def is_headline(self, index: int, text: str) -> bool:
        """Paragraph ``index``, the text's first, is its headline set as a label and a
        title ("VIDEO: Police chase ends in crash on I-95", "Fotos: So schön war das
        Stadtfest") right above a body paragraph: no rule removes it. (Between
        paragraphs the same line is a link to a video or a gallery; a credit's value
        is a name: "Photo: Jane Roe/AP", "Foto: Shanghai Electric".)"""
        m = _HEADLINE_LABEL.match(text, None, None, False)
        if m is None or text.count(" ") > HEADLINE_SPACES:
            return False
        if lower_words(text[m.end() :].split(), 3) < 2:
            return False
        nxt = self._neighbour(index, 1)
        return (
            nxt is not None
            and nxt.count(" ") >= BODY_SPACES
            and nxt.rstrip(CLOSERS)[-1:] in SENTENCE_STOPS
        )

    def _neighbour(self, index: int, step: int) -> str | None:
        """The text of the nearest paragraph still present after (``step`` 1) or
        before (-1) paragraph ``index``, or None."""
        texts = self.texts
        order = self.order
        r = self.rank[index] + step
        while 0 <= r < len(order):
            text = texts[order[r]]
            if text is not None:
                return text
            r += step
        return None

    def after(self, index: int) -> Iterator[int]:
        """Indices of paragraphs still present after ``index``."""
        for i in self.order[self.rank[index] + 1 :]:
            if self.texts[i] is not None:
                yield i


class Declared:
    """What a kind declares about itself: class constants, set with :func:`declare`.

    They live on a plain base class and are set after each kind's class body,
    not in it: mypyc (the compiled build) would make a ``ClassVar`` written in
    a dataclass body a field (https://github.com/mypyc/mypyc/issues/1122).
    """

    #: The name used as ``kind:`` in a pack.
    kind: ClassVar[str] = ""
    #: Rules run by stage (spans, then blocks, then paragraphs), then pack order.
    stage: ClassVar[int] = 0
    #: Kind-specific keys: name -> (type, required). A key left out of a rule takes
    #: the default of the kind's dataclass field of the same name.
    FIELDS: ClassVar[dict[str, tuple[str, bool]]] = {}
    #: Optional keys of which at least one must be given.
    ONE_OF: ClassVar[tuple[str, ...]] = ()
    #: Defaults for the shared conditions that differ for this kind.
    CONDITION_DEFAULTS: ClassVar[dict[str, Any]] = {}


def declare(
    cls: type[Declared],
    *,
    kind: str | None = None,
    stage: int | None = None,
    fields: dict[str, tuple[str, bool]] | None = None,
    one_of: tuple[str, ...] | None = None,
    condition_defaults: dict[str, Any] | None = None,
) -> None:
    """Set a kind's class constants (see :class:`Declared`); what is not given is inherited."""
    if kind is not None:
        cls.kind = kind
    if stage is not None:
        cls.stage = stage
    if fields is not None:
        cls.FIELDS = fields
    if one_of is not None:
        cls.ONE_OF = one_of
    if condition_defaults is not None:
        cls.CONDITION_DEFAULTS = condition_defaults


@dataclass(frozen=True)
class Rule(Declared):
    """Fields every rule has; a kind adds its own and implements :meth:`find`."""

    id: str
    why: str
    source: str
    line: int
    when: Conditions
    samples: tuple[Sample, ...]

    @property
    def local(self) -> bool:
        """True when a verdict depends on the paragraph's own text only (no positions,
        no neighbours)."""
        when = self.when
        return (
            when.within_first is None
            and when.within_last is None
            and when.beside_removed is None
            and when.after_removed is None
        )

    @property
    def triggers(self) -> tuple[tuple[regex.Pattern, bool], ...] | None:
        """``(pattern, standalone)`` pairs one of which must match a paragraph for
        this rule to act on it, or None when any paragraph may do (no prefilter)."""
        return None

    @property
    def per_trigger(self) -> bool:
        """Whether :meth:`find` tries its triggers one by one and asks
        :meth:`View.triggers_hit`: the prefilter then keeps each
        trigger's hits apart too, so a paragraph is searched only with the
        patterns whose literals it holds."""
        return False

    def candidates(self, view: View) -> Iterator[int]:
        """The paragraphs of ``view`` this rule can act on (:meth:`View.candidates`); for
        an ``after_removed`` rule only those right after a removed one."""
        after = self.when.after_removed
        if after is None:
            return view.candidates(self.local)
        return iter(view.after_removed_candidates(after))

    def allows(self, view: View, index: int, text: str) -> bool:
        if index in view.counts.fenced:
            return False  # code in a fenced block: no line of it is furniture
        beside = self.when.beside_removed
        if beside is not None and not view.beside_removed(index, beside):
            return False
        after = self.when.after_removed
        if after is not None and not view.beside_removed(index, after, sides=(-1,)):
            return False
        if not self.when.allow(text, view.rank[index], view.total, view.words):
            return False
        if view.rank[index] == 0 and view.is_headline(index, text):
            return False
        return not (broken_off(text) or view.in_a_wrapped_sentence(index, text))

    def find(self, view: View) -> Iterator[Removal]:  # pragma: no cover - abstract
        raise NotImplementedError

    def removal_of(self, view: View, indices: tuple[int, ...]) -> Removal:
        """A removal of whole paragraphs (one, or a block)."""
        text = "\n".join(view.texts[i] or "" for i in indices)
        return Removal(self.id, text, view.paragraphs[indices[0]].line, indices)

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass(frozen=True)
class PatternRule(Rule):
    """A rule driven by one ``pattern`` (a regex or a list of alternatives)."""

    pattern: regex.Pattern = None  # type: ignore[assignment]
    standalone: bool = False

    def match(self, text: str):
        """Match the whole paragraph when ``standalone``, else anywhere in it."""
        return full_or_search(self.pattern, text, self.standalone)

    @property
    def triggers(self) -> tuple[tuple[regex.Pattern, bool], ...]:
        return ((self.pattern, self.standalone),)


declare(
    PatternRule,
    fields={"pattern": ("patterns", True), "standalone": ("bool", False)},
)


def full_or_search(pattern: regex.Pattern, text: str, standalone: bool):
    """Match the whole paragraph when ``standalone``, else anywhere in it.

    (Every search, match and fullmatch of the kinds passes ``None, None, False``:
    the whole text, and keep the GIL; see :mod:`cleaner.patterns`.)"""
    return (
        pattern.fullmatch(text, None, None, False)
        if standalone
        else pattern.search(text, None, None, False)
    )


def ornament_free(view: View, i: int, text: str) -> str | None:
    """Paragraph ``i``'s text without the ornament it opens with, when it opens with
    one (``👉 Read more: ...`` -> ``Read more: ...``; see
    :func:`cleaner.document.unornamented`), else None. Found once per clean
    (:attr:`WordCounts.rests`), for the input's texts; a text a span removal
    edited since is read as it is."""
    rests = view.counts.rests
    if not rests:
        return None  # nearly every document: no line opens with an ornament
    pair = rests.get(i)
    return pair[1] if pair is not None and pair[0] == text else None

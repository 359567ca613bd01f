"""Text normalization: the one place that calls ftfy.

Every step is a small named ``str -> str`` function listed in :data:`STEPS`, run
in that order on each input line. A pack's ``normalize:`` mapping switches steps
on or off by name and sets ftfy's options; :class:`NormalizeConfig` holds the
result. Every ftfy option is set here on purpose, with the reason beside it,
because ftfy's own defaults restyle text (straight quotes, half-width letters)
and POLICY.md says: repair, don't restyle.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, NamedTuple

import ftfy
import ftfy.badness
import ftfy.chardata
import ftfy.fixes
from ftfy import TextFixerConfig

from ._fields import pickle_by_fields
from .charscan import COMPILED as SCAN_COMPILED
from .charscan import DOUBLED, CharSet
from .patterns import compile_pattern

#: ftfy options as ``cleaner`` sets them, each for a reason.
FTFY_DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Text input never holds markup we must preserve; `&amp;` and `&#8217;`
        # are always damage here. ("auto" turns itself off for a whole text
        # as soon as one segment contains "<".)
        "unescape_html": True,
        # The heart of ftfy: `donâ€™t` -> `don’t`.
        "fix_encoding": True,
        # `Â ` where a UTF-8 no-break space lost its byte: part of mojibake repair.
        "restore_byte_a0": True,
        # Replace unrecoverable mojibake sequences with U+FFFD rather than leave noise.
        "replace_lossy_sequences": True,
        # Repair text where UTF-8 and mojibake are mixed in one line.
        "decode_inconsistent_utf8": True,
        # C1 controls in Windows-1252 text are really curly quotes and dashes.
        "fix_c1_controls": True,
        # `ﬁ` -> `fi`: a PDF/typesetting artefact, not a choice of the author.
        "fix_latin_ligatures": True,
        # Off: full-width letters are legitimate in CJK text; changing them restyles.
        "fix_character_width": False,
        # Off: POLICY.md keeps typographic quotes as they are.
        "uncurl_quotes": False,
        # CRLF, CR, U+2028, U+2029, NEL -> "\n": one paragraph per line.
        "fix_line_breaks": True,
        # Surrogate pairs escaped into a str (from JSON) become the real character.
        "fix_surrogates": True,
        # ANSI colour codes pasted from terminals are never content.
        "remove_terminal_escapes": True,
        # POLICY.md: no stray control characters.
        "remove_control_chars": True,
        # POLICY.md: Unicode NFC.
        "normalization": "NFC",
        # Lines are fixed one at a time; this bounds ftfy's work on a huge line.
        "max_decode_length": 1_000_000,
        # We never need ftfy's explanation; building it costs time.
        "explain": False,
    }
)

# Zero-width characters that carry no meaning in running text. ZWNJ and ZWJ are
# handled apart: they are letters' glue in Persian, Indic scripts and emoji.
_ZERO_WIDTH_CHARS = "\u200b\u2060\ufeff\u180e"
_ZERO_WIDTH = compile_pattern(f"[{_ZERO_WIDTH_CHARS}]")
_JOINERS = compile_pattern(
    r"(?<![\p{L}\p{M}\p{So}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{So}])"
)
_SOFT_HYPHEN = "\u00ad"
# No-break, en/em/thin/hair, narrow no-break, math, ideographic, Ogham spaces, tab,
# and any control character ftfy left (vertical tab, form feed, ...).
_ODD_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c\x1c-\x1f\x85"
_ODD_SPACES = compile_pattern(f"[{_ODD_SPACE_CHARS}]")
# Every character a step after ftfy acts on (a line without one, already NFC
# and left alone by ftfy, is its own normalization). Stdlib, for speed.
_STEP_CHARS = re.compile(f"[{_ZERO_WIDTH_CHARS}\u200c\u200d{_SOFT_HYPHEN}{_ODD_SPACE_CHARS}]")
_SPACE_RUNS = compile_pattern(" {2,}")
# Rounds of normalization a line gets before it is taken as stable.
MAX_ROUNDS = 4
# ftfy leaves a line alone when it holds only printable ASCII without "&" and
# typographic punctuation from U+2010-U+205E (dashes, curly quotes, ellipsis,
# primes) except the dagger and the bullet. None of these is a control
# character, an entity, a ligature, a line separator or changed by NFC. For
# mojibake, a multi-byte UTF-8 sequence needs a lead byte (0xC2-0xF4)
# followed by continuation bytes (0x80-0xBF) in one of ftfy's encodings. Of
# these characters only Mac Roman makes lead bytes (curly quotes, dashes, …),
# and in Mac Roman only † and • make continuation bytes ("⁄†" is Mac Roman
# for "ڠ"). So † and • go through ftfy, and nothing in the set can be read
# as mojibake. Proven byte-identical on every example and bench line, and on
# random strings of the set, in tests/test_normalize.py. It holds only while
# ftfy keeps curly quotes and applies no compatibility form (NFKC turns "…"
# into "..."); otherwise only plain ASCII skips ftfy.
# (Plain character classes: the stdlib engine scans them about ten times faster.)
_FTFY_NEEDED = re.compile(r"[^\x20-\x25\x27-\x7e\u2010-\u201f\u2021\u2023-\u2027\u2030-\u205e]")
_FTFY_NEEDED_ASCII = re.compile(r"[^\x20-\x25\x27-\x7e]")
#: What keeps an ASCII line from being plain: a control character (what
#: ``str.isprintable`` refuses in ASCII) or ``&``; one class for :class:`CharSet`.
_ODD_ASCII = re.compile(r"[\x00-\x1f\x7f&]")

#: A test of a line: true when it holds a character of a class.
Search = Callable[[str], object]


def _search_for(chars: re.Pattern) -> Search:
    """The test of a one-class pattern: a loop over its bitmap where
    :mod:`cleaner.charscan` is compiled, else the pattern's own search (its match or
    None), which the pure build has always run."""
    return CharSet(chars).search if SCAN_COMPILED else chars.search


def _ascii_scan(line: str) -> int:
    """``CharSet(_ODD_ASCII).scan(line)`` of an ASCII line, with ``str`` methods: what
    the pure build runs (``str.isprintable`` refuses exactly the control characters
    in ASCII), quicker there than the ``re`` search."""
    if "  " in line:
        return DOUBLED
    return 0 if line.isprintable() and "&" not in line else 1


def ftfy_needed(options: Mapping[str, Any]) -> re.Pattern:
    """The characters that send a line through ftfy under these ftfy ``options``."""
    keeps_punctuation = not options.get("uncurl_quotes") and options.get("normalization") in (
        None,
        "NFC",
        "NFD",
    )
    return _FTFY_NEEDED if keeps_punctuation else _FTFY_NEEDED_ASCII


@dataclass(frozen=True)
class NormalizeConfig:
    """Which normalization steps run, and ftfy's options.

    A pack sets these under ``normalize:``; keys are the step names of
    :data:`STEPS` (booleans) plus ``ftfy:``, a mapping of ftfy option names.
    """

    fix_text: bool = True
    remove_zero_width: bool = True
    remove_soft_hyphens: bool = True
    normalize_spaces: bool = True
    join_drop_caps: bool = True
    ftfy: Mapping[str, Any] = field(default_factory=lambda: dict(FTFY_DEFAULTS))

    def with_options(self, options: Mapping[str, Any]) -> NormalizeConfig:
        """Return a copy with ``options`` (a pack's ``normalize:`` mapping) applied."""
        changes = {k: v for k, v in options.items() if k != "ftfy"}
        if "ftfy" in options:
            changes["ftfy"] = {**self.ftfy, **options["ftfy"]}
        return replace(self, **changes)

    def ftfy_config(self) -> TextFixerConfig:
        return TextFixerConfig(**self.ftfy)


pickle_by_fields(NormalizeConfig)


#: The longest match of ftfy's badness regex we look around a screened
#: character for; a longer one and the screen is not used.
MAX_BAD_WIDTH = 64
#: Past this many screened characters a line is taken as possibly bad, and ftfy decides.
MAX_BAD_WINDOWS = 8


class BadnessScreen(NamedTuple):
    """What :func:`_badness_screen` works out from ftfy's badness regex."""

    #: Any character one of which every match of the regex contains.
    chars: re.Pattern
    #: The regex's longest match.
    width: int
    #: Each top-level alternative of the regex, compiled alone (empty: the
    #: regex has another shape).
    parts: tuple[re.Pattern, ...]
    #: For each screened character, the parts that cannot match without one of
    #: them (those that can match a line are among the parts of its screened
    #: characters).
    needs: Mapping[str, tuple[int, ...]]


@functools.cache
def _badness_screen() -> BadnessScreen | None:
    """Characters one of which every match of ftfy's badness regex contains.

    Worked out from ``ftfy.badness.BADNESS_RE`` itself with the ``re`` parser:
    for each of its alternatives, one character class the alternative cannot
    match without (the least common in clean text: no ASCII, few lower-case
    letters). A line without any of these characters is not "bad", so
    ``is_bad`` need not run; and every match lies within the regex's longest
    match of one of them, so a line with few needs the regex only around
    those. A line with many (Russian text is full of В, Р, С, which Windows-1251
    mojibake is made of) needs only the alternatives its screened characters
    belong to, each compiled on its own. None when the pattern has a shape
    this does not follow (then ``is_bad`` always runs).
    """
    from re import _compiler, _parser  # type: ignore[attr-defined]
    from re import _constants as sre  # type: ignore[attr-defined]

    def chars(op, av) -> set[str] | None:
        if op is sre.LITERAL:
            return {chr(av)}
        if op is not sre.IN:
            return None
        out: set[str] = set()
        for o, a in av:
            if o is sre.LITERAL:
                out.add(chr(a))
            elif o is sre.RANGE and a[1] - a[0] <= 5000:
                out.update(chr(c) for c in range(a[0], a[1] + 1))
            else:
                return None  # a negation or a category: too broad to list
        return out

    def weight(ch: str) -> int:
        if ch.isascii():
            return 1000
        category = unicodedata.category(ch)
        if category == "Lu":
            return 5
        return 100 if category[0] in "LPZ" or category == "Sc" else 3

    def cost(found: set[str]) -> int:
        return sum(weight(c) for c in found)

    def required(items) -> set[str] | None:
        best: set[str] | None = None
        for op, av in items:
            if op in (sre.LITERAL, sre.IN):
                found = chars(op, av)
            elif op is sre.SUBPATTERN:
                found = required(av[3])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
                found = required(av[2])
            elif op is sre.BRANCH:
                each = [required(branch) for branch in av[1]]
                found = None if None in each else set().union(*each)  # type: ignore[arg-type]
            else:
                found = None
            if found is not None and (best is None or cost(found) < cost(best)):
                best = found
        return best

    bad = ftfy.badness.BADNESS_RE
    try:
        parsed = _parser.parse(bad.pattern, bad.flags)
        found = required(list(parsed))
        width = parsed.getwidth()[1]
        parts: tuple[re.Pattern, ...] = ()
        needs: dict[str, tuple[int, ...]] = {}
        if len(parsed) == 1 and parsed[0][0] is sre.BRANCH and parsed.state.groups == 1:
            # One alternation, no groups: the regex matches where one of its
            # alternatives does.
            branches = parsed[0][1][1]
            each = [required(list(branch)) for branch in branches]
            if None not in each:
                parts = tuple(
                    _compiler.compile(_parser.SubPattern(parsed.state, list(branch)), bad.flags)
                    for branch in branches
                )
                for index, need in enumerate(each):
                    for ch in need:  # type: ignore[union-attr]
                        needs[ch] = (*needs.get(ch, ()), index)
    except Exception:
        return None
    if not found or width > MAX_BAD_WIDTH:
        return None
    if set(needs) != found:
        parts, needs = (), {}
    return BadnessScreen(char_class(found), width, parts, MappingProxyType(needs))


def char_class(chars: set[str]) -> re.Pattern:
    """A pattern matching any one of ``chars``, written as ranges (a long list is slow).

    Compiled with the stdlib engine, which scans a plain class ten times faster.
    """
    codes = sorted(ord(c) for c in chars)
    parts = []
    start = previous = codes[0]
    for code in [*codes[1:], None]:
        if code is not None and code == previous + 1:
            previous = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(previous))
        parts.append(first if start == previous else f"{first}-{last}")
        if code is not None:
            start = previous = code
    return re.compile("[" + "".join(parts) + "]")


def _silent_chars(gate: FtfyGate | None) -> re.Pattern | None:
    """Any character that a step after ftfy, ftfy's triggers or its badness screen
    looks at: a line without one needs only the rest of :meth:`FtfyGate.rest_leaves`.

    None when that shortcut does not hold: no gate, or ``is_bad`` runs unscreened.
    """
    if gate is None or (gate.bad and gate.screen is None):
        return None
    classes = [_STEP_CHARS, gate.triggers]
    if gate.bad and gate.screen is not None:
        classes.append(gate.screen.chars)
    return re.compile("[" + "".join(c.pattern[1:-1] for c in classes) + "]")


# What ftfy.fix_encoding uses when fix_text calls it: its defaults.
_ENCODING_CONFIG = ftfy.TextFixerConfig(explain=False)


class FtfyGate:
    """ftfy's own tests of whether it would change a line, run before calling it.

    ``ftfy.fix_text`` fixes a line in rounds until a round changes nothing.
    In the first round each step leaves a line alone when its trigger is
    absent: entities need ``&``; the encoding fix returns the text untouched
    when ``ftfy.badness.is_bad`` finds no mojibake (ftfy's own first check);
    C1 controls, ligatures, line separators, surrogates, terminal escapes and
    control characters are characters from ftfy's own tables; normalization
    is a no-op on normalized text. When no step would act, ftfy would return
    the line unchanged, so it is not called. ``None`` from :meth:`build` when
    an option is on whose trigger this does not know (full-width folding,
    uncurling): then every line that needs ftfy gets it.
    """

    __slots__ = (
        "_last",
        "_screen_scan",
        "_triggered",
        "bad",
        "entities",
        "form",
        "max_length",
        "screen",
        "triggers",
        "unescape",
    )

    def __init__(
        self,
        triggers: re.Pattern,
        bad: bool,
        form: str | None,
        max_length: int,
        unescape: bool = False,
        entities: re.Pattern | None = None,
    ):
        self.triggers = triggers
        # Whether a line holds a trigger (see _search_for).
        self._triggered = _search_for(triggers)
        # The last line _maybe_bad judged: (line, exact, verdict). A line that
        # is not plain is judged again by fix_text and by the encoding fix.
        # One tuple, replaced whole: threads sharing a gate may miss, never
        # read another line's verdict (the line is compared by identity).
        self._last: tuple = (None, False, False)
        # What ftfy's unescape_html replaces (None: that step is off).
        self.entities = entities
        # first_round() only for unescape_html=True ("auto" depends on the text).
        self.unescape = unescape
        self.bad = bad
        self.form = form
        self.max_length = max_length
        self.screen = _badness_screen() if bad else None
        self._screen_scan = CharSet(self.screen.chars) if self.screen is not None else None

    @classmethod
    def build(cls, options: Mapping[str, Any]) -> FtfyGate | None:
        if options.get("fix_character_width") or options.get("uncurl_quotes"):
            return None
        chars: set[str] = set()
        entities = None
        if options.get("unescape_html", "auto"):
            # ftfy's unescape_html only replaces what its entity regex finds
            # ("&amp;", "&#8217;"); a bare "&" it leaves alone. Without that
            # regex (another ftfy), any "&" sends the line to ftfy.
            entities = getattr(ftfy.fixes, "HTML_ENTITY_RE", None)
            if entities is None:
                chars.add("&")
        if options.get("fix_c1_controls", True):
            chars.update(chr(c) for c in range(0x80, 0xA0))
        if options.get("fix_latin_ligatures", True):
            chars.update(chr(c) for c in ftfy.chardata.LIGATURES)
        if options.get("fix_line_breaks", True):
            chars.update("\r\n\u2028\u2029\x85")
        if options.get("fix_surrogates", True):
            chars.update(chr(c) for c in range(0xD800, 0xE000))
        if options.get("remove_terminal_escapes", True):
            chars.add("\x1b")
        if options.get("remove_control_chars", True):
            chars.update(chr(c) for c in ftfy.chardata.CONTROL_CHARS)
        return cls(
            char_class(chars),
            bool(options.get("fix_encoding", True)),
            options.get("normalization", "NFC"),
            int(options.get("max_decode_length", 1_000_000)),
            options.get("unescape_html", "auto") is True,
            entities,
        )

    def passes(self, line: str, crowded: bool = False) -> bool:
        """True when ftfy would return ``line`` unchanged (False: it may change it).

        ``crowded``: judge a line crowded with screened characters with
        ``is_bad`` itself (a repaired line in Cyrillic or Greek often is)
        instead of leaving it to ftfy.
        """
        return self.rest_leaves(line) and not (self.bad and self._maybe_bad(line, crowded))

    def rest_leaves(self, line: str, silent: bool = False) -> bool:
        """True when every step of ftfy but the encoding fix leaves ``line`` alone.

        ``silent``: the line is known to hold none of the trigger characters
        (:func:`_silent_chars` found none), so they are not searched for again.
        """
        return (
            len(line) <= self.max_length
            and (silent or not self._triggered(line))
            and not (self.entities is not None and "&" in line and self.entities.search(line))
            and (self.form is None or unicodedata.is_normalized(self.form, line))  # type: ignore[arg-type]
        )

    def first_round(self, line: str) -> str | None:
        """ftfy's result for ``line`` when its first two steps settle it, else None.

        ftfy's first round unescapes entities, then fixes the encoding (with
        ftfy's default settings for that step, as ``fix_text`` does), then
        runs the other fixers and normalizes; it repeats rounds until one
        changes nothing. The encoding fix itself repeats its step until the
        step changes nothing, so it leaves its own result alone, mojibake it
        could not repair included. So when no other step would change what
        the first two give, every later step and the verifying second round
        leave it alone: it is ftfy's result, for the cost of one round.
        """
        if not self.unescape or len(line) > self.max_length:
            return None
        fixed = ftfy.fixes.unescape_html(line) if "&" in line else line
        if self.bad:
            fixed = self._fix_encoding(fixed)
        return fixed if self.rest_leaves(fixed) else None

    def _fix_encoding(self, text: str) -> str:
        """``ftfy.fix_encoding(text)``, without its closing full-line is_bad.

        ftfy repeats one step of encoding repair until a step changes
        nothing, and a step changes nothing when is_bad() finds no mojibake.
        After the first step the gate's windowed check answers that question
        for the repaired text; only if it might still be bad does ftfy go on.
        (Through ftfy's own step function; without it, plain fix_encoding.)
        """
        step = getattr(ftfy, "_fix_encoding_one_step_and_explain", None)
        if step is None:
            return ftfy.fix_encoding(text)
        if not self._maybe_bad(text):
            # ftfy's step returns text that is_bad() finds nothing in as it is
            # (a line whose only repair was unescaping an entity, say), and
            # the screen's answer is exact when it says no.
            return text
        once = step(text, _ENCODING_CONFIG)[0]
        if once == text or not self._maybe_bad(once, crowded=True):
            return once
        return ftfy.fix_encoding(once)

    def _maybe_bad(self, line: str, crowded: bool = False) -> bool:
        """``ftfy.badness.is_bad(line)``, or True where it might be (then ftfy decides).

        A line with many screened characters is nearly always mojibake; ftfy's
        own encoding fix runs is_bad on it anyway, so it is not run twice,
        unless ``crowded`` asks for the answer (then only the alternatives of
        ftfy's regex that the line's screened characters allow are searched).
        """
        last = self._last
        if last[0] is line and (last[1] or not crowded):
            return last[2]
        exact, verdict = self._judge(line, crowded)
        self._last = (line, exact, verdict)
        return verdict

    def _judge(self, line: str, crowded: bool) -> tuple[bool, bool]:
        """``(exact, verdict)`` for :meth:`_maybe_bad`."""
        screen = self.screen
        if screen is None:
            return True, ftfy.badness.is_bad(line)
        reach = screen.width - 1
        # [start, end, the screened characters in it]
        windows: list[list] = []
        for count, at in enumerate(self._screened(line)):
            if count == MAX_BAD_WINDOWS:
                # Mojibake, most likely: ftfy itself decides, unless asked.
                return (True, self._bad_by_parts(line)) if crowded else (False, True)
            start, end = at - reach, at + 1 + reach
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
                windows[-1][2] += line[at]
            else:
                windows.append([start, end, line[at]])
        # A window's edge can only add a match (an early end of text): never miss one.
        # Every screened character inside a window is one of its own (a later one
        # would have joined it), so only the alternatives they belong to can match
        # there: each compiled alone scans the window faster than the whole regex.
        if not screen.parts:
            search = ftfy.badness.BADNESS_RE.search
            return True, any(search(line, max(0, start), end) for start, end, _ in windows)
        for start, end, chars in windows:
            if _parts_match(screen, line, chars, max(0, start), end):
                return True, True
        return True, False

    def _screened(self, line: str) -> list[int]:
        """Where the screened characters (one each) stand in ``line``: the first
        ``MAX_BAD_WINDOWS + 1`` of them, all that :meth:`_judge` reads."""
        at: list[int] = []
        scan = self._screen_scan
        assert scan is not None
        found = scan.find(line, 0)
        while found >= 0 and len(at) <= MAX_BAD_WINDOWS:
            at.append(found)
            found = scan.find(line, found + 1)
        return at

    def _bad_by_parts(self, line: str) -> bool:
        """``ftfy.badness.is_bad(line)``, searching only the alternatives that can match."""
        screen = self.screen
        if screen is None or not screen.parts:
            return ftfy.badness.is_bad(line)
        return _parts_match(screen, line, set(screen.chars.findall(line)), 0, len(line))


def _parts_match(
    screen: BadnessScreen, line: str, chars: Iterable[str], start: int, end: int
) -> bool:
    """Whether an alternative of ftfy's badness regex that one of the screened ``chars``
    belongs to matches within ``line[start:end]`` (each alternative compiled alone)."""
    wanted: set[int] = set()
    for ch in chars:
        wanted.update(screen.needs[ch])
    parts = screen.parts
    return any(parts[index].search(line, start, end) for index in wanted)


#: What :meth:`Normalizer.judge` learnt of a line that is not plain, for :func:`fix_text`:
#: nothing, that it holds a character ftfy needs (the gate not asked), or that the
#: gate says ftfy would change it.
UNKNOWN, NEEDED, REFUSED = 0, 1, 2
#: :meth:`Normalizer.judge`'s verdict on a line no step would change.
PLAIN = 3


def fix_text(
    line: str,
    config: ftfy.TextFixerConfig,
    needed: re.Pattern = _FTFY_NEEDED,
    gate: FtfyGate | None = None,
    known: int = UNKNOWN,
) -> str:
    """Repair mojibake, HTML entities, control characters; NFC. ``donâ€™t`` -> ``don’t``.

    ``needed`` is :func:`ftfy_needed` for ``config``: lines without such a
    character are returned as they are. ``gate`` (:class:`FtfyGate` for the
    same options) returns the others ftfy would not change, without calling it.
    ``known`` (``NEEDED`` or ``REFUSED``) skips the checks :meth:`Normalizer.judge`
    already made of this line with the same ``needed`` and ``gate``.
    """
    if known == UNKNOWN and not needed.search(line):
        return line
    if gate is None:
        return ftfy.fix_text(line, config)
    # The gate refused the line when judging it crowded (is_bad's exact answer):
    # uncrowded, it refuses it too (its answer is then exact or "maybe bad").
    if known != REFUSED and gate.passes(line):
        return line
    fixed = gate.first_round(line)
    return fixed if fixed is not None else ftfy.fix_text(line, config)


def remove_zero_width(line: str) -> str:
    """Drop zero-width spaces and BOMs; keep ZWJ/ZWNJ between letters (``می‌خواهم``)."""
    if line.isascii():
        return line
    line = _ZERO_WIDTH.sub("", line)
    return _JOINERS.sub("", line)


def remove_soft_hyphens(line: str) -> str:
    """Soft hyphens are invisible break hints: ``co\u00adoperate`` -> ``cooperate``."""
    return line.replace(_SOFT_HYPHEN, "") if _SOFT_HYPHEN in line else line


def collapse_spaces(text: str) -> str:
    """Runs of spaces become one and the ends are trimmed: ``"a  b "`` -> ``"a b"``."""
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    return text.strip(" ")


def normalize_spaces(line: str) -> str:
    """Odd spaces become a space, runs collapse, ends trimmed: ``a\u00a0\u00a0b `` -> ``a b``."""
    return collapse_spaces(_ODD_SPACES.sub(" ", line))


# A drop cap split from its word: "W hile the talks..." A capital that is not a
# one-letter word in English, French, Spanish, German, Italian or Portuguese
# (A, I, O, E, Y, U, Ä, À, É, Ó stay), then a space and a word of lower-case
# letters ("R ggplot2" is a name).
_DROP_CAP_LETTERS = "BCDFGHJKLMNPQRSTVWZ"
_DROP_CAP = compile_pattern(rf"([{_DROP_CAP_LETTERS}]) (\p{{Ll}}{{2,}})\b")
#: A paragraph this short is not an article's opening (``"T shirts"`` as a heading).
DROP_CAP_WORDS = 8
# A drop cap opens a paragraph, which ends like one; a line that does not is a
# heading or a piece of hard-wrapped text ("Client" / "B may then make a request").
_PARAGRAPH_END = frozenset(".!?…。！？\"'’”»)]")
# K, S, V, W and Z are prepositions in Polish, Czech, Slovak, Slovene and Croatian
# ("W latach 2013-2017 ...", "V roce 2019 ..."); a paragraph with one of these
# languages' letters keeps them apart.
_SLAVIC_PREPOSITIONS = frozenset("KSVWZ")
_SLAVIC_LETTERS = compile_pattern("[ąćęłńśźżčďěňřšťůžľĺŕđĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽĽĹŔĐ]")


def join_drop_caps(line: str) -> str:
    """A paragraph that opens with a split drop cap gets it back: ``W hile`` -> ``While``.

    Only at the start of a paragraph of at least DROP_CAP_WORDS words that
    ends like a paragraph (``.``, ``?``, a closing quote or bracket), and not
    for letters that are words (``A man``, ``I think``, ``O presidente``; in a
    paragraph in Polish or Czech, ``W latach``, ``V roce``).
    """
    if (
        line[1:2] != " "
        or line.count(" ") < DROP_CAP_WORDS
        or line.rstrip()[-1:] not in _PARAGRAPH_END
    ):
        return line
    match = _DROP_CAP.match(line)
    if match is None:
        return line
    if match[1] in _SLAVIC_PREPOSITIONS and _SLAVIC_LETTERS.search(line):
        return line
    return match[1] + line[2:]


#: The steps, in the order they run. Names are the keys of ``normalize:``.
STEPS: tuple[tuple[str, Callable[..., str]], ...] = (
    ("fix_text", fix_text),
    ("remove_zero_width", remove_zero_width),
    ("remove_soft_hyphens", remove_soft_hyphens),
    ("normalize_spaces", normalize_spaces),
    ("join_drop_caps", join_drop_caps),
)
STEP_NAMES = frozenset(name for name, _ in STEPS)
#: Steps that only act on _STEP_CHARS or on doubled or edge spaces.
_CHAR_STEPS = (remove_zero_width, remove_soft_hyphens, normalize_spaces)


class Normalizer:
    """Applies a :class:`NormalizeConfig` to lines; built once per Cleaner."""

    __slots__ = (
        "_form",
        "_ftfy",
        "_gate",
        "_loud",
        "_needed",
        "_needs",
        "_odd",
        "_quiet",
        "_silent",
        "_stepped",
        "_steps",
        "config",
    )

    def __init__(self, config: NormalizeConfig | None = None):
        self.config = config or NormalizeConfig()
        self._ftfy = self.config.ftfy_config() if self.config.fix_text else None
        self._needed = ftfy_needed(self.config.ftfy)
        self._gate = FtfyGate.build(self.config.ftfy)
        self._steps = tuple(
            fn for name, fn in STEPS if name != "fix_text" and getattr(self.config, name)
        )
        # The steps that can act on a piece without _STEP_CHARS or doubled or
        # edge spaces (the others return such a piece as it is).
        self._quiet = tuple(fn for fn in self._steps if fn not in _CHAR_STEPS)
        self._form = self.config.ftfy.get("normalization") if self.config.fix_text else None
        self._silent = _silent_chars(self._gate) if self._ftfy is not None else None
        # judge's tests. The first finds doubled spaces and, in the same pass, a
        # character that keeps the line from being plain (CharSet.scan): in ASCII a
        # control character or "&" (_odd; the pure build asks str methods), else one
        # that sends it through ftfy. The others are true when a line holds a
        # character of their class (see _search_for): what anything after ftfy looks
        # at, the steps'.
        self._odd: Callable[[str], int] = CharSet(_ODD_ASCII).scan if SCAN_COMPILED else _ascii_scan
        self._needs = CharSet(self._needed).scan
        self._loud = _search_for(self._silent) if self._silent is not None else None
        self._stepped = _search_for(_STEP_CHARS)

    def __reduce__(self):
        return (Normalizer, (self.config,))

    def plain(self, line: str) -> bool:
        """True for a line no step would change (most lines): :meth:`line` gives ``[line]``.

        No doubled or edge spaces, no split drop cap's shape (a capital that
        :func:`join_drop_caps` joins, then a space), and either only printable ASCII without
        ``&`` plus typographic punctuation (what :func:`ftfy_needed` lets skip
        ftfy, and what no other step touches), or (text in other scripts)
        no character another step acts on, while ftfy's own checks (the
        :class:`FtfyGate`) say it would leave the line alone, NFC included.
        """
        return self.judge(line) == PLAIN

    def judge(self, line: str) -> int:
        """:meth:`plain`'s verdict: ``PLAIN``, or what it learnt of a line that is not
        (``UNKNOWN``, ``NEEDED``, ``REFUSED``: pass it to :meth:`line` as ``known``)."""
        if line[-1] == " " or line[0] == " ":
            return UNKNOWN
        found = (self._odd if line.isascii() else self._needs)(line)
        if found == DOUBLED:
            return UNKNOWN
        if line[1:2] == " " and line[0] in _DROP_CAP_LETTERS:
            return UNKNOWN  # maybe a split drop cap
        if not found:
            # What _needed lets through (every class it can be holds _ODD_ASCII).
            return PLAIN
        loud = self._loud
        if loud is not None and not loud(line):
            # One scan instead of three (most lines in other scripts): no step's
            # character, no trigger of ftfy's, nothing its badness screen looks at.
            return PLAIN if self._gate.rest_leaves(line, silent=True) else REFUSED  # type: ignore[union-attr]
        if self._stepped(line):
            return NEEDED
        if self._ftfy is None:
            return PLAIN  # no ftfy, no NFC: nothing else would act
        if self._gate is None:
            return NEEDED
        return PLAIN if self._gate.passes(line, crowded=True) else REFUSED

    def line(self, line: str, known: int = UNKNOWN) -> list[str]:
        """Normalize one input line into the paragraphs it holds (usually one).

        ftfy turns U+2028 and similar separators into ``\\n``, so one input line
        can hold several paragraphs; empty ones are dropped. A non-ASCII result
        is normalized again until it no longer changes: trimming a no-break
        space can expose a sequence ftfy then reads as mojibake (``\\xa0\\x8e¤``),
        and a cleaned text must come out of a second clean unchanged. ``known`` is
        what :meth:`judge` said of ``line``.
        """
        out = []
        for piece, settled in self._once(line, known):
            for _ in range(MAX_ROUNDS):
                if settled or piece.isascii():
                    break
                again = self._once(piece)
                if [p for p, _ in again] == [piece]:
                    break
                piece, settled = " ".join(p for p, _ in again), False
            if piece:
                out.append(piece)
        return out

    def _once(self, line: str, known: int = UNKNOWN) -> list[tuple[str, bool]]:
        """One round: ftfy, then the other steps, per piece.

        A piece is *settled* when it is ftfy's own output for the whole line and
        no later step changed it: ftfy repeats its fixes until nothing changes,
        so another round would give the same text. Only unsettled non-ASCII
        pieces pay for a second round.
        """
        if self._ftfy is not None:
            line = fix_text(line, self._ftfy, self._needed, self._gate, known)
        single = "\n" not in line
        out = []
        for segment in (line,) if single else line.split("\n"):
            piece = segment
            quiet = (
                _STEP_CHARS.search(piece) is None
                and "  " not in piece
                and piece[:1] != " "
                and piece[-1:] != " "
            )
            for step in self._quiet if quiet else self._steps:
                piece = step(piece)
            if self._form and not piece.isascii():
                # Removing a zero-width character can bring a letter and a
                # combining mark together.
                piece = unicodedata.normalize(self._form, piece)
            if piece.strip():
                out.append((piece, single and piece == segment))
        return out

"""Text normalization: the one place that calls ftfy.

Every step is a small named ``str -> str`` function listed in :data:`STEPS`, run
in that order on each input line. A pack's ``normalize:`` mapping switches steps
on or off by name and sets ftfy's options; :class:`NormalizeConfig` holds the
result. Every ftfy option is set here on purpose, with the reason beside it,
because ftfy's own defaults restyle text (straight quotes, half-width letters)
and POLICY.md says: repair, don't restyle.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

import ftfy
import regex

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
_ZERO_WIDTH = regex.compile("[\u200b\u2060\ufeff\u180e]")
_JOINERS = regex.compile(
    r"(?<![\p{L}\p{M}\p{So}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}\p{So}])"
)
_SOFT_HYPHEN = "\u00ad"
# No-break, en/em/thin/hair, narrow no-break, math, ideographic, Ogham spaces, tab,
# and any control character ftfy left (vertical tab, form feed, ...).
_ODD_SPACES = regex.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c\x1c-\x1f\x85]")
_SPACE_RUNS = regex.compile(" {2,}")
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
_FTFY_NEEDED = regex.compile(r"[^\x20-\x25\x27-\x7e\u2010-\u201f\u2021\u2023-\u2027\u2030-\u205e]")
_FTFY_NEEDED_ASCII = regex.compile(r"[^\x20-\x25\x27-\x7e]")


def ftfy_needed(options: Mapping[str, Any]) -> regex.Pattern:
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

    def ftfy_config(self) -> ftfy.TextFixerConfig:
        return ftfy.TextFixerConfig(**self.ftfy)


def fix_text(line: str, config: ftfy.TextFixerConfig, needed: regex.Pattern = _FTFY_NEEDED) -> str:
    """Repair mojibake, HTML entities, control characters; NFC. ``donâ€™t`` -> ``don’t``.

    ``needed`` is :func:`ftfy_needed` for ``config``: lines without such a
    character are returned as they are.
    """
    if not needed.search(line):
        return line
    return ftfy.fix_text(line, config)


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
# (A, I, O, E, Y, U, Ä, À, É, Ó stay), then a space and lower-case letters.
_DROP_CAP = regex.compile(r"([B-DF-HJ-NP-TV-WZ]) (\p{Ll}{2,})")
#: A paragraph this short is not an article's opening (``"T shirts"`` as a heading).
DROP_CAP_WORDS = 8


def join_drop_caps(line: str) -> str:
    """A paragraph that opens with a split drop cap gets it back: ``W hile`` -> ``While``.

    Only at the start of a paragraph of at least DROP_CAP_WORDS words, and not
    for letters that are words (``A man``, ``I think``, ``O presidente``).
    """
    if line[1:2] != " " or line.count(" ") < DROP_CAP_WORDS:
        return line
    match = _DROP_CAP.match(line)
    return line if match is None else match[1] + line[2:]


#: The steps, in the order they run. Names are the keys of ``normalize:``.
STEPS: tuple[tuple[str, Callable[..., str]], ...] = (
    ("fix_text", fix_text),
    ("remove_zero_width", remove_zero_width),
    ("remove_soft_hyphens", remove_soft_hyphens),
    ("normalize_spaces", normalize_spaces),
    ("join_drop_caps", join_drop_caps),
)
STEP_NAMES = frozenset(name for name, _ in STEPS)


class Normalizer:
    """Applies a :class:`NormalizeConfig` to lines; built once per Cleaner."""

    __slots__ = ("_form", "_ftfy", "_needed", "_steps", "config")

    def __init__(self, config: NormalizeConfig | None = None):
        self.config = config or NormalizeConfig()
        self._ftfy = self.config.ftfy_config() if self.config.fix_text else None
        self._needed = ftfy_needed(self.config.ftfy)
        self._steps = tuple(
            fn for name, fn in STEPS if name != "fix_text" and getattr(self.config, name)
        )
        self._form = self.config.ftfy.get("normalization") if self.config.fix_text else None

    def __reduce__(self):
        return (Normalizer, (self.config,))

    def line(self, line: str) -> list[str]:
        """Normalize one input line into the paragraphs it holds (usually one).

        ftfy turns U+2028 and similar separators into ``\\n``, so one input line
        can hold several paragraphs; empty ones are dropped. A non-ASCII result
        is normalized again until it no longer changes: trimming a no-break
        space can expose a sequence ftfy then reads as mojibake (``\\xa0\\x8e¤``),
        and a cleaned text must come out of a second clean unchanged.
        """
        out = []
        for piece, settled in self._once(line):
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

    def _once(self, line: str) -> list[tuple[str, bool]]:
        """One round: ftfy, then the other steps, per piece.

        A piece is *settled* when it is ftfy's own output for the whole line and
        no later step changed it: ftfy repeats its fixes until nothing changes,
        so another round would give the same text. Only unsettled non-ASCII
        pieces pay for a second round.
        """
        if self._ftfy is not None:
            line = fix_text(line, self._ftfy, self._needed)
        single = "\n" not in line
        out = []
        for segment in (line,) if single else line.split("\n"):
            piece = segment
            for step in self._steps:
                piece = step(piece)
            if self._form and not piece.isascii():
                # Removing a zero-width character can bring a letter and a
                # combining mark together.
                piece = unicodedata.normalize(self._form, piece)
            if piece.strip():
                out.append((piece, single and piece == segment))
        return out

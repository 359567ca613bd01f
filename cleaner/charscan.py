"""Whether a string holds a character of a class: the normalization gate's one loop.

Every line of every document goes through :meth:`Normalizer.judge
<cleaner.normalize.Normalizer.judge>`, which asks of each line whether it holds
one character of a few classes (what sends a line through ftfy, what a later
step or ftfy's checks look at; control characters and ``&`` in ASCII). The
stdlib ``re`` engine answers at some 45 instructions a character (it walks the
class's ranges), and those two searches were 8% of the compiled build's time
(bench/PROFILE.md, session 24).

This module is Cython's pure-Python mode: ``charscan.pxd`` gives the types.
Compiled (``pip install .`` builds it with the mypyc modules), :meth:`CharSet.search`
reads the string's characters straight from its buffer and looks each up in a
bitmap of the class, a few instructions each. As plain Python (the pure build,
or a class the bitmap cannot hold) it is the ``re`` search it replaces: that is
the reference, and ``tests/test_charscan.py`` checks the two agree on every
code point of every class the normalizer uses. mypyc cannot reach this loop: it
makes a ``str`` object of each character it iterates.
"""

from __future__ import annotations

import functools
import re

try:
    import cython

    COMPILED = cython.compiled
except ImportError:  # plain Python, Cython not installed: the pure build
    COMPILED = False

#: One past the last code point.
MAX_CODE = 0x110000


def class_ranges(pattern: re.Pattern) -> list[tuple[int, int]] | None:
    """The code point ranges (first, last) of a pattern that is one plain class
    (``[...]``, perhaps negated, of characters and ranges), or None for anything else
    (a category such as ``\\s``, flags, more than one item)."""
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    if pattern.flags & (re.IGNORECASE | re.LOCALE | re.ASCII):
        return None
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    if len(tree) != 1 or tree[0][0] is not sre_constants.IN:
        return None
    ranges: list[tuple[int, int]] = []
    negate = False
    for op, av in tree[0][1]:
        if op is sre_constants.NEGATE:
            negate = True
        elif op is sre_constants.LITERAL:
            ranges.append((av, av))
        elif op is sre_constants.RANGE:
            ranges.append((av[0], av[1]))
        else:
            return None
    ranges.sort()
    if negate:
        rest: list[tuple[int, int]] = []
        at = 0
        for first, last in ranges:
            if first > at:
                rest.append((at, first - 1))
            at = max(at, last + 1)
        if at < MAX_CODE:
            rest.append((at, MAX_CODE - 1))
        ranges = rest
    return ranges


#: Where the table of a class whose characters past the Basic Multilingual Plane are
#: all in it or all out of it ends (most classes): one byte then says which.
BMP = 0x10000


@functools.lru_cache(maxsize=32)
def bitmap(pattern: re.Pattern) -> bytes:
    """The class as a table: bit ``n % 8`` of byte ``n // 8`` set for each code point
    ``n`` below its end that the class holds, then one byte, 1 when every code point
    from the end on is in the class and 0 when none is. The table ends at :data:`BMP`
    (8 KB) when the code points past it are all in or all out, else at
    :data:`MAX_CODE` (136 KB). ``b""`` when :func:`class_ranges` cannot read the
    pattern. Shared by every CharSet of the pattern."""
    ranges = class_ranges(pattern)
    if ranges is None:
        return b""
    past = [(max(first, BMP), last) for first, last in ranges if last >= BMP]
    astral_all = past == [(BMP, MAX_CODE - 1)]
    end = BMP if astral_all or not past else MAX_CODE
    bits = bytearray(end // 8 + 1)
    bits[-1] = 1 if astral_all else 0
    for first, last in ranges:
        last = min(last, end - 1)
        n = first
        while n <= last and n & 7:
            bits[n >> 3] |= 1 << (n & 7)
            n += 1
        whole = (last + 1 - n) >> 3
        if whole > 0:
            bits[n >> 3 : (n >> 3) + whole] = b"\xff" * whole
            n += whole << 3
        while n <= last:
            bits[n >> 3] |= 1 << (n & 7)
            n += 1
    return bytes(bits)


class CharSet:
    """The characters of a one-class ``re`` pattern; :meth:`search` says whether a
    string holds one (``pattern.search(text) is not None``)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.bits = bitmap(pattern) if COMPILED else b""

    def __reduce__(self):
        return (CharSet, (self.pattern,))

    def search(self, text: str) -> bool:
        """Whether ``text`` holds a character of the class."""
        if self.bits:
            return _holds(text, self.bits)
        return self.pattern.search(text) is not None

    def scan(self, text: str) -> int:
        """:data:`DOUBLED` when ``text`` holds two spaces in a row, else 1 when it holds a
        character of the class, else 0: two questions in one pass over the text."""
        if self.bits:
            return _scan(text, self.bits)
        if "  " in text:
            return DOUBLED
        return 1 if self.pattern.search(text) is not None else 0

    def find(self, text: str, start: int = 0) -> int:
        """Where the first character of the class at or after ``start`` stands in
        ``text``, or -1 (``pattern.search(text, start)``'s start)."""
        if self.bits:
            return _find(text, start, self.bits)
        found = self.pattern.search(text, start)
        return found.start() if found is not None else -1


#: What :meth:`CharSet.scan` says of a text with two spaces in a row.
DOUBLED = 2


def words(text: str) -> int:
    """How many words ``str.split()`` finds in ``text``, ``len(text.split())``,
    without building the list: compiled, one loop over the text."""
    if COMPILED:
        return _words(text)
    if text and text.isprintable() and "  " not in text and text[0] != " " != text[-1]:
        # Printable text with single inner spaces (what normalization leaves; no
        # other whitespace is printable): one more word than spaces.
        return text.count(" ") + 1
    return len(text.split())


def spaced(text: str) -> int:
    """``text.count(" ") + 1`` when ``text`` has no doubled, leading or trailing space,
    else 0: the pieces between its spaces, when none is empty. Compiled, one loop
    over the text; plain, two of str's own (the reference)."""
    if COMPILED:
        return _spaced(text)
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return 0
    return text.count(" ") + 1


def _spaced(text: str) -> int:
    """:func:`spaced` in one pass (the compiled loop): a space after a space, or at
    either end, makes it 0."""
    n = 1
    space = True  # a space first is a space at the start
    for ch in text:
        if ch == " ":
            if space:
                return 0
            space = True
            n += 1
        else:
            space = False
    if space and text:
        return 0  # the last character is a space
    return n


def _words(text: str) -> int:
    """The runs of non-whitespace (``str.isspace``, what ``str.split`` splits on) in
    ``text`` (the compiled loop)."""
    n = 0
    inside = False
    for ch in text:
        if ch.isspace():
            inside = False
        elif not inside:
            inside = True
            n += 1
    return n


def _scan(text: str, bits: bytes) -> int:
    """:meth:`CharSet.scan` over the table ``bits`` (the compiled loop)."""
    table = bits
    end = (len(bits) - 1) * 8
    past = table[len(bits) - 1]
    space = False
    for i, ch in enumerate(text):
        n = ord(ch)
        if n == 32:
            if space:
                return DOUBLED
            space = True
        else:
            space = False
        if _member(table, end, past, n):
            # Only doubled spaces are left to look for: str's own search, from
            # the space before this character on.
            return DOUBLED if text.find("  ", i - 1 if i else 0) >= 0 else 1
    return 0


def _holds(text: str, bits: bytes) -> bool:
    """Whether ``text`` holds a character of the class ``bits`` is the table of (see
    :func:`bitmap`; the compiled loop)."""
    table = bits
    end = (len(bits) - 1) * 8
    past = table[len(bits) - 1]
    # A loop, not any(...): Cython compiles a generator expression into a generator.
    for ch in text:  # noqa: SIM110
        if _member(table, end, past, ord(ch)):
            return True
    return False


def _find(text: str, start: int, bits: bytes) -> int:
    """The index of the first character at or after ``start`` of ``text`` in the class
    ``bits`` is the table of, or -1 (the compiled loop)."""
    table = bits
    end = (len(bits) - 1) * 8
    past = table[len(bits) - 1]
    for i in range(max(start, 0), len(text)):
        if _member(table, end, past, ord(text[i])):
            return i
    return -1


def _member(table: bytes, end: int, past: int, n: int) -> bool:
    """Whether code point ``n`` is in the class of ``table``, whose bits end at ``end``
    and whose last byte ``past`` says whether the code points from there on are."""
    if n >= end:
        return past != 0
    return (table[n >> 3] & (1 << (n & 7))) != 0

"""cleaner.charscan: a class's bitmap, and the compiled loop that reads it, are the
``re`` search they replace, on every code point of every class the normalizer uses."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import charscan
from cleaner.charscan import (
    BMP,
    DOUBLED,
    MAX_CODE,
    CharSet,
    bitmap,
    class_ranges,
    spaced,
    words,
)
from cleaner.normalize import (
    _FTFY_NEEDED,
    _FTFY_NEEDED_ASCII,
    _ODD_ASCII,
    _STEP_CHARS,
    Normalizer,
)

from .conftest import COMPILED

_NORMALIZER = Normalizer()
_GATE = _NORMALIZER._gate
assert _GATE is not None and _GATE.screen is not None
#: Every class the normalizer tests lines against.
CLASSES = {
    "odd ascii": _ODD_ASCII,
    "needed": _FTFY_NEEDED,
    "needed, ascii": _FTFY_NEEDED_ASCII,
    "steps": _STEP_CHARS,
    "silent": _NORMALIZER._silent,
    "triggers": _GATE.triggers,
    "screen": _GATE.screen.chars,
}


def _member(bits: bytes, n: int) -> bool:
    """Whether the table ``bits`` holds code point ``n`` (as bitmap() documents it)."""
    end = (len(bits) - 1) * 8
    return bool(bits[-1]) if n >= end else bool(bits[n >> 3] & (1 << (n & 7)))


@pytest.mark.parametrize("name", list(CLASSES))
def test_the_bitmap_holds_exactly_the_class(name):
    pattern = CLASSES[name]
    bits = bitmap(pattern)
    # Every class the normalizer uses is readable, and small: its characters past
    # the Basic Multilingual Plane are all in it or all out.
    assert len(bits) == BMP // 8 + 1
    wrong = [n for n in range(MAX_CODE) if _member(bits, n) != (pattern.search(chr(n)) is not None)]
    assert wrong == []


def test_a_class_that_splits_the_astral_planes_gets_the_whole_table():
    pattern = re.compile("[a\U0001f600-\U0001f64f]")
    bits = bitmap(pattern)
    assert len(bits) == MAX_CODE // 8 + 1
    for n in (0x61, 0x62, 0xFFFF, 0x10000, 0x1F5FF, 0x1F600, 0x1F64F, 0x1F650, MAX_CODE - 1):
        assert _member(bits, n) == (pattern.search(chr(n)) is not None)
        assert CharSet(pattern).search(chr(n)) == (pattern.search(chr(n)) is not None)


@pytest.mark.skipif(COMPILED, reason="compiled, the loops are C: the tests below read them")
@pytest.mark.parametrize("name", list(CLASSES))
def test_the_loops_as_plain_python(name):
    """The source Cython compiles, run as Python: the same answers as re."""
    pattern = CLASSES[name]
    bits = bitmap(pattern)
    text = "".join(map(chr, range(0, MAX_CODE, 5)))
    for piece in (text[k : k + 40] for k in range(0, len(text), 40)):
        assert charscan._holds(piece, bits) == (pattern.search(piece) is not None)
        for with_space in (piece, piece[:20] + " " + piece[20:], piece[:20] + "  " + piece[20:]):
            assert charscan._scan(with_space, bits) == _scan_reference(pattern, with_space)
    found, at = [], charscan._find(text, 0, bits)
    while at >= 0:
        found.append(at)
        at = charscan._find(text, at + 1, bits)
    assert found == [m.start() for m in pattern.finditer(text)]


@pytest.mark.skipif(COMPILED, reason="compiled, the loop is C: the tests below read it")
def test_the_word_loop_as_plain_python():
    for sep in _SPACES + _NOT_SPACES:
        text = f"{sep}a{sep}{sep}b{sep}c"
        assert charscan._words(text) == len(text.split())


@pytest.mark.parametrize("name", list(CLASSES))
def test_search_and_find_are_the_re_search_on_every_code_point(name):
    pattern = CLASSES[name]
    chars = CharSet(pattern)
    wrong = [
        n for n in range(MAX_CODE) if chars.search(chr(n)) != (pattern.search(chr(n)) is not None)
    ]
    assert wrong == []
    # find: in a string of all of them, every position of the class in order.
    text = "".join(map(chr, range(0, MAX_CODE, 7)))
    found, at = [], chars.find(text)
    while at >= 0:
        found.append(at)
        at = chars.find(text, at + 1)
    assert found == [m.start() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.integers(-3, 90), st.sampled_from(list(CLASSES)))
def test_search_and_find_on_random_strings(text, start, name):
    pattern = CLASSES[name]
    chars = CharSet(pattern)
    assert chars.search(text) == (pattern.search(text) is not None)
    found = pattern.search(text, max(start, 0))
    assert chars.find(text, start) == (found.start() if found is not None else -1)


def _scan_reference(pattern: re.Pattern, text: str) -> int:
    """What CharSet.scan documents, with str and re."""
    if "  " in text:
        return DOUBLED
    return 1 if pattern.search(text) is not None else 0


@pytest.mark.parametrize("name", list(CLASSES))
def test_scan_finds_the_class_and_doubled_spaces_on_every_code_point(name):
    pattern = CLASSES[name]
    chars = CharSet(pattern)
    for n in range(0, MAX_CODE, 3):
        for text in (chr(n), f"a {chr(n)} b", f"{chr(n)}  b", f"x{chr(n)} "):
            assert chars.scan(text) == _scan_reference(pattern, text), (name, hex(n))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(" a&\x01é\u00a0\u2019\u3000"), max_size=30),
    st.sampled_from(list(CLASSES)),
)
def test_scan_on_random_strings(text, name):
    pattern = CLASSES[name]
    assert CharSet(pattern).scan(text) == _scan_reference(pattern, text)


#: Every code point str.split() splits on, and some it does not.
_SPACES = "".join(chr(n) for n in range(MAX_CODE) if chr(n).isspace())
_NOT_SPACES = "a\u200b\u2060\ufeff\x00\u180e"


def test_words_is_the_split_count_for_every_whitespace_character():
    for sep in _SPACES + _NOT_SPACES:
        for text in (f"a{sep}b", f"{sep}a{sep}{sep}b{sep}", f"a{sep}b{sep}c", sep, ""):
            assert words(text) == len(text.split()), (hex(ord(sep)), text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(_SPACES[:8] + "ab\u3000\u00a0é東" + _NOT_SPACES), max_size=40)
)
def test_words_on_random_strings(text):
    assert words(text) == len(text.split())


def _spaced_reference(text):
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        return 0
    return text.count(" ") + 1


def test_spaced_counts_the_pieces_between_single_spaces():
    for text in ("", "a", "a b", "a b c", " a", "a ", " ", "  ", "a  b", "a\u00a0b c", "東 京"):
        assert spaced(text) == _spaced_reference(text), text
    assert spaced("one two three") == 3 and spaced("one  two") == 0 and spaced(" one") == 0


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(" ab\u00a0\t\u3000é東😀"), max_size=40))
def test_spaced_on_random_strings(text):
    """The compiled loop (or, in the pure build, str's searches) against str's searches."""
    assert spaced(text) == _spaced_reference(text)


@pytest.mark.skipif(COMPILED, reason="compiled, the loop is C: the tests above read it")
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" ab\u00a0\t\u3000é東😀"), max_size=40))
def test_the_spaced_loop_as_plain_python(text):
    assert charscan._spaced(text) == _spaced_reference(text)


def test_what_a_bitmap_cannot_hold_falls_back_to_the_search():
    for pattern in (re.compile(r"\s"), re.compile("[a-c]", re.I), re.compile("ab")):
        assert class_ranges(pattern) is None and bitmap(pattern) == b""
        chars = CharSet(pattern)
        assert chars.search("xx ab") == (pattern.search("xx ab") is not None)
        assert chars.find("xx ab") == pattern.search("xx ab").start()


def test_a_char_set_pickles():
    chars = pickle.loads(pickle.dumps(CharSet(_FTFY_NEEDED)))
    assert chars.search("café") and not chars.search("plain “text”")


def test_the_compiled_build_compiles_the_loop():
    """mypyc builds compile this module with Cython: a build that lost it would run
    the re searches (same output, slower) without anything else saying so."""
    assert charscan.COMPILED == COMPILED
    normalizer = _NORMALIZER
    assert isinstance(getattr(normalizer._odd, "__self__", None), CharSet) == COMPILED
    assert bool(normalizer._needs.__self__.bits) == COMPILED  # a table: the compiled loop
    assert bool(_GATE._screen_scan.bits) == COMPILED
    for test in (normalizer._loud, normalizer._stepped, _GATE._triggered):
        assert isinstance(getattr(test, "__self__", None), CharSet) == COMPILED


def test_the_pure_builds_ascii_scan_is_the_char_sets():
    from cleaner.normalize import _ascii_scan

    for n in range(128):
        for text in (chr(n), f"a {chr(n)} b", f"{chr(n)}  b", f"x{chr(n)}"):
            assert _ascii_scan(text) == _scan_reference(_ODD_ASCII, text), n


def test_an_odd_ascii_character_always_needs_ftfy():
    """judge reads "no odd character" of an ASCII line as "nothing ftfy needs": true
    while every class ftfy_needed can give holds every character of _ODD_ASCII."""
    for n in range(128):
        if _ODD_ASCII.search(chr(n)):
            assert _FTFY_NEEDED.search(chr(n)) and _FTFY_NEEDED_ASCII.search(chr(n)), n

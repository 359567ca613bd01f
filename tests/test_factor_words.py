"""factor_words: a group of words as a trie matches the same lines, faster."""

from __future__ import annotations

import regex

from cleaner import Cleaner
from cleaner.kinds import edges
from cleaner.patterns import _spelled, factor_words, factored

from .conftest import EXAMPLES


def test_a_group_of_words_becomes_a_trie():
    words = "home|homepage|help|hilfe|hello|world|work|word"
    assert factor_words(rf"\b(?:{words})\b") == (
        r"\b(?:h(?:el(?:lo|p)|ilfe|ome(?:page)?)|wor(?:d|k|ld))\b"
    )
    # Fewer words than FACTOR_LEAST, and groups that are not non-capturing, stay.
    assert factor_words(r"\b(?:home|help)\b") == r"\b(?:home|help)\b"
    kept = r"(?<!\b(?:la|le|les|de|du|des|un|une|au) )plus|(?>a|b|c|d|e|f|g|h)"
    assert factor_words(kept) == kept
    # A pattern that does not parse comes back as it is.
    assert factor_words(r"(?:home|help") == r"(?:home|help"


def test_alternatives_spelled_out_as_words():
    assert _spelled("cookies?") == ["cookies", "cookie"]
    assert _spelled("terms of (?:use|service)") == ["terms of use", "terms of service"]
    assert _spelled("комментари[ийя]") == ["комментарии", "комментарий", "комментария"]
    assert _spelled("log ?in") == ["log in", "login"]
    # Anything else stays a pattern: repeats, escapes, lookarounds, an empty word.
    for alternative in ("a+", r"\.", "plus(?<!x)", "s?", "[a-z]"):
        assert _spelled(alternative) is None


def _lines() -> list[str]:
    lines: set[str] = set()
    for path in sorted(EXAMPLES.glob("*/input.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                lines.add(line)
                lines.update(line.split())
    return sorted(lines)


def test_the_page_rule_s_word_lists_match_the_same_lines_as_tries():
    # The bundled navigation pattern and the content headings: the factored pattern
    # says yes exactly where the written one does, on every line and word of the
    # examples (and the bench inputs, checked when it was written: 163,265 lines).
    rule = next(r for r in Cleaner().rules if r.id == "outside-body")
    navigation = rule.navigation
    fast = factored(navigation)
    assert fast is not navigation and len(fast.pattern) != len(navigation.pattern)
    headings = edges._CONTENT_HEADING
    written = regex.compile(edges._CONTENT_HEADING_SOURCE, headings.flags)
    assert written.pattern != headings.pattern
    lines = _lines()
    assert len(lines) > 2000
    for line in lines:
        said = navigation.search(line) is not None
        assert (fast.search(line) is not None) is said, line
    assert all((headings.match(line) is None) == (written.match(line) is None) for line in lines)


def test_a_verbose_pattern_is_left_as_written():
    pattern = regex.compile(r"\b(?:home | help | hilfe | hello | world | work | word | x)", regex.X)
    assert factored(pattern) is pattern

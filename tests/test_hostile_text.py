"""Hostile text: anything a crawl can hold goes in; the invariants hold on what comes out.

The invariants, for every document:
- idempotent: cleaning the output changes nothing;
- replay: applying the removals to the input gives exactly the output;
- subsequence: the output's paragraphs are input paragraphs (after normalization),
  in order, whole or with spans stripped.

``bench/fuzz.py`` runs the same properties at a high example count.
"""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.batch import RecordOptions, clean_record

from .conftest import EXAMPLES

CLEANER = Cleaner()

# Every code point, surrogates and control characters included.
anything = st.characters(codec=None, categories=None)
#: Lines that have broken things before: control characters, a lone surrogate,
#: mojibake with an entity, bidirectional marks.
_HOSTILE = [
    "\x00\x01\x1b[31m",
    "\ud800 lone surrogate",
    "donâ€™t &amp; caf\u00e9",
    "\u202e\u200f\ufeff",
]
#: Every kind of line break str.splitlines knows.
_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0b", "\x0c", "\x85"]
lines = st.one_of(
    st.text(anything, max_size=80),
    st.sampled_from(
        [
            "Share this article",
            "Photo: Jane Doe/Reuters",
            "Also Read: a teaser",
            "FAQs",
            "A body sentence of the article that is long enough to be kept.",
            *_HOSTILE,
        ]
    ),
)
separators = st.sampled_from(_BREAKS)
documents = st.lists(st.tuples(lines, separators), max_size=30).map(
    lambda pairs: "".join(line + sep for line, sep in pairs)
)

#: The lines of every example's input: real bodies and the furniture around them.
PAGE_LINES = [
    line
    for path in sorted(EXAMPLES.glob("*/input.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def splice_page(rng: random.Random) -> str:
    """A page spliced from real ones: up to eight chunks, each a stretch of an
    example's input (its structure: a body, then lists, menus, teasers), a few lines
    from anywhere, or a hostile line (control characters, a lone surrogate, mojibake,
    arbitrary code points), each joined by line breaks of one kind. Rules meet each
    other's furniture in new orders (a removed line inside a list, a list cut short),
    as they do on pages nobody saw."""
    page = ""
    for _ in range(rng.randint(0, 8)):
        pick = rng.random()
        if pick < 0.6:
            at = rng.randrange(len(PAGE_LINES))
            chunk = PAGE_LINES[at : at + rng.randint(1, 30)]
        elif pick < 0.9:
            chunk = [rng.choice(PAGE_LINES) for _ in range(rng.randint(1, 4))]
        elif pick < 0.95:
            chunk = [rng.choice([*_HOSTILE, ""])]  # or an empty line
        else:
            chunk = ["".join(chr(rng.randrange(0x110000)) for _ in range(rng.randint(1, 40)))]
        sep = rng.choice(_BREAKS)
        page += sep.join(chunk) + sep
    return page


#: :func:`splice_page` driven by hypothesis (which then shrinks a failure's draws).
pages = st.randoms(use_true_random=False).map(splice_page)


def check_invariants(cleaner: Cleaner, text: str) -> None:
    result = cleaner.clean(text)
    assert cleaner.clean(result.text).text == result.text, "not idempotent"
    assert cleaner.replay(text, result.removals) == result.text, "replay differs"
    assert_subsequence(result)


def assert_subsequence(result) -> None:
    """Output paragraphs are surviving input paragraphs, in order (spans stripped or not)."""
    dropped = {i for r in result.removals if r.span is None for i in r.paragraphs}
    stripped = {i for r in result.removals if r.span is not None for i in r.paragraphs}
    survivors = [p for p in result.paragraphs if p.index not in dropped]
    out = result.text.split("\n\n") if result.text else []
    out[-1:] = [out[-1].removesuffix("\n")] if out else []
    kept = iter(survivors)
    for paragraph in out:
        for candidate in kept:
            if candidate.text == paragraph:
                break
            if candidate.index in stripped:
                # A stripped paragraph that lost everything is dropped; one that
                # kept something appears with its words in the same order.
                words = iter(candidate.text.split())
                if all(w in words for w in paragraph.split()):
                    break
        else:
            raise AssertionError(f"{paragraph!r} is not an input paragraph in order")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_unicode_keeps_the_invariants(text):
    check_invariants(CLEANER, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_pages_spliced_from_real_ones_keep_the_invariants(text):
    check_invariants(CLEANER, text)


@settings(max_examples=200, deadline=None)
@given(st.text(anything, max_size=200))
def test_surrogates_escaped_in_jsonl_records_come_back_as_valid_json(text):
    raw = (json.dumps({"id": 1, "text": text}) + "\n").encode()
    outcome, line = clean_record(CLEANER, "in.jsonl", 1, raw, RecordOptions())
    assert outcome.status in ("ok", "empty")
    record = json.loads(line.decode("utf-8"))  # always valid UTF-8
    assert record["id"] == 1 and record["text"] == CLEANER.clean(text).text


def test_lone_carriage_returns_are_line_breaks_with_the_right_line_numbers():
    result = CLEANER.clean("Body of the story, one sentence.\rShare this article\rMore body.\r")
    assert result.text == "Body of the story, one sentence.\n\nMore body.\n"
    assert [(r.rule, r.line) for r in result.removals] == [("share-prompt", 2)]


def test_a_single_50_mb_line():
    line = "Officials said the talks would continue next week. " * 1_000_000
    assert len(line) > 50_000_000
    result = CLEANER.clean(line)
    assert result.text == line.strip() + "\n" and result.removals == ()
    assert CLEANER.replay(line, result.removals) == result.text


def test_a_million_tiny_lines():
    text = "".join(f"w{i}\n" for i in range(1_000_000))
    result = CLEANER.clean(text)
    assert result.paragraphs_in == 1_000_000
    assert CLEANER.replay(text, result.removals) == result.text
    assert_subsequence(result)

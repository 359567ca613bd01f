"""The prefilter: every paragraph a rule could act on is among its hits.

A prefilter that missed one would silently keep furniture, so these tests
attack the one promise it makes from several sides: the case folding it
relies on, the literal analysis on patterns of every shape the analysis
knows, the bundled rules on real and random text, and whole cleans with and
without it.
"""

from __future__ import annotations

import random

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.document import Paragraph
from cleaner.engine import _layout_fits, prefilter_for, use_plan
from cleaner.kinds import View
from cleaner.prefilter import Prefilter, _literal_char, fold, is_strong, need

from .conftest import EXAMPLES, SHARED, needs_pure
from .test_hostile_text import pages

EVERYTHING = "".join(map(chr, range(0x110000)))


def _inputs() -> list[str]:
    files = sorted(EXAMPLES.glob("*/input.txt"))
    bench = SHARED / "bench" / "articles"
    if bench.is_dir():
        files += sorted(bench.glob("*/input*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


def _found(literals, text: str) -> bool:
    haystack = fold("\n" + text + "\n")
    return any(lit in haystack for lit in literals)


# --- case folding ------------------------------------------------------------


@pytest.mark.parametrize("ch", [chr(c) for c in range(0x20, 0x7F)])
def test_every_case_insensitive_match_of_an_ascii_character_folds_to_it(ch):
    """Over every code point: what ``regex`` matches case-insensitively folds alike."""
    folded = _literal_char(ord(ch), regex.IGNORECASE)
    matches = set(regex.findall(regex.escape(ch), EVERYTHING, flags=regex.IGNORECASE))
    assert ch in matches
    for other in matches:
        assert fold(other) == folded, (ch, other)


def test_non_ascii_literal_characters_fold_like_their_case_insensitive_matches():
    cased = [
        c
        for c in map(chr, range(0x80, 0x110000))
        if c.lower() != c or c.upper() != c or c.casefold() != c
    ]
    images = {x for c in cased for f in (c.lower(), c.upper(), c.casefold()) for x in f}
    haystack = "".join(sorted(set(cased) | images))
    checked = 0
    for ch in sorted(set(cased) | images | set("«»’“”—–©®™°€£•·")):
        folded = _literal_char(ord(ch), regex.IGNORECASE)
        if folded is None:
            continue
        checked += 1
        for other in regex.findall(regex.escape(ch), haystack + ch, flags=regex.IGNORECASE):
            assert fold(other) == folded, (ch, other)
    assert checked > 1000


def test_folding_never_makes_a_line_break():
    """The scan counts line breaks in the folded text to find paragraphs."""
    assert fold(EVERYTHING).count("\n") == 1


def test_characters_regex_equates_with_others_but_folds_apart_are_refused():
    # ftfy aside, Turkish i's are the known case: fold() maps them to "i".
    assert fold("İstanbul ılık") == "istanbul ilik"
    # "ß" folds to "ss": as a case-insensitive literal, one letter would be two.
    assert _literal_char(ord("ß"), regex.IGNORECASE) is None
    assert _literal_char(ord("ß"), 0) == "ss"  # matched exactly, it folds like the text
    assert _literal_char(ord("é"), 0) == "é"


# --- the analysis ------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "flags", "anchored", "expected"),
    [
        (r"click to tweet", 0, False, {"click to tweet"}),
        (r"^Also Read", regex.I, False, {"\nalso read"}),
        (r"^(?:also read|see also)\b", regex.I, False, {"\nalso read", "\nsee also"}),
        (r"Also Read", 0, True, {"also read\n"}),  # standalone: the whole paragraph
        (r"(?:photo|image) credit$", regex.I, False, {"photo credit\n", "image credit\n"}),
        (r"\bsharing options\b", regex.I, False, {"sharing options"}),
        (r"^[Bb]y\s+\p{Lu}", 0, False, {"\nby" + ch for ch in regex.findall(r"\s", EVERYTHING)}),
        (r"^[-–\s]*ad\b", regex.I, False, None),  # checked below: starts or dashes
        (r"(?:photo|image) credit", regex.I, False, {"photo credit", "image credit"}),
        (r"^\d+ min read", 0, False, None),  # a digit first: checked below
        (r"(?=x)abc", 0, False, {"abc"}),
        # A repeat's last round and what follows it: a space before the month.
        (
            r"\d\.?\s+(?:ene|mai)",
            regex.I,
            False,
            {ch + m for ch in regex.findall(r"\s", EVERYTHING) for m in ("ene", "mai")},
        ),
        # A literal that holds another of the need is no use: the other finds it.
        (r"ene|\s+ene", regex.I, False, {"ene"}),
        (r"(?:foo|xfoo|foox)bar", 0, False, {"foobar", "fooxbar"}),
        (r"(?:ene|ene\s+\d)", regex.I, False, {"ene"}),
    ],
)
def test_needs_of_simple_patterns(pattern, flags, anchored, expected):
    found = need(regex.compile(pattern, flags), anchored)
    if expected is not None:
        assert found == expected
    else:
        assert found is not None


def test_a_leading_optional_class_adds_its_characters_at_the_start():
    # "ad" alone would be found in most paragraphs; at the start, or after a
    # dash or space there, it is rare.
    found = need(regex.compile(r"^[-–\s]*ad\b", regex.I))
    assert "\nad" in found and "\n-" in found and "\n–" in found
    assert "\n " in found and "\n\u3000" in found  # every \s, from regex itself


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("abc[ŉß]*$", "zz abcŉ"),  # members that fold to two characters, read backwards
        ("abc[ŉß]+$", "zz abcß"),
        ("^[ŉß]*abc", "ŉabc"),
        ("(?:ŉ|ß)x$", "ŉx"),
    ],
)
def test_literals_that_fold_to_several_characters_keep_their_order(pattern, text):
    compiled = regex.compile(pattern)
    assert compiled.search(text)
    assert _found(need(compiled), text)


def test_digits_are_listed_from_regex_itself():
    found = need(regex.compile(r"^\d+[a-z]"))
    assert {"\n0", "\n9", "\n٣"} <= found  # Arabic-Indic three too


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:abc){e<=1}",  # fuzzy: "abd" matches
        r"(?V1)[[a-z]--[q]]bc",
        r"(?i)(?f)strasse",  # full case folding: "straße" matches
        r"(a)\1",
        r"\L<words>",
        r".*",
        r"\w+",
        r"(?wm)^abcd",  # the WORD flag: lines also end at U+2028
        r"(?wm)abcd$",
    ],
)
def test_what_the_analysis_does_not_follow_gives_no_literal_it_would_miss(pattern):
    kwargs = {"words": ["x"]} if "\\L" in pattern else {}
    compiled = regex.compile(pattern, **kwargs)
    found = need(compiled)
    samples = {
        r"(?:abc){e<=1}": "abd",
        r"(?V1)[[a-z]--[q]]bc": "xbc",
        r"(?i)(?f)strasse": "STRAßE",
        r"(a)\1": "aa",
        r"\L<words>": "x",
        r".*": "anything",
        r"\w+": "word",
        r"(?wm)^abcd": "x\u2028abcd",
        r"(?wm)abcd$": "abcd\u2028x",
    }
    text = samples[pattern]
    assert compiled.search(text)
    assert found is None or _found(found, text)


def test_weak_needs_are_not_used():
    assert not is_strong(need(regex.compile(r"\w+ad\w*", regex.I)))
    assert not is_strong(frozenset({"d", "abc"}))
    assert is_strong(frozenset({"/"}))
    assert is_strong(frozenset({"\nx", "abc"}))


# --- the bundled rules on real and random text --------------------------------


def _bundled_triggers():
    cleaner = Cleaner()
    for rule in cleaner.rules:
        for pattern, standalone in rule.triggers or ():
            yield rule.id, pattern, standalone


def test_every_bundled_rule_has_a_prefilter_but_the_page_rules():
    # The two page-level rules judge the whole text (the body's edges, a closing
    # run of questions); each looks only at a few paragraphs from the ends. An
    # ``after_removed`` rule looks only at the paragraphs right after a removed one.
    cleaner = Cleaner()
    own = cleaner._prefilter.needs[: len(cleaner._plan)]
    unfiltered = [r for r, n in zip(cleaner._plan, own, strict=True) if n is None]
    after = [r.id for r in unfiltered if getattr(r, "when", None) and r.when.after_removed]
    assert after == ["caption-after-label", "read-more-headline"]
    assert [r.id for r in unfiltered if r.id not in after] == ["question-run", "outside-body"]


def test_no_need_of_a_bundled_pattern_holds_a_literal_that_holds_another():
    # A literal that holds another of its need finds nothing the other does not, and
    # costs a callback from the scan each time both are found.
    checked = 0
    for rule in Cleaner().rules:
        for pattern, standalone in getattr(rule, "triggers", None) or ():
            literals = need(pattern, standalone) or frozenset()
            for literal in literals:
                for other in literals:
                    if other != literal and other in literal:
                        raise AssertionError((rule.id, literal, other))
            checked += len(literals)
    assert checked > 1000


def test_a_caption_rule_searches_only_the_credits_whose_literals_a_paragraph_holds():
    cleaner = Cleaner()
    [(k, rule)] = [(k, r) for k, r in enumerate(cleaner._plan) if r.id == "caption-credit"]
    start, end = cleaner._parts[k]
    assert end - start == len(rule.triggers) > 1
    needs = cleaner._prefilter.needs
    assert needs[k] == frozenset().union(*needs[start:end])  # the rule's need, split
    texts = [
        "Crowds gathered in the square on Tuesday. (Photo: Reuters)",
        "The minister spoke for an hour about the budget and the debt.",
    ]
    scanned = cleaner._prefilter.scan(texts)
    view = View(tuple(Paragraph(i, i + 1, t) for i, t in enumerate(texts)), list(texts))
    view.set_hits(scanned[k], tuple(scanned[start:end]))
    tried = list(view.triggers_hit(0) or ())
    assert tried and len(tried) < len(rule.triggers)
    assert rule._looks_like_caption(texts[0], tried)
    assert list(view.triggers_hit(1) or ()) == []
    # A paragraph edited since the scan has stale hits: every trigger is tried.
    view.dirty.add(1)
    assert view.triggers_hit(1) is None


def test_a_stored_prefilter_of_another_layout_is_not_used():
    cleaner = Cleaner()
    own = len(cleaner._plan)
    assert _layout_fits(cleaner._plan, cleaner._prefilter.needs)
    # An entry with only the plan's own needs (as an older build stored it).
    assert not _layout_fits(cleaner._plan, cleaner._prefilter.needs[:own])


def test_bundled_needs_hold_on_every_example_bench_and_sample_paragraph():
    cleaner = Cleaner()
    paragraphs = {p.text for text in _inputs() for p in cleaner.paragraphs(text)}
    for rule in cleaner.rules:
        paragraphs.update(s.text for s in rule.samples)
    matched = 0
    for rule_id, pattern, standalone in _bundled_triggers():
        literals = need(pattern, standalone)
        for text in paragraphs:
            hit = pattern.fullmatch(text) if standalone else pattern.search(text)
            if hit:
                matched += 1
                assert literals is None or _found(literals, text), (rule_id, text)
    assert matched > 500


def _mutations(text: str, rng: random.Random) -> str:
    """A paragraph near ``text``: case, spacing and punctuation changed, words cut."""
    out = []
    for ch in text:
        r = rng.random()
        if r < 0.08:
            out.append(ch.swapcase())
        elif r < 0.10:
            out.append(rng.choice(" -–:|»\u00a0\t.,"))
        elif r < 0.12:
            continue
        else:
            out.append(ch)
    if rng.random() < 0.3:
        out.insert(0, rng.choice(["", " ", "- ", "» ", "1. ", "\u200b"]))
    return "".join(out)


def test_bundled_needs_hold_on_mutated_furniture():
    """Near-misses of every sample (case, spaces, dashes): a match always has a literal."""
    rng = random.Random(7)
    cleaner = Cleaner()
    seeds = [s.text for rule in cleaner.rules for s in rule.samples]
    matched = 0
    triggers = list(_bundled_triggers())
    for _ in range(40):
        for seed in seeds:
            text = _mutations(seed, rng)
            for rule_id, pattern, standalone in triggers:
                hit = pattern.fullmatch(text) if standalone else pattern.search(text)
                if hit:
                    matched += 1
                    literals = need(pattern, standalone)
                    assert literals is None or _found(literals, text), (rule_id, text)
    assert matched > 1000


# --- whole cleans with and without ---------------------------------------------


def _without_prefilter(cleaner: Cleaner) -> Cleaner:
    bare = Cleaner.__new__(Cleaner)
    for name in Cleaner.__slots__:
        object.__setattr__(bare, name, getattr(cleaner, name))
    use_plan(bare, cleaner._plan, Prefilter([None] * len(cleaner._plan)))
    return bare


def test_cleans_are_identical_without_the_prefilter_on_every_input():
    cleaner = Cleaner()
    bare = _without_prefilter(cleaner)
    for text in _inputs():
        assert cleaner.clean(text) == bare.clean(text)


def test_cleans_are_identical_without_the_prefilter_on_shuffled_and_noisy_pages():
    rng = random.Random(11)
    cleaner = Cleaner()
    bare = _without_prefilter(cleaner)
    samples = [s.text for rule in cleaner.rules for s in rule.samples]
    inputs = _inputs()
    for _ in range(150):
        lines = rng.choice(inputs).splitlines()
        lines += [_mutations(rng.choice(samples), rng) for _ in range(rng.randint(0, 12))]
        rng.shuffle(lines)
        text = "\n".join(lines)
        assert cleaner.clean(text) == bare.clean(text)


def test_cleans_are_identical_without_the_prefilter_on_hard_wrapped_text():
    # Found by comparing the two on pages spliced from the bench sets' lines: whether
    # the lines are hard-wrapped was judged when a rule first asked, over what was
    # left by then; without the prefilter an earlier rule asked (one with no hits
    # never does), before the comment block went, and the byline stayed.
    text = (
        "SHOULD add a 'remotestorage' field to the URL fragment, with a\n"
        "value of the form <account> '@' <host>. When the application detects\n"
        "By Jane Roe | Updated: Feb 6, 2026\n"
        "this parameter, it SHOULD resolve the WebFinger record for <account>\n"
        "3 Comments\n"
        "at <host> and extract the <storage_root> and <storage_api>\n"
        "information.\n"
    )
    assert _CLEANER.clean(text) == _BARE.clean(text)


LINE = st.text(
    alphabet=st.sampled_from(list("abcdefADR (c)©:|»-–—/.,!?\u00a0\u200b0123456789İıßﬁŉ")),
    max_size=30,
)
WORDS = st.sampled_from(
    [
        "Also Read:",
        "Advertisement",
        "Share",
        "By",
        "Photo:",
        "Getty Images",
        "All rights reserved",
        "Related",
        "12:30",
        "Tags:",
        "Comments",
        "Read more",
        "Subscribe",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(WORDS, LINE, st.booleans()), max_size=12))
def test_cleans_are_identical_without_the_prefilter_on_random_furniture(parts):
    cleaner = _CLEANER
    text = "\n".join(f"{w} {line}" if first else f"{line} {w}" for w, line, first in parts)
    assert cleaner.clean(text) == _BARE.clean(text)


# What a line may open with before its furniture (cleaner.document.unornamented).
ORNAMENTS = st.sampled_from(["", "👉 ", "➡️ ", "» ", ">> ", "— ", "- ", "## ", "📸", "* ", "-", "—"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ORNAMENTS, WORDS, LINE), max_size=12))
def test_cleans_are_identical_without_the_prefilter_on_ornamented_furniture(parts):
    """A line that opens with an emoji, an arrow or dashes is scanned with and without
    them, as the rules read it: the prefilter still misses no paragraph."""
    text = "\n".join(f"{o}{w} {line}" for o, w, line in parts)
    assert _CLEANER.clean(text) == _BARE.clean(text)


_CLEANER = Cleaner()
_BARE = _without_prefilter(_CLEANER)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_cleans_are_identical_without_the_prefilter_on_spliced_pages(text):
    assert _CLEANER.clean(text) == _BARE.clean(text)


@pytest.mark.parametrize("grows", ["ß" * 30, "ﬁ" * 30, "ŉ" * 30])
def test_text_whose_folding_grows_keeps_hits_on_their_paragraphs(grows):
    """Folded, "ß" is "ss": hits after it must still land on the right paragraph."""
    text = (
        f"The street is called Strasse or Stra{grows} in German, she said to them.\n"
        "Advertisement\n"
        "Body text that is long enough to count as a body paragraph of the article, he said.\n"
    )
    assert _CLEANER.clean(text) == _BARE.clean(text)
    assert "Advertisement" not in _CLEANER.clean(text).text


def test_the_python_scan_finds_what_hyperscan_finds():
    cleaner = Cleaner()
    fast = cleaner._prefilter
    slow = Prefilter(fast.needs, use_hyperscan=False)
    if fast.engine != "hyperscan":
        pytest.skip("hyperscan is not installed here")
    assert slow.engine == "python"
    for text in _inputs()[:60]:
        texts = [p.text for p in cleaner.paragraphs(text)]
        assert fast.scan(texts) == slow.scan(texts)


@needs_pure
def test_a_pickled_cleaner_brings_its_prefilter_and_analyses_nothing(monkeypatch):
    import pickle

    import cleaner.engine as engine

    cleaner = Cleaner()
    data = pickle.dumps(cleaner)
    monkeypatch.setattr(engine, "need", lambda *a: pytest.fail("analysed again"))
    if cleaner._prefilter.engine == "hyperscan":
        import cleaner.prefilter as prefilter

        monkeypatch.setattr(prefilter, "_compile", lambda *a: pytest.fail("compiled again"))
    again = pickle.loads(data)
    assert again._prefilter.needs == cleaner._prefilter.needs
    text = _inputs()[0]
    assert again.clean(text) == cleaner.clean(text)


def test_fused_plans_get_their_own_prefilter():
    cleaner = Cleaner()
    assert prefilter_for(cleaner.rules).needs == cleaner._prefilter.needs


@pytest.mark.parametrize(
    ("pattern", "noted"),
    [(r"^\w+ad\w*$", True), (r"^(?:Also read|Read more)\b", False), (r"\w+", True)],
)
def test_rules_check_notes_rules_the_prefilter_cannot_narrow(pack, pattern, noted):
    from click.testing import CliRunner

    from cleaner.cli import main

    path = pack(
        "pack: p\nrules:\n  - id: r\n    kind: drop\n    why: test\n"
        f"    pattern: '{pattern}'\n    tests:\n      drop: [x]\n"
    )
    # The sample "x" only makes the pack valid: this is about the note, not the samples.
    res = CliRunner().invoke(main, ["rules", "check", "--no-samples", str(path)])
    assert res.exit_code == 0
    assert (f"note: {path}:3 [r] gives the prefilter no literal" in res.output) is noted


def test_rules_check_has_no_prefilter_note_for_the_bundled_packs():
    from click.testing import CliRunner

    from cleaner.cli import main
    from cleaner.loader import builtin_dir

    files = sorted(str(p) for p in builtin_dir().glob("*.yaml"))
    res = CliRunner().invoke(main, ["rules", "check", *files])
    assert res.exit_code == 0 and "note:" not in res.output


# --- random patterns with a text each that they match ----------------------------

CHARS = [*"abAkKsSi-( )1", "ß", "ŉ", "İ", "ı", "\u212a", "ſ", "é", "É", "ⓒ", "’"]
SPACES = [" ", "\t", "\u00a0", "\u3000"]
DIGITS = ["1", "7", "٣"]
# Characters regex matches case-insensitively to others that fold differently.
ODD_CASES = ["\u212a", "ſ", "İ", "ı", "ß", "ẞ", "ǅ", "Ω", "\u2126"]


def _spellings(ch: str) -> list[str]:
    """``ch`` as a text may spell it under ignore-case: every form regex matches to it."""
    options = {ch, ch.upper(), ch.lower(), ch.swapcase(), ch.title(), *ODD_CASES}
    return sorted(v for v in options if regex.fullmatch(regex.escape(ch), v, regex.IGNORECASE))


# Worked out before any strategy runs (regex's cache may use `random` inside one).
SPELLINGS = {ch: _spellings(ch) for ch in CHARS}


def _variant(draw, ch: str, flags: int) -> str:
    if not flags & regex.IGNORECASE:
        return ch
    return draw(st.sampled_from(SPELLINGS[ch]))


@st.composite
def _node(draw, flags: int, depth: int = 0):
    """(regex source, a text it matches)."""
    kind = draw(
        st.sampled_from(
            ["lit", "lit", "lit", "cls", "prop"]
            + (["alt", "seq", "seq", "opt", "star", "plus"] if depth < 3 else [])
        )
    )
    if kind == "lit":
        ch = draw(st.sampled_from(CHARS))
        return regex.escape(ch), _variant(draw, ch, flags)
    if kind == "cls":
        members = draw(st.lists(st.sampled_from(CHARS), min_size=1, max_size=3, unique=True))
        ch = draw(st.sampled_from(members))
        return "[" + "".join(regex.escape(m) for m in members) + "]", _variant(draw, ch, flags)
    if kind == "prop":
        if draw(st.booleans()):
            return r"\s", draw(st.sampled_from(SPACES))
        return r"\d", draw(st.sampled_from(DIGITS))
    if kind == "alt":
        (a, ta), (b, tb) = draw(_node(flags, depth + 1)), draw(_node(flags, depth + 1))
        return f"(?:{a}|{b})", draw(st.sampled_from([ta, tb]))
    if kind == "seq":
        (a, ta), (b, tb) = draw(_node(flags, depth + 1)), draw(_node(flags, depth + 1))
        return a + b, ta + tb
    inner, text = draw(_node(flags, depth + 1))
    if kind == "opt":
        return f"(?:{inner})?", draw(st.sampled_from(["", text]))
    times = draw(st.integers(0 if kind == "star" else 1, 2))
    return f"(?:{inner})" + ("*" if kind == "star" else "+"), text * times


@st.composite
def _case(draw):
    flags = draw(st.sampled_from([0, regex.IGNORECASE]))
    source, text = draw(_node(flags))
    start, end, standalone = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())
    if not standalone:
        source = ("^" if start else "") + source + ("$" if end else "")
        text = ("" if start else draw(st.sampled_from(["", "x ", "ß"]))) + text
        text += "" if end else draw(st.sampled_from(["", " y", "."]))
    return source, flags, standalone, text


@settings(max_examples=3000, deadline=None)
@given(_case())
def test_random_patterns_always_find_their_literal_in_what_they_match(case):
    source, flags, standalone, text = case
    compiled = regex.compile(source, flags)
    match = compiled.fullmatch(text) if standalone else compiled.search(text)
    if match is None or "\n" in text:
        return  # a case spelling regex did not take back; nothing to check
    literals = need(compiled, standalone)
    assert literals is None or _found(literals, text), (source, flags, standalone, text, literals)


@pytest.mark.parametrize("use_hyperscan", [True, False])
def test_a_scan_passes_over_removed_paragraphs_and_keeps_indices(use_hyperscan):
    prefilter = Prefilter(Cleaner()._prefilter.needs, use_hyperscan=use_hyperscan)
    live = ["Advertisement", "Body text — “quoted” here.", "Share this article", "Straße 12:30"]
    texts = [None, live[0], None, live[1], live[2], None, live[3]]
    where = [1, 3, 4, 6]
    alone = prefilter.scan(live)
    assert any(alone)  # the lines above do hit rules
    for got, want in zip(prefilter.scan(texts), alone, strict=True):
        assert got == (None if want is None else {where[i] for i in want})
    assert prefilter.scan([None, None]) == prefilter.scan([])


# ASCII, accented capitals, sharp s, Turkish i's, long s, Kelvin sign, sigmas, a curly quote.
FOLD_ALPHABET = "aZ x\u00e9\u00c9\u00df\u0130\u0131\u017f\u212a\u03a3\u03c2\u2019"


@given(st.lists(st.text(alphabet=FOLD_ALPHABET, max_size=12), min_size=1, max_size=6))
def test_folding_line_by_line_is_folding_the_whole_text(lines):
    from cleaner.prefilter import _fold_lines, fold

    lines = [line.replace("\n", " ") for line in lines]
    assert _fold_lines(lines) == fold("\n" + "\n".join(lines) + "\n")


# Literals drawn from folded text over the same alphabet, with line starts and ends.
_FOLDED_LITERALS = st.lists(
    st.builds(
        lambda text, start, end: ("\n" if start else "") + fold(text) + ("\n" if end else ""),
        st.text(alphabet=FOLD_ALPHABET.replace("\u0130", ""), min_size=1, max_size=4),
        st.booleans(),
        st.booleans(),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(
    _FOLDED_LITERALS,
    st.lists(st.text(alphabet=FOLD_ALPHABET, min_size=1, max_size=12), min_size=1, max_size=5),
)
def test_hyperscan_on_lowered_bytes_finds_what_folding_finds(literals, lines):
    """Lowering the bytes of a text without characters that fold into a literal's,
    and folding the others, finds in Hyperscan what ``str.find`` finds in the
    folded text."""
    fast = Prefilter([frozenset(literals)])
    if fast.engine != "hyperscan":
        pytest.skip("hyperscan is not installed here")
    slow = Prefilter([frozenset(literals)], use_hyperscan=False)
    lines = [line.replace("\n", " ") for line in lines]
    assert fast.scan(lines) == slow.scan(lines)


def test_the_characters_that_fold_into_a_literal_are_looked_for():
    from cleaner.prefilter import _odd_characters

    odd = _odd_characters(["\nshare this", "kicker", "häufige fragen"])
    # ASCII capitals are lowered with the bytes; these fold into "k", "s", "i", "ss", "ä".
    assert {"\u212a", "\u017f", "\u0130", "\u0131", "ß", "Ä"} <= set(odd)
    assert not any(ch.isascii() for ch in odd)
    assert "É" not in odd  # "é" is in no literal


def test_the_characters_folding_changes_are_found_block_by_block():
    from cleaner.prefilter import _unfolded

    naive: dict[str, list[str]] = {}
    for code in range(0x110000):
        if not 0xD800 <= code < 0xE000 and fold(chr(code)) != chr(code):
            naive.setdefault(fold(chr(code)), []).append(chr(code))
    assert _unfolded() == {k: tuple(v) for k, v in naive.items()}


@pytest.mark.skipif(not (SHARED / "bench").is_dir(), reason="needs ../shared/bench")
def test_prefilter_hits_counts_each_rules_paragraphs_here_and_at_a_commit():
    import subprocess
    import sys

    from .conftest import ROOT

    script = ROOT / "bench" / "prefilter_hits.py"
    run = subprocess.run(
        [sys.executable, str(script), "--pages", "5", "--against", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {line.split(" | ")[0].lstrip("| "): line for line in run.stdout.splitlines()}
    # Every line rule is counted in both trees; the page rule has no literal need.
    assert "date-line" in rows and "byline" in rows
    assert "(all)" in rows["outside-body"]
    assert rows["all rules"].count("|") == 5

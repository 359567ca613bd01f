"""Normalization: POLICY.md's list, ftfy options, and the ftfy fast path."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.normalize import FTFY_DEFAULTS, NormalizeConfig, Normalizer, fix_text

from .conftest import EXAMPLES, SHARED

N = Normalizer()


def norm(text: str) -> list[str]:
    return N.line(text)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("donâ€™t", "don’t"),
        ("Tom &amp; Jerry &#8217;s", "Tom & Jerry ’s"),
        ("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("co\u00adoperate", "cooperate"),
        ("bell\x07 and\x1b[31m red\x1b[0m", "bell and red"),
        ("tab\tseparated   runs  ", "tab separated runs"),
        ("“curly” ‘quotes’ — dashes", "“curly” ‘quotes’ — dashes"),
        ("e\u0301", "é"),
        ("ﬁnance", "finance"),
        ("ｆｕｌｌ", "ｆｕｌｌ"),
    ],
)
def test_policy_normalization(raw, clean):
    assert norm(raw) == [clean]


def test_line_separators_split_paragraphs():
    assert norm("one\u2028two") == ["one", "two"]


def test_joiners_kept_inside_words_removed_elsewhere():
    persian = "می\u200cخواهم"
    assert norm(persian) == [persian]
    assert norm("\u200cstray \u200d") == ["stray"]


def test_ftfy_options_are_all_set_on_purpose():
    import inspect

    params = set(inspect.signature(ftfy.TextFixerConfig).parameters)
    assert params == set(FTFY_DEFAULTS)


def test_steps_can_be_switched_off():
    n = Normalizer(NormalizeConfig().with_options({"remove_soft_hyphens": False}))
    assert n.line("co\u00adoperate") == ["co\u00adoperate"]


def _corpus_lines():
    files = list(EXAMPLES.glob("*/input.txt"))
    bench = SHARED / "bench" / "articles"
    if bench.is_dir():
        files += list(bench.glob("*/input*.txt"))
    for path in files:
        yield from path.read_text(encoding="utf-8").splitlines()


SKIPPED_ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F) if c != 0x26]
    + [chr(c) for c in range(0x2010, 0x2028) if c not in (0x2020, 0x2022)]
    + [chr(c) for c in range(0x2030, 0x205F)]
)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=SKIPPED_ALPHABET, max_size=80))
def test_lines_that_skip_ftfy_are_ones_ftfy_leaves_alone(line):
    config = NormalizeConfig().ftfy_config()
    assert ftfy.fix_text(line, config) == line


@pytest.mark.parametrize(
    "options", [{"uncurl_quotes": True}, {"normalization": "NFKC"}, {"normalization": "NFKD"}]
)
def test_options_that_restyle_punctuation_turn_the_fast_path_down(options):
    n = Normalizer(NormalizeConfig().with_options({"ftfy": options}))
    assert n.line("“Wait…” she said — twice.") == [
        ftfy.fix_text("“Wait…” she said — twice.", n.config.ftfy_config())
    ]
    assert n.line("“Wait…”") != ["“Wait…”"]


def test_ftfy_fast_path_changes_nothing():
    """Skipping ftfy on plain ASCII lines gives byte-identical results."""
    config = NormalizeConfig().ftfy_config()
    lines = list(_corpus_lines())
    assert len(lines) > 100
    skipped = 0
    for line in lines:
        assert fix_text(line, config) == ftfy.fix_text(line, config)
        skipped += fix_text(line, config) is line
    assert skipped > 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("W hile the talks went on, officials in both capitals waited for word.", "While"),
        ("H ong Kong is burning. The authorities continue to pour fuel on it.", "Hong"),
        ("A man walked into the bar on a quiet Tuesday night in town.", "A man"),
        ("I think the vote will pass, the senator told reporters on Monday.", "I think"),
        ("O presidente disse que a votação será na próxima semana, segundo fontes.", "O pres"),
        ("T shirts", "T shirts"),  # too short to be an article's opening
        # Prepositions of a language that has one-letter words.
        ("W latach 2013-2017 związany był z Urzędem Komisji Nadzoru Finansowego.", "W latach"),
        ("Z perspektywy sojuszników Londynu to nowa jakość i siła, szeroko.", "Z persp"),
        ("V roce 2019 se počet cestujících v Praze opět zvýšil o deset procent.", "V roce"),
        # A piece of hard-wrapped text, and a heading: neither ends like a paragraph.
        ("B may then make a request that puts the document to the version the", "B may"),
        ("R ggplot2 Error: Discrete Value Supplied to Continuous Scale (2 Examples)", "R gg"),
        ("D ie Angst ist ein unausweichlicher Bestandteil der menschlichen Erfahrung?", "Die"),
    ],
)
def test_split_drop_caps_are_joined(line, expected):
    from cleaner.normalize import join_drop_caps

    assert join_drop_caps(line).startswith(expected)
    assert join_drop_caps(join_drop_caps(line)) == join_drop_caps(line)


# --- the ftfy gate and plain lines: skipped work must be work that changes nothing ---

# Letters and marks of several scripts, mojibake pieces, entities, controls,
# ligatures, odd spaces and the characters ftfy's badness check looks for.
HARD_ALPHABET = st.sampled_from(
    list("abcXYZ 0123,.;:'\"!?-&#;")
    + list("éèàçüöäßñãõœæøåÉÀÇÜÖÑÃÂÎÐ×ØÙ")
    + list("€™‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜šœžŸ¢£¥§©«®°±²³µ¶·¹º»¼½¾¿")
    + list("вЂВГРСβΒΓΞΟā√≈ÃÂ\u0301\u0308\u00a0\u00ad\u200b\u200d\ufeff\u2028\x85\x80\x9d\x1b\x07")
    + list("ﬁﬂĲ\ud800ДжЯ日本語한국어ع")
    + ["&amp;", "&#8217;", "&eacute;", "â€™", "Ã©", "Ã¨", "â€œ", "Â "]
)
GATE = Normalizer()._gate


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


@settings(max_examples=3000, deadline=None)
@given(st.lists(HARD_ALPHABET, max_size=40).map("".join))
def test_the_ftfy_gate_only_skips_lines_ftfy_leaves_alone(line):
    config = NormalizeConfig().ftfy_config()
    assert fix_text(line, config, gate=GATE) == ftfy.fix_text(line, config)
    if GATE.passes(line):
        assert ftfy.fix_text(line, config) == line


def test_the_ftfy_gate_changes_nothing_on_real_and_mojibake_lines():
    config = NormalizeConfig().ftfy_config()
    lines = list(_corpus_lines())
    broken = [_mojibake(line) for line in lines if not line.isascii()]
    # Mojibake of mojibake: ftfy repairs it in two steps.
    lines += broken + [_mojibake(line) for line in broken[:400]]
    # Escaped for HTML: unescaping is the only repair these need.
    lines += [line.replace("&", "&amp;").replace("’", "&#8217;") for line in lines[:2000]]
    passed = 0
    for line in lines:
        assert fix_text(line, config, gate=GATE) == ftfy.fix_text(line, config), line
        passed += not line.isascii() and GATE.passes(line)
    assert passed > 100  # the gate does skip lines here


@settings(max_examples=3000, deadline=None)
@given(st.lists(HARD_ALPHABET, max_size=40).map("".join))
def test_the_badness_screen_never_hides_a_bad_line(line):
    import ftfy.badness

    if ftfy.badness.is_bad(line):
        assert GATE.screen.chars.search(line)


def test_the_badness_screen_keeps_every_bad_corpus_line_and_lets_clean_ones_pass():
    import ftfy.badness

    assert GATE.screen is not None
    lines = list(_corpus_lines())
    bad = [_mojibake(line) for line in lines if not line.isascii()]
    assert sum(map(ftfy.badness.is_bad, bad)) > 50
    for line in bad + lines:
        if ftfy.badness.is_bad(line):
            assert GATE.screen.chars.search(line), line
    assert GATE.screen.chars.search("Le café de la gare, où l’été dure.") is None


@settings(max_examples=3000, deadline=None)
@given(st.lists(HARD_ALPHABET, max_size=30).map("".join))
def test_a_plain_line_is_its_own_normalization(line):
    if line and N.plain(line):
        assert N.line(line) == [line]


def test_most_real_lines_are_plain():
    lines = [line for line in _corpus_lines() if line]
    plain = [line for line in lines if N.plain(line)]
    assert all(N.line(line) == [line] for line in plain)
    assert len(plain) > len(lines) / 2


def test_clean_lines_in_other_scripts_and_bare_ampersands_skip_every_step():
    """The fast path is taken where ftfy and the other steps would change nothing."""
    for line in (
        "S&P 500 rose; Science & Astronomy",  # a bare "&" is no entity
        "Президент заявил, что переговоры продолжатся в Маскате.",
        "Le café de la gare, où l’été dure.",
        "日本語の文章です。",
        # A one-letter first word is no split drop cap.
        "A man said the talks would go on in Muscat next week.",
        "O presidente disse que as negociações continuam amanhã.",
        "В Маскате продолжились переговоры между делегациями.",
    ):
        assert N.plain(line), line
        assert N.line(line) == [line]
    for line in (
        "Tom &amp; Jerry",  # an entity: ftfy unescapes it
        "donâ€™t",  # mojibake
        "Caf\u00e9\u00a0bar",  # a no-break space: normalize_spaces acts
        "cafe\u0301 au lait",  # not NFC
        "zero\u200bwidth",
        "W hile the talks went on, the delegations met in Muscat.",  # a split drop cap
    ):
        assert not N.plain(line), line
        assert N.line(line) != [line]


@settings(max_examples=3000, deadline=None)
@given(st.lists(HARD_ALPHABET, max_size=60).map("".join))
def test_the_windowed_badness_check_never_misses_a_bad_line(line):
    import ftfy.badness

    if ftfy.badness.is_bad(line):
        assert GATE._maybe_bad(line)


@settings(max_examples=3000, deadline=None)
@given(st.lists(HARD_ALPHABET, max_size=60).map("".join))
def test_the_windowed_badness_check_is_is_bad_when_it_says_it_is_exact(line):
    import ftfy.badness

    exact, verdict = GATE._judge(line, crowded=False)
    if exact:
        assert verdict == ftfy.badness.is_bad(line)
    assert GATE._judge(line, crowded=True) == (True, ftfy.badness.is_bad(line))


def test_the_windowed_badness_check_agrees_on_real_and_mojibake_lines():
    import ftfy.badness

    lines = list(_corpus_lines())
    lines += [_mojibake(line) for line in lines if not line.isascii()]
    lines += [f"{'x' * n}{line}" for n in (1, 5, 9) for line in lines[:200]]
    # Long matches whose screened character sits inside: the window must reach both ends.
    lines += ["xГўВЂВa yy", "Ò ¸Ã ¹\u0081 x", "×²", "a Ã ", "aÂ »"]
    cleared = 0
    for line in lines:
        bad = ftfy.badness.is_bad(line)
        if bad:
            assert GATE._maybe_bad(line), line  # never missed
        else:
            cleared += not GATE._maybe_bad(line)
        exact, verdict = GATE._judge(line, crowded=False)
        assert verdict == bad or not exact, line  # exact when it says so
    # Only lines crowded with screened characters are left for ftfy to judge.
    assert cleared > 0.95 * sum(not ftfy.badness.is_bad(line) for line in lines)


# Russian and Greek text is full of В, Р, С, Г and Ο, the letters Windows-1251
# and Windows-1253 mojibake is made of.
CROWDED = st.sampled_from(
    list("ВГРСЂвгрсΒΓΞΟβ€ā«»—–°µ·¤¦©®¬±¢£¥ ­\u00a0,.;:abcXYZ ")
    + list("ÂÃÎÐ×²³ØÙ√≈‚Ä™¸à½ŸŠž\x81\x8d\x9d")
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(CROWDED, min_size=1, max_size=60).map("".join))
def test_the_badness_check_by_parts_is_is_bad(line):
    import ftfy.badness

    assert GATE._bad_by_parts(line) == ftfy.badness.is_bad(line)
    assert GATE._maybe_bad(line, crowded=True) == ftfy.badness.is_bad(line)


def test_the_badness_check_by_parts_agrees_on_real_and_mojibake_lines():
    import ftfy.badness

    assert GATE.screen.parts  # this ftfy's regex has the shape the split needs
    lines = list(_corpus_lines())
    lines += [_mojibake(line) for line in lines if not line.isascii()]
    lines += [line.encode("utf-8").decode("cp1251", errors="replace") for line in lines[:300]]
    for line in lines:
        assert GATE._bad_by_parts(line) == ftfy.badness.is_bad(line), line


def test_a_clean_line_crowded_with_screened_letters_is_plain():
    line = " ".join(["В Москве и Санкт-Петербурге Сбербанк, Росстат и Газпром"] * 4)
    assert sum(1 for _ in GATE.screen.chars.finditer(line)) > 8
    assert N.plain(line)
    assert N.line(line) == [line]
    broken = "Р’ РњРѕСЃРєРІРµ Рё РЎР°РЅРєС‚-РџРµС‚РµСЂР±СѓСЂРіРµ"  # Windows-1251 mojibake
    assert not N.plain(broken)
    assert N.line(broken) == ["В Москве и Санкт-Петербурге"]


def test_the_badness_memo_never_hands_a_guess_to_a_caller_that_asks_for_the_answer():
    import ftfy.badness

    line = " ".join(["В Москве и Санкт-Петербурге Сбербанк, Росстат и Газпром"] * 4)
    gate = Normalizer()._gate
    assert gate._maybe_bad(line)  # crowded: left to ftfy, a guess
    assert gate._maybe_bad(line, crowded=True) is ftfy.badness.is_bad(line) is False
    assert gate._maybe_bad(line) is False  # the answer now known serves a guess too
    other = "Р’ РњРѕСЃРєРІРµ Рё РЎР°РЅРєС‚-РџРµС‚РµСЂР±СѓСЂРіРµ"
    assert gate._maybe_bad(other, crowded=True) is ftfy.badness.is_bad(other) is True


def test_mojibake_ftfy_cannot_fully_repair_takes_one_round():
    """Lossy mojibake stays "bad" after repair; ftfy's second round leaves it so."""
    import ftfy.badness

    config = NormalizeConfig().ftfy_config()
    for line in (
        # Indonesian and Korean text with bytes lost (U+FFFD):
        "Bukan dgn 1 mata.\xe2\ufffd\xa0\xe2\ufffd\xa0",
        "\xec\xa0\u2022\xec\u201e\ufffd\xed\ufffd\xac \xec\xb9\xbc\xeb\u0178\xbc",
        # Arabic presentation forms, read as Windows-1252:
        "\xd9\u2019\xef\xba\ufffd\xd9\ufffd\xef\xba\u2019"
        "\xd9\u2019\xef\xba\xa3\xd9\u017d\xef\xba\u0192 \xd9\u017d",
    ):
        fixed = GATE.first_round(line)
        assert fixed is not None and ftfy.badness.is_bad(fixed), line
        assert fixed == ftfy.fix_text(line, config)
        assert N.line(line) == [fixed]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60))
def test_printable_ascii_without_an_ampersand_is_what_needs_no_ftfy(line):
    """plain() checks ASCII lines with str methods instead of the _needed regex."""
    from cleaner.normalize import _FTFY_NEEDED, _FTFY_NEEDED_ASCII

    quick = line.isprintable() and "&" not in line
    assert quick == (_FTFY_NEEDED.search(line) is None)
    assert quick == (_FTFY_NEEDED_ASCII.search(line) is None)


@settings(max_examples=3000, deadline=None)
@given(st.lists(HARD_ALPHABET | st.sampled_from([" ", "  ", "\t", "W hile"]), max_size=40))
def test_skipping_the_character_steps_changes_nothing(parts):
    """A piece without their characters or odd spaces is not run through those steps."""
    line = "".join(parts)
    slow = Normalizer()
    slow._quiet = slow._steps  # every step on every piece
    assert N.line(line) == slow.line(line)

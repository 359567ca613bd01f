"""Rule packs: the format's keys, extends/disable, and every kind of bad pack."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, RuleError
from cleaner.loader import builtin_packs, load_packs

GOOD_RULE = """
  - id: promo-line
    kind: drop
    why: Drops the promo line that this test pack exists for.
    pattern: '^PROMO\\b'
    tests:
      drop: ["PROMO today only"]
      keep: ["Promotions were discussed."]
"""


def problems(exc: RuleError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_bundled_packs_include_default_and_concerns():
    names = builtin_packs()
    assert "default" in names
    assert {"captions", "faq", "read_more", "share"} <= set(names)


def test_a_user_pack_loads_and_cleans(pack):
    path = pack("rules:" + GOOD_RULE)
    cleaner = Cleaner(packs=[path])
    assert [r.id for r in cleaner.rules] == ["promo-line"]
    assert cleaner.clean("PROMO today only\nBody text.\n").text == "Body text.\n"


def test_extends_and_disable(pack):
    base = pack("rules:" + GOOD_RULE, "base.yaml")
    child = pack(f"extends: [{base.name}, faq]\ndisable: [promo-line]\nrules: []\n", "child.yaml")
    ids = [r.id for r in Cleaner(packs=[child]).rules]
    assert ids == ["faq-block", "question-run"]


def test_disable_argument_and_unknown_id():
    ids = {r.id for r in Cleaner(disable=["faq-block"]).rules}
    assert "faq-block" not in ids and "read-more-link" in ids
    with pytest.raises(RuleError) as err:
        Cleaner(disable=["no-such-rule"])
    assert "[no-such-rule] cannot disable an unknown rule id" in str(err.value)


def test_defaults_apply_to_every_rule(pack):
    path = pack("defaults:\n  ignore_case: true\nrules:" + GOOD_RULE)
    assert Cleaner(packs=[path]).clean("promo now\nBody.\n").text == "Body.\n"


def test_every_problem_is_reported_at_once_with_file_line_and_id(pack):
    path = pack(
        """rules:
  - id: bad-regex
    kind: drop
    why: A rule with a broken pattern in it, for the test.
    pattern: '(unclosed'
    tests: {drop: ["x"]}
  - id: bad-type
    kind: drop
    why: A rule whose max_words is not a number, for the test.
    pattern: 'x'
    max_words: many
    tests: {drop: ["x"]}
  - id: unknown-key
    kind: drop
    why: A rule with a key the format does not have, for the test.
    pattern: 'x'
    colour: red
    tests: {drop: ["x"]}
  - id: bad-regex
    kind: drop
    why: A second rule with the same id as the first one.
    pattern: 'y'
    tests: {drop: ["y"]}
  - kind: drop
    pattern: 'z'
  - id: bad-kind
    kind: teleport
    why: A rule with a kind that does not exist, for the test.
    tests: {drop: ["x"]}
"""
    )
    with pytest.raises(RuleError) as err:
        load_packs([path])
    found = problems(err.value)
    name = str(path.resolve())
    assert any(
        p.startswith(f"{name}:5 [bad-regex] 'pattern' is not a valid regex: missing )")
        for p in found
    ), found
    assert f"{name}:11 [bad-type] 'max_words' must be a whole number >= 0, not 'many'" in found
    assert f"{name}:17 [unknown-key] unknown key 'colour' for kind 'drop'" in found
    assert any(p.startswith(f"{name}:19 [bad-regex] duplicate id") for p in found), found
    assert f"{name}:24 missing key 'id'" in found
    assert f"{name}:24 missing key 'why': say what boilerplate this removes" in found
    assert any(p.startswith(f"{name}:24 'tests' is missing") for p in found), found
    assert any("[bad-kind] unknown kind 'teleport'" in p for p in found)
    assert len(found) >= 8


def test_missing_tests_and_missing_kind_keys(pack):
    path = pack(
        """rules:
  - id: no-samples
    kind: block
    why: A block rule with neither a start pattern nor samples.
"""
    )
    with pytest.raises(RuleError) as err:
        load_packs([path])
    text = str(err.value)
    assert "[no-samples] missing key 'start' for kind 'block'" in text
    assert "[no-samples] 'tests' is missing" in text


def test_caption_needs_a_credit_or_a_marker(pack):
    path = pack(
        """rules:
  - id: bare-caption
    kind: caption
    why: A caption rule that says neither what credit nor what marker.
    tests: {drop: ["x"]}
"""
    )
    with pytest.raises(RuleError) as err:
        load_packs([path])
    assert "[bare-caption] a caption rule needs 'credit' or 'marker' (or both)" in str(err.value)


def test_unknown_pack_name_lists_bundled_packs():
    with pytest.raises(RuleError) as err:
        Cleaner(packs=["nosuchpack"])
    assert "no pack named 'nosuchpack'" in str(err.value) and "default" in str(err.value)


def test_extends_cycle(pack):
    pack("extends: [b.yaml]\nrules: []\n", "a.yaml")
    b = pack("extends: [a.yaml]\nrules: []\n", "b.yaml")
    with pytest.raises(RuleError) as err:
        load_packs([b])
    assert "packs extend in a cycle: b.yaml -> a.yaml -> b.yaml" in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: [\n", "invalid YAML"),
        (
            "rules: !!python/object/apply:os.system ['true']\n",
            "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ),
        ("rules:\n  - !!python/name:os.system x\n", "is not allowed in packs"),
        ("base: &x {a: 1}\nrules: *x\n", "aliases (*name) are not allowed"),
        ("- just\n- a list\n", "a pack is a mapping"),
        ("flavour: vanilla\nrules: []\n", "unknown key 'flavour'"),
        ("rules: {}\n", "'rules' must be a list"),
        (
            "rules:\n  - {id: t, kind: drop, why: w, pattern: x, beside_removed: 1,"
            " tests: {drop: [x]}}\n",
            "'beside_removed' must be",
        ),
        (
            "rules:\n  - {id: t, kind: drop, why: w, pattern: x, after_removed: [],"
            " tests: {drop: [x]}}\n",
            "'after_removed' must be",
        ),
        ("normalize: {fix_text: maybe}\nrules: []\n", "'normalize.fix_text' must be true or false"),
        ("normalize: {ftfy: {uncurl_quotes: 3}}\nrules: []\n", "ftfy option 'uncurl_quotes'"),
        ("normalize: {sparkle: true}\nrules: []\n", "unknown normalize step 'sparkle'"),
        ("normalize: {ftfy: {normalization: true}}\nrules: []\n", "'normalization' cannot be True"),
        ("normalize: {ftfy: {unescape_html: NFC}}\nrules: []\n", "'unescape_html' cannot be 'NFC'"),
        ("normalize: {ftfy: {explain: true}}\nrules: []\n", "unknown ftfy option 'explain'"),
    ],
)
def test_hostile_or_malformed_packs(pack, text, message):
    path = pack(text)
    with pytest.raises(RuleError) as err:
        load_packs([path])
    assert message in str(err.value)
    assert str(path.resolve()) in str(err.value)


def test_non_utf8_pack(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("rules: []\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(RuleError) as err:
        load_packs([path])
    assert f"{path.resolve()}:2 pack is not UTF-8 text" in str(err.value)


def test_rule_error_pickles_with_its_problems(pack):
    import pickle

    path = pack("rules: {}\n")
    with pytest.raises(RuleError) as err:
        load_packs([path])
    again = pickle.loads(pickle.dumps(err.value))
    assert str(again) == str(err.value) and again.problems == err.value.problems


def test_ftfy_choices_that_are_not_flags(pack):
    path = pack("normalize:\n  ftfy: {unescape_html: auto, normalization: NFKC}\nrules: []\n")
    assert Cleaner(packs=[path]).clean("ﬁ &amp; x²\n").text == "fi & x2\n"


def test_normalize_options_from_a_pack(pack):
    path = pack("normalize:\n  ftfy: {uncurl_quotes: true}\nrules: []\n")
    assert Cleaner(packs=[path]).clean("“Hi,” she said.\n").text == '"Hi," she said.\n'
    assert Cleaner(packs=[pack("rules: []\n", "plain.yaml")]).clean("“Hi.”\n").text == "“Hi.”\n"


def test_billion_laughs_nesting_and_size_are_refused_without_blowing_up(pack):
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    cases = [
        (laughs + "rules: []\n", "aliases (*name) are not allowed"),
        # Ours, or (from PyYAML 6.0.3) the parser's own limit, which comes first.
        ("rules: " + "[" * 20_000 + "]" * 20_000 + "\n", "nested deeper than|nesting depth"),
        ("rules: []\n# " + "x" * 3_000_000 + "\n", "bytes; the limit is"),
    ]
    for text, message in cases:
        path = pack(text)
        with pytest.raises(RuleError) as err:
            load_packs([path])
        assert any(m in str(err.value) for m in message.split("|")), str(err.value)


def test_a_pack_cannot_pull_in_a_file_that_is_not_a_pack(pack, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    path = pack(f"extends: [{secret}]\nrules: []\n")
    with pytest.raises(RuleError) as err:
        load_packs([path])
    assert "hunter2" not in str(err.value)


def test_a_second_build_compiles_no_pattern_again(monkeypatch, regex_compiles):
    """A second ``Cleaner()`` in the same process (a test, a notebook, a worker that
    builds again) takes every pattern from memory (:mod:`cleaner.patterns`), even
    with the on-disk cache off. Session 18 measured what it cost when it did not:
    the ``regex`` module's own cache (500 patterns) overflowed, and every build
    compiled all again (410 ms instead of 40). A count, not a timing."""
    import regex

    from cleaner import patterns

    monkeypatch.setenv("CLEANER_CACHE", "off")
    patterns.forget()
    regex.purge()
    Cleaner()
    assert len(regex_compiles) > 100  # the packs' patterns, compiled afresh
    regex_compiles.clear()
    Cleaner()
    assert regex_compiles == []

"""Golden tests: every examples/<case>/input.txt cleans to exactly expected.txt."""

from __future__ import annotations

import pytest

from cleaner.examples import check, find_examples

from .conftest import EXAMPLES, SHARED

ALL = list(find_examples(EXAMPLES))


def test_there_are_enough_examples():
    assert len(ALL) >= 22
    assert {"seed-oman-talks", "seed-oman-explainer"} <= {e.name for e in ALL}


@pytest.mark.parametrize("example", ALL, ids=[e.name for e in ALL])
def test_example(cleaner, example):
    outcome = check(cleaner, example)
    assert outcome.expected is not None, f"{example.name} has no expected.txt"
    assert outcome.ok, f"{example.name}: {example.about}\n{outcome.diff()}"


@pytest.mark.parametrize("example", ALL, ids=[e.name for e in ALL])
def test_example_says_what_it_guards(example):
    assert example.about, f"{example.name} needs an about.txt line"


@pytest.mark.parametrize("example", ALL, ids=[e.name for e in ALL])
def test_replaying_removals_gives_the_output(cleaner, example):
    text = example.input.read_text(encoding="utf-8")
    result = cleaner.clean(text)
    assert cleaner.replay(text, result.removals) == result.text


def test_seeds_are_the_shared_seeds():
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    ours = {e.input.read_bytes() for e in ALL if e.name.startswith("seed-")}
    assert {p.read_bytes() for p in seeds.glob("*.txt")} == ours


def test_seed_output_matches_policy(cleaner):
    """The seeds lose exactly their captions, the Also Read link and the FAQ block."""
    by_name = {e.name: e for e in ALL}
    talks = cleaner.clean(by_name["seed-oman-talks"].input.read_text(encoding="utf-8"))
    assert [r.rule for r in talks.removals] == ["caption-credit"]
    assert talks.text.startswith("Iran, US agree to proceed with negotiations after Oman talks\n\n")
    explainer = cleaner.clean(by_name["seed-oman-explainer"].input.read_text(encoding="utf-8"))
    assert sorted(r.rule for r in explainer.removals) == [
        "caption-credit",
        "caption-credit",
        "caption-credit",
        "faq-block",
        "read-more-link",
    ]
    assert "FAQ" not in explainer.text and "Also Read" not in explainer.text
    assert "[Middle East Eye]" not in explainer.text
    assert "\nContinued International Attention on Nuclear Talks\n" in explainer.text
    assert explainer.text.endswith("confirm the next round of talks.\n")

"""Every rule's inline samples, and the default pack's coverage of POLICY.md."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.samples import check_rule

DEFAULT = Cleaner()


@pytest.mark.parametrize("rule", DEFAULT.rules, ids=[r.id for r in DEFAULT.rules])
def test_inline_samples(rule):
    failures = check_rule(DEFAULT, rule)
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize("rule", DEFAULT.rules, ids=[r.id for r in DEFAULT.rules])
def test_default_rules_have_keep_samples_and_a_why(rule):
    assert any(s.kind == "keep" for s in rule.samples), f"{rule.where} has no keep sample"
    assert len(rule.why.split()) >= 8


KEEPS = [
    (r.id, s.text)
    for r in DEFAULT.rules
    for s in r.samples
    if s.kind == "keep" and "\n" not in s.text.strip()  # body-sentence traps
]


@pytest.mark.parametrize(
    ("rule_id", "text"), KEEPS, ids=[f"{r}:{i}" for i, (r, _) in enumerate(KEEPS)]
)
def test_keep_samples_survive_the_whole_default_pack(rule_id, text):
    """A keep trap of one rule must not fall to another rule either."""
    result = DEFAULT.clean(text)
    assert result.text == DEFAULT.normalize(text), [(r.rule, r.text) for r in result.removals]


def test_cleaning_compiles_no_pattern(monkeypatch):
    """Patterns are compiled when the pack loads, never per call."""
    import importlib

    import regex

    internals = importlib.import_module(regex.search.__module__)

    cleaner = Cleaner()
    text = "Body sentence here.\nAlso Read: something\nFAQs\nWhat?\nThat.\n"

    def refuse(*args, **kwargs):
        raise AssertionError("a pattern was compiled during clean()")

    monkeypatch.setattr(regex, "compile", refuse)
    monkeypatch.setattr(internals, "_compile", refuse)
    assert cleaner.clean(text).removals

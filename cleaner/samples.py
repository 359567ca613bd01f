"""Inline rule samples (``tests: {drop: [...], keep: [...]}``) as runnable checks.

A ``drop`` sample must lose something to its rule alone (or come out exactly
as its ``expect``); a ``keep`` sample must come out of its rule untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .engine import Cleaner
from .kinds import Rule, Sample
from .loader import builtin_dir


@dataclass(frozen=True, slots=True)
class SampleFailure:
    rule: Rule
    sample: Sample
    problem: str

    def __str__(self) -> str:
        return f"{self.rule.source}:{self.sample.line} [{self.rule.id}] {self.problem}"


def check_rule(cleaner: Cleaner, rule: Rule) -> list[SampleFailure]:
    """Run one rule's samples with that rule alone (and the pack's normalization).

    A ``beside_removed`` (or ``after_removed``) rule acts only next to what other rules
    removed, so its samples run with the whole pack, and only its own removals count.
    """
    beside = rule.when.beside_removed is not None or rule.when.after_removed is not None
    alone = cleaner if beside else cleaner.only([rule.id])
    failures = []
    for sample in rule.samples:
        result = alone.clean(sample.text)
        own = [r for r in result.removals if r.rule == rule.id] if beside else result.removals
        if sample.expect is not None:
            expect = alone.normalize(sample.expect) if sample.expect.strip() else ""
            if result.text != expect:
                failures.append(
                    SampleFailure(rule, sample, f"expected {expect!r}, got {result.text!r}")
                )
        elif sample.kind == "drop" and not own:
            failures.append(SampleFailure(rule, sample, f"drop sample kept: {sample.text!r}"))
        elif sample.kind == "keep" and (
            own if beside else result.text != alone.normalize(sample.text)
        ):
            removed = "; ".join(r.text for r in own)
            failures.append(SampleFailure(rule, sample, f"keep sample lost {removed!r}"))
    return failures


def check_all(cleaner: Cleaner) -> list[SampleFailure]:
    """Every sample of every active rule."""
    failures: list[SampleFailure] = []
    for rule in cleaner.rules:
        failures.extend(check_rule(cleaner, rule))
    return failures


def check_user_rules(cleaner: Cleaner) -> tuple[int, list[SampleFailure]]:
    """The samples of every rule not from a bundled pack: (how many ran, the failures).

    Our suite runs the bundled packs' samples; a user's pack is checked where it
    is used, so a rule that contradicts its own tests never touches a corpus.
    """
    bundled = builtin_dir().resolve()
    return _check_where(cleaner, lambda source: bundled not in source.parents)


def check_file_rules(cleaner: Cleaner, file: Path) -> tuple[int, list[SampleFailure]]:
    """The samples of the rules defined in ``file`` (not of the packs it extends)."""
    target = file.resolve()
    return _check_where(cleaner, lambda source: source == target)


def _check_where(cleaner: Cleaner, wanted) -> tuple[int, list[SampleFailure]]:
    """Samples of the rules whose resolved source file ``wanted`` accepts."""
    ran, failures = 0, []
    for rule in cleaner.rules:
        if wanted(Path(rule.source).resolve()):
            ran += len(rule.samples)
            failures.extend(check_rule(cleaner, rule))
    return ran, failures

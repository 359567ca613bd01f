"""A rule that runs out of time is undone and skipped; the document and the batch go on."""

from __future__ import annotations

import pickle
import signal
import threading

import pytest
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import main

# `regex` defuses the textbook (a+)+$; this alternation still backtracks
# exponentially: 2^80 ways to split the run of "a" before it finds no "c". (Not
# `(a|aa)+$` on "aaa...ab": the prefilter knows a match must end with "a" and
# never runs that rule on the line; this one has no literal worth a prefilter.)
CATASTROPHIC = """\
pack: hostile
rules:
  - id: catastrophic
    kind: drop
    why: a user's pattern that backtracks without end on a long run of "a"
    pattern: '(a|aa)+c'
    tests:
      drop: ["aaac"]
"""
HANG = "a" * 80
DOC = f"Share this article\n{HANG}\nThe council approved the budget on Monday night.\naaac\n"


@pytest.fixture
def hostile(pack):
    return pack(CATASTROPHIC, "hostile.yaml")


def test_a_rule_out_of_time_is_undone_and_the_others_still_apply(hostile):
    cleaner = Cleaner(packs=["default", hostile], rule_timeout=0.2)
    result = cleaner.clean(DOC)
    assert result.timeouts == ("catastrophic",)
    # Nothing of the rule is applied, not even the "aaac" it matched before its
    # time ran out; the default rules still removed the share prompt.
    assert result.text == Cleaner().clean(DOC).text
    assert "aaac" in result.text and "Share this article" not in result.text
    assert [r.rule for r in result.removals] == ["share-prompt"]
    # The timer is off and the handler given back.
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGVTALRM) is signal.SIG_DFL


def test_what_the_rule_removed_before_its_time_ran_out_is_put_back(hostile):
    # "aaac" comes first: the rule removes it, then hangs on the run of "a" below it.
    doc = f"Share this article\naaac\n{HANG}\nThe council approved the budget on Monday night.\n"
    result = Cleaner(packs=["default", hostile], rule_timeout=0.2).clean(doc)
    assert result.timeouts == ("catastrophic",)
    assert result.text == Cleaner().clean(doc).text
    assert "aaac" in result.text and [r.rule for r in result.removals] == ["share-prompt"]


def test_without_the_hang_the_rule_applies(hostile):
    cleaner = Cleaner(packs=["default", hostile], rule_timeout=0.2)
    result = cleaner.clean(DOC.replace(HANG + "\n", ""))
    assert result.timeouts == () and "aaac" not in result.text


def test_the_budget_survives_pickling_and_can_be_switched_off(hostile):
    cleaner = Cleaner(packs=["default", hostile], rule_timeout=0.2)
    assert pickle.loads(pickle.dumps(cleaner)).rule_timeout == 0.2
    assert Cleaner(rule_timeout=0).rule_timeout is None
    with pytest.raises(ValueError):
        Cleaner(rule_timeout=-1)


def test_off_the_main_thread_rules_run_without_touching_signals(cleaner):
    handlers = []

    def work():
        handlers.append(cleaner.clean("Body text of the article.\nShare this\n").text)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert handlers == ["Body text of the article.\n"]
    assert signal.getsignal(signal.SIGVTALRM) is signal.SIG_DFL


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_batch_reports_the_timeout_and_goes_on(hostile, tmp_path, workers):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("The council met.\nShare this article\n", encoding="utf-8")
    (src / "b.txt").write_text(DOC, encoding="utf-8")
    (src / "c.txt").write_text("Another body paragraph.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(
        main,
        [
            *("run", str(src), str(out), "-j", workers, "--rule-timeout", "0.2"),
            *("--rules", "default", "--rules", str(hostile)),
        ],
    )
    assert res.exit_code == 1
    assert f"{hostile}:3 [catastrophic] timed out on {src / 'b.txt'}" in res.output
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "b.txt", "c.txt"]
    assert (out / "b.txt").read_text(encoding="utf-8") == Cleaner().clean(DOC).text


@pytest.mark.parametrize(
    ("pattern", "risky"),
    [
        (r"(a+)+$", True),
        (r"^(\w+\s?)*$", True),
        (r"(?:.*,){2,}x", True),
        (r"((ab)*c)*", True),
        (r"(a++)+$", False),  # possessive: nothing to give back
        (r"(?>a+)+$", False),  # atomic group
        (r"^(?:Read more|Also read)\b.{0,80}$", False),
        (r"(?:x{1,3}y)+", False),  # the inner repeat is bounded
        (r"[(+]+\(+", False),  # brackets and escapes are not groups
        # A quantifier on the last of a run of plain characters counts (the lint
        # skips such runs but reads what follows them).
        (r"^(?:more words+ here)+$", True),
        (r"^(?:Read more|Also read) (?:here|there)+$", False),
        (r"(?:one|two|three*)*x", True),
    ],
)
def test_rules_check_warns_about_nested_unbounded_repeats(pack, pattern, risky):
    path = pack(
        "pack: p\nrules:\n  - id: r\n    kind: drop\n    why: test\n"
        f"    pattern: '{pattern}'\n    tests:\n      drop: [x]\n"
    )
    # The sample "x" only makes the pack valid: this is about the warning.
    res = CliRunner().invoke(main, ["rules", "check", "--no-samples", str(path)])
    assert res.exit_code == 0  # a warning, not an error: the pack loads
    assert (f"warning: {path}:6 [r] 'pattern': nested unbounded repeat" in res.output) is risky


def test_the_bundled_packs_have_no_backtracking_warnings():
    from cleaner.loader import load_packs

    assert load_packs(["default"]).warnings == ()


def test_a_rule_call_is_stopped_at_the_first_tick_after_its_budget():
    """The timer ticks TICKS times per budget; ticks are called by hand here."""
    from cleaner.passes import TICKS, RuleTimeout, _Timer

    timer = _Timer(1.0)
    assert timer.interval == pytest.approx(1.0 / TICKS)
    for _ in range(3 * TICKS):
        timer._tick(signal.SIGVTALRM, None)  # no rule running: nothing to stop
    timer.arm()
    for _ in range(TICKS):
        timer._tick(signal.SIGVTALRM, None)  # at most TICKS intervals: within budget
    timer.disarm()
    timer.arm()  # the next call starts afresh
    for _ in range(TICKS):
        timer._tick(signal.SIGVTALRM, None)
    with pytest.raises(RuleTimeout):
        timer._tick(signal.SIGVTALRM, None)  # more than TICKS whole intervals
    assert not timer.armed


def test_the_callers_own_handler_is_given_back(hostile):
    seen = []
    previous = signal.signal(signal.SIGVTALRM, lambda signum, frame: seen.append(signum))
    try:
        Cleaner(packs=["default", hostile], rule_timeout=0.2).clean(DOC)
        handler = signal.getsignal(signal.SIGVTALRM)
        handler(signal.SIGVTALRM, None)
        assert seen == [signal.SIGVTALRM]
        assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGVTALRM, previous)

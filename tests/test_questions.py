"""The ``questions`` kind: an FAQ run whose heading was lost, and the Q&A texts it must keep."""

from __future__ import annotations

from cleaner import Cleaner

QUESTIONS = Cleaner().only(["question-run"])

BODY = (
    "The passport office opened its online renewal service to all adults on Monday.\n"
    "Applicants upload a photo and pay the fee online, and the passport is posted.\n"
    "Paper forms will still be accepted at post offices until the end of next year,"
    " when the office will review whether to keep them for good.\n"
)
RUN = (
    "How long does it take?\nThree weeks.\n"
    "Can I renew a child's passport?\nYes, a parent can apply.\n"
    "What photo do I need?\nA recent one on a light background.\n"
)


def test_a_closing_run_of_three_pairs_goes_whole():
    result = QUESTIONS.clean(BODY + RUN)
    assert [r.rule for r in result.removals] == ["question-run"]
    assert result.removals[0].what == "block"
    assert result.text.count("\n\n") == 2  # the three body paragraphs


def test_two_pairs_stay():
    two = "\n".join(RUN.splitlines()[:4]) + "\n"
    assert QUESTIONS.clean(BODY + two).removals == ()


def test_a_text_that_asks_before_the_run_stays():
    # An explainer with question headings, or an interview.
    text = "Why did the office change the rules?\n" + BODY + RUN
    assert QUESTIONS.clean(text).removals == ()


def test_long_answers_are_not_an_faq():
    long_answer = " ".join(["The answer runs on and on."] * 12)
    text = BODY + RUN.replace("Three weeks.", long_answer)
    assert QUESTIONS.clean(text).removals == ()


def test_a_run_larger_than_max_share_stays():
    assert QUESTIONS.clean("A short body line.\nAnother short one.\n" + RUN).removals == ()

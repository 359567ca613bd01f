"""``questions``: a run of questions with one-paragraph answers closing the text.

Sites bolt a "People also ask" block onto an article for search engines: three
or more questions, each answered in one short paragraph, after the body. When
the block keeps its heading (``FAQ``, ``People also ask``) a ``block`` rule
takes it; extraction often loses the heading, and then only the shape is left.
A pattern cannot see that shape: a question and a sentence are each ordinary
text. So this kind walks back from the end of the text over
question-and-answer pairs and removes the run when:

- it has at least ``min_pairs`` pairs;
- each question ends with ``?`` and has at most ``question_words`` words, and
  each answer is one paragraph of at most ``answer_words`` words that is not a
  question;
- no paragraph before the run is a question: an interview, or an explainer with
  question headings, asks its questions from the start, and is left alone;
- the run holds at most ``max_share`` of the document's words, and at least two
  paragraphs of body come before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..patterns import compile_pattern
from ..result import Removal
from .base import Rule, View, declare

_QUESTION = compile_pattern(r"[?？؟][\"'”’»)]*\s*$")


@dataclass(frozen=True)
class QuestionsRule(Rule):
    min_pairs: int = 3
    question_words: int = 25
    answer_words: int = 60
    max_share: float = 0.5

    @property
    def local(self) -> bool:
        return False  # the run is judged against the whole text

    def find(self, view: View) -> Iterator[Removal]:
        # The cheap "no" for almost every text: the second-last line asks nothing.
        last_two = []
        for i in reversed(view.order):
            if view.texts[i] is not None:
                last_two.append(i)
                if len(last_two) == 2:
                    break
        if len(last_two) < 2 or not _QUESTION.search(
            view.texts[last_two[1]] or "", None, None, False
        ):
            return
        order = list(view.live())
        if len(order) < 2 * max(1, self.min_pairs) + 2:
            return
        texts = [view.texts[i] or "" for i in order]
        k = len(texts)
        pairs = 0
        while k >= 2 and self._pair(view, texts[k - 2], texts[k - 1]):
            pairs += 1
            k -= 2
        if pairs < max(1, self.min_pairs) or k < 2:
            return
        if any(_QUESTION.search(t, None, None, False) for t in texts[:k]):
            return
        run = sum(view.words(t) for t in texts[k:])
        if run > self.max_share * sum(view.words(t) for t in texts):
            return
        if not self.allows(view, order[k], texts[k]):
            return
        fenced = view.counts.fenced
        if fenced and not fenced.isdisjoint(order[k:]):
            return  # code in a fenced block: none of it goes
        yield self.removal_of(view, tuple(order[k:]))

    def _pair(self, view: View, question: str, answer: str) -> bool:
        return (
            _QUESTION.search(question, None, None, False) is not None
            and view.words(question) <= self.question_words
            and _QUESTION.search(answer, None, None, False) is None
            and view.words(answer) <= self.answer_words
        )


declare(
    QuestionsRule,
    kind="questions",
    stage=3,
    fields={
        "min_pairs": ("int", False),
        "question_words": ("int", False),
        "answer_words": ("int", False),
        "max_share": ("share", False),
    },
)

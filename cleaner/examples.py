"""Golden examples: folders holding ``input.txt`` and the exact ``expected.txt``.

Used by ``cleaner test`` and by the project's own test suite, so users keep
regression suites of their own the same way. An empty ``expected.txt`` means
the document must come out empty (nothing of the body left).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .engine import Cleaner
from .io import atomic_write, read_document


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    input: Path
    expected: Path

    @property
    def about(self) -> str:
        note = self.input.parent / "about.txt"
        return note.read_text(encoding="utf-8").strip() if note.exists() else ""


@dataclass(frozen=True, slots=True)
class Outcome:
    example: Example
    actual: str
    expected: str | None

    @property
    def ok(self) -> bool:
        return self.expected == self.actual

    def diff(self) -> str:
        """A unified diff from expected to actual, for a failure report."""
        lines = difflib.unified_diff(
            (self.expected or "").splitlines(keepends=True),
            self.actual.splitlines(keepends=True),
            fromfile=str(self.example.expected),
            tofile=f"{self.example.name} (actual)",
        )
        return "".join(lines)


def find_examples(root: Path) -> Iterator[Example]:
    """Every folder below ``root`` (or ``root`` itself) with an ``input.txt``, sorted."""
    for input_path in sorted(root.rglob("input.txt")):
        folder = input_path.parent
        name = folder.relative_to(root).as_posix() if folder != root else folder.name
        yield Example(name, input_path, folder / "expected.txt")


def check(cleaner: Cleaner, example: Example) -> Outcome:
    """Clean an example's input and compare with its expectation."""
    actual = cleaner.clean(read_document(example.input)).text
    expected = read_document(example.expected) if example.expected.exists() else None
    return Outcome(example, actual, expected)


def update(outcome: Outcome) -> None:
    """Rewrite the expectation with what the cleaner produces now."""
    atomic_write(outcome.example.expected, outcome.actual)

"""Errors the library raises; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a rule pack, located as precisely as the loader can."""

    file: str
    line: int | None
    rule: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{where}{rule} {self.message}"


class RuleError(ValueError):
    """A rule pack could not be loaded.

    Carries every problem found, not just the first, so a pack author fixes
    them in one round: ``str(err)`` has one ``file:line [rule-id] what`` line
    per problem, and ``err.problems`` the structured list.
    """

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem("<cleaner>", None, None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        return (RuleError, (list(self.problems),))


class RunError(ValueError):
    """A run that cannot start as asked (a format that cannot read stdin, say)."""

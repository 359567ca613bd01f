"""Warnings about patterns that are known to backtrack badly (``cleaner rules check``).

The common cause of catastrophic backtracking is a group that can repeat
without bound and holds something that can itself repeat without bound:
``(a+)+``, ``(\\w+\\s?)*``, ``(?:.*,){2,}``. On a line that almost matches, the
engine tries every way of splitting the run between the two loops. This
check finds those shapes in the pattern's text; it does not prove a pattern
safe (``(a|aa)+`` backtracks too, through overlapping alternatives), which is
why every rule also runs under a time budget (``Cleaner(rule_timeout=...)``).
Possessive quantifiers (``a++``) and atomic groups (``(?>...)``) cannot
backtrack and are not reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import class_end, compile_pattern

_BOUNDED = compile_pattern(r"\{(\d*)(,?)(\d*)\}")
# A run of plain characters: nothing to read in it but the quantifier after its last.
_PLAIN_RUN = compile_pattern(r"[^\\\[()*+?{]{2,}")


@dataclass
class _Group:
    start: int
    atomic: bool
    unbounded_inside: bool = False


def backtracking_risks(pattern: str) -> list[str]:
    """Descriptions of the nested unbounded repeats in ``pattern`` (empty: none found)."""
    risks: list[str] = []
    stack: list[_Group] = [_Group(0, False)]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i = _after_quantifier(pattern, i + 2, stack, risks, None)
            continue
        if c == "[":
            i = _after_quantifier(pattern, class_end(pattern, i), stack, risks, None)
            continue
        if c == "(":
            stack.append(_Group(i, pattern.startswith("(?>", i)))
            i += 1
            continue
        if c == ")" and len(stack) > 1:
            group = stack.pop()
            i = _after_quantifier(pattern, i + 1, stack, risks, group)
            continue
        run = _PLAIN_RUN.match(pattern, i)
        if run is not None:
            i = run.end() - 1  # a plain character without a quantifier changes nothing
        i = _after_quantifier(pattern, i + 1, stack, risks, None)
    return risks


def _after_quantifier(pattern: str, i: int, stack: list[_Group], risks, group) -> int:
    """Read the quantifier (if any) after an atom ending before ``i``; return where to go on."""
    unbounded, end = _quantifier(pattern, i)
    possessive = end < len(pattern) and pattern[end] == "+" and end > i
    if end > i and end < len(pattern) and pattern[end] in "+?":
        end += 1
    inner = group is not None and group.unbounded_inside and not group.atomic
    if group is not None and unbounded and not possessive and inner:
        shown = pattern[group.start : end]
        if len(shown) > 60:
            shown = shown[:57] + "..."
        risks.append(
            f"nested unbounded repeat {shown!r} may backtrack exponentially on a near miss; "
            "make the inner repeat possessive (a++) or the group atomic (?>...)"
        )
    if (unbounded or inner) and not possessive:
        stack[-1].unbounded_inside = True
    return end


def _quantifier(pattern: str, i: int) -> tuple[bool, int]:
    """(is it unbounded, where it ends) for a quantifier at ``i``; (False, i) when none."""
    if i >= len(pattern):
        return False, i
    c = pattern[i]
    if c in "*+":
        return True, i + 1
    if c == "?":
        return False, i + 1
    if c == "{":
        m = _BOUNDED.match(pattern, i)
        if m:
            _low, comma, high = m.groups()
            return bool(comma) and not high, m.end()
    return False, i

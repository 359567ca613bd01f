"""Patterns compiled once per machine, not once per process.

The ``regex`` module parses a pattern in pure Python: the 309 patterns of the
bundled packs take about 0.3 s to compile, most of what building a
:class:`~cleaner.Cleaner` costs in a fresh process (a ``cleaner run`` on one
file, each task of a Spark or Ray job), and the 54 that cleaner's own modules
compile when imported 40 ms more. A compiled pattern pickles as its compiled
code (``regex`` registers that itself), and loading the code back takes
milliseconds. So :func:`compile_pattern`, which compiles them all, keeps the
compiled patterns in the on-disk cache (:mod:`cleaner.cache`), one entry per
version of ``regex`` and of Python, and in memory for the rest of the process.

What is loaded is checked: the entry's checksum (by :mod:`cleaner.cache`), and
every object in it must be a pattern compiled by ``regex`` for the very text
and flags it is stored under: the unpickler builds nothing else (no other class
or function can be named in the entry). An entry that fails is ignored and its
patterns are compiled again. A pattern that does not compile is never stored:
its error is raised by ``regex`` each time, as without the cache.

The loader cannot check the compiled code itself: like ``__pycache__``, the
cache folder should be writable by its user alone. ``CLEANER_CACHE=off`` turns
the on-disk part off, as for the rest of the cache.

How the rule kinds call a pattern: ``pattern.search(text, None, None, False)``
(``match`` and ``fullmatch`` alike; the few ``findall``, ``finditer`` and ``sub``
calls, a twentieth of the calls, keep the default): the whole text (``pos`` and
``endpos`` None, as without them) and ``concurrent=False``. By default ``regex`` lets go of
the GIL around every match on a ``str`` and takes it back after: a mutex and a
condition signal each way, about 1,150 instructions of the 2,900 a short search
costs, and the kinds make some 30,000 such calls per 400 pages (1.7% of the pure
build's instructions, 2.6% of the compiled one's). Nothing gains from letting go:
a line is matched in microseconds, and with two threads sharing a
:class:`~cleaner.Cleaner` the GIL changed hands on every call (on two cores, two
threads cleaned at 0.80-0.86x one thread's rate before, 0.91-0.97x after: threads
never made cleaning faster, processes do). The arguments go by position: ``regex``
parses keywords more slowly than it matches a short line.
"""

from __future__ import annotations

import io
import pickle
import sys
import threading
from typing import Any

import regex

from . import cache

#: Patterns kept in memory. Past it the memory starts over (a program that loads
#: many different packs does not grow it without end).
MAX_PATTERNS = 4000

#: The syntax versions' flags: a compile that names neither gets regex.DEFAULT_VERSION.
_VERSIONS = int(regex.V0 | regex.V1)

_lock = threading.Lock()
_memo: dict[tuple[str, int], regex.Pattern] = {}
#: The patterns this process asked for: what the entry is rewritten with, so a
#: pattern no build asks for any more (a pack edited since) leaves it.
_used: set[tuple[str, int]] = set()
#: Whether the entry has been read in this process, whether a pattern was
#: compiled since it was read or written, and how many patterns it held.
_state = {"read": False, "new": False, "held": 0}


def _key(pattern: str, flags: int) -> tuple[str, int]:
    """What a pattern is stored under: its text and its flags, the syntax version
    a plain compile would take named (a program that sets regex.DEFAULT_VERSION
    gets patterns of that syntax, kept apart)."""
    flags = int(flags)
    if not flags & _VERSIONS:
        flags |= int(regex.DEFAULT_VERSION)
    return (pattern, flags)


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the cache when it was compiled before."""
    key = _key(pattern, flags)
    flags = key[1]
    _used.add(key)
    hit = _memo.get(key)
    if hit is not None:
        return hit
    with _lock:
        if not _state["read"]:
            _state["read"] = True
            stored = _read()
            _state["held"] = len(stored)
            _memo.update(stored)
        hit = _memo.get(key)
        if hit is not None:
            return hit
    compiled = regex.compile(pattern, flags)
    with _lock:
        if len(_memo) >= MAX_PATTERNS:
            _memo.clear()
            _used.clear()
            _used.add(key)
        _memo[key] = compiled
        _state["new"] = True
    return compiled


def save_patterns() -> None:
    """Rewrite the entry with the patterns this process asked for, when it had to
    compile one, or when the entry holds over half as many again as it asked for
    (the rest is stale, and each costs its load in every process); nothing otherwise."""
    with _lock:
        if not _state["new"] and 2 * _state["held"] <= 3 * len(_used):
            return
        _state["new"] = False
        # A copy (atomic): another thread may be adding to it outside the lock.
        used = _used.copy()
        patterns = {key: _memo[key] for key in used if key in _memo}
        _state["held"] = len(patterns)
    try:
        body = pickle.dumps(patterns, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # a regex without pickling support: no cache, nothing lost
    cache.put(_entry_name(), {"patterns": len(patterns)}, body)


def forget() -> None:
    """Drop what this process holds in memory (the next pattern reads the entry again)."""
    with _lock:
        _memo.clear()
        _used.clear()
        _state["read"] = False
        _state["new"] = False
        _state["held"] = 0


def _entry_name() -> str:
    version = getattr(regex, "__version__", "?")
    python = [sys.implementation.name, *sys.version_info[:3]]
    return "patterns-" + cache.key("regex", version, python)


def _read() -> dict[tuple[str, int], regex.Pattern]:
    hit = cache.get(_entry_name())
    if hit is None:
        return {}
    try:
        loaded = _PatternUnpickler(io.BytesIO(hit[1])).load()
    except Exception:  # a damaged or foreign entry is only a miss
        return {}
    if not isinstance(loaded, dict):
        return {}
    patterns = {}
    for key, value in loaded.items():
        if (
            isinstance(key, tuple)
            and len(key) == 2
            and isinstance(key[0], str)
            and isinstance(key[1], int)
            and isinstance(value, regex.Pattern)
            and value.pattern == key[0]
            and value.flags & key[1] == key[1]
        ):
            patterns[key] = value
    return patterns


class _PatternUnpickler(pickle.Unpickler):
    """Builds plain data and ``regex``'s compiled patterns, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


# -- alternations of words, as a trie ---------------------------------------------

#: An alternative that is words alone: letters, digits, spaces, apostrophes and
#: hyphens, no sign the syntax reads.
_PLAIN = compile_pattern(r"[\p{L}\p{N}'’ -]+")
#: Fewer plain alternatives than this in a group are left as written.
FACTOR_LEAST = 8
#: A group whose alternatives may be merged: non-capturing, perhaps with scoped
#: flags (``(?:``, ``(?i:``, ``(?-i:``).
_OPENING = compile_pattern(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?:")


_factored: dict[tuple[str, int], regex.Pattern] = {}


def factored(pattern: regex.Pattern) -> regex.Pattern:
    """``pattern`` compiled from :func:`factor_words` of its text, with its flags (the
    same pattern when nothing merges, or when it is verbose: spaces are the syntax's
    there). Once per pattern and process. Only for a yes-or-no match: see
    :func:`factor_words`."""
    key = (pattern.pattern, int(pattern.flags))
    fast = _factored.get(key)
    if fast is None:
        source = pattern.pattern
        if not pattern.flags & regex.VERBOSE:
            source = factor_words(source)
        fast = pattern if source == pattern.pattern else compile_pattern(source, pattern.flags)
        _factored[key] = fast
    return fast


def factor_words(pattern: str, least: int = FACTOR_LEAST) -> str:
    """``pattern`` with each non-capturing group's alternatives that are words alone
    (``(?:home|homepage|help|hilfe|...)``) merged into a trie (``(?:h(?:ome(?:page)?
    |elp|ilfe)|...)``), the other alternatives kept after it as written.

    The ``regex`` module tries a group's alternatives one by one at every position,
    so a group of 400 words costs some 30 µs on a line of twenty characters; as a
    trie it tries the few that share the line's next letter. A trie matches the same
    strings but may pick another of them first: use the factored pattern only where
    what counts is whether it matches (``search(...) is not None``), never the span.
    Groups of fewer than ``least`` such words, and every group that is not
    non-capturing (``(?:``, or with scoped flags: ``(?i:``) are left as they are:
    captures, lookarounds, atomic groups, classes. A pattern that does not parse
    (an unbalanced group) comes back as it is."""
    try:
        out, end = _rewrite(pattern, 0, least)
    except ValueError:
        return pattern
    return out if end == len(pattern) else pattern


def _rewrite(s: str, i: int, least: int) -> tuple[str, int]:
    """``s`` from ``i`` up to the ``)`` that closes the level it starts at (or the
    end), rewritten; and where it stopped."""
    out: list[str] = []
    n = len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            out.append(s[i : i + 2])
            i += 2
        elif c == "[":
            j = class_end(s, i)
            out.append(s[i:j])
            i = j
        elif c == ")":
            break
        elif c == "(" and (m := _OPENING.match(s, i)) is not None:
            opening = m.group()
            spans, i = _alternatives(s, i + len(opening))
            if i < 0:
                raise ValueError("unbalanced group")
            parts = [_rewrite(s[:stop], start, least)[0] for start, stop in spans]
            merged = _merged(parts, least)
            if len(merged) == 1 and merged[0].startswith("(?:") and _group_spans(merged[0]):
                merged = [merged[0][3:-1]]  # the trie alone: its own group is this one
            out.append(opening + "|".join(merged) + ")")
        elif c == "(":
            # Any other group (capturing, lookaround, flags, atomic): as written.
            j = _level_end(s, i + 1)
            while j < n and s[j] == "|":
                j = _level_end(s, j + 1)
            if j >= n:
                raise ValueError("unbalanced group")
            out.append(s[i : j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def _group_spans(s: str) -> bool:
    """Whether ``s``, which opens with ``(?:``, is one group to its last character."""
    return _alternatives(s, 3)[1] == len(s)


def _alternatives(s: str, i: int) -> tuple[list[tuple[int, int]], int]:
    """The spans of the top-level alternatives of the group whose body starts at
    ``i``, and the index just past its ``)`` (-1 when it does not close)."""
    spans: list[tuple[int, int]] = []
    while True:
        stop = _level_end(s, i)
        if stop >= len(s):
            return spans, -1
        spans.append((i, stop))
        i = stop + 1
        if s[stop] == ")":
            return spans, i


def _level_end(s: str, i: int) -> int:
    """The index of the first ``|`` or ``)`` at the level that starts at ``i``."""
    depth = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = class_end(s, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i
            depth -= 1
        elif c == "|" and depth == 0:
            return i
        i += 1
    return n


def class_end(pattern: str, i: int) -> int:
    """The index just past the character class that opens at ``i`` (a nested set, as
    version 1 of the syntax allows, counted), or ``len(pattern)`` when it does not
    close."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    depth = 1
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(pattern)


#: An alternative is spelled out as words when it makes at most this many.
MAX_SPELLED = 16


def _merged(alternatives: list[str], least: int) -> list[str]:
    """The alternatives, those that spell out as words alone (``home``, ``cookies?``,
    ``terms of (?:use|service)``, ``комментари[ийя]``) merged into one trie at the
    place of the first of them, when there are at least ``least`` of them."""
    spelled = [_spelled(a) for a in alternatives]
    if sum(1 for words in spelled if words is not None) < least:
        return alternatives
    trie = _trie([w for words in spelled if words is not None for w in words])
    out: list[str] = []
    placed = False
    for a, words in zip(alternatives, spelled, strict=True):
        if words is None:
            out.append(a)
        elif not placed:
            out.append(trie)
            placed = True
    return out


def _spelled(alternative: str) -> list[str] | None:
    """The words ``alternative`` matches, when it is words alone with optional
    letters (``cookies?``), classes of letters (``[ийя]``) and groups of such words
    (``sign (?:in|up|out)``), at most MAX_SPELLED of them and none empty; else None."""
    if _PLAIN.fullmatch(alternative):
        return [alternative]
    words = [""]
    i = 0
    n = len(alternative)
    while i < n:
        c = alternative[i]
        if c == "[":
            j = class_end(alternative, i)
            inner = alternative[i + 1 : j - 1]
            if not inner or not _PLAIN.fullmatch(inner) or "-" in inner or " " in inner:
                return None
            options = list(dict.fromkeys(inner))
            i = j
        elif c == "(":
            if not alternative.startswith("(?:", i):
                return None
            spans, i = _alternatives(alternative, i + 3)
            if i < 0:
                return None
            options = []
            for start, stop in spans:
                inner = _spelled(alternative[start:stop])
                if inner is None:
                    return None
                options.extend(inner)
        elif _PLAIN.fullmatch(c):
            options = [c]
            i += 1
        else:
            return None
        if i < n and alternative[i] == "?":
            options = [*options, ""]
            i += 1
        if i < n and alternative[i] in "*+{":
            return None
        words = [w + o for w in words for o in options]
        if len(words) > MAX_SPELLED:
            return None
    if any(not w for w in words):
        return None
    return list(dict.fromkeys(words))


def _trie(words: list[str]) -> str:
    """A pattern that matches exactly ``words``: shared beginnings written once."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    """The pattern of a trie's node: its branches, optional when a word ends there."""
    branches = [regex.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    ends = "" in node
    if len(branches) == 1:
        return "(?:" + branches[0] + ")?" if ends else branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

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

"""A small on-disk cache for work that building a :class:`~cleaner.Cleaner` repeats.

Building a Cleaner without it compiles every rule's patterns with the
``regex`` module, analyses them for the prefilter's literals and compiles
those into a Hyperscan database: more than a second in a fresh process, and
the same result every time the same rules are loaded. Two kinds of entry
keep that work: the prefilter's (:func:`cleaner.engine.prefilter_for`), under
a key that covers everything it depends on (the rules' patterns and flags,
the code that analyses them, and the versions of Python, ``regex`` and
Hyperscan), and the compiled patterns (:mod:`cleaner.patterns`), one entry
per version of Python and ``regex``, each pattern stored under its own text,
flags and syntax version. A changed rule or a new release simply misses.

Where: ``$CLEANER_CACHE_DIR`` if set, else the platform's user cache folder
(``~/.cache/cleaner`` on Linux, by :mod:`platformdirs`). ``CLEANER_CACHE=off``
turns it off. The cache is only ever a shortcut: an entry that cannot be
read, fails its checksum or does not fit is computed again, and a folder that
cannot be written is left alone, silently. At most :data:`MAX_ENTRIES`
entries are kept (the least recently used go first).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from pathlib import Path

#: Entries kept in the cache folder; the least recently used beyond this are deleted.
MAX_ENTRIES = 32
_SUFFIX = ".cache"


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    if os.environ.get("CLEANER_CACHE", "").strip().lower() in ("off", "0", "no", "false"):
        return None
    where = os.environ.get("CLEANER_CACHE_DIR")
    if where:
        return Path(where)
    import platformdirs

    return Path(platformdirs.user_cache_dir("cleaner", appauthor=False))


def key(*parts: object) -> str:
    """A key for ``parts`` (JSON-serializable values)."""
    data = json.dumps(parts, ensure_ascii=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(data.encode("ascii")).hexdigest()


def get(name: str) -> tuple[object, bytes] | None:
    """The entry stored under ``name``: its JSON header and its bytes, or None."""
    where = folder()
    if where is None:
        return None
    path = where / f"{name}{_SUFFIX}"
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, newline, body = data.partition(b"\n")
    try:
        header = json.loads(head)
        digest, value = header["sha256"], header["value"]
    except (ValueError, TypeError, KeyError):
        return None
    if not newline or hashlib.sha256(body).hexdigest() != digest:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: pruned last
    return value, body


def put(name: str, value: object, body: bytes = b"") -> None:
    """Store ``value`` (JSON-serializable) and ``body`` under ``name``; errors are ignored."""
    where = folder()
    if where is None:
        return
    head = json.dumps({"sha256": hashlib.sha256(body).hexdigest(), "value": value})
    tmp = where / f".{name}.{secrets.token_hex(4)}.tmp"
    try:
        where.mkdir(parents=True, exist_ok=True)
        with open(tmp, "xb") as f:
            f.write(head.encode("ascii") + b"\n" + body)
        os.replace(tmp, where / f"{name}{_SUFFIX}")
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return
    _prune(where)


def _prune(where: Path) -> None:
    with contextlib.suppress(OSError):
        entries = sorted(((p.stat().st_mtime, p) for p in where.glob(f"*{_SUFFIX}")), reverse=True)
        for _, path in entries[MAX_ENTRIES:]:
            path.unlink(missing_ok=True)

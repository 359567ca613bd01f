"""Reading inputs and writing outputs safely.

Outputs are written to a temporary file in the destination folder and renamed
into place, so a reader (or a rerun after a crash) never sees half a file.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import fnmatch
import functools
import gzip
import json
import os
import re
import secrets
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO


class InputError(ValueError):
    """A document could not be read; the message names the file."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input document: where it came from and where its output goes (relative)."""

    path: Path
    relative: Path


#: Signals held back while a file is written, so an interrupt lands between files.
DEFERRED_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block ends; they are delivered right after.

    Without this an interrupt can land between creating a temporary file and
    the code that would remove it, and leave the file behind.
    """
    old = signal.pthread_sigmask(signal.SIG_BLOCK, DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def temporary_beside(path: Path) -> str:
    """A new empty hidden file next to ``path``, for writing before a rename."""
    fd, tmp = _create_beside(path)
    os.close(fd)
    return tmp


def _create_beside(path: Path) -> tuple[int, str]:
    """A new hidden file ``.NAME.XXXXXXXX.tmp`` next to ``path``, open for writing.

    Made with mode 0666, so the umask leaves it the permissions any new file
    gets (outputs are as readable as with ``>``). A missing folder is made.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    made = False
    for _ in range(100):
        tmp = os.path.join(path.parent, f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue  # another name
        except FileNotFoundError:
            # The folder is missing, or was when the file was opened: another worker
            # may make it in between, so make sure it is there and try once more.
            if made:
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
            made = True
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


@contextmanager
def atomic_output(path: Path, compress: bool | None = None, sync: bool = True) -> Iterator[IO[str]]:
    """A text stream that becomes ``path`` only when the block finishes without error.

    Gzip-compressed when ``compress`` is true (by default: when ``path`` ends in
    ``.gz``). An interrupted run leaves nothing at ``path``: an output never
    looks complete when it is not, and no temporary file is left behind.
    The file is synced to disk before its rename, unless ``sync`` is false:
    then the caller answers for durability (a folder run syncs in groups,
    see :class:`SyncPoints`).
    """
    if compress is None:
        compress = path.name.endswith(".gz")
    tmp = None
    try:
        with signals_deferred():
            fd, tmp = _create_beside(path)
        if compress:
            os.close(fd)
            stream: IO[str] = gzip.open(tmp, "wt", encoding="utf-8", newline="\n")  # noqa: SIM115
        else:
            try:
                stream = open(fd, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            except BaseException:
                os.close(fd)
                raise
        with stream:
            yield stream
            stream.flush()
            if sync and not compress:
                os.fsync(stream.fileno())
        with signals_deferred():
            if sync and compress:  # the gzip trailer is written on close: sync after it
                with open(tmp, "rb") as f:
                    os.fsync(f.fileno())
            os.replace(tmp, path)
            tmp = None
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, text: str, sync: bool = True) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename, never half of it."""
    with atomic_output(path, compress=False, sync=sync) as f:
        f.write(text)


def read_document(path: Path, encoding: str = "utf-8") -> str:
    """Read a text document, with a clear error for binary or undecodable files."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    return decode_document(raw, str(path), encoding)


def decode_document(raw: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode a document's bytes; binary or undecodable input names ``name`` and the line."""
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{name}:{line}: not valid {encoding} (byte {exc.start}); try --encoding"
        ) from exc
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc


def list_sources(
    root: Path,
    pattern: str | tuple[str, ...],
    on_error: Callable[[Path, OSError], object] | None = None,
) -> Iterator[Source]:
    """Files under ``root`` matching ``pattern``, sorted, with their relative paths.

    The order is that of the sorted paths (folder by folder, names in code
    point order), and files come as the walk reaches them: a run starts on
    the first file at once, and memory does not grow with the number of
    files. Hidden files and folders (a name starting with ".") are left out,
    and links to folders are not followed. A folder that cannot be listed is
    passed to ``on_error`` with the error (and its files are not listed).
    """
    if root.is_file():
        yield Source(root, Path(root.name))
        return
    if isinstance(pattern, str) and ("/" in pattern or os.sep in pattern or "**" in pattern):
        # A pattern over several parts: pathlib matches it (the whole list, sorted).
        for path in sorted(root.rglob(pattern)):
            relative = path.relative_to(root)
            if not any(part.startswith(".") for part in relative.parts) and _is_input(path):
                yield Source(path, relative)
        return
    yield from _walk(root, Path(), pattern, on_error)


def _walk(folder: Path, relative: Path, pattern: str, on_error) -> Iterator[Source]:
    """:func:`list_sources` below ``folder``, depth first, each folder's names sorted."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=_entry_order)
    except OSError as exc:
        if on_error is not None:
            on_error(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_folder(entry):
            yield from _walk(folder / entry.name, relative / entry.name, pattern, on_error)
        elif _matches(entry.name, pattern):
            path = folder / entry.name
            if _is_input(path, entry):
                yield Source(path, relative / entry.name)


def _matches(name: str, pattern: str | tuple[str, ...]) -> bool:
    """``fnmatch`` against one pattern, or any of several."""
    if isinstance(pattern, str):
        return fnmatch.fnmatch(name, pattern)
    return any(fnmatch.fnmatch(name, p) for p in pattern)


def _entry_order(entry: os.DirEntry) -> str:
    return os.path.normcase(entry.name)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_input(path: Path, entry: os.DirEntry | None = None) -> bool:
    """A file, or a link to nothing: a link the user meant is listed, so that reading it
    fails with a message instead of vanishing quietly."""
    if entry is not None and not entry.is_symlink():
        try:
            return entry.is_file()
        except OSError:
            pass
    return path.is_file() or (path.is_symlink() and not path.exists())


def is_inside(child: Path, parent: Path) -> bool:
    """True when ``child`` is ``parent`` or lies below it (after resolving links)."""
    child, parent = child.resolve(), parent.resolve()
    return child == parent or parent in child.parents


# --- one run per output ------------------------------------------------------------

#: Temporary files look like ".NAME.XXXXXXXX.tmp" (see temporary_beside).
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
LOCK_NAME = ".cleaner-lock"


def run_file(dest: Path, folder: bool, name: str) -> Path:
    """A hidden file of the runs into ``dest``: ``DEST/.NAME`` in a folder output,
    ``.OUT.NAME`` beside a file output (the lock, the state, a learned pack)."""
    return dest / f".{name}" if folder else dest.parent / f".{dest.name}.{name}"


class OutputBusy(OSError):
    """Another ``cleaner run`` is writing to the same output."""


@contextmanager
def output_lock(dest: Path, folder: bool) -> Iterator[int]:
    """Hold the output ``dest`` for this run; sweep what killed runs left; yield the sweep count.

    A folder output is locked with ``DEST/.cleaner-lock``, a file output with
    ``.NAME.cleaner-lock`` beside it. The lock is a POSIX record lock: the
    kernel drops it when the process dies, even by SIGKILL, and worker
    processes do not inherit it. While it is held no other run writes here,
    so temporary files left by a killed run (``.NAME.XXXXXXXX.tmp``) are
    stale and are removed. The lock file is removed when the run ends.
    """
    path = run_file(dest, folder, LOCK_NAME[1:])
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _acquire(path, dest)
    try:
        yield _sweep(dest, folder)
    finally:
        with suppress(OSError):
            path.unlink()
        os.close(fd)


def _acquire(path: Path, dest: Path) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            owner = _owner(path)
            raise OutputBusy(
                exc.errno,
                f"another cleaner run{owner} is writing to this output; "
                "wait for it to finish or choose another output",
                str(dest),
            ) from exc
        # The file we locked may have been unlinked by a run that just ended;
        # then lock the new one instead.
        try:
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _owner(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def _sweep(dest: Path, folder: bool) -> int:
    """Remove stale temporary files: in the whole output folder, or beside one output file."""
    if folder:
        paths = (
            Path(top) / n
            for top, _dirs, files in os.walk(dest)
            for n in files
            if _TEMPORARY.match(n)
        )
    else:
        # Only this output's own: ".a.txt.XXXXXXXX.tmp", not those of "a.txt.x".
        mine = re.compile(re.escape(f".{dest.name}.") + r"[a-z0-9_]{8}\.tmp")
        paths = (dest.parent / n for n in os.listdir(dest.parent) if mine.fullmatch(n))
    swept = 0
    for path in paths:
        with suppress(FileNotFoundError):
            path.unlink()
            swept += 1
    return swept


def run_state(dest: Path, folder: bool, signature: str) -> float:
    """When the settings of runs into ``dest`` last changed (a file mtime); call under the lock.

    ``DEST/.cleaner-state.json`` (or ``.NAME.cleaner-state.json`` beside a file
    output) keeps the signature of the last run. A different signature is
    written anew, so its mtime (the kernel's clock, like every output's) marks
    every older output as stale; the same signature keeps the old mtime.
    """
    path = run_file(dest, folder, "cleaner-state.json")
    try:
        same = json.loads(path.read_text(encoding="utf-8")).get("signature") == signature
    except (OSError, ValueError, AttributeError):
        same = False
    if not same:
        atomic_write(path, json.dumps({"signature": signature}) + "\n")
    return path.stat().st_mtime


# --- durability of a folder's outputs, in groups --------------------------------------

SYNCED_NAME = ".cleaner-synced"
#: Seconds between two syncs of the file system during a folder run.
SYNC_EVERY = 30.0


def synced_until(dest: Path) -> int:
    """Up to which mtime (ns) the outputs in folder ``dest`` are known to be on disk.

    0 when no run has recorded a sync point (or the record is unreadable):
    then no output counts as up to date, and a rerun cleans everything.
    """
    try:
        value = json.loads((dest / SYNCED_NAME).read_text(encoding="utf-8"))["synced_ns"]
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return value if isinstance(value, int) else 0


class SyncPoints:
    """Durability for a folder of outputs, one file-system sync per group of files.

    Syncing each of 20,000 small outputs before its rename makes a folder run
    wait on the disk for every file. Instead, outputs are written without
    their own sync (still to a temporary file and renamed: a killed run never
    leaves half a file) and the run syncs the whole file system every
    SYNC_EVERY seconds and when it ends. After each sync it records in
    ``DEST/.cleaner-synced`` a time before which every output was on disk:
    the mtime of a file made just before the sync started (the kernel's
    clock, like the outputs' mtimes). A rerun counts an output as up to date
    only if it is not newer than that (:func:`synced_until`), so an output
    written after the last sync, which a power cut could have left empty, is
    cleaned again. While other processes may still write (during the run), a
    point excludes outputs in the same clock tick; at the end, when nothing
    else writes, it includes them.

    Use as a context manager around the run's writers; :meth:`maybe` between
    documents. A sync that fails (the folder was removed, the disk failed) is
    handed to ``on_error`` once and the run goes on: the record is not
    advanced, so a rerun cleans those outputs again.
    """

    def __init__(self, dest: Path, on_error: Callable[[OSError], object] | None = None):
        self.dest = dest
        self._last = time.monotonic()
        self._on_error = on_error
        self.failed: OSError | None = None

    def __enter__(self) -> SyncPoints:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        # After an interrupt too: the outputs written so far count as done.
        self._try(final=True)

    def maybe(self) -> None:
        """Sync if SYNC_EVERY seconds have passed since the last sync."""
        if time.monotonic() - self._last >= SYNC_EVERY:
            self._try(final=False)

    def _try(self, final: bool) -> None:
        try:
            self.sync(final)
        except OSError as exc:
            self._last = time.monotonic()
            if self.failed is None:
                self.failed = exc
                if self._on_error is not None:
                    self._on_error(exc)

    def sync(self, final: bool) -> None:
        """Sync the file system under ``dest``, then record the point it covers."""
        marker = self.dest / SYNCED_NAME
        # The file system's clock, read by making a file just before the sync
        # starts: every output whose mtime is older was written before it.
        with signals_deferred():
            probe = temporary_beside(marker)
            try:
                point = os.stat(probe).st_mtime_ns
            finally:
                os.unlink(probe)
        sync_file_system(self.dest)
        if not final:
            point -= 1  # another process may still write in this clock tick
        atomic_write(marker, json.dumps({"synced_ns": point}) + "\n")
        self._last = time.monotonic()


def sync_file_system(path: Path) -> None:
    """Flush every written file of the file system that holds ``path`` to disk.

    Linux's syncfs(2) on that file system; elsewhere, or where a file system
    refuses it, ``os.sync()`` (all of them).
    """
    syncfs = _syncfs()
    if syncfs is not None:
        fd = os.open(path, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    os.sync()


@functools.lru_cache(maxsize=1)
def _syncfs():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None

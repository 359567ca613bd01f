"""The on-disk cache (the prefilter's analysis, the compiled patterns): a shortcut
that never changes what a Cleaner does.

conftest.py points ``CLEANER_CACHE_DIR`` at a temporary folder for the whole
run; these tests point it at their own.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import time

import pytest
import regex

from cleaner import Cleaner, cache, patterns
from cleaner.engine import need, prefilter_for

from .conftest import EXAMPLES

PACK = """
pack: mine
rules:
  - id: promo
    kind: drop
    why: A call to act on its own line.
    pattern: '^{word} (?:now|today)\\b'
    tests:
      drop: ["{word} now"]
      keep: ["They said {word} now or never, and left."]
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(where))
    monkeypatch.delenv("CLEANER_CACHE", raising=False)
    patterns.forget()  # what this process holds belongs to the other folder
    yield where
    patterns.forget()


def entries(folder):
    """The prefilter's entries."""
    return sorted(folder.glob("prefilter-*.cache"))


def pattern_entries(folder):
    return sorted(folder.glob("patterns-*.cache"))


def cold(packs=None) -> Cleaner:
    """A Cleaner analysed and compiled afresh: no cache, no in-process memo."""
    need.cache_clear()
    patterns.forget()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLEANER_CACHE", "off")
        return Cleaner(packs)


@pytest.fixture(scope="module")
def reference() -> Cleaner:
    """The Cleaner the cached builds below are compared with: analysed and compiled
    afresh (see ``cold``) once, as it is the same each time (about 3 s a build)."""
    return cold()


def same_prefilter(a: Cleaner, b: Cleaner) -> None:
    assert a._prefilter.needs == b._prefilter.needs
    assert a._prefilter.literals == b._prefilter.literals
    assert a._prefilter.engine == b._prefilter.engine


def test_a_build_from_the_cache_cleans_exactly_like_one_without(folder, reference):
    first = Cleaner()
    assert len(entries(folder)) == 1
    stamp = entries(folder)[0].read_bytes()
    warm = Cleaner()
    assert entries(folder)[0].read_bytes() == stamp  # read, not written again
    same_prefilter(warm, reference)
    for path in sorted(EXAMPLES.glob("*/input.txt")):
        text = path.read_text(encoding="utf-8")
        assert warm.clean(text) == reference.clean(text) == first.clean(text), path


def test_a_changed_rule_gets_its_own_entry(folder, pack):
    one = Cleaner([pack(PACK.format(word="subscribe"))])
    two = Cleaner([pack(PACK.format(word="register"), name="other.yaml")])
    assert len(entries(folder)) == 2
    assert one._prefilter.literals != two._prefilter.literals
    assert "register" in "".join(two._prefilter.literals)


def test_a_damaged_entry_is_computed_again(folder, reference):
    Cleaner()
    (entry,) = entries(folder)
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF  # inside the Hyperscan database: the checksum no longer fits
    entry.write_bytes(bytes(data))
    rebuilt = Cleaner()
    same_prefilter(rebuilt, reference)
    assert entry.read_bytes() != bytes(data)  # and stored again, whole


def test_an_entry_of_the_wrong_shape_is_ignored(folder):
    cleaner = Cleaner()
    (entry,) = entries(folder)
    name = entry.name.removesuffix(".cache")
    plan = cleaner._plan
    # A valid entry (checksum and all) whose needs do not fit the plan.
    for value in ([], [["x"]] * (len(plan) + 1), [[1]] * len(plan), [[]] * len(plan), {"a": 1}):
        cache.put(name, value, b"")
        assert prefilter_for(plan).needs == cleaner._prefilter.needs


def test_cache_off_writes_nothing(folder, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE", "off")
    assert cache.folder() is None
    Cleaner()
    assert not folder.exists()


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path, monkeypatch, reference):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("CLEANER_CACHE", raising=False)
    same_prefilter(Cleaner(), reference)
    assert blocker.read_text() == "not a folder"


def test_the_least_recently_used_entries_go_first(folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    now = time.time()
    for n in range(3):
        cache.put(f"entry-{n}", n, b"body")
        os.utime(folder / f"entry-{n}.cache", (now - 100 + n, now - 100 + n))
    assert cache.get("entry-0") == (0, b"body")  # used: now the most recent
    cache.put("entry-3", 3)
    kept = sorted(p.name for p in folder.glob("*.cache"))
    assert kept == ["entry-0.cache", "entry-2.cache", "entry-3.cache"]
    assert cache.get("entry-1") is None


def test_the_default_folder_is_the_users_cache(monkeypatch):
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.delenv("CLEANER_CACHE", raising=False)
    import platformdirs

    assert cache.folder() == cache.Path(platformdirs.user_cache_dir("cleaner", appauthor=False))


# --- compiled patterns (cleaner.patterns) --------------------------------------------

#: Builds a Cleaner in a fresh process, counting what the ``regex`` module compiles
#: meanwhile, and prints the count and a digest of the examples cleaned.
FRESH_BUILD = """
import hashlib, sys
import regex
main = regex._main
compiled = []
original = main._compile
main._compile = lambda p, *a, **k: compiled.append(p) or original(p, *a, **k)
from cleaner import Cleaner
cleaner = Cleaner()
count = len(compiled)
digest = hashlib.sha256()
for path in sys.argv[1:]:
    digest.update(cleaner.clean(open(path, encoding="utf-8").read()).text.encode())
print(count, digest.hexdigest())
"""


def fresh_build(folder) -> tuple[int, str]:
    env = {**os.environ, "CLEANER_CACHE_DIR": str(folder)}
    env.pop("CLEANER_CACHE", None)
    paths = [str(p) for p in sorted(EXAMPLES.glob("*/input.txt"))]
    out = subprocess.run(
        [sys.executable, "-c", FRESH_BUILD, *paths],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]), out[1]


@pytest.mark.skipif(
    not callable(getattr(getattr(regex, "_main", None), "_compile", None)),
    reason="regex compiles elsewhere",
)
def test_a_fresh_process_compiles_no_pattern_the_cache_holds(folder):
    """The patterns (the rules' and the modules' own) are compiled by the first build
    on a machine; a build in another process later loads them (a ``cleaner run`` on
    one file, a Spark task) and cleans exactly the same."""
    first, cleaned = fresh_build(folder)
    assert first > 100  # cold: the packs' patterns (and the modules' own) compiled
    assert len(pattern_entries(folder)) == 1
    stamp = pattern_entries(folder)[0].read_bytes()
    again, cleaned_again = fresh_build(folder)
    assert again == 0  # neither a rule's pattern nor a module's own
    assert cleaned_again == cleaned
    assert pattern_entries(folder)[0].read_bytes() == stamp  # read, not written again


def _store(folder, value) -> None:
    """``value`` pickled into the pattern entry, with a valid checksum."""
    name = patterns._entry_name()
    cache.put(name, {"patterns": 1}, pickle.dumps(value))
    assert (folder / f"{name}.cache").exists()


class _Marker:
    """Pickles as a call to ``os.system`` (what a tampered entry could hold)."""

    def __init__(self, command: str):
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


def test_an_entry_that_names_anything_but_a_pattern_builds_nothing(folder, tmp_path):
    marker = tmp_path / "ran"
    _store(folder, {patterns._key("^x$", 0): _Marker(f"touch {marker}")})
    built = Cleaner()
    assert not marker.exists()
    assert built.clean("Share this article\nThe talks resumed on Friday.\n").text == (
        "The talks resumed on Friday.\n"
    )


def test_a_pattern_stored_under_another_text_or_flags_is_not_used(folder, regex_compiles):
    key = patterns._key
    _store(
        folder,
        {
            key("^fish$", 0): regex.compile("^fish$"),  # stored as it should be
            key("^cats?$", 0): regex.compile("^dogs?$"),
            key("^owls?$", regex.I): regex.compile("^owls?$"),
        },
    )
    regex_compiles.clear()  # what was compiled to make the entry
    # The entry is read and used: what it holds rightly is not compiled again ...
    assert patterns.compile_pattern("^fish$").match("fish")
    assert regex_compiles == []
    # ... and what it holds wrongly is.
    got = patterns.compile_pattern("^cats?$")
    assert got.pattern == "^cats?$"
    assert got.match("cat") and not got.match("dog")
    assert patterns.compile_pattern("^owls?$", regex.I).match("OWL")
    assert regex_compiles == ["^cats?$", "^owls?$"]


def test_a_damaged_pattern_entry_is_compiled_again(folder, reference):
    Cleaner()
    (entry,) = pattern_entries(folder)
    data = bytearray(entry.read_bytes())
    data[-50] ^= 0xFF
    entry.write_bytes(bytes(data))
    patterns.forget()
    rebuilt = Cleaner()
    for path in sorted(EXAMPLES.glob("*/input.txt"))[:20]:
        text = path.read_text(encoding="utf-8")
        assert rebuilt.clean(text) == reference.clean(text), path
    digest = hashlib.sha256(entry.read_bytes()).hexdigest()
    assert digest != hashlib.sha256(bytes(data)).hexdigest()  # stored again, whole


def test_a_pattern_compiled_under_another_default_syntax_is_not_reused(folder, monkeypatch):
    """A program may set ``regex.DEFAULT_VERSION``; the same text then means another
    pattern (``--`` is a set difference in V1), so it is compiled and kept apart."""
    text = r"[[a-z]--[aeiou]]"
    v0 = patterns.compile_pattern(text)
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.V1)
    v1 = patterns.compile_pattern(text)
    assert v1.fullmatch("b") and not v1.fullmatch("a")
    assert v1.fullmatch("b") != v0.fullmatch("b")


def test_a_pattern_no_build_asks_for_leaves_the_entry(folder):
    """The entry is rewritten with what a process asked for, so the patterns of a pack
    edited since do not pile up in it (each one costs its load in every process)."""
    patterns.compile_pattern("^old teaser$")
    patterns.save_patterns()
    patterns.forget()  # a later process, whose packs no longer hold that pattern
    assert {text for text, _ in patterns._read()} == {"^old teaser$"}
    patterns.compile_pattern("^new teaser$")
    patterns.save_patterns()
    assert {text for text, _ in patterns._read()} == {"^new teaser$"}


def test_an_entry_mostly_stale_is_rewritten_even_without_a_new_pattern(folder):
    # Two patterns asked for, two stale: over half as many again.
    for n in range(2):
        patterns.compile_pattern(f"^stale {n}$")
    patterns.compile_pattern("^kept$")
    patterns.compile_pattern("^kept too$")
    patterns.save_patterns()
    patterns.forget()
    patterns.compile_pattern("^kept$")  # from the entry: nothing new compiled
    patterns.compile_pattern("^kept too$")
    patterns.save_patterns()
    assert {text for text, _ in patterns._read()} == {"^kept$", "^kept too$"}


def test_cleaners_built_at_once_in_threads_agree(folder, reference):
    """Threads share the patterns' memory: built together from a cold cache, every
    Cleaner cleans as one built alone, and the entry written is whole."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        built = list(pool.map(lambda _: Cleaner(), range(4)))
    for path in sorted(EXAMPLES.glob("*/input.txt"))[:10]:
        text = path.read_text(encoding="utf-8")
        assert {c.clean(text) for c in built} == {reference.clean(text)}, path
    patterns.forget()
    assert len(patterns._read()) > 300


def test_the_key_reads_a_compiled_modules_source(tmp_path):
    """A mypyc module's binary is a shim that does not change with the code: the
    prefilter's key hashes the .py the wheel ships beside it."""
    from cleaner.engine import _source_of

    shim = tmp_path / "prefilter.cpython-311-x86_64-linux-gnu.so"
    shim.write_bytes(b"\x7fELF")
    assert _source_of(shim) == shim  # no source beside it: the binary itself
    (tmp_path / "prefilter.py").write_text("x = 1\n")
    assert _source_of(shim) == tmp_path / "prefilter.py"
    assert _source_of(tmp_path / "prefilter.py") == tmp_path / "prefilter.py"

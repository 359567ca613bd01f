"""The on-disk cache of the prefilter: a shortcut that never changes what a Cleaner does.

conftest.py points ``CLEANER_CACHE_DIR`` at a temporary folder for the whole
run; these tests point it at their own.
"""

from __future__ import annotations

import os
import time

import pytest

from cleaner import Cleaner, cache
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
    return where


def entries(folder):
    return sorted(folder.glob("*.cache"))


def cold(packs=None) -> Cleaner:
    """A Cleaner whose prefilter is analysed afresh: no cache, no in-process memo."""
    need.cache_clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLEANER_CACHE", "off")
        return Cleaner(packs)


def same_prefilter(a: Cleaner, b: Cleaner) -> None:
    assert a._prefilter.needs == b._prefilter.needs
    assert a._prefilter.literals == b._prefilter.literals
    assert a._prefilter.engine == b._prefilter.engine


def test_a_build_from_the_cache_cleans_exactly_like_one_without(folder):
    first = Cleaner()
    assert len(entries(folder)) == 1
    stamp = entries(folder)[0].read_bytes()
    warm = Cleaner()
    assert entries(folder)[0].read_bytes() == stamp  # read, not written again
    reference = cold()
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


def test_a_damaged_entry_is_computed_again(folder):
    Cleaner()
    (entry,) = entries(folder)
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0xFF  # inside the Hyperscan database: the checksum no longer fits
    entry.write_bytes(bytes(data))
    rebuilt = Cleaner()
    same_prefilter(rebuilt, cold())
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


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("CLEANER_CACHE", raising=False)
    same_prefilter(Cleaner(), cold())
    assert blocker.read_text() == "not a folder"


def test_the_least_recently_used_entries_go_first(folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    now = time.time()
    for n in range(3):
        cache.put(f"entry-{n}", n, b"body")
        os.utime(folder / f"entry-{n}.cache", (now - 100 + n, now - 100 + n))
    assert cache.get("entry-0") == (0, b"body")  # used: now the most recent
    cache.put("entry-3", 3)
    assert [p.name for p in entries(folder)] == ["entry-0.cache", "entry-2.cache", "entry-3.cache"]
    assert cache.get("entry-1") is None


def test_the_default_folder_is_the_users_cache(monkeypatch):
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.delenv("CLEANER_CACHE", raising=False)
    import platformdirs

    assert cache.folder() == cache.Path(platformdirs.user_cache_dir("cleaner", appauthor=False))

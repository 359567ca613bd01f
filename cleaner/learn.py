"""Learn a corpus's own furniture: paragraphs repeated across its documents.

Real corpora repeat their boilerplate across thousands of pages (a site's
share bar, its newsletter line, its "More from ..." header), and no
hand-written pack keeps up. :class:`Learner` reads documents once and counts,
for every distinct *line key* (:func:`~cleaner.kinds.line_key`: case folded,
digits as one number, spaces collapsed) of the paragraphs the packs leave:
in how many documents it occurs, on which sites, and how often it sits
inside the body. :meth:`Learner.pack` turns the counts into a reviewable
rule pack of ``lines`` rules, each line with its counts.

What is learned, and why body text shared by articles is not:

- Only paragraphs of at most ``max_words`` words are counted at all (memory
  is bounded by the number of distinct short lines, not the corpus size).
- A line must occur in at least ``min_docs`` documents, next to different
  text: when the long paragraphs around it are the same in most of its
  occurrences, it is part of an article printed several times (wire copy,
  syndication, duplicates), not furniture.
- A line that reads as prose (a sentence: it ends in . ! ? or a closing
  quote) is body text more often than not: a quote shared by articles about
  the same event, wire copy printed by many sites, "He declined to comment."
  Such a line is learned only when it is furniture by both measures: it
  occurs in at least ``min_docs`` and ``min_site_share`` of the documents of
  one site (a site's own footer does; a quote or a stock phrase does not), and it
  sits inside the body (a long paragraph on both sides) in at most
  ``max_embedded`` of its occurrences.

Counts add up, so learning is the same in any order and with any number of
workers (:meth:`Learner.merge`), and :meth:`Learner.pack` is deterministic.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .batch import _WORKER, is_jsonl, open_jsonl_input, parse_record, read_records
from .engine import Cleaner
from .io import InputError, list_sources, read_document
from .kinds.base import count_words
from .kinds.lines import line_key

#: Defaults of the thresholds (``cleaner learn`` options).
MIN_DOCS = 5
MIN_SITE_SHARE = 0.2
MAX_EMBEDDED = 0.5
MAX_WORDS = 40
#: A paragraph of more words than this is body prose when it surrounds a line.
BODY_WORDS = 13
#: Lines shown per rule in the learned pack before the rest is cut (the biggest first).
MAX_LINES_PER_RULE = 2000
#: Occurrences sampled per line for its context, and the variety a learned line needs.
CONTEXTS = 16
MIN_VARIETY = 0.5

_SENTENCE_END = re.compile(r"[.!?…:]['\"’”»)]*$")


@dataclass(slots=True)
class LineStats:
    """What was seen of one line key.

    ``contexts`` is a sample of its occurrences, ``(document hash, hash of
    the nearest long paragraph above, and below)`` (0: none), the
    ``CONTEXTS`` with the smallest document hashes: the same sample whatever
    the order. Furniture sits next to a different body every time; a line of
    a syndicated article next to the same paragraphs on one side or both.
    """

    documents: int = 0
    embedded: int = 0
    example: str = ""
    sites: dict[str, int] = field(default_factory=dict)
    contexts: list[tuple[int, int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, sighting: tuple) -> LineStats:
        """From the tuple a line is kept as while it has been seen once."""
        stats = cls()
        stats.add(*sighting)
        return stats

    def add(self, text: str, site: str, embedded: bool, doc: int, above: int, below: int) -> None:
        self.documents += 1
        self.embedded += embedded
        # The smallest text seen is the example: the same in any order.
        if not self.example or text < self.example:
            self.example = text
        self.sites[site] = self.sites.get(site, 0) + 1
        if len(self.contexts) < CONTEXTS or doc < self.contexts[-1][0]:
            self.contexts.append((doc, above, below))
            self.contexts.sort()
            del self.contexts[CONTEXTS:]

    def merge(self, other: LineStats) -> None:
        self.documents += other.documents
        self.embedded += other.embedded
        if other.example and (not self.example or other.example < self.example):
            self.example = other.example
        for site, n in other.sites.items():
            self.sites[site] = self.sites.get(site, 0) + n
        self.contexts = sorted(set(self.contexts) | set(other.contexts))[:CONTEXTS]

    @property
    def context_variety(self) -> float:
        """Distinct neighbours over sampled occurrences, on the less varied side.

        A side with no long paragraph (the top or the end of a page) says
        nothing and is left out; 1.0 when neither side has any.
        """
        varieties = []
        for side in (1, 2):
            seen = [c[side] for c in self.contexts if c[side]]
            if seen:
                varieties.append(len(set(seen)) / len(seen))
        return min(varieties, default=1.0)


@dataclass(frozen=True)
class Learned:
    """One line the pack will list."""

    key: str
    text: str
    documents: int
    sites: int
    top_site: str


@dataclass(frozen=True)
class LearnOptions:
    min_docs: int = MIN_DOCS
    min_site_share: float = MIN_SITE_SHARE
    max_embedded: float = MAX_EMBEDDED
    max_words: int = MAX_WORDS

    def __post_init__(self):
        if self.min_docs < 2:
            raise ValueError("min_docs must be at least 2: a line seen once is not repeated")
        if not 0 < self.min_site_share <= 1 or not 0 <= self.max_embedded <= 1:
            raise ValueError("min_site_share and max_embedded are shares between 0 and 1")


class Learner:
    """Counts lines over documents; ``add`` them (or ``merge`` learners), then ``pack``."""

    def __init__(self, cleaner: Cleaner | None = None, options: LearnOptions | None = None):
        self.cleaner = cleaner if cleaner is not None else Cleaner(max_removed=None)
        self.options = options or LearnOptions()
        #: hash of a line key -> LineStats, or a sighting tuple for a line seen once.
        self.lines: dict[int, LineStats | tuple] = {}
        self.site_docs: dict[str, int] = {}
        self.documents = 0
        #: Documents that could not be read (set by the command line).
        self.problems = 0

    def add(self, text: str, site: str | None = None) -> None:
        """Count one document (what the packs leave of it); ``site`` groups documents."""
        site = site or ""
        self.documents += 1
        self.site_docs[site] = self.site_docs.get(site, 0) + 1
        body = self.cleaner.clean(text).text
        paragraphs = body.split("\n\n") if body else []
        if paragraphs:
            paragraphs[-1] = paragraphs[-1].removesuffix("\n")
        words = [count_words(p) for p in paragraphs]
        long = [w >= BODY_WORDS for w in words]
        hashes = [_hash(p) if is_long else 0 for p, is_long in zip(paragraphs, long, strict=True)]
        above = _nearest(hashes)
        below = _nearest(hashes[::-1])[::-1]
        doc = _hash(body)
        seen: set[str] = set()
        last = len(paragraphs) - 1
        for i, paragraph in enumerate(paragraphs):
            if words[i] > self.options.max_words:
                continue
            key = line_key(paragraph)
            if not key or key in seen:
                continue
            seen.add(key)
            embedded = 0 < i < last and long[i - 1] and long[i + 1]
            sighting = (paragraph, site, embedded, doc, above[i], below[i])
            # Lines are kept under a 64-bit hash of their key, and most are seen
            # once: a tuple until the second sighting. Memory per distinct line
            # is what matters on a large corpus.
            key_id = _hash(key)
            if key_id in self.lines:
                self._full(key_id).add(*sighting)
            else:
                self.lines[key_id] = sighting

    def _full(self, key_id: int) -> LineStats:
        """The LineStats of a line seen before (a sighting tuple is promoted)."""
        stats = self.lines[key_id]
        if type(stats) is tuple:
            stats = self.lines[key_id] = LineStats.of(stats)
        return stats

    def stats(self, text: str) -> LineStats | None:
        """What was seen of the line ``text`` (None if it never was)."""
        found = self.lines.get(_hash(line_key(text)))
        return LineStats.of(found) if type(found) is tuple else found

    def merge(self, other: Learner) -> None:
        """Add another learner's counts (from a worker); the result does not depend on order."""
        self.documents += other.documents
        for site, n in other.site_docs.items():
            self.site_docs[site] = self.site_docs.get(site, 0) + n
        for key, stats in other.lines.items():
            if key in self.lines:
                self._full(key).merge(LineStats.of(stats) if type(stats) is tuple else stats)
            else:
                self.lines[key] = stats

    def learned(self) -> list[Learned]:
        """The lines that pass the thresholds, most documents first."""
        opts = self.options
        out = []
        for stats in self.lines.values():
            if type(stats) is tuple or stats.documents < opts.min_docs:
                continue
            if stats.context_variety < MIN_VARIETY:
                continue  # it comes with the same text around it: a repeated article
            top_site = max(stats.sites.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if is_prose(stats.example):
                # A site's own: in min_docs of its documents, and a share of them.
                own = [n / self.site_docs[s] for s, n in stats.sites.items() if n >= opts.min_docs]
                if not own or max(own) < opts.min_site_share:
                    continue
                if stats.embedded > opts.max_embedded * stats.documents:
                    continue
            key = line_key(stats.example)
            out.append(Learned(key, stats.example, stats.documents, len(stats.sites), top_site))
        out.sort(key=lambda x: (-x.documents, x.key))
        return out

    def pack(self, source: str = "the corpus") -> str:
        """The learned rules as a YAML pack (text), deterministic for the same counts."""
        learned = self.learned()
        sites = [s for s in self.site_docs if s]
        groups: dict[tuple[str, str], list[Learned]] = {}
        for line in learned:
            if not sites:
                group = ("learned-lines", "")
            elif line.sites > 1:
                group = ("learned-common", "")
            else:
                group = (f"learned-{_slug(line.top_site)}", line.top_site)
            groups.setdefault(group, []).append(line)
        taken: set[str] = set()
        rules = []
        for rid, site in sorted(groups):
            if rid in taken:  # two sites with the same slug
                n = 2
                while f"{rid}-{n}" in taken:
                    n += 1
                rid_out = f"{rid}-{n}"
            else:
                rid_out = rid
            taken.add(rid_out)
            lines = groups[rid, site][:MAX_LINES_PER_RULE]
            where = (
                f"on {site}"
                if site
                else ("across sites" if rid == "learned-common" else "across documents")
            )
            rules.append(
                {
                    "id": rid_out,
                    "kind": "lines",
                    "why": (
                        f"Paragraphs repeated {where} in {source} (cleaner learn: at least "
                        f"{self.options.min_docs} documents each; sentences only when they are "
                        "a site's own furniture). Review, then keep or delete lines."
                    ),
                    "lines": [
                        {"text": x.text, "documents": x.documents, "sites": x.sites} for x in lines
                    ],
                    "tests": {"drop": [lines[0].text]},
                }
            )
        header = (
            f"# Learned by `cleaner learn` from {source}: {self.documents:,} documents, "
            f"{len(sites) or 1:,} site(s), {len(learned):,} lines.\n"
            "# Each line: the text as first seen, the documents and sites it was seen in.\n"
            "# A line matches paragraphs equal to it up to case, digits and spaces.\n"
        )
        pack = {
            "pack": "learned",
            "description": f"Furniture repeated in {source}",
            "rules": rules,
        }
        return header + yaml.safe_dump(pack, sort_keys=False, allow_unicode=True, width=100)


def _nearest(hashes: list[int]) -> list[int]:
    """For each paragraph, the hash of the nearest long paragraph before it (0 when none)."""
    out, last = [], 0
    for h in hashes:
        out.append(last)
        last = h or last
    return out


def _hash(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") or 1


def is_prose(text: str) -> bool:
    """A sentence: ends in . ! ? … or : (maybe inside closing quotes)."""
    return bool(_SENTENCE_END.search(text.strip()))


def site_of(value: str) -> str:
    """A site name from a URL (its host, without ``www.``) or any other string as is."""
    value = value.strip()
    if "://" in value:
        host = urlsplit(value).hostname or ""
        return host.removeprefix("www.")
    return value


def _slug(site: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")
    return slug[:60] or "site"


# --- worker side -------------------------------------------------------------------


def learn_batch(tasks: list, options: LearnOptions, cleaner: Cleaner | None = None) -> list:
    """Count a batch of documents in a worker; return ``[(counts, problems)]`` to merge.

    A task is ``(text, site, None)`` or, for a document that could not be
    read, ``(None, None, message)``.
    """
    learner = Learner(cleaner or _WORKER["cleaner"], options)
    problems = []
    for text, site, problem in tasks:
        if problem is not None:
            problems.append(problem)
        else:
            learner.add(text, site)
    learner.cleaner = None  # the counts travel back, not the rules
    return [(learner, problems)]


def corpus_documents(
    sources: Iterable,
    pattern: str = "*.txt",
    fmt: str = "auto",
    text_field: str = "text",
    group_by: str = "auto",
    encoding: str = "utf-8",
) -> Iterable[tuple[str | None, str | None, str | None]]:
    """Every document of folders, text files and JSONL files as ``(text, site, problem)``.

    ``group_by``: ``"auto"`` (a folder's first-level subfolders are sites; a
    JSONL record's ``url`` field, when it has one, gives its host), ``"none"``,
    ``"folder"``, or the name of a JSONL field (a URL gives its host).
    """

    def jsonl(path: Path) -> bool:
        return fmt == "jsonl" or (fmt == "auto" and is_jsonl(path))

    # Folders that cannot be listed, each a problem like an unreadable file
    # (named after the source's documents, as `cleaner run` does).
    unlisted: list[str] = []

    def cannot_list(folder: Path, exc: OSError) -> None:
        unlisted.append(f"{folder}: cannot list: {exc.strerror or exc}")

    for source in sources:
        root = Path(source)
        glob = ("*.jsonl*" if fmt == "jsonl" else pattern) if root.is_dir() else root.name
        for item in list_sources(root, glob, cannot_list):
            if jsonl(item.path):
                yield from _records(item.path, text_field, group_by)
                continue
            site = None
            if group_by in ("auto", "folder") and len(item.relative.parts) > 1:
                site = item.relative.parts[0]
            try:
                yield read_document(item.path, encoding), site, None
            except InputError as exc:
                yield None, None, str(exc)
        yield from ((None, None, problem) for problem in unlisted)
        unlisted.clear()


def _records(path, text_field: str, group_by: str):
    field_name = "url" if group_by == "auto" else group_by
    try:
        with open_jsonl_input(path) as stream:
            for name, lineno, raw in read_records(stream, str(path)):
                try:
                    record, text = parse_record(raw, f"{name}:{lineno}", text_field)
                except InputError as exc:
                    yield None, None, str(exc)
                    continue
                site = None
                if group_by not in ("none", "folder"):
                    value = record.get(field_name)
                    site = site_of(value) if isinstance(value, str) else None
                yield text, site, None
    except InputError as exc:
        yield None, None, str(exc)
    except OSError as exc:
        yield None, None, f"{path}: cannot read: {exc.strerror}"

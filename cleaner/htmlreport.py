"""The HTML report: one self-contained page that shows what a run removed.

:class:`HtmlReport` takes :class:`~cleaner.batch.Outcome` objects one at a time
(with ``paragraphs`` filled: ask the batch functions for ``PARAGRAPHS`` detail) and keeps
only what the page shows, so memory stays bounded however many documents a run
has:

- totals (documents, bytes and words in and out, failures);
- per rule: removals, documents touched, words removed, and a few samples
  chosen by a hash of where they were found (the same run gives the same
  samples, in any order and with any number of workers);
- the documents that lost the largest share of their words, those that came
  out empty, and those the over-removal guard flagged, each with an inline diff.

The page has no external resources: styles and the small sorting script are
inline, so it opens from disk and from an archive alike.
"""

from __future__ import annotations

import hashlib
import heapq
import html
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import Outcome, Totals
from .io import atomic_output
from .kinds.base import count_words
from .result import Removal

#: Samples kept per rule, documents shown per list, failures listed.
SAMPLES_PER_RULE = 5
TOP_DOCUMENTS = 20
EMPTY_DOCUMENTS = 10
FAILURES_SHOWN = 200
#: Characters of a removal or context shown in a sample, and of a paragraph in a diff.
SNIPPET = 400
DIFF_PARAGRAPH = 2000
#: Paragraphs shown per diff; longer documents are cut around their removals.
DIFF_PARAGRAPHS = 400
#: Bins of the histogram of the share of words removed per document.
BINS = 10


@dataclass
class _RuleStats:
    removals: int = 0
    documents: int = 0
    words: int = 0
    # Bottom-k by hash: a deterministic sample, whatever the order of documents.
    samples: list[tuple[bytes, dict[str, Any]]] = field(default_factory=list)


#: A document kept for a diff: the name the page shows, and its outcome.
_Doc = tuple[str, Outcome]


class HtmlReport:
    """Collects outcomes and writes the page (see the module docstring)."""

    def __init__(self, title: str = "cleaner report", root: str | None = None):
        self.title = title
        # Documents are named relative to the input folder, when there is one.
        self.root = root.rstrip("/") + "/" if root else None
        #: Documents, statuses and bytes, counted as the run's summary counts them.
        self.totals = Totals()
        self.words_in = self.words_out = 0
        self.rules: dict[str, _RuleStats] = {}
        self.histogram = [0] * BINS
        self.failures: list[str] = []
        self.timeouts = 0
        self._top: list[tuple[tuple, _Doc]] = []
        self._empties: list[tuple[tuple, _Doc]] = []
        self._flagged: list[tuple[tuple, _Doc]] = []

    # --- collecting -----------------------------------------------------------------

    def add(self, outcome: Outcome) -> None:
        self.totals.add(outcome)
        for timeout in outcome.timeouts:
            self.timeouts += 1
            if len(self.failures) < FAILURES_SHOWN:
                self.failures.append(timeout)
        if outcome.status == "skipped":
            return
        if outcome.status == "failed":
            if len(self.failures) < FAILURES_SHOWN:
                self.failures.append(outcome.error or outcome.source)
            return
        self.words_in += outcome.words_in
        self.words_out += outcome.words_out
        share = outcome.share_removed
        self.histogram[min(BINS - 1, int(share * BINS))] += 1
        self._count_rules(outcome)
        doc = (self._short(outcome.name), outcome)
        order = _hash(outcome.source, outcome.record)
        if outcome.flag:
            # Even with nothing removed ("keep" holds every removal back).
            _keep_top(self._flagged, (order,), doc, TOP_DOCUMENTS)
        if not outcome.removals:
            return
        if outcome.status == "empty":
            _keep_top(self._empties, (order,), doc, EMPTY_DOCUMENTS)
        else:
            words_removed = outcome.words_in - outcome.words_out
            _keep_top(self._top, (share, words_removed, order), doc, TOP_DOCUMENTS)

    def _short(self, name: str) -> str:
        if self.root and name.startswith(self.root):
            return name[len(self.root) :]
        return name

    def _count_rules(self, outcome: Outcome) -> None:
        seen: set[str] = set()
        for removal in outcome.removals:
            stats = self.rules.get(removal.rule)
            if stats is None:
                stats = self.rules[removal.rule] = _RuleStats()
            stats.removals += 1
            stats.words += count_words(removal.text)
            if removal.rule not in seen:
                seen.add(removal.rule)
                stats.documents += 1
            key = _hash(outcome.source, outcome.record, removal.line, removal.rule)
            samples = stats.samples
            if len(samples) < SAMPLES_PER_RULE or key < samples[-1][0]:
                samples.append((key, _sample(outcome, removal, self._short(outcome.name))))
                samples.sort(key=lambda s: s[0])
                del samples[SAMPLES_PER_RULE:]

    # --- writing --------------------------------------------------------------------

    @property
    def top(self) -> list[_Doc]:
        return _ranked(self._top)

    @property
    def empties(self) -> list[_Doc]:
        return _ranked(self._empties)

    @property
    def flagged(self) -> list[_Doc]:
        return _ranked(self._flagged)

    def write(self, path: Path, about: dict[str, Any] | None = None) -> None:
        """Write the page atomically to ``path``, stamped with the time it was written."""
        about = {"written": time.strftime("%Y-%m-%d %H:%M:%S"), **(about or {})}
        with atomic_output(path) as out:
            out.write(self.render(about))

    def render(self, about: dict[str, Any]) -> str:
        """The page; the same outcomes (in any order) and ``about`` give the same page."""
        parts = [
            _HEAD.replace("{title}", _esc(self.title)),
            f"<h1>{_esc(self.title)}</h1>",
            _about(about),
            self._summary(about),
        ]
        if self.flagged:
            parts.append(
                _documents_section(
                    "flagged",
                    f"Flagged by the over-removal guard ({self.totals.flagged})",
                    "Rules would have removed too much of these documents, so they were kept "
                    "per the --over-removal policy. Paragraphs marked 'held' are what the "
                    "guard kept back: check whether the rule or the guard was right.",
                    self.flagged,
                    open_first=3,
                )
            )
        parts.append(self._rules_section())
        if self.totals.documents > 1:
            parts.append(self._histogram_section())
        parts.append(
            _documents_section(
                "documents",
                "Documents that lost the most",
                "The largest share of words removed; open one to see every paragraph, "
                "removed ones struck through and labelled with the rule.",
                self.top,
                open_first=1,
            )
        )
        if self.empties:
            parts.append(
                _documents_section(
                    "empties",
                    f"Documents that came out empty ({self.totals.empty})",
                    "Nothing was left of these; if one had a real body, a rule cut it.",
                    self.empties,
                    open_first=1,
                )
            )
        parts.append(self._samples_section())
        if self.failures:
            parts.append(self._failures_section())
        parts.append(_SCRIPT + "</body></html>\n")
        return "\n".join(parts)

    def _summary(self, about: dict[str, Any]) -> str:
        share_bytes = (
            1 - self.totals.bytes_out / self.totals.bytes_in if self.totals.bytes_in else 0.0
        )
        share_words = 1 - self.words_out / self.words_in if self.words_in else 0.0
        seconds = about.get("seconds")
        cards = [
            ("Documents", f"{self.totals.documents:,}", ""),
            ("Cleaned", f"{self.totals.cleaned:,}", ""),
            ("Empty", f"{self.totals.empty:,}", "warn" if self.totals.empty else ""),
            ("Failed", f"{self.totals.failed:,}", "bad" if self.totals.failed else ""),
            ("Up to date", f"{self.totals.skipped:,}", ""),
            (
                "MB in → out",
                f"{self.totals.bytes_in / 1e6:,.2f} → {self.totals.bytes_out / 1e6:,.2f}",
                "",
            ),
            ("Removed", f"{share_words:.1%} of words ({share_bytes:.1%} of bytes)", ""),
            ("Elapsed", _elapsed(seconds, self.totals.bytes_in), ""),
        ]
        if self.totals.flagged:
            cards.insert(4, ("Flagged", f"{self.totals.flagged:,}", "warn"))
        if self.timeouts:
            cards.insert(4, ("Rule timeouts", f"{self.timeouts:,}", "bad"))
        body = "".join(
            f'<div class="card {cls}"><div class="label">{_esc(label)}</div>'
            f'<div class="value">{_esc(value)}</div></div>'
            for label, value, cls in cards
        )
        return f'<section id="summary"><div class="cards">{body}</div></section>'

    def _rules_section(self) -> str:
        if not self.rules:
            return (
                '<section id="rules"><h2>Removals per rule</h2>'
                "<p>Nothing was removed.</p></section>"
            )
        words_total = self.words_in or 1
        most = max(s.removals for s in self.rules.values())
        most_words = max(s.words for s in self.rules.values()) or 1
        rows = []
        ranked = sorted(self.rules.items(), key=lambda kv: (-kv[1].removals, kv[0]))
        for rule, stats in ranked:
            share = stats.words / words_total
            width = 100 * stats.removals / most
            width_words = 100 * stats.words / most_words
            rows.append(
                f'<tr><td data-value="{_esc(rule)}"><a href="#sample-{_esc(rule)}">'
                f"{_esc(rule)}</a></td>"
                f'<td class="num" data-value="{stats.removals}">{stats.removals:,}</td>'
                f'<td class="num" data-value="{stats.documents}">{stats.documents:,}</td>'
                f'<td class="num" data-value="{stats.words}">{stats.words:,}</td>'
                f'<td class="num" data-value="{share:.8f}">{share:.2%}</td>'
                f'<td class="barcell" data-value="{stats.removals}">'
                f'<div class="bar" style="width:{width:.1f}%"></div>'
                f'<div class="bar words" style="width:{width_words:.1f}%"></div></td></tr>'
            )
        head = (
            "<tr>"
            '<th data-key="rule" data-type="text">Rule</th>'
            '<th data-key="removals" data-type="num">Removals</th>'
            '<th data-key="documents" data-type="num">Documents</th>'
            '<th data-key="words" data-type="num">Words removed</th>'
            '<th data-key="share" data-type="num">Share of all words</th>'
            '<th data-key="bar" data-type="num"><span class="key"></span>removals '
            '<span class="key words"></span>words removed</th>'
            "</tr>"
        )
        return (
            '<section id="rules"><h2>Removals per rule</h2>'
            "<p class=hint>Click a column to sort. Share of all words is the rule's removed "
            "words over every word read.</p>"
            f'<table class="sortable" id="rules-table"><thead>{head}</thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _histogram_section(self) -> str:
        cleaned = self.totals.cleaned + self.totals.empty
        most = max(self.histogram) or 1
        bars = []
        for i, n in enumerate(self.histogram):
            low, high = i * 100 // BINS, (i + 1) * 100 // BINS
            height = 100 * n / most
            bars.append(
                f'<div class="col" title="{n:,} documents lost {low}-{high}% of their words">'
                f'<div class="colbar" style="height:{height:.1f}%"></div>'
                f'<div class="collabel">{low}–{high}%<br>{n:,}</div></div>'
            )
        return (
            '<section id="distribution"><h2>Share of words removed per document</h2>'
            f"<p class=hint>{cleaned:,} document{'' if cleaned == 1 else 's'} cleaned.</p>"
            f'<div class="histogram">{"".join(bars)}</div></section>'
        )

    def _samples_section(self) -> str:
        blocks = []
        ranked = sorted(self.rules.items(), key=lambda kv: (-kv[1].removals, kv[0]))
        for rule, stats in ranked:
            items = "".join(_render_sample(sample) for _, sample in stats.samples)
            blocks.append(
                f'<details id="sample-{_esc(rule)}" class="rule-samples">'
                f"<summary><code>{_esc(rule)}</code> — {stats.removals:,} removals</summary>"
                f"{items}</details>"
            )
        if not blocks:
            return ""
        return (
            '<section id="samples"><h2>Sample removals per rule</h2>'
            "<p class=hint>A few removals of each rule, with the paragraphs around them.</p>"
            f"{''.join(blocks)}</section>"
        )

    def _failures_section(self) -> str:
        items = "".join(f"<li><code>{_esc(f)}</code></li>" for f in self.failures)
        more = self.totals.failed + self.timeouts - len(self.failures)
        tail = f"<p>and {more:,} more (see the JSON report or stderr).</p>" if more > 0 else ""
        heading = f"Failures ({self.totals.failed:,})"
        if self.timeouts:
            heading = f"Failures ({self.totals.failed:,}) and rule timeouts ({self.timeouts:,})"
        return f'<section id="failures"><h2>{_esc(heading)}</h2><ul>{items}</ul>{tail}</section>'


# --- helpers ------------------------------------------------------------------------


def _hash(*parts: Any) -> bytes:
    """A short stable hash: ties and samples are picked by it, the same in every run."""
    key = "\0".join(str(p) for p in parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(key, digest_size=8).digest()


def _keep_top(heap: list, key: tuple, doc: _Doc, size: int) -> None:
    entry = (key, doc)
    if len(heap) < size:
        heapq.heappush(heap, entry)
    elif key > heap[0][0]:
        heapq.heapreplace(heap, entry)


def _ranked(heap: list[tuple[tuple, _Doc]]) -> list[_Doc]:
    return [doc for _, doc in sorted(heap, key=lambda e: e[0], reverse=True)]


def _sample(outcome: Outcome, removal: Removal, name: str) -> dict[str, Any]:
    paragraphs = outcome.paragraphs
    first, last = removal.paragraphs[0], removal.paragraphs[-1]
    before = paragraphs[first - 1].text if paragraphs and first > 0 else None
    after = paragraphs[last + 1].text if paragraphs and last + 1 < len(paragraphs) else None
    within = None
    if removal.span is not None and paragraphs:
        within = paragraphs[first].text
    return {
        "where": f"{name} line {removal.line}",
        "what": removal.what,
        "text": _cut(removal.text, SNIPPET),
        "before": None if before is None else _cut(before, SNIPPET),
        "after": None if after is None else _cut(after, SNIPPET),
        "within": None if within is None else _cut(within, SNIPPET * 2),
    }


def _render_sample(sample: dict[str, Any]) -> str:
    parts = [
        f'<div class="sample"><div class="where">{_esc(sample["where"])}'
        f" · {_esc(sample['what'])}</div>"
    ]
    if sample["before"] is not None:
        parts.append(f'<p class="ctx">{_esc(sample["before"])}</p>')
    if sample["within"] is not None:
        within = _mark_span(_esc(sample["within"]), sample["text"], None)
        parts.append(f'<p class="ctx">{within}</p>')
    else:
        parts.append(f'<p class="removed">{_esc(sample["text"])}</p>')
    if sample["after"] is not None:
        parts.append(f'<p class="ctx">{_esc(sample["after"])}</p>')
    parts.append("</div>")
    return "".join(parts)


def _documents_section(
    anchor: str, heading: str, hint: str, docs: Iterable[_Doc], open_first: int
) -> str:
    blocks = []
    for i, (name, doc) in enumerate(docs):
        rules = sorted({r.rule for r in doc.removals})
        label = (
            f"<code>{_esc(name)}</code> — lost {doc.share_removed:.0%} of {doc.words_in:,} words"
            f" · {len(doc.removals)} removals ({_esc(', '.join(rules[:6]))}"
            f"{', …' if len(rules) > 6 else ''})"
        )
        if doc.flag:
            label += f' <span class="flag">{_esc(doc.flag)}</span>'
        opened = " open" if i < open_first else ""
        blocks.append(
            f'<details class="doc"{opened}><summary>{label}</summary>{_diff(doc)}</details>'
        )
    if not blocks:
        blocks.append("<p>No document lost anything.</p>")
    return (
        f'<section id="{anchor}"><h2>{_esc(heading)}</h2><p class=hint>{_esc(hint)}</p>'
        f"{''.join(blocks)}</section>"
    )


def _diff(doc: Outcome) -> str:
    """Every paragraph of the document; removed ones struck through and labelled."""
    if not doc.paragraphs:
        return "<p class=hint>(the paragraphs were not recorded for this document)</p>"
    dropped: dict[int, str] = {}
    spans: dict[int, list[Removal]] = {}
    held: dict[int, str] = {}
    for removal in doc.held:
        if removal.span is None:
            for index in removal.paragraphs:
                held[index] = removal.rule
    for removal in doc.removals:
        for index in removal.paragraphs:
            if removal.span is None:
                dropped[index] = removal.rule
            else:
                spans.setdefault(index, []).append(removal)
    show = _visible(len(doc.paragraphs), set(dropped) | set(spans) | set(held))
    rows = []
    gap = False
    for p in doc.paragraphs:
        if p.index not in show:
            if not gap:
                rows.append('<tr class="gap"><td></td><td></td><td>…</td></tr>')
            gap = True
            continue
        gap = False
        text = _cut(p.text, DIFF_PARAGRAPH)
        if p.index in dropped:
            rule = dropped[p.index]
            rows.append(
                f'<tr class="drop"><td class="ln">{p.line}</td>'
                f'<td><span class="rule">{_esc(rule)}</span></td>'
                f"<td><del>{_esc(text)}</del></td></tr>"
            )
        elif p.index in held:
            rows.append(
                f'<tr class="held"><td class="ln">{p.line}</td>'
                f'<td><span class="rule held">held: {_esc(held[p.index])}</span></td>'
                f"<td>{_esc(text)}</td></tr>"
            )
        elif p.index in spans:
            marked = _esc(text)
            for removal in spans[p.index]:
                marked = _mark_span(marked, removal.text, removal.rule)
            tags = "".join(f'<span class="rule span">{_esc(r.rule)}</span>' for r in spans[p.index])
            rows.append(
                f'<tr class="keep spanned"><td class="ln">{p.line}</td><td>{tags}</td>'
                f"<td>{marked}</td></tr>"
            )
        else:
            rows.append(
                f'<tr class="keep"><td class="ln">{p.line}</td><td></td><td>{_esc(text)}</td></tr>'
            )
    return f'<table class="diff">{"".join(rows)}</table>'


def _visible(count: int, touched: set[int]) -> set[int]:
    """Which paragraphs a diff shows: all of a normal document; near removals in a huge one."""
    if count <= DIFF_PARAGRAPHS:
        return set(range(count))
    show: set[int] = set()
    for index in sorted(touched):
        show.update(range(max(0, index - 2), min(count, index + 3)))
        if len(show) >= DIFF_PARAGRAPHS:
            break
    return show


def _mark_span(base: str, removed: str, rule: str | None) -> str:
    """``base`` (escaped HTML) with the first occurrence of ``removed`` highlighted.

    A span removed after another one may no longer be found verbatim (spaces
    around the first one were closed up); it is then shown after the text.
    """
    needle = _esc(removed.strip())
    title = f' title="{_esc(rule)}"' if rule else ""
    if needle and needle in base:
        return base.replace(needle, f"<mark{title}>{needle}</mark>", 1)
    return f"{base} <mark{title}>{needle}</mark>"


def _about(about: dict[str, Any]) -> str:
    bits = []
    if about.get("packs"):
        bits.append("packs: " + ", ".join(Path(p).name for p in about["packs"]))
    if about.get("source"):
        bits.append(f"input: {about['source']}")
    if about.get("written"):
        bits.append(f"written {about['written']}")
    return f'<p class="about">{_esc(" · ".join(bits))}</p>'


def _elapsed(seconds: float | None, bytes_in: int) -> str:
    if seconds is None:
        return "—"
    if seconds <= 0:
        return f"{seconds:,.1f} s"
    return f"{seconds:,.1f} s ({bytes_in / 1e6 / seconds:,.2f} MB/s)"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
:root { --ink:#1d2330; --muted:#5f6b7a; --line:#e3e7ee; --bar:#3565d8; --words:#e08a1e;
        --drop:#fde2e1; --dropink:#8f1d18; --span:#fff0b3; --warn:#b25e00; --bad:#b3261e; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; }
.about, .hint { color: var(--muted); margin: 4px 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 130px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; }
.card .value { font-size: 20px; font-weight: 600; }
.card.warn .value { color: var(--warn); } .card.bad .value { color: var(--bad); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; }
.sortable th { cursor: pointer; user-select: none; white-space: nowrap; }
.sortable th:hover { background: #f3f5f9; }
.sortable th.asc::after { content: " ▲"; } .sortable th.desc::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.barcell { width: 35%; }
.bar { background: var(--bar); height: 9px; border-radius: 3px; min-width: 2px; margin: 1px 0; }
.bar.words, .key.words { background: var(--words); }
.key { display: inline-block; width: 10px; height: 10px; background: var(--bar);
       border-radius: 2px; margin: 0 4px 0 6px; }
.histogram { display: flex; align-items: flex-end; gap: 6px; height: 180px;
             border-bottom: 1px solid var(--line); padding-bottom: 40px; }
.col { flex: 1; height: 100%; display: flex; flex-direction: column;
       justify-content: flex-end; position: relative; }
.colbar { background: var(--bar); border-radius: 3px 3px 0 0; min-height: 1px; }
.collabel { position: absolute; bottom: -40px; width: 100%; text-align: center;
            font-size: 12px; color: var(--muted); }
details { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; padding: 6px 10px; }
summary { cursor: pointer; }
table.diff { margin-top: 8px; font-size: 14px; }
table.diff td.ln { color: var(--muted); text-align: right; width: 48px;
                   font-variant-numeric: tabular-nums; }
table.diff td:nth-child(2) { width: 1%; white-space: nowrap; }
tr.drop td { background: var(--drop); } tr.drop del { color: var(--dropink); }
tr.gap td { color: var(--muted); text-align: center; }
tr.held td { background: #fff4e0; } .rule.held { background: var(--warn); }
.rule { display: inline-block; background: var(--dropink); color: #fff; border-radius: 4px;
        font: 12px/1.6 ui-monospace, monospace; padding: 0 6px; margin-right: 4px; }
.rule.span { background: #8a6d00; }
mark { background: var(--span); text-decoration: line-through; }
.flag { color: var(--warn); font-weight: 600; }
.sample { border-left: 3px solid var(--line); margin: 10px 0; padding-left: 10px; }
.sample .where { color: var(--muted); font-size: 12px; font-family: ui-monospace, monospace; }
.sample p { margin: 4px 0; } .ctx { color: var(--muted); }
.removed { background: var(--drop); color: var(--dropink); text-decoration: line-through; }
code { font: 13px ui-monospace, monospace; }
</style></head><body>"""

_SCRIPT = """<script>
// Sortable tables: click a column (numbers by value, text alphabetically). The
// order is kept in the address (#sort=words-desc), so a sorted view can be shared.
function sortTable(table, key, desc) {
  var heads = Array.prototype.slice.call(table.querySelectorAll("th"));
  var col = heads.findIndex(function (h) { return h.dataset.key === key; });
  if (col < 0) { return; }
  var numeric = heads[col].dataset.type === "num";
  heads.forEach(function (h) { h.classList.remove("asc", "desc"); });
  heads[col].classList.add(desc ? "desc" : "asc");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = a.cells[col].dataset.value, y = b.cells[col].dataset.value;
    var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
    return desc ? -c : c;
  });
  rows.forEach(function (r) { body.appendChild(r); });
}
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th) {
    th.addEventListener("click", function () {
      var desc = !th.classList.contains("desc");
      sortTable(table, th.dataset.key, desc);
      history.replaceState(null, "", "#sort=" + th.dataset.key + (desc ? "-desc" : "-asc"));
    });
  });
});
// Following a link to a rule's samples opens them.
function openTarget() {
  var m = /^#sort=([a-z]+)-(asc|desc)$/.exec(location.hash);
  if (m) { sortTable(document.getElementById("rules-table"), m[1], m[2] === "desc"); return; }
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.tagName === "DETAILS") { target.open = true; }
}
window.addEventListener("hashchange", openTarget);
openTarget();
</script>"""

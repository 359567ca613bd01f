"""Prefilters: the paragraphs of a whole document each rule could act on, in one scan.

Most paragraphs are body text that no rule matches, yet looking that up rule
by rule and paragraph by paragraph is most of what cleaning costs. So, when a
Cleaner is built, each pattern is analysed with the ``regex`` module's own
parser for its *need*: a set of literal strings one of which every match
must contain. Then, per document, one scan finds every literal of every rule
at once, and a rule looks only at the paragraphs where one of its literals
occurs (plus any paragraph an earlier rule edited since the scan).

The scan is exact for what it promises: a paragraph it leaves out cannot
match, so outputs are the same as without it (tested over every example and
bench input, and on random documents). How it stays exact:

- Text and literals are compared case-folded (:func:`fold`), and a literal
  only holds characters whose every case-insensitive match in ``regex``
  folds to the same string (ASCII, and characters without case; the test
  suite checks this over every code point). Any other character ends a
  literal.
- A literal that must start the paragraph (the pattern begins with ``^`` or
  ``\\A``, or the rule is ``standalone``) is looked for with a line break in
  front, and the scanned text puts one before every paragraph.
- What the analysis does not understand (classes, properties, named lists,
  fuzzy matching, backreferences, conditionals, full case folding) ends a
  literal or makes the pattern's need unknown; then the rule looks at every
  paragraph, as it would without a prefilter. Only speed is at stake.

The scan runs in Hyperscan (the ``hyperscan`` package) when it is installed
and the CPU supports it, and in plain Python otherwise: same hits, slower.
Hyperscan is given the text's UTF-8 bytes as they are, and matches the
literals' ASCII letters in either case (what lowering them would give), unless
the text holds a character that folding turns into one a literal holds (``É``,
``ß``, the Kelvin sign; a second, small database finds them): only then is it
case-folded, line by line.
"""

from __future__ import annotations

import array
import functools
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from itertools import accumulate

import regex

from .document import ornamented

try:  # pragma: no cover - depends on the platform
    import hyperscan
except ImportError:  # pragma: no cover
    hyperscan = None  # type: ignore[assignment]

#: The most alternatives one need may have; past that, a need is cut short.
MAX_LITERALS = 1024
#: A need with more literals than this is passed over for a smaller one.
MAX_NEED = 4096
#: A character class with more members than this is not listed (``\\w``, ``\\p{L}``).
MAX_CLASS = 1000
#: A need weaker than this (see :func:`_strength`) would be found in most
#: paragraphs and not pay for its scan: three letters, or one rarer character.
MIN_STRENGTH = 3

# Turkish dotless and dotted i match ASCII I and i case-insensitively in
# ``regex``, but casefold to other strings; fold them to "i" first.
_TURKIC = str.maketrans({"\u0130": "i", "\u0131": "i"})


def fold(text: str) -> str:
    """Text as literals are looked for in it: case-folded, Turkish i's as ``i``."""
    if text.isascii():
        return text.lower()  # the same as casefold() on ASCII, and quicker
    if "\u0130" in text or "\u0131" in text:
        text = text.translate(_TURKIC)
    return text.casefold()


def _fold_lines(live: Sequence[str]) -> str:
    """``fold("\\n" + "\\n".join(live) + "\\n")``, folding line by line.

    Case folding maps each character on its own, so the lines can be folded
    apart: an ASCII line (most of them, in a text with a few curly quotes) takes
    ``str.lower``, which is far quicker than ``str.casefold`` on a whole text.
    """
    return "\n" + "\n".join([t.lower() if t.isascii() else fold(t) for t in live]) + "\n"


def _literal_char(code: int, case_flags: int) -> str | None:
    """The folded form of a literal character, or None when it cannot be one."""
    ch = chr(code)
    if ch.isascii():
        return ch.lower()
    if unicodedata.category(ch) in ("Cn", "Cs"):
        return None  # unassigned in this Python's Unicode; regex may know it
    if case_flags & regex.FULLCASE and case_flags & regex.IGNORECASE:
        return None  # one character can match several
    folded = fold(ch)
    if case_flags & regex.IGNORECASE and not (
        len(folded) == 1 and fold(ch.lower()) == folded and fold(ch.upper()) == folded
    ):
        return None  # its case-insensitive matches may fold to something else
    return folded if "\n" not in folded else None


# The intermediate form: a sequence of items, each one of
#   ("lit", folded char or None), ("set", folded chars) for a class,
#   ("alt", [seq, ...]), ("rep", seq) for a repeat of at least one,
#   ("star", folded chars) for an optional run of a class, and the markers below.
_ANY = ("any",)  # consumes something the analysis does not follow
_ZERO = ("zero",)  # zero-width: consumes nothing
_START = ("start",)  # start of the paragraph
_END = ("end",)  # end of the paragraph


def _items(node) -> list[tuple]:
    from regex import _regex_core as rc

    kind = type(node)
    if kind is rc.Sequence:
        out: list[tuple] = []
        for item in node.items:
            out.extend(_items(item))
        return out
    if kind in (rc.String, rc.Literal):
        return [("lit", _literal_char(c, node.case_flags)) for c in node.characters]
    if kind is rc.Character:
        if node.zerowidth:
            return [_ZERO]
        if not node.positive:
            return [_ANY]
        return [("lit", _literal_char(node.value, node.case_flags))]
    if kind in (rc.SetUnion, rc.Property):
        options = _members(node)
        if options is None:
            return [_ANY]
        return [("set", frozenset(options))]
    if kind in (rc.Group, rc.Atomic):
        return _items(node.subpattern)
    if kind is rc.Branch:
        return [("alt", [_items(b) for b in node.branches])]
    if kind in (rc.GreedyRepeat, rc.LazyRepeat, rc.PossessiveRepeat):
        if node.min_count >= 1:
            return [("rep", _items(node.subpattern))]
        # An optional run of one character class (``[-\\s]*``): a match starts
        # with one of its characters or with what follows.
        inner = _items(node.subpattern)
        if len(inner) == 1 and inner[0][0] == "set":
            return [("star", inner[0][1])]
        if len(inner) == 1 and inner[0][0] == "lit" and inner[0][1] is not None:
            return [("star", frozenset([inner[0][1]]))]
        return [_ANY]
    if kind in (rc.StartOfString, rc.StartOfLine):
        # Not StartOfLineU (the WORD flag): it also matches after other line separators.
        return [_START]
    if kind in (rc.EndOfString, rc.EndOfStringLine, rc.EndOfLine):
        # ``$``, ``\\Z``: a paragraph holds no line break, so its end (not the U
        # variants, which also match before other separators).
        return [_END]
    if kind in _zero_width():
        return [_ZERO]
    return [_ANY]


def _members(node) -> set[str] | None:
    """The folded characters a one-character class matches, when few and known.

    Listed classes of characters, and the ``\\s`` and ``\\d`` properties
    (their members are read off ``regex`` itself, once per process).
    """
    from regex import _regex_core as rc

    if not node.positive or node.zerowidth:
        return None
    parts = node.items if type(node) is rc.SetUnion else (node,)
    out: set[str] = set()
    for m in parts:
        if type(m) is rc.Character and m.positive and not m.zerowidth:
            folded = _literal_char(m.value, node.case_flags)
            if folded is None:
                return None
            out.add(folded)
        elif type(m) is rc.Property and m.positive and not m.zerowidth:
            chars = _known_property(m.value)
            if chars is None:
                return None
            # Digits and spaces have no case, in any Unicode version: each is
            # itself in the folded text (even one this Python does not know).
            out.update(fold(ch) for ch in chars)
        else:
            return None
        if len(out) > MAX_CLASS:
            return None
    return out


_KNOWN: dict[int, frozenset[str]] = {}


def _known_property(value: int) -> frozenset[str] | None:
    """Members of ``\\s`` or ``\\d`` (by their property value in ``regex``), else None."""
    if not _KNOWN:
        from regex import _regex_core as rc

        codes = array.array("I", range(0x110000)).tobytes()
        everything = codes.decode("utf-32-le", "surrogatepass")  # every code point
        for source in (r"\s", r"\d"):
            parsed = rc._parse_pattern(rc.Source(source), rc.Info(0, str, {}))
            while type(parsed) is rc.Sequence and len(parsed.items) == 1:
                parsed = parsed.items[0]
            _KNOWN[parsed.value] = frozenset(regex.findall(source, everything))
    return _KNOWN.get(value)


@functools.cache
def _zero_width() -> tuple:
    from regex import _regex_core as rc

    return (
        rc.LookAround,
        rc.Boundary,
        rc.DefaultBoundary,
        rc.StartOfWord,
        rc.EndOfWord,
        rc.DefaultStartOfWord,
        rc.DefaultEndOfWord,
        rc.EndOfLineU,
        rc.EndOfStringLineU,
        rc.StartOfLineU,
        rc.SearchAnchor,
        rc.Keep,
    )


# Results of _lead/_reverse/_need for the analysis of one pattern, by (what,
# id(sequence), arguments); each entry keeps its sequence alive, so an id is
# never reused while the cache holds it. Reset by need().
_memo: dict[tuple, tuple] = {}


def _cached(what: str, seq: Sequence[tuple], args: tuple, compute):
    key = (what, id(seq), *args)
    hit = _memo.get(key)
    if hit is not None and hit[0] is seq:
        return hit[1]
    value = compute()
    _memo[key] = (seq, value)
    return value


def _lead(seq: Sequence[tuple], start: int = 0) -> tuple[frozenset[str], bool]:
    """``(strings, exact)``: every match of ``seq[start:]`` starts with one of ``strings``.

    ``exact``: every match *is* one of them (so what follows can extend them).
    """
    return _cached("lead", seq, (start,), lambda: _lead_of(seq, start))


def _lead_of(seq: Sequence[tuple], start: int) -> tuple[frozenset[str], bool]:
    current: frozenset[str] | set[str] = frozenset({""})
    for k in range(start, len(seq)):
        item = seq[k]
        kind = item[0]
        if kind == "lit":
            if item[1] is None:
                return frozenset(current), False
            current = {s + item[1] for s in current}
        elif kind == "set":
            if len(current) * len(item[1]) > MAX_LITERALS:
                return frozenset(current), False
            current = {a + b for a in current for b in item[1]}
        elif kind == "zero":
            continue
        elif kind == "star":
            # Zero or more of these characters, then the rest.
            rest, _ = _lead(seq, k + 1)
            if len(current) * (len(item[1]) + len(rest)) > MAX_LITERALS or "" in rest:
                return frozenset(current), False
            return frozenset({a + b for a in current for b in (*item[1], *rest)}), False
        elif kind in ("alt", "rep"):
            options = [_lead(b) for b in item[1]] if kind == "alt" else [_lead(item[1])]
            if len(current) * sum(len(strings) for strings, _ in options) > MAX_LITERALS:
                return frozenset(current), False
            current = {a + b for a in current for strings, _ in options for b in strings}
            if kind == "rep" or not all(exact for _, exact in options):
                return frozenset(current), False
        else:
            return frozenset(current), False
    return frozenset(current), True


#: Characters common in running text: a literal of one or two of them is found
#: in most paragraphs, so it weighs less than a rarer one.
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 .,-'\"")
_DROP_COMMON = str.maketrans(dict.fromkeys(_COMMON))


def _weight(literal: str) -> int:
    """1 per common character, 2 per line break, 3 per other character."""
    weight = _weights.get(literal)
    if weight is None:
        rare = literal.translate(_DROP_COMMON)
        weight = _weights[literal] = len(literal) + 2 * len(rare) - rare.count("\n")
    return weight


_weights: dict[str, int] = {}  # for one pattern's analysis, like _memo


def _reverse(seq: Sequence[tuple]) -> list[tuple]:
    """``seq`` read backwards (literals too), so that :func:`_lead` finds how matches end."""
    return _cached("reverse", seq, (), lambda: _reverse_of(seq))


def _reverse_of(seq: Sequence[tuple]) -> list[tuple]:
    out: list[tuple] = []
    for item in reversed(seq):
        kind = item[0]
        if kind == "lit":
            out.append(("lit", None if item[1] is None else item[1][::-1]))
        elif kind in ("set", "star"):
            # A member can be several characters once folded ("ß" is "ss").
            out.append((kind, frozenset(c[::-1] for c in item[1])))
        elif kind == "alt":
            out.append(("alt", [_reverse(b) for b in item[1]]))
        elif kind == "rep":
            out.append(("rep", _reverse(item[1])))
        elif kind in ("start", "end"):
            out.append(_ZERO)
        else:
            out.append(item)
    return out


def _trail(seq: Sequence[tuple]) -> set[str]:
    """Strings one of which every match of ``seq`` ends with."""
    strings, _ = _lead(_reverse(seq))
    return {s[::-1] for s in strings}


def _strength(strings: set[str] | frozenset[str] | None) -> int:
    """How selective a need is: the weight of its weakest literal (0: useless).

    A letter or common punctuation weighs 1, a paragraph edge 2, any other
    character 3.
    """
    if not strings or "" in strings:
        return 0
    return min(map(_weight, strings))


_PARAGRAPH_END = frozenset({"\n"})


def _need(
    seq: Sequence[tuple], at_start: bool, after: frozenset[str] | None = None
) -> set[str] | None:
    return _cached("need", seq, (at_start, after), lambda: _need_of(seq, at_start, after))


def _need_of(seq: Sequence[tuple], at_start: bool, after: frozenset[str] | None) -> set[str] | None:
    """Literals one of which every match of ``seq`` contains.

    A literal that starts with "\\n" must start the paragraph. ``after``: what
    can follow a match (``{"\\n"}``: the paragraph's end; with an optional run
    of spaces before it, a space too), or None when anything can.
    """
    while seq and seq[0] in (_START, _ZERO):
        at_start = at_start or seq[0] == _START
        seq = seq[1:]
    while seq and seq[-1] in (_END, _ZERO):
        after = after or (_PARAGRAPH_END if seq[-1] == _END else None)
        seq = seq[:-1]
    best: set[str] | None = None
    best_strength = 0

    def consider(strings: set[str] | frozenset[str] | None) -> None:
        nonlocal best, best_strength
        if strings is None or len(strings) > MAX_NEED:
            return  # too many to scan for cheaply
        strength = _strength(strings)
        if strength > best_strength:
            best, best_strength = set(strings), strength  # type: ignore[arg-type]

    if after and seq:
        ends = _trail(seq)
        if "" not in ends and ends:
            consider({s + a for s in ends for a in after})
    last = len(seq) - 1
    for i, item in enumerate(seq):
        anchored = at_start and i == 0
        followed = _followers(seq, i, after)
        strings, _ = _lead(seq, i)
        if strings and "" not in strings:
            consider({"\n" + s for s in strings} if anchored else strings)
        if item[0] == "rep" and i < last:
            # A repeat's last round ends with one of its trail's strings, and the
            # rest of the sequence starts right after it (``\\s+(?:jan|feb)``: " jan").
            ends = _trail(item[1])
            if ends and "" not in ends:
                rest, _ = _lead(seq, i + 1)
                if rest and len(ends) * len(rest) <= MAX_NEED:
                    consider({e + r for e in ends for r in rest})
        if item[0] == "alt":
            needs = [_need(branch, anchored, followed) for branch in item[1]]
            if all(n is not None for n in needs):
                consider(set().union(*needs))  # type: ignore[arg-type]
        elif item[0] == "rep":
            consider(_need(item[1], anchored, followed if i == last else None))
    return best


def _followers(seq: Sequence[tuple], i: int, after: frozenset[str] | None) -> frozenset[str] | None:
    """What can follow item ``i``'s match, when ``seq`` ends with it (and ``after``)."""
    if after is None:
        return None
    if i == len(seq) - 1:
        return after
    if i == len(seq) - 2 and seq[-1][0] == "star":
        # An optional run of these characters, then what follows the sequence.
        return after | seq[-1][1]
    return None


@functools.lru_cache(maxsize=4096)
def need(pattern: regex.Pattern, anchored: bool = False) -> frozenset[str] | None:
    """Folded literals one of which every match of ``pattern`` in a paragraph contains.

    A literal that starts with ``"\\n"`` must start the paragraph. ``anchored``:
    the pattern is matched against the whole paragraph (``fullmatch``).
    ``None`` when the analysis finds no need (or does not understand the pattern).
    """
    try:
        found = _analyse(pattern, anchored)
    except Exception:  # an unknown construct: no prefilter, never an error
        return None
    finally:
        _memo.clear()
        _weights.clear()
    return frozenset(_minimal(found)) if found else None


def _minimal(literals: set[str]) -> set[str]:
    """``literals`` without those that hold another of them: a paragraph that holds
    ``" mar"`` holds ``"mar"``, and is a hit already (alternatives of a pattern can
    find both, and each found literal is a call back from the scan)."""
    # Each literal by its first ``m`` characters (``m``: the shortest one's length),
    # so that only the literals starting at a position of another are compared.
    m = min(map(len, literals))
    starts: dict[str, list[str]] = {}
    for literal in literals:
        starts.setdefault(literal[:m], []).append(literal)
    out = set(literals)
    for literal in literals:
        n = len(literal)
        if n > m and any(
            len(other) < n and literal.startswith(other, a)
            for a in range(n - m + 1)
            for other in starts.get(literal[a : a + m], ())
        ):
            out.discard(literal)
    return out


def _analyse(pattern: regex.Pattern, anchored: bool) -> set[str] | None:
    """:func:`need`, with the regex module's own parser (its exceptions escape)."""
    from regex import _regex_core as rc

    if pattern.flags & (regex.VERSION1 | regex.FULLCASE) and pattern.flags & regex.IGNORECASE:
        return None
    source = rc.Source(pattern.pattern)
    info = rc.Info(pattern.flags, source.char_type, {})
    info.guess_encoding = rc.UNICODE
    source.ignore_space = bool(info.flags & regex.VERBOSE)
    parsed = rc._parse_pattern(source, info)
    if not source.at_end():
        return None
    parsed.fix_groups(pattern.pattern, False, False)
    parsed = parsed.optimise(info, False).pack_characters(info)
    return _need(_items(parsed), anchored, _PARAGRAPH_END if anchored else None)


def is_strong(literals: frozenset[str] | None) -> bool:
    """Whether a need is worth scanning for (else the rule looks at every paragraph)."""
    return _strength(literals) >= MIN_STRENGTH


class Prefilter:
    """One scan per document for the needs of a plan's rules.

    ``needs[k]`` is the literal set of plan item ``k``, or None when it looks
    at every paragraph. Picklable: the compiled Hyperscan database travels as
    bytes (compiled again only where it cannot be loaded).
    """

    def __init__(
        self,
        needs: Sequence[frozenset[str] | None],
        use_hyperscan: bool = True,
        compiled: bytes | None = None,
    ):
        self.needs = tuple(needs)
        owners: dict[str, list[int]] = {}
        for k, literals in enumerate(self.needs):
            for literal in sorted(literals or ()):
                owners.setdefault(literal, []).append(k)
        self.literals = tuple(sorted(owners))
        self._owners = tuple(tuple(owners[s]) for s in self.literals)
        self._sizes = tuple(len(s.encode("utf-8", "surrogatepass")) for s in self.literals)
        # What scan() starts from: None for items without a need, else no hits.
        self._blank = tuple(None if n is None else _NO_HITS for n in self.needs)
        self._use_hyperscan = use_hyperscan
        self._db = self._odd = None
        if use_hyperscan:
            loaded = _load(compiled) if compiled else None
            self._db, self._odd = loaded or _compile(self.literals)
        self._local = threading.local()

    def __reduce__(self):
        # The compiled database travels as bytes: a worker loads it in
        # microseconds instead of compiling it again.
        return (Prefilter, (self.needs, self._use_hyperscan, self.compiled()))

    def compiled(self) -> bytes | None:
        """The Hyperscan databases as bytes (None when the scan runs in Python)."""
        return _dump(self._db, self._odd) if self._db is not None else None

    @property
    def engine(self) -> str:
        """``"hyperscan"`` or ``"python"``: what scans."""
        return "hyperscan" if self._db is not None else "python"

    def scan(
        self,
        texts: Sequence[str | None],
        rests: dict[int, tuple[str, str]] | None = None,
    ) -> list[AbstractSet[int] | None]:
        """Per plan item, the indices of ``texts`` that hold one of its literals.

        None for items without a need (they look at every paragraph). An item
        with no hit gets an empty frozenset, shared: read the sets, never
        change them.
        """
        hits: list = list(self._blank)
        if not self.literals:
            return hits
        if None in texts:
            order: Sequence[int] = [i for i, t in enumerate(texts) if t is not None]
            live: Sequence[str] = [texts[i] for i in order]  # type: ignore[misc]
        else:
            order, live = range(len(texts)), texts  # type: ignore[assignment]
        if not live:
            return hits
        if rests is None:
            rests = ornamented(list(texts))
        if rests:
            # Rules read a line that opens with an ornament ("👉 Read more: ...")
            # without it too (kinds.base.ornament_free): the scan reads both, each a
            # line of the same paragraph's.
            order, live = _with_unornamented(order, live, rests)
        joined = "\n" + "\n".join(live) + "\n"
        ascii = joined.isascii()
        if self._db is None:
            found = self._python(joined.lower() if ascii else _fold_lines(live))
        elif ascii:
            # The literals are caseless (see _compile): folding ASCII is lowering
            # its letters, which the scan does as it goes.
            found = self._hyperscan(joined.encode("ascii"), live)
        else:
            data = joined.encode("utf-8", "surrogatepass")
            if self._odd is not None and self._folds_apart(data):
                data = _fold_lines(live).encode("utf-8", "surrogatepass")
            # Else folding would only lower ASCII letters (curly quotes, dashes,
            # letters no literal holds): the caseless scan reads them lowered.
            found = self._hyperscan(data, None)
        owners = self._owners
        last = len(order)
        for position, literal in found:
            if position >= last:
                continue  # starts at the final line break: no paragraph there
            index = order[position]
            for k in owners[literal]:
                item = hits[k]
                if item:
                    item.add(index)
                else:
                    hits[k] = {index}
        return hits

    def _python(self, haystack: str) -> list[tuple[int, int]]:
        """(paragraph position, literal id) of each occurrence, with str.find."""
        found = []
        breaks: list[int] | None = None
        for n, literal in enumerate(self.literals):
            at = haystack.find(literal)
            while at >= 0:
                if breaks is None:
                    breaks = _breaks(haystack, "\n")
                found.append((_position(breaks, at), n))
                at = haystack.find(literal, at + 1)
        return found

    def _hyperscan(self, data: bytes, live: Sequence[str] | None) -> list[tuple[int, int]]:
        """Scan folded ``data``; ``live`` are its lines when it is ASCII (offsets
        are then character offsets, and the line breaks need no search)."""
        ends: list[tuple[int, int]] = []
        self._db.scan(data, _on_match, context=ends, scratch=self._scratch())  # type: ignore[union-attr]
        if not ends:
            return ends
        breaks: list[int] = (
            [0, *accumulate(len(t) + 1 for t in live)] if live else _breaks(data, b"\n")
        )
        sizes = self._sizes
        # Hyperscan reports matches by their end: their starts move forward but
        # for the few literals that are longer than the one before, so the
        # paragraph of each is found by walking from the last one, not by a
        # search. A literal found again in the same paragraph is reported again
        # (the hits are sets: a set over the pairs cost more than it saved).
        last = len(breaks) - 1
        at = 0
        found: list[tuple[int, int]] = []
        for n, end in ends:
            start = end - sizes[n]
            while at < last and breaks[at + 1] <= start:
                at += 1
            while at > 0 and breaks[at] > start:
                at -= 1
            found.append((at, n))
        return found

    def _folds_apart(self, data: bytes) -> bool:
        """Whether the text holds a character that case folding turns into a
        character some literal holds (``É``, ``ß``, the Kelvin sign): then lowering
        its ASCII letters is not folding it."""
        found: list[int] = []
        self._odd.scan(data, _on_odd, context=found, scratch=self._scratch(odd=True))  # type: ignore[union-attr]
        return bool(found)

    def _scratch(self, odd: bool = False):
        name = "odd" if odd else "scratch"
        scratch = getattr(self._local, name, None)
        if scratch is None:
            scratch = hyperscan.Scratch(self._odd if odd else self._db)
            setattr(self._local, name, scratch)
        return scratch


_NO_HITS: frozenset[int] = frozenset()


def _with_unornamented(
    order: Sequence[int], live: Sequence[str], rests: dict[int, tuple[str, str]]
) -> tuple[list[int], list[str]]:
    """``live`` with each line that opens with an ornament followed by that line
    without it (``rests``: see :func:`cleaner.document.ornamented`), and ``order``
    (each line's paragraph) to match."""
    order2: list[int] = []
    live2: list[str] = []
    for i, text in zip(order, live, strict=True):
        order2.append(i)
        live2.append(text)
        pair = rests.get(i)
        if pair is not None and pair[0] == text:
            order2.append(i)
            live2.append(pair[1])
    return order2, live2


def _on_match(literal: int, start: int, end: int, flags: int, ends: list) -> None:
    ends.append((literal, end))


def _on_odd(char: int, start: int, end: int, flags: int, found: list) -> None:
    found.append(char)  # once per character at most (HS_FLAG_SINGLEMATCH)


def _breaks(haystack, newline) -> list[int]:
    """Offsets of the line breaks in ``haystack`` (one before each paragraph)."""
    # One split and a sum of lengths: a find per line cost ten times as much,
    # most of it the call (bytes.find parses its arguments the slow way).
    out = []
    at = -1
    pieces = haystack.split(newline)
    pieces.pop()
    for piece in pieces:
        at += len(piece) + 1
        out.append(at)
    return out


def _position(breaks: list[int], offset: int) -> int:
    """Which paragraph (0-based, in scan order) the literal starting at ``offset`` is in.

    A paragraph-start literal begins at the line break before its paragraph.
    """
    return bisect_right(breaks, offset) - 1


def engine_version() -> str | None:
    """The Hyperscan library's version, or None when it is not installed."""
    if hyperscan is None:
        return None
    try:
        return hyperscan.__version__  # type: ignore[attr-defined]
    except AttributeError:
        return "unknown"


def _dump(db, odd) -> bytes | None:
    """Both databases as one string of bytes: the first one's size, then each."""
    try:
        main = hyperscan.dumpb(db)
        return len(main).to_bytes(8, "little") + main + (hyperscan.dumpb(odd) if odd else b"")
    except Exception:
        return None


def _load(data: bytes):
    """The databases from :func:`_dump`, or None (another platform: compile instead)."""
    if hyperscan is None or len(data) < 8:
        return None
    size = int.from_bytes(data[:8], "little")
    try:
        db = hyperscan.loadb(data[8 : 8 + size], hyperscan.HS_MODE_BLOCK)
        rest = data[8 + size :]
        return db, hyperscan.loadb(rest, hyperscan.HS_MODE_BLOCK) if rest else None
    except Exception:
        return None


def _compile(literals: Iterable[str]):
    """Hyperscan databases of the literals and of the characters that fold into
    them (see :meth:`Prefilter._folds_apart`), or Nones where Hyperscan cannot run."""
    literals = list(literals)
    if hyperscan is None or not literals:
        return None, None
    try:
        # Caseless: an ASCII letter matches in either case, as in a lowered text (the
        # flag touches no other byte, as bytes.lower() does not), so that a text
        # needs no lowered copy; the literals are folded, hence lower case.
        db = _database(
            [s.encode("utf-8", "surrogatepass") for s in literals], hyperscan.HS_FLAG_CASELESS
        )
        odd = [c.encode("utf-8", "surrogatepass") for c in _odd_characters(literals)]
        return db, (_database(odd, hyperscan.HS_FLAG_SINGLEMATCH) if odd else None)
    except Exception:
        return None, None


def _database(expressions: list[bytes], flags: int):
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=expressions,
        ids=list(range(len(expressions))),
        elements=len(expressions),
        flags=flags,
        literal=True,
    )
    return db


def _odd_characters(literals: Iterable[str]) -> list[str]:
    """The non-ASCII characters that :func:`fold` changes into text holding a
    character of one of ``literals``: where they occur, lowering a text's ASCII
    letters is not folding it."""
    chars: set[str] = set().union(*literals)
    return sorted(
        ch
        for folded, sources in _unfolded().items()
        if not chars.isdisjoint(folded)
        for ch in sources
        if not ch.isascii()
    )


@functools.cache
def _unfolded() -> dict[str, tuple[str, ...]]:
    """Each string :func:`fold` makes of a character other than itself, with the
    characters it makes it of (``"k"``: ``"K"`` and the Kelvin sign).

    One pass over every code point, 256 at a time (a few hundredths of a second),
    made only to compile a scan.
    """
    out: dict[str, list[str]] = {}
    for block in range(0, 0x110000, 256):
        if 0xD800 <= block < 0xE000:
            continue  # surrogates
        chars = "".join(map(chr, range(block, block + 256)))
        if fold(chars) == chars:
            continue  # folding maps each character alone: none changes here
        for ch in chars:
            folded = fold(ch)
            if folded != ch:
                out.setdefault(folded, []).append(ch)
    return {k: tuple(v) for k, v in out.items()}

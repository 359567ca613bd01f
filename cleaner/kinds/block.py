"""``block``: remove a run of paragraphs from a start paragraph to a stop.

For furniture that spans several lines under a heading of its own: a ``FAQs``
block bolted on for search engines, a ``Related`` or ``Most Read`` list of
teaser headlines, a comment section. Line rules fail here because the
paragraphs inside the block look like ordinary text (an FAQ answer is a
sentence); only the heading above them gives them away.

The block starts at a paragraph matching ``start`` and runs up to, not
including, the first paragraph that meets one of the ``until`` stops:

``heading``
    an author heading that is not a question: short (at most 12 words), with
    no closing sentence punctuation, not a list item. The FAQ's questions end
    in ``?`` and its answers in ``.``; the article's next section heading does
    neither.
``body``
    a paragraph that reads like body prose: at least ``body_words`` words
    (20 by default) and ends like a sentence (a short tag in brackets after
    its full stop included: ``... the universe. [MP]``, ``... voraus. (bsc)``)
    or a clause (``;``), an embedded post's attribution (``— Name (@handle) date``),
    or one of three words or more that ends with a colon; or prose cut off
    mid-sentence: a paragraph of 20 words or more with two sentences ending inside
    it (``... the interface. Where the use of ...``), or one of 30 words or more
    that runs as text however it ends (most of its words in lower case, no link
    row's separator, four words or more between commas on average: a photo's
    caption, a code line, a quotation cut at a line break). Teaser headlines are
    short and end with none of these, and a tag cloud runs on without a sentence.
``list``
    a list item: a paragraph that opens with ``-``, ``*``, ``•``, ``▪`` or
    ``+``, or with a number (``6.``, ``6)``, ``(6)``) that is not a date's day
    (``1. November``), then a space and a letter or digit; or an interview's
    question or answer (``Q: ``, ``A: ``), or an ingredient (a quantity and a
    unit: ``1 tsp nutmeg``, ``1/2 cup honey``, ``200 g Mehl``). Teaser lists
    come as bare headlines (no such item in over 3,000 teaser lines of the
    bench pages); a list after them is the body going on (``- 2 cups flour``,
    ``6. France``).
``table``
    the first of three paragraphs in a row that are a table's rows (see
    :func:`is_table_row`): two numbers or more, the last one ending the line
    and not a year (``Thomas Arnhold 619 2.8%``, ``37 Drew Herring 8 0 0 0 0``).
    Teasers carry a number now and then, rarely three rows of them
    ending in one; a table after a related box is the body going on.
``data``
    a short line of data (fewer than eight spaces; see :func:`is_data`): a price, a
    phone number (labelled too: ``Telefon: 0421 555-0``), a percentage, a review's
    score (``Rating: 4/5``), an e-mail address, an ingredient, a postal address
    or opening hours (``VIP : 60,000₩``, ``02-751-1500``, ``12 River Street``); not
    a ``label : value`` line without them (a French teaser has a space before its
    colon: ``Mardi 12 novembre : manifestations ...``). Teaser headlines are words; a ticket
    block, a fact sheet or a price list after a related box is the body going on.
``section``
    with ``body``: when the block ends right before body prose, its last line
    stays if it is the article's next section heading rather than the last
    teaser. It must be a heading (see ``heading``) written in the style of at
    least two of the article's own headings that sit between paragraphs of
    prose (Title Case, sentence case or a single word; see
    :func:`heading_style`), and the block must hold a teaser headline of
    another style and none of its own. A related box between two sections
    of an article then ends where the next section begins.
``count``
    a numbered list's end: when the block holds counters alone on their lines
    (``1``, ``2``, ... each above its teaser, as a "Most Read" box numbers them),
    two or more in a row at one spacing, it stops where the next counter would
    stand and does not: the list of that many teasers is over, and what follows
    is not the box's. Teasers of a numbered box never run on unnumbered.
``end``
    nothing stops the block: it runs to the end of the text.

``until_pattern`` adds a stop of its own (included in the block when
``include_stop`` is true). Without a stop the block runs to the end of the
text, or for at most ``max_paragraphs`` paragraphs (the start included).

``requires`` (a pattern, optional) asks for evidence inside the block: it goes only
when a paragraph after its start matches (a comment thread's ``Name says:`` or
``Reply`` under a heading that an essay's section could also have).

``before_prose`` (true by default): with ``false``, a start paragraph right above a
paragraph of 12 words or more that ends like a sentence starts no block, unless that
paragraph speaks of comments (the thread's own invitation) or another rule removed it
(a commenter's ``Name says:`` is a lead-in, no prose). A comment section's heading or
button between two paragraphs of the article, where the article goes on, takes none of
it: comments are prose too, and the walk to the text's end cannot tell them apart.

``max_share`` (0.5 by default) is the safety valve: a block that would take
more than that share of the document's words is left alone, so a "Comments"
button at the top of a page can never take the article with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from ..patterns import compile_pattern
from ..result import Removal
from .base import (
    SENTENCE_STOPS,
    Ending,
    Rule,
    View,
    count_words,
    declare,
    full_or_search,
    is_post_attribution,
    lower_words,
    ornament_free,
)

STOPS = ("heading", "body", "list", "table", "data", "section", "count", "end")
#: Stops whose verdict depends on where the block started (see BlockRule._same_stop).
_WALK_DEPENDENT = frozenset({"section", "data", "count", "list"})
#: A data line that stops a block is short: fewer spaces than this.
DATA_SPACES = 8
HEADING_MAX_WORDS = 12
# What a heading never ends with (read from the last character: see Ending).
_SENTENCE_END = Ending(SENTENCE_STOPS + ":;,：»”\"')]", trailing_space=False)
_LIST_ITEM = compile_pattern(r"^(?:[-*•▪·]\s|\d{1,3}[.)]\s)")
# A sentence's end, perhaps closed by quotes or brackets, or followed by a short
# tag in brackets ("... the universe. [MP]"), or an author's initials after it
# ("... voraus. (bsc)"; a caption's "(FILE)" or "(AP)" is upper case); or
# a clause's end (";"): no teaser ends so. Searched from the end (REVERSE): a
# forward search of a pattern anchored there tries every position of the line.
_BODY_END = compile_pattern(
    rf"(?:[{SENTENCE_STOPS}][\"'”’»)]*(?:\s*(?:\[[^\[\]]{{1,40}}\]|\([\p{{Ll}}/.-]{{2,12}}\)))?|;)$",
    regex.REVERSE,
)
# A list item: a bullet, or a number ("6. France", "(1) Think of a noun"), then a
# word; not a date ("1. November 2023" heads a German teaser).
_LIST_START = compile_pattern(
    r"^(?:[-*•▪+]\s+[\p{L}\p{N}]|(?:\d{1,3}[.)]|\(\d{1,3}\))\s+(?!(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?"
    r"|mar(?:ch)?|märz|apr(?:il)?|ma[iy]|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?"
    r"|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\.?(?:\s|$))[\p{L}\p{N}])",
    regex.I,
)
# An interview's question or answer ("Q: Favorite books?", "A: ..."). No teaser
# headline opens so (none of 3,000 on the bench pages).
_INTERVIEW = compile_pattern(r"^(?:Q|A|F|Frage|Antwort|Question|Answer)\s?:\s", regex.I)
# A recipe's ingredient: a quantity and a unit ("1 tsp nutmeg", "1/2 cup milk",
# "200 g Mehl"). No teaser headline opens so either.
_INGREDIENT = compile_pattern(
    r"^(?:\d{1,4}(?:[.,/]\d{1,3})?(?:\s\d/\d)?|[½¼¾⅓⅔⅛])"
    r"(?:\s|(?=(?:tsp|tbsp|ml|kg|mg|oz|lbs?)\b))"
    r"(?:tsp|tbsp|teaspoons?|tablespoons?|cups?|oz|ounces?|g|kg|mg|ml|l|lbs?|pounds?"
    r"|cloves?|pinch(?:es)?|EL|TL|Prisen?)\.?\s",
    regex.I,
)


# The ``list`` stop: any of the three, in one match.
_LIST_STOP = compile_pattern(
    "|".join(f"(?:{p.pattern})" for p in (_LIST_START, _INTERVIEW, _INGREDIENT)), regex.I
)


def is_ingredient(text: str) -> bool:
    """A recipe's ingredient: a quantity and a unit (``1 tsp nutmeg``, ``200 g Mehl``)."""
    return _INGREDIENT.match(text, None, None, False) is not None


# Data, each alternative behind a cheap test of its own (a digit, an "@", " : ").
_NUMERIC_DATA = compile_pattern(
    r"[$€£¥₩₹]\s?\d|\d\s?(?:[$€£¥₩₹]|(?:eur(?:os?)?|usd|gbp|chf|dollars?)\b)"  # a price
    r"|(?<!\d)\+?\d{2,4}[-. ]\d{3,4}[-. ]\d{3,4}(?!\d)"  # a phone number
    r"|\d\s?%(?![0-9A-Fa-f]{2})|%\s\d|%\d(?![0-9A-Fa-f])"  # a percentage (not "%2F")
    r"|\d\s?°"  # a temperature ("HIGH: 58°", "12 °C")
    r"|\d{4}\s*(?:[|–—-]|to|until|bis|au|al)\s*(?:\d{1,2}\.?\s+)?\p{L}+\.?\s+\d",  # a date range
    regex.I,
)
# A life's dates, as an obituary closes ("born 3 June 1933; died 18 November 2024"):
# asked only of a line that holds the word for died (in _NUMERIC_DATA, tried at every
# position of every line, it made that pattern half as slow again).
_LIFE = compile_pattern(
    r"\b(?:born|geboren|née?)\s[^;]{0,30}\d{4}\s*[;,]\s*(?:died|gestorben|mort|morte)\s"
    r"[^;]{0,30}\d{4}",
    regex.I,
)
# A line that opens with its label, then a number: a phone or fax number ("Telefon:
# 0421 555-0", "Tel. +49 30 1234 567"), or a review's score ("Rating: 4/5", "Score:
# 9/10", "Bewertung: 4 von 5"). Matched at the line's start only (a label opens it).
# A tally: two or more fields whose values are numbers, and nothing else (a vote's
# "Dafür: 11, Dagegen: 1", "For: 12, Against: 0, Abstained: 1", "Wins: 3; Losses: 2").
_TALLY = compile_pattern(
    r"^\p{L}[\p{L} .'’-]{0,24}:\s*\d[\d.,]*(?:\s*[,;]\s*\p{L}[\p{L} .'’-]{0,24}:\s*\d[\d.,]*)+$"
)
_LABELLED_NUMBER = compile_pattern(
    r"(?:tel(?:efon|ephone|éfono|éphone)?|phone|fon|fax|mobil(?:e|telefon)?|handy)\.?\s*:?\s*"
    r"\+?\(?\d[\d ()/.-]{4,}\d"
    r"|(?:rating|score|verdict|bewertung|wertung|note|puntuación|valutazione)\s*:?\s*"
    r"\d{1,3}(?:[.,]\d)?\s?(?:/|out of|von|sur|de|su)\s?(?:5|10|100)\b"
    # a recipe's yield ("Makes one 9-inch pie", "Serves 4", "Für 4 Personen")
    r"|(?:makes|serves|yields?|feeds)\s*:?\s+(?:about\s+|up to\s+)?(?:\d+|one|two|three|four"
    r"|five|six|seven|eight|ten|twelve|a dozen)\b"
    r"|(?:für|ergibt|reicht für)\s+(?:ca\.\s+)?\d+(?:\s?[-–]\s?\d+)?\s+"
    r"(?:personen|portionen|stück)\b"
    # a court case's file number ("Az.: VIII ZR 123/23", "Case No. 1:23-cv-01234")
    r"|(?:az|aktenzeichen|geschäftszeichen|case no|docket no|file no)\.?\s*:?\s*"
    r"[\p{L} .]{0,12}\d[\d/:.-]*\d",
    regex.I,
)
# A ruling or a decision with its date ("Urteil vom 14. Mai 2024", "Judgment of 3
# March 2023"): a reference to a document, data like its file number.
_RULING = compile_pattern(
    r"\b(?:urteils?|beschlusse?s?|entscheidung|bescheid|judge?ment|ruling|decision|arrêt"
    r"|sentencia|sentenza)\s+(?:vom|of|dated|du|del|de)\s+\d{1,2}\b",
    regex.I,
)
# A postal address or opening hours, each with a digit (see _is_address): a house
# number before a street ("12 River Street") or after one ("Hauptstraße 12",
# "Korbacher Str. 93"); a US or UK postcode ending the line ("Springfield, IL 62701",
# "London SW1A 1AA"; not a bare "10115 Berlin", which a count has too: "3737
# Bewertungen"); a span of hours ("10am–6pm", "9:00-17:00 Uhr", "9am to 5pm", "de
# 9 h 30 à 18 h", "de 10 a 20 h"; a bare "13h" opens none: "2 décembre (13h-18h) -
# Assemblée ..." is an agenda's teaser).
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl"
    r"|Square|Sq|Court|Ct|Terrace|Highway|Hwy|Parkway|Pkwy)"
)
_STREET_LINE = compile_pattern(
    # ... after the venue's name, if the line gives it first ("Schlosshof, Schlossstraße 1")
    r"^(?:\p{Lu}[^,]{0,40},\s+)?(?:"
    rf"\d{{1,5}}[A-Za-z]?,?\s+(?:\p{{Lu}}[\p{{L}}'.-]*\s+){{1,3}}{_STREET}\b\.?(?:,|$)"
    r"|\p{Lu}[\p{L}-]*\s?(?i:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|damm|chaussee)"
    r"\s+\d{1,4}\s?[a-z]?(?:,|$))"
)
# ... read from the line's end (it must end there).
_POSTCODE = compile_pattern(
    r"(?:,\s+\p{Lu}{2}\s+\d{5}(?:-\d{4})?|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})$", regex.REVERSE
)
_HOURS = compile_pattern(
    r"\b\d{1,2}(?:[:.]\d\d|\s?h\s?\d\d)?\s?(?i:[ap]\.?m\.?)?\s?"
    r"(?:[–-]|\s(?:to|bis|until|à|a|tot)\s)\s?"
    r"\d{1,2}(?:[:.]\d\d|\s?h\s?\d\d)?\s?(?i:[ap]\.?m\.?|uhr|uur|h)\b"
    # ... without the unit when both ends give their minutes ("de 19.00 a 23.00"), and
    # the Italian span ("dalle 10 alle 24")
    r"|\b\d{1,2}[:.]\d\d\s?(?:[–-]|\s(?:to|bis|until|à|a|al|alle|tot)\s)\s?\d{1,2}[:.]\d\d(?![\d.,])"
    r"|\b(?i:dalle)\s\d{1,2}(?:[:.]\d\d)?\s(?i:alle)\s\d{1,2}(?:[:.]\d\d)?\b"
)
# An event's date and time of day, without a year, as the whole line ("Freitag, 14.
# Juni, 20 Uhr", "Saturday, June 15, 8 p.m.", "Sa., 15.6., 19.30 Uhr"): when it is,
# as an info box gives it. A page's stamp carries its year ("12.03.2024, 09:15 Uhr",
# "June 14, 2024, 9:15 a.m."), and a year ends the match.
_MONTH_START = (
    r"jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|d[eé][cz]|ene|abr|ago|dic"
    r"|f[eé]v|avr|juil|ao[uû]|gen|mag|giu|lug|ott|set|mei|maa"
)
_EVENT_TIME_SOURCE = (
    r"(?:\p{L}+\.?,?\s+)?"  # the day of the week
    rf"(?:\d{{1,2}}\.\s?(?:{_MONTH_START})\p{{L}}*\.?|\d{{1,2}}\.\d{{1,2}}\."
    rf"|(?:{_MONTH_START})\p{{L}}*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{_MONTH_START})\p{{L}}*\.?)"
    r",?\s+(?:(?:um|at|ab|from|à|a las|alle|om|vanaf)\s+)?"
    r"(?:\d{1,2}[.:]\d\d(?:\s?(?:uhr|h|[ap]\.?m\.?))?|\d{1,2}\s?(?:uhr|h|[ap]\.?m\.?))"
    r"(?:\s*(?:[-–]|bis|to|until)\s*\d{1,2}(?:[.:]\d\d)?\s?(?:uhr|h|[ap]\.?m\.?)?)?"
    r"(?![\p{L}\p{N}])\W*$"
)
_EVENT_TIME = compile_pattern("^" + _EVENT_TIME_SOURCE, regex.I)
# ... after its label, perhaps with the place ("Funeral: St Mary's Church, Friday 6
# December, 11am"): asked only of a line with a colon (the label's part, tried at
# every line, made the pattern a quarter slower).
_LABELLED_EVENT_TIME = compile_pattern(
    r"^[^:]{1,30}:\s+(?:[^,:]{2,40},\s+)?" + _EVENT_TIME_SOURCE, regex.I
)


def _is_address(text: str) -> bool:
    """A postal address, a span of opening hours or an event's date and time (a line
    with a digit)."""
    last = text[-1:]
    return bool(
        _STREET_LINE.match(text, None, None, False)
        or ((last.isdigit() or last.isupper()) and _POSTCODE.search(text, None, None, False))
        or (
            (
                "-" in text
                or "–" in text
                or " to " in text
                or " bis " in text
                or " until " in text
                or " à " in text
                or " a " in text
                or " alle " in text
                or " tot " in text
            )
            and _HOURS.search(text, None, None, False)
        )
        or _EVENT_TIME.match(text, None, None, False)
        or (":" in text and _LABELLED_EVENT_TIME.match(text, None, None, False))
    )


_EMAIL = compile_pattern(r"\b[\w.+-]+@[\w-]+\.\w")
_LABEL_VALUE = compile_pattern(r"^[^:]{1,30}\s:\s\S")
_HAS_DIGIT = compile_pattern(r"\d")


def is_data(text: str, labelled: bool = True) -> bool:
    """A price, phone number (or one after its label: ``Telefon: 0421 555-0``), a
    review's score (``Rating: 4/5``), a tally (``Dafür: 11, Dagegen: 1``), percentage,
    e-mail address, ``label : value`` line (not
    with ``labelled=False``: French sets a space before every colon, teasers' too), an
    ingredient (a quantity and a unit: ``1 tsp ground ginger``), a postal address or
    a span of opening hours."""
    return bool(
        (
            _HAS_DIGIT.search(text, None, None, False)
            and (
                _NUMERIC_DATA.search(text, None, None, False)
                or is_ingredient(text)
                or _is_address(text)
                or (text[:1].isalpha() and _LABELLED_NUMBER.match(text, None, None, False))
                or _RULING.search(text, None, None, False)
                or (":" in text and _TALLY.match(text, None, None, False))
                or (
                    ("died" in text or "gestorben" in text or "mort" in text)
                    and _LIFE.search(text, None, None, False) is not None
                )
            )
        )
        or ("@" in text and _EMAIL.search(text, None, None, False))
        or (labelled and " : " in text and _LABEL_VALUE.match(text, None, None, False))
    )


# A number: digits with their separators, a sign, a currency or a percent.
_NUMBER = compile_pattern(r"(?<![\p{L}\p{N}])[-+−]?[$€£¥₩]?\d[\d.,:/]*%?(?![\p{L}\p{N}])")
_YEAR_END = compile_pattern(r"\b(?:1[89]|20)\d\d\W*$")


def _row_numbers(text: str) -> list[str]:
    """The numbers of a line whose last number ends it and is not a year (a table's
    row set as text), or none."""
    if not (text[-1:].isdigit() or text.endswith("%")):
        return []  # the quick answer for nearly every line
    numbers = _NUMBER.findall(text)
    if not numbers or not text.endswith(numbers[-1]) or _YEAR_END.search(text, None, None, False):
        return []
    return numbers


def is_table_row(text: str) -> bool:
    """A table's row as text: two numbers or more, the last one ending the line and
    not a year ("Thomas Arnhold 619 2.8%", "37 Drew Herring 8 0 0 0 0")."""
    return len(_row_numbers(text)) >= 2


def ends_with_a_number(text: str) -> bool:
    """A line that ends with a number that is not a year, after something else: a
    table's row set as text, its figure last ("Jane Roe (Labour) 18,204", "Mary Major
    2:31:40", "Turnout 64.2%")."""
    numbers = _row_numbers(text)
    return bool(numbers) and len(numbers[-1]) < len(text)


def is_heading(text: str, words=count_words) -> bool:
    """An author heading: short, not a sentence, not a question, not a list item."""
    return (
        words(text) <= HEADING_MAX_WORDS
        and not _SENTENCE_END.of(text)
        and not _LIST_ITEM.match(text, None, None, False)
    )


#: Body prose: a paragraph of at least this many words (around a section heading, one
#: that ends like a sentence; cut off mid-sentence, one with sentences inside it).
PROSE_WORDS = 20


def is_body(text: str, min_words: int, words=count_words) -> bool:
    """Body prose: long enough and ends like a sentence, or introduces what follows.

    ``Here are some of the highlights:`` is short but no teaser ends with a colon.
    """
    if text.endswith((":", "：")) and words(text) >= 3:
        return True
    if is_post_attribution(text):
        return True  # the post above it is quoted
    # The word count first: it is kept for the whole clean, and most lines a
    # block walks are short.
    n = words(text)
    if n >= min_words and _BODY_END.search(text, None, None, False) is not None:
        return True
    # Prose cut off mid-sentence: sentences run inside it ("... the interface. Where
    # the use of ..."); a tag cloud or a teaser has none.
    if n < PROSE_WORDS:
        return False
    return len(INNER_END.findall(text)) >= 2 or (n >= RUNNING_WORDS and is_running_text(text))


#: ``before_prose: false``: a paragraph of this many words or more that ends like a
#: sentence, right after the start, is the article going on.
BEFORE_PROSE_WORDS = 12
# A paragraph about the comments themselves: the thread's own invitation or rules.
_ABOUT_COMMENTS = compile_pattern(
    r"\b(?:comments?|commenting|commenters?|kommentar\w*|commentaires?|comentarios?"
    r"|comentários?|commenti|reacties|komentar\w*)\b",
    regex.I,
)

#: A paragraph of this many words that reads as running text is prose, whatever it ends
#: with: teaser headlines are shorter (Spanish and Portuguese ones run to 20 and more).
RUNNING_WORDS = 30
# What separates a link row's items: a row of teasers set on one line is no prose.
# (Not edges' _LINK_ROW_CHARS, which holds "/" and ">" too: running text has those,
# "and/or", an address.)
_ROW_CHARS = frozenset("|·•»›")
_GUILLEMETS = str.maketrans("«»‹›", "\"\"''")


def unquoted(text: str) -> str:
    """``text`` with its guillemets as plain quotes when it holds both of a pair: then
    ``»`` and ``›`` close a quotation (``«El último verano», la película``, ``»Wir
    schaffen das«``), not separate a link row's items."""
    if ("«" in text and "»" in text) or ("‹" in text and "›" in text):
        return text.translate(_GUILLEMETS)
    return text


def is_running_text(text: str) -> bool:
    """Running text, not a title or a list set on one line: at least half of the words
    open in lower case (a Title Case teaser does not), the parts between commas run
    four words or more on average (a tag line, ``fifa 21, fifa 21 guide, ...``, does
    not), and no link row's separator (``|``, ``·``, ``•``, ``»``, ``›``) is in it. A
    photo's caption, a code line, a quotation cut at a line break."""
    words = text.split()
    lower = 0
    for w in words:
        if w[:1].islower():
            lower += 1
    return (
        2 * lower >= len(words)
        and len(words) >= 4 * (text.count(",") + 1)
        and _ROW_CHARS.isdisjoint(unquoted(text))
    )


#: A sentence's end inside a paragraph: a lower-case letter, its stop, a space, a capital.
INNER_END = compile_pattern(r"\p{Ll}[.!?] \p{Lu}")


@dataclass(frozen=True)
class BlockRule(Rule):
    start: regex.Pattern = None  # type: ignore[assignment]
    standalone: bool = False
    until: tuple[str, ...] = ("heading",)
    until_pattern: regex.Pattern | None = None
    include_stop: bool = False
    max_paragraphs: int | None = None
    body_words: int = 20
    max_share: float = 0.5
    requires: regex.Pattern | None = None
    before_prose: bool = True

    def find(self, view: View) -> Iterator[Removal]:
        # The live document's words, for max_share: counted only as far as a
        # block's test needs (a long document outweighs a short block after a
        # few paragraphs), from the texts live at the first test. ``taken``: the
        # words of the blocks removed since.
        document: list[str] | None = None
        counted = seen = taken = 0
        # The last block refused by max_share, with running word sums. A start
        # inside it walks to the same stop, so its block is the rest of that
        # one: reusing it keeps a flood of start lines ("Comments" x 10,000)
        # linear instead of quadratic.
        refused: tuple[int, ...] = ()
        position: dict[int, int] = {}
        sums: list[int] = [0]
        # The styles of the article's own section headings, counted on first need.
        styles: list[dict[str, int]] = []
        rests = view.counts.rests  # empty for nearly every document
        for i in view.candidates():
            text = view.texts[i]
            assert text is not None  # candidates() yields live paragraphs only
            if not full_or_search(self.start, text, self.standalone):
                # ... or read without the ornament it opens with ("## Related").
                if not rests:
                    continue
                rest = ornament_free(view, i, text)
                if rest is None or not full_or_search(self.start, rest, self.standalone):
                    continue
                if self.when.unless_matches(rest):
                    continue
            if not self.allows(view, i, text):
                continue
            if not self.before_prose and self._prose_follows(view, i):
                continue  # a heading or a button inside the article: it goes on
            k = position.get(i)
            reuse = k is not None and self._same_stop(k, len(refused))
            block = refused[k:] if reuse and k is not None else self._extent(view, i, styles)
            requires = self.requires
            if requires is not None and not any(
                requires.search(view.texts[j] or "", None, None, False) for j in block[1:]
            ):
                continue  # no evidence inside: words left uncounted
            if reuse and k is not None:
                inside = sums[-1] - sums[k]
            else:
                block_sums = [0]
                for j in block:
                    block_sums.append(block_sums[-1] + view.words(view.texts[j] or ""))
                inside = block_sums[-1]
            if self.max_share < 1.0:
                if document is None:
                    document = [view.texts[j] or "" for j in view.live()]
                # Exact: words not yet counted only add to the document's.
                while inside > self.max_share * (counted - taken) and seen < len(document):
                    counted += view.words(document[seen])
                    seen += 1
                if inside > self.max_share * (counted - taken):
                    if not reuse:
                        refused, sums = block, block_sums
                        position = {j: n for n, j in enumerate(block)}
                    continue
                taken += inside
            refused, position, sums = (), {}, [0]
            yield self.removal_of(view, block)

    @staticmethod
    def _prose_follows(view: View, i: int) -> bool:
        """Whether the paragraph right after ``i`` in the input is still there and is
        body prose (:data:`BEFORE_PROSE_WORDS` words or more that end like a sentence;
        not a lead-in: a commenter's "Name says:") that does not speak of comments (a thread's own
        invitation: "Join the conversation in our comments section below. ...")."""
        if i + 1 >= len(view.texts):
            return False
        text = view.texts[i + 1]
        if text is None:
            return False  # another rule took it: the thread's furniture
        return (
            view.words(text) >= BEFORE_PROSE_WORDS
            and _BODY_END.search(text, None, None, False) is not None
            and _ABOUT_COMMENTS.search(text, None, None, False) is None
        )

    def _same_stop(self, k: int, length: int) -> bool:
        """Whether the block from position ``k`` of a refused block ends where it did.

        Not with ``max_paragraphs`` (it counts from the start), nor with the
        ``section`` stop (whether the last line is a teaser depends on the teasers
        before it) or the ``data`` stop (whether the label above the data is the
        block's depends on the block's length) or the ``count`` stop (the numbered run
        is counted from the block's start), nor from the last paragraph when the
        stop itself was included (the walk goes past it).
        """
        if self.max_paragraphs is not None or not _WALK_DEPENDENT.isdisjoint(self.until):
            return False
        return not (self.include_stop and k == length - 1)

    @property
    def local(self) -> bool:
        return False  # a block's extent and share depend on its neighbours

    @property
    def triggers(self) -> tuple[tuple[regex.Pattern, bool], ...]:
        return ((self.start, self.standalone),)

    def _extent(
        self, view: View, first: int, styles: list[dict[str, int]] | None = None
    ) -> tuple[int, ...]:
        """The block from ``first`` to its stop. ``styles`` caches the article's
        section heading styles for the ``section`` stop (filled on first need)."""
        if styles is None:
            styles = []
        block = [first]
        stopped = ""
        # A list that opens right under the start with a headline in Title Case is
        # the box's own list of teasers ("More Must-Reads From TIME" / "- The Best
        # Inventions of 2023" / ...): it runs with the block while its items do.
        headlines = "list" in self.until
        fenced = view.counts.fenced
        for j in view.after(first):
            if self.max_paragraphs is not None and len(block) >= self.max_paragraphs:
                break
            if j in fenced:
                stopped = "exclude"
                break  # code in a fenced block ends any block: none of it goes
            text = view.texts[j] or ""
            if headlines:
                if _LIST_START.match(text, None, None, False) and _titled_item(text):
                    block.append(j)
                    continue
                headlines = False
            stop = self._stops_at(text, view.words)
            if not stop and "table" in self.until and self._table_starts(view, j):
                stop = "exclude"
            if stop:
                if stop == "include":
                    block.append(j)
                elif stop == "data" and len(block) >= 3 and _is_label(view.texts[block[-1]] or ""):
                    # The short label that introduces the data ("Ticketing" above
                    # "VIP : 60,000₩") is the body's too, not the box's last teaser.
                    block.pop()
                stopped = stop
                break
            block.append(j)
        if stopped == "body" and "section" in self.until and _heads_a_section(view, block, styles):
            block.pop()
        if stopped == "body" and len(block) >= 2 and _over_the_headline(view, block):
            del block[1:]
        if "count" in self.until and len(block) >= 5:
            end = numbered_end([view.texts[j] or "" for j in block])
            if end < len(block):
                del block[end:]
        return tuple(block)

    def _table_starts(self, view: View, index: int) -> bool:
        """Whether ``index`` and the two paragraphs after it are table rows."""
        if not is_table_row(view.texts[index] or ""):
            return False
        rows = 1
        for j in view.after(index):
            if not is_table_row(view.texts[j] or ""):
                return False
            rows += 1
            if rows == 3:
                return True
        return False

    def _stops_at(self, text: str, words=count_words) -> str | None:
        if self.until_pattern is not None and self.until_pattern.search(text, None, None, False):
            return "include" if self.include_stop else "exclude"
        if "heading" in self.until and is_heading(text, words):
            return "exclude"
        if "body" in self.until and is_body(text, self.body_words, words):
            return "body"
        if "list" in self.until and _LIST_STOP.match(text, None, None, False):
            return "exclude"
        if "data" in self.until and text.count(" ") < DATA_SPACES and is_data(text, False):
            return "data"
        return None


def numbered_end(texts: list[str]) -> int:
    """Where a block's numbered list ends (the ``count`` stop): the position in
    ``texts`` (the block's paragraphs, its start first) where the counter after the
    last of a run would stand, or ``len(texts)`` when there is no such run or the
    block ends before that position.

    A run is two or more counters (``1`` to ``99`` alone on their lines) that go up
    by one at one spacing; a ``1`` starts a new run (a second numbered box), any other
    break ends the search. The last run of two or more counts: a lone ``1`` after it
    is no box.
    """
    run: list[tuple[int, int]] = []
    end = len(texts)
    for k in range(1, len(texts)):
        text = texts[k]
        if not (0 < len(text) <= 2 and text.isdigit() and text.isascii()):
            continue
        value = int(text)
        steady = len(run) < 2 or k - run[-1][0] == run[1][0] - run[0][0]
        if run and value == run[-1][1] + 1 and steady:
            run.append((k, value))
            end = k + run[1][0] - run[0][0]  # where the next counter would stand
        elif not run or value == 1:
            run = [(k, value)]
        else:
            break
    return min(end, len(texts))


def _titled_item(text: str) -> bool:
    """A list item that reads as a headline in Title Case: three words or more after
    its bullet, each of four letters or more capitalized, and no full stop at its end
    (``- The Best Inventions of 2023``; not ``- 4 ripe pears``, ``- Warum die Fähre
    teurer wird``, ``- Pay the fee by May 1.``)."""
    words = text.split()[1:]
    if len(words) < 3 or text.endswith("."):
        return False
    return lower_words(words, 4, alpha=False) == 0


def _is_label(text: str) -> bool:
    """One or two words of letters alone (``Ticketing``, ``Box office``)."""
    return text.count(" ") < 2 and text.replace(" ", "").isalpha()


_CASED_WORD = compile_pattern(r"\b\p{L}[\p{L}'’]{3,}")


def heading_style(text: str) -> str:
    """``title`` (Most Words Capitalized), ``sentence`` (most not), ``mixed``
    (between the two) or ``plain`` (fewer than two words to tell: ``Conclusion``).

    Only words of four letters or more after the first count: short function
    words stay lower case in both styles, and the first word is upper in both.
    """
    words = _CASED_WORD.findall(text)[1:]
    if len(words) < 2:
        return "plain"
    upper = sum(1 for w in words if w[0].isupper())
    if upper * 4 >= len(words) * 3:
        return "title"
    if upper * 2 <= len(words):
        return "sentence"
    return "mixed"


def section_styles(view: View) -> dict[str, int]:
    """How many of the article's section headings have each style (see
    :func:`heading_style`): headings that sit between two paragraphs of body prose
    (see :func:`is_body`, with :data:`PROSE_WORDS`)."""
    styles: dict[str, int] = {}
    texts = view.texts
    words = view.words
    live = list(view.live())
    for n in range(1, len(live) - 1):
        text = texts[live[n]] or ""
        if (
            is_heading(text, words)
            and is_body(texts[live[n - 1]] or "", PROSE_WORDS, words)
            and is_body(texts[live[n + 1]] or "", PROSE_WORDS, words)
        ):
            style = heading_style(text)
            styles[style] = styles.get(style, 0) + 1
    return styles


#: A title's words, at least: a byline, a date and a line of counts are shorter
#: ("By MARY COLLINS", "reineckefuchs — 2. Februar 2022", "168 0 0").
BOX_TITLE_WORDS = 6


def _over_the_headline(view: View, block: list[int]) -> bool:
    """Whether the block, ending right above body prose, opens the text (a short line
    at most before it: the site's name) and holds one title (BOX_TITLE_WORDS words or
    more; the other lines shorter): a section's label over the article's own headline
    and its byline, date or counts ("Top Stories" / the headline / "By MARY COLLINS" /
    "December 3, 2018" / the body). The label alone is the block's. (A box of other
    stories holds two titles or more; one under the headline is not at the text's
    top.)"""
    texts = view.texts
    order = view.order
    before = 0
    for r in range(view.rank[block[0]] - 1, -1, -1):
        text = texts[order[r]]
        if text is not None:
            before += 1
            if before > 1 or view.words(text) >= BOX_TITLE_WORDS:
                return False
    titles = 0
    for j in block[1:]:
        if view.words(texts[j] or "") >= BOX_TITLE_WORDS:
            titles += 1
            if titles > 1:
                return False
    return titles == 1


def _heads_a_section(view: View, block: list[int], styles: list[dict[str, int]]) -> bool:
    """Whether the block's last line (right before body prose) is the article's next
    section heading: it breaks the teasers' style (:func:`breaks_teasers`) and the
    article has at least two headings of its style of its own (:func:`section_styles`,
    counted once into ``styles`` on first need)."""
    if len(block) < 2:
        return False
    texts = view.texts
    # From the last teaser up: the one right above is the likeliest to share its style.
    teasers = (texts[j] or "" for j in reversed(block[1:-1]))
    style = breaks_teasers(texts[block[-1]] or "", teasers, view.words)
    if not style:
        return False
    if not styles:
        styles.append(section_styles(view))
    return styles[0].get(style, 0) >= 2


def breaks_teasers(text: str, teasers: Iterable[str], words=count_words) -> str:
    """The style of ``text``, the last line of a block before body prose, when it
    breaks the teasers' shape: a heading (see :func:`is_heading`) of one style
    (see :func:`heading_style`) in a block whose teaser headlines include one in
    Title Case or sentence case of another style and none in its own; else ``""``.
    ``teasers`` are read in the order given and only as far as needed.
    """
    if not is_heading(text, words):
        return ""
    style = heading_style(text)
    if style == "mixed":
        return ""
    other = False
    for teaser in teasers:
        if not is_heading(teaser, words):
            continue
        found = heading_style(teaser)
        if found == "title" or found == "sentence":
            if found == style:
                return ""
            other = True
    return style if other else ""


declare(
    BlockRule,
    kind="block",
    stage=1,
    fields={
        "start": ("patterns", True),
        "standalone": ("bool", False),
        "until": ("stops", False),
        "until_pattern": ("patterns", False),
        "include_stop": ("bool", False),
        "max_paragraphs": ("int", False),
        "body_words": ("int", False),
        "max_share": ("share", False),
        "requires": ("patterns", False),
        "before_prose": ("bool", False),
    },
)

"""``edges``: furniture before the body's first paragraph and after its last.

Line rules fail both ways on what surrounds an article: a teaser headline
after the body reads like a heading inside it. This kind judges the page
instead. The body runs from the first to the last *body paragraph* (a
sentence of at least ``body_words`` words, or any paragraph of at least
``long_words``), stretched over list items (and bare links between them)
that hang off either end, and back to a lead-in of ``body_words`` words or
more that ends with a colon one or two lines before the first, or up to 12 lines
before it over the fields it announces (``Location: Main Street``). Inside it
nothing is touched: lists, tables, short sentences and headings stay. A text
whose one long line reads as no prose (no sentence ends in it, nor does it lead
in with a colon: a long title over a song's lines, an item of an agenda or a
timeline on a page of data) has no body to find the edges of, and nothing goes.
A body whose last paragraph ends with a colon, or that a line ending with one
follows, announces what comes after it: that is content, and stays.

Outside it a paragraph goes only with **positive evidence** that it is
furniture, never merely because it is not a sentence (a tour's date list, a
product's features or a ticket block are not sentences either). Evidence is
a shape that page furniture has and content does not:

- a *label*: a section name or navigation item of at most ``label_words``
  words, without digits (``World``, ``Latin America``, ``Home``);
- a *teaser headline*: a line that opens with a capital letter, digit or quote
  and ends without sentence punctuation (``Why ferry fares rise this year``);
- a *link row* or crumb: short items between ``|``, ``·``, ``»``, ``›``, ``/``
  or ``>``; a bare address, handle or hashtag;
- a *counter* or *stamp*: only digits and signs (``0``, ``4 55 3``), or a date
  or time alone (``November 20``, ``Monday 3:00PM``).

Short as they are, these are no evidence: a review's stars (``★★★★☆``, its
verdict), a section's number in Roman numerals (``IV.``), a book's division
(``Chapter 3``, ``Part One``) and the title on the line under it.

And it stays, evidence or not, when it is part of something structured:

- a *list or table*: two or more lines in a row that open with the same marker
  (``+``, ``%``, ``-``, ``•``, ``1.``, a clock time: ``18:00 Opening concert``), a
  line between two entries that open with a clock time (a schedule's day: ``Friday,
  July 10``), numbered items (``17)``, ``18.``) each
  followed by its link, three or more lines with numbers that
  open in one shape (``Nov 12 – Paris`` / ``Nov 14 – Lyon``, ``1½ cups water`` /
  ``3 cups flour``) or at least with a number (``1 Ei`` / ``1 TL Zimt`` /
  ``8-9 ripe pears``) or that end with a number that is not a year (an election's
  or a race's results: ``Jane Roe (Labour) 18,204``), a fact box (two or more
  ``Key: value`` lines with short values; under its heading, such lines with
  longer ones that hold a number and read as no sentence: ``Service changes`` /
  ``Section: Seomyeon to Jeonpo`` / ``Period: March 16 (Sat) first train to March 17
  (Sun) last train``; or one line with two ``Key: value``
  fields and a price, phone number or percentage: ``Tested by: Jane Roe RRP:
  £23.99``), or a list of bare links
  (sources); the body's own first and last lines count as rows, so a list that
  begins inside the body and runs on past its edge stays whole;
- *data*: a price, phone number (``Telefon: 0421 555-0``), percentage, a review's
  score (``Rating: 4/5``), a vote's tally (``Dafür: 11, Dagegen: 1``), date range,
  e-mail address, ``label : value`` line, ingredient (a quantity and a unit: ``1 tsp
  ground ginger``), postal address (``12 River Street``, ``Hohenzollernstraße 45``,
  ``Springfield, IL 62701``, ``London SW1A 1AA``) or span of opening hours (``Open
  daily 10am–6pm``), with
  the short label that introduces it (``Ticketing`` then ``VIP : 60,000₩``) and
  whatever lies between two data lines; longer lines of data (up to ``3 *
  label_words`` words: ``Tuesday to Sunday, 10am to 6pm; late opening on Thursdays
  until 9pm``) two or more at most a line apart, with what lies between and the
  line that introduces them;
- a *fragment* of running text: it opens in lower case (with three words or
  more), or ends with a comma or semicolon, or holds code; and a sentence broken
  over lines (a long line that runs on into lines opening in lower case, the
  last of which ends like a sentence) stays whole;
- a dateline right before the body (``BAAR, SWITZERLAND``);
- a table of contents under the headline: three or more lines that name headings of
  the body in its order, half the lines of their run or more, with its own heading
  (``Contents`` / ``Sharing with a single developer`` / ``Setting up`` / ... over the
  body's ``Sharing with a single developer ¶`` / ...: see
  :func:`_contents_above_the_body`);
- right under the headline, a fact box's heading over its fields down to the body
  (``Mill Road Drainage Works`` / ``Closure Dates: July to mid-October`` / ``Closure
  Hours: 7:00 AM to 5:00 PM``);
- numbered sections that open above the body and go on counting below its first
  paragraph, with what they hold (``TOP 1 Eröffnung der Sitzung`` / ``Protokoll:`` /
  its sentence / ... / ``TOP 5 ...``; ``1. Genehmigung der Tagesordnung`` / its fields
  / the first paragraph / ... / ``2. Neubau des Feuerwehrhauses``: see
  :func:`_numbered_run_above_the_body`);
- under the headline, a list's heading of a few words right above its first item,
  which the body opens with (``Class 5A`` / ``1. (1) Riverside (4-0)`` / ... / ``2.
  ...``; ``Key decisions`` / ``- ...`` / ``- ...``), when it names no navigation;
- a short row with a number between two such rows that stay (``Saturday 6pm
  (Vigil)`` / ``Sunday 9am and 11am`` / ``Monday to Friday 10am``), not a link row;
- after the body, three or more pairs of a category in sentence case and a name
  (``Best in show`` / ``Peter Lund`` / ...) over a line kept under them;
- after the body, or between the headline and the body, a list under a heading
  that announces content (``Sources``, ``Ingredients``, ``Key features``,
  ``Results``, ``Qualified teams``: see ``_CONTENT_HEADING``; the pack's
  ``content_headings`` adds more, each matched against a whole line of at most five
  words that opens with a capital, a colon or a question mark after it allowed; a
  heading that stays as a sentence, ``What changes?``, heads the run under it), up to
  the next line
  that stays or one another rule removed (headings next to each other, or three or
  more at most one line apart, are a menu: ``Fixtures`` / ``Results``; above the
  headline such a heading is a menu's item, ``Features`` / ``Blog``);
- after the body, with ``navigation`` set (the bundled pack sets it), a run of
  labels alone that nothing marks as navigation: none of them matches
  ``navigation`` (a site's sections and actions: ``Contact``, ``Drucken``), fewer
  than half repeat words of the text above them (tags do), none is next to a line
  another rule removed (a run of three or more that reads as a list may stand right
  above two or more removed paragraphs: a related box), and no two content
  headings stand next to each other. Such a run is a list the article ends with
  (``Group B`` / ``Brazil`` / ``Serbia``), not a menu or a tag cloud. A run of
  three or more may hold short teaser-shaped lines too, of at most
  ``body_words // 2`` words (a product's features, a cast):
  other stories' headlines are longer. A line that can be no list's item (a longer
  teaser, the page's footer line) splits a run: three or more labels alone on one
  side of it are judged on their own (``First published February 1, 2016`` /
  ``Group B`` / ``Brazil`` / ...), and what else it splits off goes with it. Without
  ``navigation``, labels alone are evidence enough, as before the key existed;
- after the body, a list's own heading: a line that ends with a colon right above a
  list item that stays (``ALLGEMEIN:`` / ``• Eingang für Tarifwahl``), or above
  another such heading;
- the headline: the first paragraph of 3+ words that is not a list item (nor, with
  ``navigation``, a crumb of at most ``label_words`` of its words: ``Home World
  News``; nor a link row of items of a word or two over a line of 3+ words that is no
  navigation: ``What's On | Festivals``; nor a line under a heading that announces
  content, below a line of 3+ words: ``At a glance`` / ``Best time to go: April to
  June``), or the
  first line of 3+ words before the body that has nothing but navigation above it
  (labels, link rows, counters, dates, bare links, a menu's item of a word or two
  shaped as a teaser, ``COVID-19``; a menu above the headline), or
  else the first label of 3+ words under nothing but navigation written as a title
  in sentence case that shares a word with the first paragraph (``Configuring the
  cache`` under ``Docs`` / ``Guides``; in a script without case, any such label of 3+
  words that shares one, a Korean word by its first two syllables), or such a title
  right above the body
  (``World`` / ``How the crisis unfolded`` / the body), or a line of a word or two
  right above the body whose words the first sentence
  opens with (``Lake Vennholm`` / ``Lake Vennholm is a freshwater lake ...``: an
  encyclopedia's or a glossary's title; ``Key Points`` above it is a label), and
  is not cut short with ``..`` or ``…`` next to another such line or above
  navigation (other stories' titles cut to fit a box, teaser headlines, when a later
  line can be the headline), and
  a title of 3+ words in any case under a menu, over a text that opens with short
  sentences, the first taken for the headline, when it shares a word of four letters
  with that sentence or the body (``How Tips Reach Reporters`` / ``Some tips now go
  to paying channels.`` / ...), and
  a headline-shaped line or a sentence-case title of 3+ words right above the body
  that shares a word of five letters with the first paragraph, when the line taken
  for the headline shares none (``Planting the first potatoes`` under a blog's
  tagline), and
  the line after it, of two words or more, when a headline of at most
  ``2 * label_words`` words ends with a colon (``Ferry strike over:`` / ``What the
  deal means``); a line that reads as text (a
  sentence of ``keep_words``+ words ending in ``. ! ? … :``, a closing quote,
  or CJK ``。！？``), an embedded post's attribution, and everything after a
  first line that ends with a colon (a lead-in: ``This is how it begins:``) or,
  right after the body, a short sentence that says what follows (``These are the
  ones that stuck.``, ``The full squad is below.``), or after a last body paragraph
  whose last sentence points below (``See the day-by-day line-ups below.``); and
  after a last body paragraph that opens saying what follows (``Here are the books
  that arrived this month. Reserve any ...``), everything down to a line another rule
  removed;
- the body's own structure going on after its last body paragraph: everything
  up to a line that opens with a key three or more body lines open with
  (``Portion Fix Containers: 1 tsp.`` after a meal plan's meals, ``Q: ...``).
- the first run after the body, between it and a line that stays (structure, a
  body paragraph, a sentence, or two lines in a row), when it is a list the article
  goes on with; and where the run ends the text, or lies above a line another rule
  removed, or holds a line of navigation, its lines down to there when they are a
  heading of two words or more alone in sentence case over three or more items of 3+
  words (2+ under a heading of 4+: ``What you can do`` / ``Keep dogs on leads near the
  river`` / ...): see :func:`_between_kept` and :func:`_headed_list`.

Text whose lines are not paragraphs (hard-wrapped at a fixed width, as plain
text mail and RFCs are: at least ``wrapped_share`` of the lines run on into a
next line that opens in lower case) is left alone: its "lines" are pieces of
sentences, and judging them one by one would drop the body.

With ``tail_runs`` (default), after the body only runs of two or more go
(teaser lists, link rows); a single stray line there is left alone, unless it
is a label of words alone next to a line another rule removed (the author's
name left of a byline block whose desk and date the line rules took).
Conditions apply to each paragraph it would remove (default ``max_words:
15``: longer ones stay), once the runs are found: a line they keep still
makes a run of the furniture around it. Each removal carries its evidence as its ``reason``
(``cleaner explain`` and the reports show it). A line is judged once per
clean, from its text alone (:attr:`View.verdicts`), however many passes run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex

from ..patterns import compile_pattern, factor_words, factored
from ..result import Removal
from .base import (
    CLOSERS,
    SENTENCE_STOPS,
    WRAP_WORDS,
    WRAPPED_SHARE,
    Ending,
    Rule,
    View,
    declare,
    hard_wrapped,
    is_post_attribution,
    lower_words,
)
from .block import INNER_END, ends_with_a_number, is_data, unquoted

# A paragraph that ends like text: sentence punctuation or a closing quote or bracket.
_BODY_END = Ending(SENTENCE_STOPS + CLOSERS)
# ... and for keeping a line outside the body, a colon too (a lead-in to a list or post).
_SENTENCE_END = Ending(_BODY_END.chars + ":：")
# A quotation alone on its line, however short: a quote mark, the words, sentence
# punctuation and the closing mark ("“It's over.”", "„Warum?“").
# (With whom it is by after a dash: a vox pop's line, '"He seemed so honest." - David,
# 72'.)
_QUOTES = "\"“„«‘'"
_QUOTED_SENTENCE = compile_pattern(
    rf"^[{_QUOTES}][^\"“”]{{1,60}}[.!?…][\"”“»’']"
    r"(?:\s[-–—]\s\p{Lu}[\p{L}.'’ -]{0,40}(?:,\s\d{1,3})?)?$"
)
# List items, and bare links between them (a product list with a link per item).
_LIST_ITEM = compile_pattern(r"^(?:\d{1,3}[.)]|[-•*–])\s|^https?://\S+$")
#: A first paragraph of at least this many words before the body is the headline.
HEADLINE_WORDS = 3
#: A sentence of the body too short to be one of its paragraphs (see EdgesRule.find).
SHORT_SENTENCE = 6
# How a teaser's title cut to fit its box ends ("…", "...", ".."); a headline does not.
_CUT_SHORT = ("..", "…")
#: How many lines above the body's first paragraph its lead-in may stand (over the
#: fields it announces, each too short for a body paragraph).
_LEAD_IN_REACH = 12
# A field of a list a lead-in announces ("Location: Main Street", "- Closure start:
# ...") or a bullet alone on its line, its item on the next ("-" / "Location: ...").
_FIELD_OR_MARK = compile_pattern(r"^(?:[-•*–]|(?:[-•*–]\s)?[^:]{1,40}:\s\S.*)$")


def _a_field_or_mark(text: str) -> bool:
    """Whether ``text`` is a field or a bullet alone (see _FIELD_OR_MARK)."""
    return _FIELD_OR_MARK.match(text, None, None, False) is not None


# A lead-in: a line that ends with a colon (perhaps before spaces). Read from the
# last character (see Ending): a search for ":\s*$" tries every colon of a long
# paragraph, and the body's last one is asked too.
_LEAD_IN = Ending(":：")  # the CJK full-width colon too
# The words a sentence that says what follows opens with, and that sentence.
_ANNOUNCING_WORDS = (
    *("here are", "here is", "here's", "these are", "hier sind", "hier ist", "das sind"),
    *("dies sind", "voici", "estos son", "estas son", "ecco"),
)
_ANNOUNCING = rf"^(?:{'|'.join(_ANNOUNCING_WORDS)})\b[^.!?:]{{0,80}}\."
# (The letters those words open with, asked first.)
_ANNOUNCING_INITIALS = frozenset(c for w in _ANNOUNCING_WORDS for c in (w[0], w[0].upper()))
# ... or a short sentence that says what follows ("These are the ones that stuck.",
# "The full squad is below.", "Das sind die nominierten Bücher.").
_ANNOUNCES = compile_pattern(
    _ANNOUNCING + r"$|^[^.!?:]{0,80}\b(?:is|are) (?:listed )?below\.$", regex.I
)
# ... or a body's last paragraph that opens so, in a sentence of its own, perhaps with
# one more after it ("Here are some of the books that arrived this month. Reserve any
# of them online ...").
_OPENS_ANNOUNCING = compile_pattern(_ANNOUNCING + r"(?:$|\s[^.!?]*[.!]$)", regex.I)
# ... or a paragraph whose last sentence points at what follows ("See the full line-up
# for each day below.", "Die Termine finden Sie unten."): not at the comments, a form,
# a newsletter's sign-up or a player, which are furniture or not in the text ("Tell us
# in the comments below.", "Watch the video below.").
_POINTS_BELOW = compile_pattern(
    r"(?:^|[.!?]\s)(?![^.!?]*\b(?:comments?|form|newsletter|sign(?:ing)? up|subscribe|video"
    r"|watch|listen|podcast|audio|player|clip|trailer|live ?blog|box|kommentar\w*|formular"
    r"|commentaires?|comentarios?|commenti|vidéo|vídeo)\b)"
    r"[^.!?]*\b(?:below|beneath|unten|ci-dessous|a continuación|abajo|qui sotto|di seguito"
    r"|hieronder|abaixo)[.!]$",
    regex.I,
)
# (The words it ends with, asked first: the pattern's search costs tens of microseconds.)
_BELOW_WORDS = frozenset(
    (
        *("below", "beneath", "unten", "ci-dessous", "continuación", "abajo", "sotto"),
        *("seguito", "hieronder", "abaixo"),
    )
)
# ... or a paragraph that names what follows as "the following" ("The following
# roads will be closed ...", "Folgende Straßen sind gesperrt ..."): not a time's
# "the following day", "am folgenden Tag".
_FOLLOWING = compile_pattern(
    r"\b(?:the following|as follows)\b(?!\s+(?:day|days|week|weeks|month|months|year|years"
    r"|morning|afternoon|evening|night|weekend|season|summer|winter|spring|autumn|fall"
    r"|decade|century|time|times)\b)"
    # (German in lower case: "die Folgende", a dance's follower, is a noun.)
    r"|(?<!\b(?:am|im|in den|an den|zum|in der)\s)\b(?-i:folgende[nrs]?)\s(?!(?:tag|tage|woche"
    r"|wochen|monat|monate|jahr|jahre|morgen|abend|nacht|wochenende|saison)\b)",
    regex.I,
)


def _names_what_follows(text: str) -> bool:
    """Whether ``text`` says "the following" of what comes after it (see _FOLLOWING;
    its words looked for first: the pattern's search costs microseconds a paragraph)."""
    return ("ollow" in text or "OLLOW" in text or "folgende" in text) and _FOLLOWING.search(
        text, None, None, False
    ) is not None


# -- evidence that a line is furniture ---------------------------------------
_HAS_NUMBER = compile_pattern(r"\p{N}")
_HEADLINE_START = compile_pattern(r"^[\p{Lu}\p{Lt}\p{Lo}\d'\"‘“«¿¡]")
# What stands between a link row's items: a bar, a dot, an arrow, a slash in spaces.
_BAR = r"(?:[|·•»›>]|\s/\s)"
_LINK_ROW = compile_pattern(rf"\S\s*{_BAR}\s*\S")
_LINK_ROW_CHARS = frozenset("|·•»›>/")
_BARE_LINK = compile_pattern(r"^(?:https?://|www\.)\S+$")
_LINK_START = ("http://", "https://", "www.")
_HANDLE = compile_pattern(r"^[@#]\w+$")
# A dateline right before the body: an upper-case place and its country or state.
_DATELINE = compile_pattern(r"^\p{Lu}[\p{Lu} .'-]+,(?: [\p{Lu}.'-]+)+$")
# A match's result alone on its line: "Crystal Palace 1-1 Manchester City", "Sharks 38
# Lions 31".
_SCORE_LINE = compile_pattern(
    r"^\p{Lu}[\p{L}.'’&-]*+(?: \p{Lu}[\p{L}.'’&-]*+){0,3}"
    r" (?:\d{1,3}\s?[-–:]\s?\d{1,3}|\d{1,3})"
    r" \p{Lu}[\p{L}.'’&-]*+(?: \p{Lu}[\p{L}.'’&-]*+){0,3}(?: \d{1,3})?$"
)
# (No line that opens with a letter is a counter or a marker: a letter is a word
# character; such lines are not matched against the two at all.)
_COUNTER = compile_pattern(r"^[\d\W_]+$")
#: A section's heading under its number in a manual or a paper: "2.3.7 Complex Type
#: Example", "11.1. Overview", "2.7 Thread Safety" (two levels or more, and with one
#: dot, a title of two words or more: "5 Things to Know" is a teaser's title, "0.8
#: Minuten" a reading time).
_SECTION_NUMBER = compile_pattern(
    r"^[1-9]\d?(?:(?:\.\d{1,2}){2,}\.?|\.\d{1,2}\.|\.\d{1,2}(?=\s+\S+\s+\S))"
    r"\s+\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,8}$"
)
#: Code's brackets alone on a line, perhaps with a semicolon, a comma or a line's
#: continuation: "}", "});", "},", "]; \\" (no digit: "(3)" counts comments).
_BRACKETS_ALONE = compile_pattern(r"^(?=.*[{}\[\]])[\s{}()\[\];,.\\]+$")
_YEARS = compile_pattern(r"^[(]?\d{4}\s?[-–—]\s?\d{4}[)]?$")
# The sign between the two dates of a span ("3 June 1933 – 18 November 2024").
_SPAN_SIGN = compile_pattern(r"\s[~–—-]\s")


def _date_span(text: str) -> bool:
    """Whether ``text`` is two dates with their years and a sign between them, a life's
    or an event's run: "November 25, 1919 ~ August 29, 2014", "3 June 1933 – 18
    November 2024" (not a date and a time: "March 3, 2020 - 10:30 AM")."""
    if " ~ " not in text and " – " not in text and " - " not in text and " — " not in text:
        return False
    parts = _SPAN_SIGN.split(text.strip())
    return len(parts) == 2 and all(
        _STAMP.match(part, None, None, False) is not None
        and _YEAR.search(part, None, None, False) is not None
        for part in parts
    )


#: A review's rating in stars.
_STARS = frozenset("★☆✩✪✫✬✭✮✯⭐½")
#: A book's or a play's division: "Chapter 3", "Kapitel IV", "Part One", "Act II", a
#: how-to's "Step 1"
#: (see :func:`_is_division`): the word ...
_DIVISIONS = frozenset(
    [
        "chapter",
        "kapitel",
        "chapitre",
        "capítulo",
        "capitolo",
        "hoofdstuk",
        "rozdział",
        "глава",
        "part",
        "teil",
        "partie",
        "parte",
        "book",
        "buch",
        "livre",
        "libro",
        "act",
        "akt",
        "acte",
        "acto",
        "atto",
        "scene",
        "szene",
        "scène",
        "escena",
        "scena",
        # ... and a how-to's step, a trip's day, a course's week, a race's stage
        # ("Step 1" / "Preheat the oven to 200C.", "Day 3", "Week 2")
        "step",
        "schritt",
        "étape",
        "paso",
        "passo",
        "stap",
        "krok",
        "day",
        "tag",
        "week",
        "woche",
        "round",
        "runde",
        "stage",
        "etappe",
    ]
)
#: ... and its number.
_DIVISION_NUMBER = compile_pattern(
    r"(?:\d{1,3}|[ivxlc]{1,7}|one|two|three|four|five|six|seven|eight|nine|ten|eins|zwei"
    r"|drei|un|deux|trois|uno|dos|tres)\.?$",
    regex.I,
)


def _is_division(text: str) -> bool:
    """A book's or a play's division alone: a word of :data:`_DIVISIONS` and a number
    (asked of every short line: a set lookup first)."""
    first, _, number = text.partition(" ")
    return (
        first.lower() in _DIVISIONS
        and bool(number)
        and " " not in number
        and _DIVISION_NUMBER.match(number, None, None, False) is not None
    )


#: A section's number in Roman numerals, with its stop ("I.", "XIV.").
_ROMAN = compile_pattern(r"^(?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})\.$")
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # ... and the months of German, French, Spanish, Italian, Portuguese and Dutch
    # ("5. Oktober", "Le 19 oct.", "Sabato 5 ottobre", "6 de novembro", "3 maart").
    r"|januar|jänner|februar|märz|mär|mai|juni|juli|okt(?:ober)?|dez(?:ember)?"
    r"|janv(?:ier)?|févr(?:ier)?|mars|avr(?:il)?|juin|juil(?:let)?|août|septembre"
    r"|octobre|novembre|décembre|déc"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p)?tiembre|octubre"
    r"|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ott(?:obre)?|dicembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|januari|februari|maart|mei|augustus|oktober"
)
_DAY = r"mon|tue|wed|thu|fri|sat|sun"
# ... their days, whole (a prefix of theirs opens too many words: "mar", "dom").
_DAY_NAMES = (
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
)
# A line that opens with a day's name ("Sunday, closed", "Samstag 10 bis 14 Uhr").
_DAY_START = compile_pattern(rf"^(?:(?:{_DAY})[a-z]*|{_DAY_NAMES})\b", regex.I)
# A date or a time alone, in words and numbers ("Tuesday, March 4", "15th July 2024",
# "10:30 a.m.", "Samstag, 5. Oktober", "le 19 oct. 2025", "ore 19.00"): a day, a month
# or a number first, perhaps after a small word (alone, "de" or "am" is no date).
_STAMP_WORD = (
    rf"(?:{_DAY})\w*|{_DAY_NAMES}|(?:{_MONTH})\.?|\d{{1,2}}(?:st|nd|rd|th|er|º|°)|\d{{1,4}}"
    r"|[ap]\.?m\.?|at"
)
# (Its words as a trie, see factor_words: asked only whether it matches.)
_STAMP = compile_pattern(
    factor_words(
        rf"^[,./:\s-]*(?:(?:am|um|den|de|del|di|le|el|ore|à)\s+)?(?:{_STAMP_WORD})"
        rf"(?:{_STAMP_WORD}|am|um|den|de|del|di|le|el|ore|uhr|h|à|[,./:\s-])*$"
    ),
    regex.I,
)
# -- what marks content --------------------------------------------------------
_LABEL_NOT = compile_pattern(r"\d|[,.;!?]\s")
# A line that runs on (ends with "," or ";") or holds code.
_RUNS_ON = Ending(",;")
_CODE_CHARS = frozenset("{}<>=")
_CODE_START = ("$ ", "#include", "import ", "/*")


# A word run into the next at a capital ("HomeAbout", "NewsSlider", "AcademicsUC").
_GLUED = compile_pattern(r"\p{Ll}\p{Lu}")
_GLUED_WORDS = compile_pattern(r"\S*?\p{Ll}\p{Lu}\S*")


def _glued_menu(text: str) -> bool:
    """Whether ``text`` is a menu whose items the extraction ran together: three
    words or more glued at a capital, half its words or more, and no stop ("Global
    EngagementUC HomeAbout UCUC AcademicsUC ..."). (A name's or a brand's capital,
    "McDonald's", "YouTube", is one word of a line.)"""
    if text.endswith((".", "!", "?")) or _GLUED.search(text, None, None, False) is None:
        return False  # nearly every line: no word runs into the next
    glued = len(_GLUED_WORDS.findall(text))
    return glued >= 3 and 2 * glued >= text.count(" ") + 1


def _over_marks(texts: list[str], outside: set[int], first: int) -> int:
    """The line right above the body's first paragraph ``first``, or above the lines of
    marks alone between them that ``outside`` holds (a print layout's rule, "-", "***")."""
    t = first - 1
    while t > 0 and t in outside and not any(c.isalnum() for c in texts[t]):
        t -= 1
    return t


def _words_alone(text: str) -> bool:
    """Whether ``text`` is words alone: letters and spaces, no digit, sign or stop."""
    return text.replace(" ", "").isalpha()


_NO_DOUBLE_QUOTES = str.maketrans("", "", '"“”')


def _names_the_subject(title: str, body: str, person: bool = False) -> bool:
    """Whether ``title``, a short line of words alone, names what the sentence
    ``body`` opens with: its words are among the first words of ``body`` (with
    ``person``, its first and last: a name's middle one may be left out). A
    qualifier in brackets after them is an encyclopedia's ("Hollenbach (Fluss)" /
    "Die Hollenbach ist ein ...")."""
    if title.endswith(")") and " (" in title:
        title = title[: title.rindex(" (")]
    # (A nickname in quotes is a name's word: 'Margaret "Peggy" Holloway'.)
    if not _words_alone(title.translate(_NO_DOUBLE_QUOTES)):
        return False
    words = _words_in(title)
    opening = _words_in(body)[: len(words) + 3]
    if person and len(words) >= 2:
        words = [words[0], words[-1]]
    return bool(words) and all(w in opening for w in words)


def _all_words_shared(title: str, body: str) -> bool:
    """Whether ``title`` is two or three words of words alone, each of five letters or
    more opening a word of ``body``'s first 200 characters: a post's title that its
    first sentence takes up ("Friday Recipes" / "It's finally Friday. Here are six
    yummy recipes ..."), not a section's name ("World News" over a story)."""
    if not _words_alone(title) or not 1 <= title.count(" ") <= 2:
        return False
    words = title.casefold().split()
    if any(len(w) < 5 for w in words):
        return False
    stems = {w[:5] for w in _words_in(body[:200])}
    return all(w[:5] in stems for w in words)


def _caseless(text: str) -> bool:
    """Whether ``text`` has no letter with case (Korean, Arabic, Hebrew, Thai, CJK)."""
    return text.upper() == text.lower()


def _has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Korean syllable."""
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _shares_a_word(title: str, body: str, size: int = 5) -> bool:
    """Whether a word of ``size`` letters or more of ``title`` opens a word of ``body``
    (its first ``size`` letters, any case: ``pressure`` / ``pressure``, ``Boiler`` /
    ``boiler``, ``dropping`` / ``drops``; a possessive's ``'s`` aside: ``children's`` /
    ``children``)."""
    words = (w.removesuffix("'s").removesuffix("’s") for w in _words_in(title))
    stems = {w[:size] for w in words if len(w) >= size and w.isalpha()}
    return bool(stems) and any(w[:size] in stems for w in _words_in(body))


_ROW_BARS = compile_pattern(rf"\s*{_BAR}\s*")


def _short_items(text: str) -> bool:
    """A link row's items, each of a word or two (``What's On | Festivals``)."""
    items = _ROW_BARS.split(text)
    return len(items) >= 2 and all(item and item.count(" ") <= 1 for item in items)


def _is_link(text: str) -> bool:
    """A bare address alone on its line."""
    return text.startswith(_LINK_START) and _BARE_LINK.match(text, None, None, False) is not None


def _runs_on_or_code(text: str) -> bool:
    """A line that runs on (ends with "," or ";") or holds code: a sign of code, an
    empty call, a command's prompt, a comment's marks or a macro's line continued
    (``/* ffi_type_complex_uchar */``, ``FFI_TYPE_COMPLEX, \\``), or an expression
    with no space that ends with its call's or its index's bracket
    (``list(reversed(my_list))``, ``my_list[::-1]``)."""
    return (
        _RUNS_ON.of(text)
        or not _CODE_CHARS.isdisjoint(text)
        or "()" in text
        or text.startswith(_CODE_START)
        or text.endswith((" \\", "*/"))
        or (
            text[-1:] in ")]"
            and " " not in text
            and (text[:1].isalnum() or text[:1] == "_")
            and ("(" in text or "[" in text)
        )
    )


# Two or more "Key: value" fields on one line: a fact box set in a row
# ("Tested by: Jane Roe RRP: £23.99 More info: www.example.com").
_KEY = r"\p{Lu}[\p{L}.'’/&-]*(?: [\p{L}.'’/&-]+){0,2}: \S"
_FIELDS = compile_pattern(rf"(?:^|\s){_KEY}.*\s{_KEY}")


def _fields(text: str) -> bool:
    """Two or more ``Key: value`` fields on one line."""
    return text.count(": ") >= 2 and _FIELDS.search(text, None, None, False) is not None


# "Key: value" with a key of one to three words: a fact box's line.
# The value is short ("Battery: up to 10 weeks"); "Explainer: what the rules mean for
# households" is a kicker and a teaser, and a "|" makes a link row.
_KEY_WORDS = r"[\p{L}\d][\p{L}\p{M}\d.'’/&-]*(?: [\p{L}\p{M}\d.'’/&-]+){0,2}"
# A dash right after the key stands for its colon ("RAM- 2 GB", "रैम- 2 जीबी"); not a
# word's first half before "and" ("Aus- und Fortbildung", "pre- and post-war").
_KEY_DASH = r"-(?= )(?! (?:und|oder|bis|sowie|u\.|and|or|to|et|ou|y|o|e|i|en|of)\b)"
# ... with a value of a few words, or a list of three or more ("Present: J. Ward
# (chair), S. Patel, L. Moore").
_KEY_VALUE = compile_pattern(
    rf"^{_KEY_WORDS}(?:\s?:|{_KEY_DASH})"
    rf"(?:(?: [^\s|]+){{1,5}}|\s[^,|]{{1,30}}+(?:,\s[^,|]{{1,30}}+){{2,}})$"
    # ... or the CJK full-width colon, its value without spaces ("日時：8月2日（土）10時").
    rf"|^{_KEY_WORDS}：\s?[^\s|][^|]{{0,40}}$"
)
# ... or the opening of one with a longer value ("Period: March 16 (Sat) first train to
# March 17 (Sun) last train"), a row of a box only under its heading and beside short ones.
_KEY_OPENING = compile_pattern(rf"^{_KEY_WORDS}(?:\s?:\s|：\s?\S|{_KEY_DASH}\s)")
# ... or a row of a box that stays, perhaps an item with a qualifier in brackets ("Einheiten:
# Stadtmitte 2 (Löschzug 2, Löschzug 3)", "- Löschzug 6 (Münchnerau): Wache 6, 6/11/1").
_BOX_ROW = compile_pattern(rf"^(?:[-•*]\s)?{_KEY_WORDS}(?:\s\([^()]{{1,30}}\))?\s?:\s\S")
#: A numbered item's marker, digits read as 0: ``1.``, ``12)``.
_NUMBERED = frozenset({"0.", "0)"})
#: A schedule's entry opens with a clock time (its marker, digits made "0").
_CLOCK = "0:0"
# A time of day alone on its line: "23:55", "9.05am", "10:30 GMT".
_CLOCK_LINE = compile_pattern(r"^\d{1,2}[:.]\d\d(?:\s?(?i:[ap]\.?m\.?))?(?:\s\p{Lu}{2,4})?$")
# A list's marker: a number ("1.", "2)"), a sign ("+", "%", "-"), or a clock time
# that opens a schedule's entry ("18:00 Opening concert", "9:30 Keynote").
_MARKER = compile_pattern(r"^(?:\d{1,2}:\d\d(?=\s)|\d{1,3}[.)]|[^\w\s\"'‘“«(\[])")
# A schedule's entry that opens with its time of day ("19:00 Opening", "7 pm Kitchen
# opens", "ore 19.00 Apertura cucina", "um 20 Uhr Konzert", "10h30 Accueil").
_TIMED_ENTRY = compile_pattern(
    r"^(?:(?:ore|um|à|alle|a las|às|om)\s)?\d{1,2}"
    r"(?:[:.h]\d\d(?=\s)|\s?(?:[ap]\.?m\.?|uhr|h)(?=\s))",
    regex.I,
)
_DIGITS = compile_pattern(r"\d+")
_SHAPE_TOKEN = compile_pattern(r"\p{N}+|[^\W\p{N}_]+|\S")


def _numbered_row(text: str) -> bool:
    """Whether ``text`` is a box's row with a longer value and a number, no sentence
    ("Einheiten: Stadtmitte 2 (Löschzug 2, Löschzug 3)", "- Löschzug 6 (Münchnerau):
    Wache 6, 6/11/1"): names and figures, a lower-case word or none (a teaser under its
    kicker is a sentence: "Live: 5 things to know about the budget vote"). Like a judged
    line's ``keyed``, but asked of the text alone, so of lines that stay too, and an
    item's bullet or a bracketed qualifier may come before the colon."""
    if (
        ":" not in text  # nearly every line
        or text.count(" ") >= 12
        or text.endswith(".")
        or _HAS_NUMBER.search(text, None, None, False) is None
    ):
        return False
    m = _BOX_ROW.match(text, None, None, False)
    return m is not None and lower_words(text[m.end() - 1 :].split(), 3) <= 1


def _box_row(line: _Line) -> bool:
    """A row of a fact box: a short ``Key: value`` line, or a longer one with a number
    that reads as no sentence (a teaser's shape: it ends bare)."""
    return line.pair or (line.keyed and line.furniture is not None)


def _headed_box(lines: dict[int, _Line], k: int) -> bool:
    """Whether line ``k`` is in a run of two or more fact box rows right under a label
    (the box's heading: ``Service changes``), at least one of them short and one
    longer. (Without its heading, or with short rows alone, such a run is a list of
    other stories under their kickers: ``Watch: Storm hits coast`` / ``Live: 5 things
    to know about the budget``, after a related box's heading another rule removed.)"""
    j = k
    while j - 1 in lines and _box_row(lines[j - 1]):
        j -= 1
    above = lines.get(j - 1)
    if above is None or above.furniture != "label":
        return False
    short = longer = False
    count = 0
    while j in lines and _box_row(lines[j]):
        count += 1
        if lines[j].pair:
            short = True
        else:
            longer = True
        j += 1
    return count >= 2 and short and longer


# A word no sentence ends with: an article, a preposition or a conjunction, in lower case.
# (Not one a verb's particle can be: German "an", "zu", "mit" close a sentence, "lassen
# ... nur 3000 Personen zu"; English "in", "on", "give in", "log on".)
_RUNS_ON_WORDS = frozenset(
    {
        "at",
        "to",
        "of",
        "the",
        "a",
        "and",
        "or",
        "for",
        "with",
        "by",
        "from",
        "into",
        "than",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "und",
        "von",
        "für",
        "la",
        "le",
        "les",
        "du",
        "à",
        "et",
        "pour",
        "par",
        "sur",
        "el",
        "los",
        "las",
        "y",
        "con",
        "por",
        "para",
    }
)


def _sentence_pieces(texts: list[str], outside: set[int]) -> set[int]:
    """The lines of ``outside`` that are pieces of a sentence broken over lines (and
    the line they continue, which may stay already).

    A line of ``WRAP_WORDS`` words or more that does not end like a sentence,
    followed by lines that open in lower case, the last of which ends a sentence
    (``It's easier than ever to make it work the way`` / ``you do.``): dropping a
    piece would leave half a sentence. (A short line before a lower-case one is
    more often a heading above a date: ``Standings`` / ``friday, 22 October``.) The
    next line may open in capitals when the long one ends with a word no sentence
    ends with (``... a 3-0 win at`` / ``Shrewsbury.``).
    """
    pieces: set[int] = set()
    n = len(texts)
    for k in (*outside, *(k - 1 for k in outside if k > 0 and k - 1 not in outside)):
        if k + 1 >= n:
            continue
        text = texts[k]
        if text.count(" ") < WRAP_WORDS - 1 or _SENTENCE_END.of(text):
            continue
        j = k + 1
        # (A line that ends with a word no sentence ends with runs on into the next
        # whatever its case: "... as they recorded a 3-0 win at" / "Shrewsbury.")
        while j < n and (
            texts[j][:1].islower() or (j == k + 1 and text.rsplit(" ", 1)[-1] in _RUNS_ON_WORDS)
        ):
            if _ends_a_sentence(texts[j]):
                pieces.update(range(k, j + 1))
                break
            j += 1
    return pieces


# The stops, and a lead-in's colon (what may close a sentence after them: CLOSERS).
_PROSE_ENDS = SENTENCE_STOPS + ":"
# ... and a full stop, ! or ?, not an ellipsis (see _ends_a_sentence).
_FULL_STOPS = SENTENCE_STOPS.replace("…", "")


def _reads_as_prose(text: str) -> bool:
    """Whether ``text`` ends with a sentence's stop (perhaps inside quotes or
    brackets: ``... she said.”``) or a lead-in's colon, or holds a sentence's end
    (``... in two weeks. Its single ...``); a long title ending with a name in
    brackets does none of these."""
    end = text.rstrip().rstrip(CLOSERS)[-1:]
    return (end != "" and end in _PROSE_ENDS) or INNER_END.search(
        text, None, None, False
    ) is not None


def _a_statement(text: str) -> bool:
    """A line in sentence form that opens with a capital and ends with a full stop (not
    an ellipsis), perhaps inside quotes: "Root's side win by 42 runs."."""
    return text[:1].isupper() and _ends_with_a_stop(text)


def _a_short_statement(text: str) -> bool:
    """A statement of three words or more, in a script with case (``_a_statement``) or
    without (Korean; or a figure first): not a line that opens in lower case, cut off."""
    return (
        text.count(" ") >= 2
        and (text[:1].isupper() or _caseless(text[:1]))
        and _ends_with_a_stop(text)
    )


def _ends_with_a_stop(text: str) -> bool:
    """Ends with a full stop, not an ellipsis, perhaps inside quotes."""
    return text.rstrip("\"'’”»").endswith(".") and not text.endswith("..")


def _ends_a_sentence(text: str) -> bool:
    """Ends with a full stop, ! or ?, perhaps inside quotes, and not an ellipsis
    (a truncated teaser or comment: ``Hi there, just found your blog...``)."""
    end = text.rstrip().rstrip(CLOSERS)
    return end[-1:] in _FULL_STOPS and not end.endswith("..") and bool(end)


def _shape(text: str) -> str:
    """The first three tokens of a line as classes: ``Nov 12 – Paris`` -> ``a0–``.

    A number is any run of numeric characters, vulgar fractions too (``1½``); a word
    that opens with a CJK numeral is a word (``千葉``, Chiba: 千 is a letter that has a
    numeric value)."""
    out = []
    for m in _SHAPE_TOKEN.finditer(text):
        tok = m.group()
        out.append("a" if tok[0].isalpha() else "0" if tok[0].isnumeric() else tok)
        if len(out) == 3:
            break
    return "".join(out)


# A letter's closing ("Yours sincerely,", "Mit freundlichen Grüßen"): the lines under
# it are its signature (a name, a title, an organisation), content of the letter.
_VALEDICTION = compile_pattern(
    r"^(?i:(?:yours )?(?:sincerely|faithfully|truly|respectfully)(?: yours)?"
    r"|(?:with )?(?:(?:best|kind|warm|warmest|kindest) )?(?:regards|wishes)"
    r"|mit freundlichen grüßen|(?:viele|herzliche|beste|liebe|freundliche) grüße"
    r"|hochachtungsvoll|(?:bien )?cordialement|atentamente|saludos cordiales"
    r"|(?:cordiali|distinti) saluti|met vriendelijke groet(?:en)?)[,.!]?$"
    # ... and an informal one, with its comma: "Cheers,", "Happy gardening,".
    r"|^(?i:cheers|thanks|thank you|many thanks|best|all the best|love|take care"
    r"|happy \p{L}+ing|until next (?:time|week|month)|see you (?:soon|next \p{L}+)"
    r"|grüße|liebe grüße|bises|bisous|abraços|saludos|un saluto|groeten|pozdrawiam),$"
)
#: A heading inside the body is at most this many words.
HEADING_WORDS = 6
#: The lines of a signature under a letter's closing: a name, a title, an
#: organisation ("Jane Okafor" / "Chair, Friends of Riverside Library").
SIGNATURE_LINES = 3


def _signature(texts: list[str], outside: set[int], last: int) -> set[int]:
    """The lines of ``outside`` that sign a letter: up to SIGNATURE_LINES lines
    right under a closing ("Yours sincerely,") after the body's last paragraph."""
    for v in range(last + 1, min(last + 4, len(texts))):
        if len(texts[v]) < 40 and _VALEDICTION.match(texts[v], None, None, False):
            return {k for k in range(v + 1, v + 1 + SIGNATURE_LINES) if k in outside}
    return set()


_YEAR = compile_pattern(r"(?<!\d)\d{4}(?!\d)")


def _whole_shape(text: str) -> str:
    """A line's tokens as classes, a run of words as one: ``Widder (21.3.–20.4.)`` ->
    ``a(0.0.–0.0.)``, ``Week 2: Summaries and graphs`` -> ``a0:a``."""
    out: list[str] = []
    for m in _SHAPE_TOKEN.finditer(text):
        tok = m.group()
        c = "a" if tok[0].isalpha() else "0" if tok[0].isnumeric() else tok
        if c != "a" or not out or out[-1] != "a":
            out.append(c)
    return "".join(out)


def _first_section_heading(
    texts: list[str], lines: dict[int, _Line], outside: set[int], first: int
) -> set[int]:
    """The lines of ``outside`` one or two above the body shaped as two or more
    headings below its start: the first section's heading ("Widder (21.3.–20.4.)"
    above a horoscope's first sign, "Stier (21.4.–20.5.)" and the others between the
    paragraphs; "Monday, March 4" above a log's first entries, "Tuesday, March 5"
    over the next).

    Only labels, teaser-shaped lines and dates that open with a word and hold a number,
    whole lines alike, and other lines than the same text again: words alone, or
    words joined by a sign, share the shape of a menu's items ("World News",
    "Karriere-Ratgeber"); a counter opens with its number ("652 Ratings"); a
    button stands above the body and again under it. A time of day alone is such a
    heading too: a live blog's first entry's ("23:55" over the first update, "23:40"
    and the others between them).
    """
    wanted: dict[str, list[int]] = {}
    for k in (first - 1, first - 2):
        if k < 0 or k not in outside:
            continue
        text = texts[k]
        if _CLOCK_LINE.match(text, None, None, False):
            wanted.setdefault(_whole_shape(text), []).append(k)
            continue
        furniture = lines[k].furniture
        if (
            text[:1].isalpha()
            and furniture in ("label", "teaser headline", "date or time")
            and _HAS_NUMBER.search(text, None, None, False) is not None
            # A date with its year is the page's stamp: a day's heading has none.
            and (furniture != "date or time" or _YEAR.search(text, None, None, False) is None)
        ):
            shape = _whole_shape(text)
            if shape[:1] == "a" and "0" in shape:
                wanted.setdefault(shape, []).append(k)
    if not wanted:
        return set()
    seen: dict[str, int] = {}
    for j in range(first, len(texts)):
        text = texts[j]
        # (Lines this rule keeps: teasers after the body share a shape as often.)
        if (
            j not in outside
            and len(text) <= 80
            and (text[:1].isalpha() or _CLOCK_LINE.match(text, None, None, False))
            and text.count(" ") < HEADING_WORDS
            and _HAS_NUMBER.search(text, None, None, False) is not None
        ):
            shape = _whole_shape(text)
            if shape in wanted and all(texts[k] != text for k in wanted[shape]):
                seen[shape] = seen.get(shape, 0) + 1
    return {k for shape, ks in wanted.items() if seen.get(shape, 0) >= 2 for k in ks}


def _entries_above_the_body(
    texts: list[str],
    judged: Callable[[int], _Line],
    outside: set[int],
    anchor: int,
    head: int,
    navigates: Callable[[str], bool],
) -> set[int]:
    """The lines of ``outside`` above the body's first paragraph ``anchor`` (below the
    headline ``head``) that are entries of a list that paragraph ends: groups of two to
    four lines, each a short line or two (a title, an author, a time and channel) over a
    sentence, three groups or more in a row down to that paragraph ("The Long Field" /
    "Agnes Moore" / "A quiet, devastating novel about ..." / "Night Trains" / ...;
    "Winter Walks" / "9pm, BBC Four" / "Poet Ian McMillan walks ..."). Their sentences
    are too short for body paragraphs; the lines between them are the list's, not a
    menu's (no word of navigation in them: "World" / "Business" over a teaser's
    standfirst are a menu's)."""
    for period in (2, 3, 4):
        groups: list[range] = []
        k = anchor
        while k - period >= head:
            if k != anchor and (judged(k).furniture is not None or not _ends_a_sentence(texts[k])):
                break
            names = range(k - period + 1, k)
            if not all(judged(j).furniture in _WEAK for j in names):
                break
            groups.append(names)
            k -= period
        if len(groups) < 3:
            continue
        # The groups down to the first that names navigation (asked last, of three
        # groups or more: its pattern is large).
        kept: set[int] = set()
        clear = 0
        for names in groups:
            if any(navigates(texts[j]) for j in names):
                break
            kept.update(names)
            clear += 1
        if clear >= 3:
            return kept & outside
    return set()


# What a table of contents' entry and the heading it points at may differ by: a
# section's number in front ("2.1 ", "3. "), a permalink's mark or an edit link after
# ("Setting up ¶", "History [edit]").
_ENTRY_NUMBER = compile_pattern(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+")
_ENTRY_MARK = compile_pattern(r"\s*(?:[¶#§]|\[[^\]]{1,20}\])$")
#: A heading a table of contents points at is at most this many words.
CONTENTS_HEADING_WORDS = 12


def _entry_key(text: str) -> str:
    """``text`` as a table of contents' entry and its heading share it. (The patterns
    asked only of a text that opens or ends with a character they need.)"""
    if text[:1].isdigit() or text[:1] in "IVX":
        text = _ENTRY_NUMBER.sub("", text, 1)
    if text.endswith(("¶", "#", "§", "]")):
        text = _ENTRY_MARK.sub("", text, 1)
    return text.casefold()


def _contents_above_the_body(
    texts: list[str],
    judged: Callable[[int], _Line],
    outside: set[int],
    anchor: int,
    last: int,
    head: int,
    words: Callable[[int], int],
    body: Callable[[str, int], bool],
) -> set[int]:
    """The lines of ``outside`` above the body's first paragraph ``anchor`` (below the
    headline ``head``) that are a table of contents: three or more lines that name
    headings of the body (from the line right above ``anchor`` to the body's last
    paragraph ``last``; or the headline) in the body's order, at least half of the
    lines from the first such entry to the last ("Contents" / "Sharing with a single
    developer" / "Setting up" / ... over the body's "Sharing with a single developer
    ¶" / ... / "Setting up ¶"). A heading is a short line over a body paragraph, or
    over another short line over one. A menu's items name no heading of the body (a
    site's sections may share a name with a list's lines or with the site's footer,
    not with its headings in order), nor do other stories' titles. What stays: the
    lines from the first entry to the last, a label of words alone right above them
    (the table's own heading: "Contents", "On this page") and the body's first
    heading right above its first paragraph, when an entry names it."""
    if anchor - head < 4 or not any(k < anchor for k in outside):
        return set()
    # Each short line's key, once; where the heading it names stands, once found.
    keys = {
        k: _entry_key(texts[k])
        for k in range(head + 1, anchor)
        if words(k) <= CONTENTS_HEADING_WORDS
    }
    targets: dict[str, int] = {key: -1 for key in keys.values() if key}
    if len(targets) < 3:
        return set()
    if head >= 0 and words(head) <= CONTENTS_HEADING_WORDS:
        key = _entry_key(texts[head])
        if key in targets:
            targets[key] = head
    # (A heading is at most a mark's length longer than its entry's name: the body's
    # longer paragraphs are not looked at, nor counted.)
    longest = max(len(key) for key in targets) + 24
    for j in range(max(head + 1, anchor - 1), last):
        if len(texts[j]) <= longest and (j not in outside or j == anchor - 1):
            # (Its words are the entry's, and a mark's.)
            key = _entry_key(texts[j])
            if targets.get(key) == -1 and (
                body(texts[j + 1], words(j + 1))
                or (
                    j + 2 <= last
                    and words(j + 1) <= CONTENTS_HEADING_WORDS
                    and body(texts[j + 2], words(j + 2))
                )
            ):
                targets[key] = j
    # The entries that name a heading, kept while the headings' places rise (a later
    # entry may name a heading already named: "Setting up" under each part).
    entries: list[int] = []
    seen: set[str] = set()
    at = -1
    for k, key in keys.items():
        j = targets.get(key, -1)
        if j < 0 or (j != head and j <= k):
            continue
        if key not in seen:
            if j < at:
                return set()
            at = j
            seen.add(key)
        entries.append(k)
    if len(seen) < 3 or 2 * len(entries) < entries[-1] - entries[0] + 1:
        return set()
    # ... and the heading right above the body, which the first entry names.
    kept = set(range(entries[0], entries[-1] + 1))
    if any(targets[key] == anchor - 1 for key in seen):
        kept.add(anchor - 1)
    top = entries[0] - 1
    if top in outside and judged(top).furniture == "label" and words(top) <= 3:
        kept.add(top)
    return kept & outside


def _fact_box_heading(
    texts: list[str],
    lines: dict[int, _Line],
    outside: set[int],
    k: int,
    first: int,
    navigates: Callable[[str], bool],
) -> bool:
    """Whether line ``k``, right under the headline, is a fact box's heading: a label of
    words alone over its fields, which stay and run down to the body's first paragraph
    ``first``, two or more and one with a number ("Temporary Road Closure" / "Mill Road
    Drainage Works" / "Closure Dates: July – October" / "Closure Hours: 7:00 AM – 5:00
    PM" / the body), when ``navigates`` does not name it. (A crumb's item over titles
    with a colon, "Fütterung" / "Heulage: Besser als ihr Ruf?", is none.)"""
    return (
        k in outside
        and first - k >= 3
        and lines[k].furniture == "label"
        and all(
            j not in outside and j in lines and (lines[j].pair or lines[j].keyed)
            for j in range(k + 1, first)
        )
        and any(
            _HAS_NUMBER.search(texts[j], None, None, False) is not None for j in range(k + 1, first)
        )
        and not navigates(texts[k])
    )


#: The marks a bulleted list's items open with.
_BULLETS = frozenset("-•*–")


def _numbered_list_heading(
    texts: list[str],
    judged: Callable[[int], _Line],
    head: int,
    first: int,
    last: int,
    navigates: Callable[[str], bool],
) -> bool:
    """Whether the line right above the body's first line ``first`` is a list's
    heading: that line is a numbered list's first item (``1.``), with its second
    (``2.``) at most 12 lines below, or a bulleted list's first, with its second right
    under it (the same mark: ``-``, ``•``, ``*``, ``–``) and the headline ``head``
    right above the heading; and the heading is a label or a short teaser-shaped line
    that ``navigates`` does not name ("Class 5A" / "1. (1) Riverside (4-0)" / its
    paragraph / "2. ..."; "Key decisions" / "- ..." / "- ..."). A teaser list above
    the body goes with its items, and a menu's item stands over no list the body
    keeps."""
    text = texts[first]
    if _numbered_item(text) in _FIRST_ITEMS:
        listed = any(
            _numbered_item(texts[j]) in _SECOND_ITEMS
            for j in range(first + 1, min(last, first + 12) + 1)
        )
    else:
        # (Right under the headline: under a menu, a line over a post's details set
        # as a list is as often the menu's last item.)
        listed = (
            first - 2 == head
            and text[:1] in _BULLETS
            and text[1:2] == " "
            and first < last
            and texts[first + 1][:2] == text[:2]
        )
    return (
        listed
        and judged(first - 1).furniture in ("label", "teaser headline")
        and not navigates(texts[first - 1])
    )


# A numbered item's opening: its number with a stop or bracket ("1.", "2)"), or after
# a word of up to twelve letters that names the items ("TOP 3 Einwohnerfragestunde",
# "Punkt 4: Haushalt", "Day 2 - Kyoto"), with a colon, a dash or a capitalized word
# after it ("Page 1 of 3", "Photo 2 of 12" count a pager's or a gallery's pages).
_NUMBERED_ITEM = compile_pattern(
    r"^(?:(\d{1,2})([.)])\s|(\p{L}{1,12})\.? (\d{1,2})(?:([.):])\s|\s[-–—](?=\s)|(?=\s\p{Lu})))"
)


def _numbered_item(text: str) -> tuple[str, int] | None:
    """A numbered item's kind and number: ``(".", 1)`` for ``1. Genehmigung ...``,
    ``("top", 3)`` for ``TOP 3 Einwohnerfragestunde``, ``("punkt:", 4)`` for ``Punkt
    4: Haushalt``; or None. (A number alone's kind is its mark, a word's kind opens
    with a letter: the two never meet.)"""
    if not text[:1].isalnum():
        return None
    m = _NUMBERED_ITEM.match(text, None, None, False)
    if m is None:
        return None
    if m.group(1) is not None:
        return m.group(2), int(m.group(1))
    return m.group(3).casefold() + (m.group(5) or ""), int(m.group(4))


# A numbered list's first item and its second, of either mark ("1. ...", "2) ...").
_FIRST_ITEMS = ((".", 1), (")", 1))
_SECOND_ITEMS = ((".", 2), (")", 2))


def _numbered_run_above_the_body(
    texts: list[str], outside: set[int], head: int, first: int
) -> set[int]:
    """The lines of ``outside`` from the first item of a numbered run that opens above
    the body's first paragraph ``first`` (below the headline ``head``) down to its last
    item, when the run goes on below that paragraph: the items of one kind above
    (``1.`` / ``2.``; ``TOP 1`` / ``TOP 2``; other kinds are a section's own, ``1)`` /
    ``2)`` under ``TOP 2``) count up by one, and the next items of that kind below go
    on counting. Those are a numbered document's sections (minutes' items, a guide's
    steps, an itinerary's days) with what they hold, however short its paragraphs
    ("TOP 1 Eröffnung der Sitzung" / "Protokoll:" / its sentence / "TOP 2 ..." / ... /
    "TOP 5 ..."; "1. Genehmigung der Tagesordnung" / its fields / "Sachverhalt" / the
    body's first paragraph / ... / "2. ..."). A teaser list's numbers do not go on
    below it."""
    kind = ""
    number = count = 0
    top = -1
    for k in range(first - 1, head, -1):
        item = _numbered_item(texts[k])
        if item is None or (kind and item[0] != kind):
            continue
        if not kind:
            kind, number = item
            count = number
        elif item[1] != number - 1:
            break  # the run above opens under another count
        else:
            number -= 1
        top = k
        if number == 1:
            break
    if top < 0:
        return set()
    end = -1
    for j in range(first, len(texts)):
        item = _numbered_item(texts[j])
        if item is not None and item[0] == kind:
            if item[1] != count + 1:
                break
            count += 1
            end = j
    return set(range(top, end + 1)) & outside


def _in_sentence_case(text: str, label_words: int) -> bool:
    """A label of two to ``label_words`` words alone in sentence case: a capital, then
    a lower-case word of four letters or more ("Traffic lights", "Driver shortage";
    not a name or a section in title case, "Latin America", nor a word alone: a word
    alone over the body is as often a menu's or a box's label)."""
    words = text.split()
    return (
        2 <= len(words) <= label_words
        and text[:1].isupper()
        and lower_words(words[1:], 4) > 0
        and "".join(words).isalpha()
    )


def _first_sentence_case_heading(
    texts: list[str], outside: set[int], first: int, label_words: int
) -> set[int]:
    """Line ``first - 1`` of ``outside`` when it is a label in sentence case and two or
    more such labels below it each head a line that stays and ends a sentence: the first
    section's heading ("Traffic lights" over the first reason, "Driver shortage" and
    "Old timetables" over the others). (One label in the body is not enough: a
    button's text stands so over the body, "Bildbeschreibung einblenden".)"""
    k = first - 1
    if k not in outside or not _in_sentence_case(texts[k], label_words):
        return set()
    heads = 0
    for j in range(first + 1, len(texts) - 1):
        if (
            texts[j] != texts[k]
            and j + 1 not in outside
            and _BODY_END.of(texts[j + 1])
            and _in_sentence_case(texts[j], label_words)
        ):
            heads += 1
            if heads == 2:
                return {k}
    return set()


def _headings_between_sentences(
    texts: list[str],
    lines: dict[int, _Line],
    outside: set[int],
    head: int,
    first: int,
    words: Callable[[int], int],
    navigates: Callable[[str], bool],
) -> set[int]:
    """The labels of ``outside`` between the headline ``head`` and the body's first
    paragraph ``first`` that stand between two sentences (SHORT_SENTENCE words or more),
    the first a statement with its full stop, the second perhaps that paragraph: a
    section's heading in a text of short paragraphs ("These are the main decisions." /
    "Budget" / "The draft budget was approved." / "Parking" / the first paragraph long
    enough for the body). Not one that ends with a stop ("Carregando..." under a
    feedback question) or names navigation."""

    def a_sentence(j: int) -> bool:
        return j not in outside and words(j) >= SHORT_SENTENCE and _ends_a_sentence(texts[j])

    return {
        k
        for k in outside
        if head < k - 1
        and k < first
        and lines[k].furniture == "label"
        and a_sentence(k - 1)
        and texts[k - 1].rstrip(CLOSERS).endswith(".")
        and not texts[k].endswith((".", "…"))
        and (k + 1 == first or a_sentence(k + 1))
        and not navigates(texts[k])
    }


def _heads_sentences(texts: list[str], order: list[int], outside: set[int], k: int) -> bool:
    """Whether line ``k`` is right above two lines in a row that stay and end a sentence
    of SHORT_SENTENCE words or more: a section's heading ("Why this recipe works" /
    "Very ripe bananas give all the sweetness you need." / "Melted butter keeps ...")."""
    i = order[k]
    for j in (k + 1, k + 2):
        if (
            j >= len(texts)
            or j in outside
            or order[j] != i + j - k
            or texts[j].count(" ") < SHORT_SENTENCE - 1
            or not _ends_a_sentence(texts[j])
        ):
            return False
    return True


def _labels_beside_removed(
    texts: list[str],
    outside: set[int],
    last: int,
    lines: dict[int, _Line],
    order: list[int],
    view: View,
    rid: str,
) -> tuple[set[int], set[int]]:
    """The labels of words alone after the body (past ``last``) next to a line another
    rule than ``rid`` removed, and the teaser headlines there between two such lines
    (what this rule removed in an earlier pass is no evidence of its own: the verdict
    would change with the pass); and, of the labels, the ones whose only such neighbour
    is the first of two or more removed paragraphs after them (``ahead``: a related
    box's heading and its teasers, a new part of the page).

    Such a label is part of a run: the line rules took the rest of that footer or
    byline block. (Not one under the removed line right above two sentences that stay:
    it heads them, see _heads_sentences. A sign-off, "Thanks Junior!", or a cut
    sentence next to a removed share bar is not a label, and stays.) Only a run of
    three or more that reads as a list is let off for standing ``ahead`` (see
    _unmarked_label_runs): a byline block's name alone stands over the desk and the
    date the line rules took.
    """
    label = _ALPHA_LINES["label"]
    removed_by = view.removed_by
    beside: set[int] = set()
    ahead: set[int] = set()
    for k in outside:
        if k <= last:
            continue
        i = order[k]
        if lines[k].furniture == "teaser headline":
            # A teaser headline between two lines other rules removed: one of a box's
            # stories the rules read the others of ("Read More" / "Roadworks to close
            # ..." / "Readers' photos of the first frost of winter" / "Most Read").
            if view.beside_removed(i, other_than=rid, sides=(-1,)) and view.beside_removed(
                i, other_than=rid, sides=(1,)
            ):
                beside.add(k)
            continue
        if lines[k] is not label:
            continue
        if view.beside_removed(i, other_than=rid, sides=(-1,)):
            if not _heads_sentences(texts, order, outside, k):
                beside.add(k)
        elif view.beside_removed(i, other_than=rid, sides=(1,)):
            beside.add(k)
            if removed_by.get(i + 2) is not None:
                ahead.add(k)
    return beside, ahead


# A line's key: a fact box's key and its colon ("Portion Fix Containers: ...").
_LINE_KEY = compile_pattern(rf"^{_KEY_WORDS}:\s")


def _a_table(texts: list[str], first: int, last: int) -> bool:
    """Whether three or more lines of the body ``texts[first : last + 1]`` end with a
    table cell's bar: rows of a table next to the body, ending so too, are its rows
    ("Grade |" / "Every job has a pay range attached to it. |" / ... / "Hours |")."""
    return sum(texts[j].endswith("|") for j in range(first, last + 1)) >= 3


def _structure_goes_on(texts: list[str], first: int, last: int) -> int:
    """The body's last line, moved to the last line after it that opens with a key
    three or more lines of the body open with ("Portion Fix Containers: 1 tsp." after
    a meal plan, "Q: ..." after an interview): the body's structure goes on to there,
    and what lies between is its content. A table's rows go on the same way (see
    :func:`_a_table`)."""
    k = last + 1
    while k < len(texts) and texts[k].endswith("|"):
        k += 1
    if k > last + 1 and _a_table(texts, first, last):
        last = k - 1
    keys: dict[str, int] = {}
    for k in range(len(texts) - 1, last, -1):
        text = texts[k]
        # A key is a few words before ": " (most furniture lines have none).
        m = _LINE_KEY.match(text, None, None, False) if ": " in text else None
        if m is not None:
            keys.setdefault(m.group(), k)
    if not keys:
        return last
    # A body line opens with a key exactly when it starts with it (a key ends at
    # its first ": "), so count the keys after line breaks in the body, in one text.
    body = "\n" + "\n".join(texts[first : last + 1])
    ends = [k for key, k in keys.items() if body.count("\n" + key) >= 3]
    return max(ends) if ends else last


# A heading that announces content after the body: a list of sources, a product's
# specifications, a recipe's ingredients, results, a tour's dates, a team's line-up.
# Capitalized (a lower-case "features" is a site's section link).
_CONTENT_HEADING_SOURCE = (
    r"^(?=\p{Lu})(?i:(?:key |main |product |technical |tech |the |die |das |der |les |los "
    r"|las |le |la |el |de |het |il |lo |i |gli )?"
    r"(?:features|specifications|specs|facts|ingredients|instructions|directions|method"
    r"|sources|references|bibliography|footnotes|notes|citations"
    r"|(?:qualified |participating )?teams|squads?|line-?ups?|(?:full |final )?results"
    r"|standings|(?:league )?table|fixtures|schedule|tour dates|dates|fechas|datas|cast"
    r"|track ?list(?:ing)?|set ?list"
    r"|winners|nominees|pros|cons|pros and cons|at a glance|key facts|(?:our )?verdict"
    r"|the good|the bad|the ugly|what we like|what we liked|what we don'?t like"
    r"|what we didn'?t like"
    r"|programme|agenda|tagesordnung|ordre du jour|orden del día|ordine del giorno|timetable"
    r"|nutrition(?: facts| information)?|nährwerte"
    r"|abstract|summary|zusammenfassung|résumé|resumen|key points|key takeaways|takeaways"
    r"|das wichtigste in kürze|kurz gesagt|in brief|the short version|tl;?dr|l'essentiel"
    r"|die wichtigsten punkte|die wichtigsten fakten|das wichtigste|(?:i )?punti chiave"
    r"|(?:los )?puntos clave|(?:les )?points clés|(?:os )?pontos principais|principais pontos"
    r"|(?:de )?belangrijkste punten|najważniejsze informacje"
    r"|en bref|en resumen|lo esencial|in sintesi"
    r"|quellen|literatur|einzelnachweise|belege|anmerkungen"
    r"|zutaten|zubereitung|technische daten|ausstattung|steckbrief"
    r"|what'?s in the box|in the box|box contents|lieferumfang|im lieferumfang"
    r"|contenu de la boîte|contenu du coffret|contenido de la caja|contenuto della confezione"
    r"|ergebnisse|termine|tabelle|fuentes|ingredientes|resultados|ingrédients|résultats"
    r"|ingredienti|preparazione|procedimento|ingrediënten|bereiding(?:swijze)?|modo de preparo"
    r"|preparo|preparación|elaboración|préparation"
    r"|glossary|glossar|glossaire|glosario|q ?& ?a"
    r"|(?:full )?transcript|transkript|transcription|transcripción"
    r"|troubleshooting|fehlerbehebung|problembehandlung|dépannage|solución de problemas"
    r"|introduction|methods|conclusions?|einleitung|methoden|fazit"
    r"|in numbers|by the numbers|in figures|in zahlen|en chiffres|en cifras|in cifre"
    r"|fakten|faits|hechos|fatti|feiten"
    r"|vorteile|nachteile|vor- und nachteile|pro|contra|kontra|pluspunkte|minuspunkte"
    r"|avantages|inconvénients|ventajas|desventajas"
    r"|vantaggi|svantaggi|voordelen|nadelen"
    r"|requirements|prerequisites|qualifications|voraussetzungen|anforderungen"
    # A how-to's list of what it takes: "You will need" / "A radiator key" / ...
    # (Not "Tools" or "Material": a wiki's menu, a press kit's.)
    r"|you(?:'ll| will) need|what you(?:'ll| will)? need|things you(?:'ll| will)? need"
    r"|was (?:du|sie|ihr) brauch(?:st|en|t)|das brauchst du|du brauchst|sie brauchen|ihr braucht"
    r"|il vous faut|ce qu'il vous faut|ce dont vous avez besoin"
    r"|necesitarás|lo que necesitas|occorrente|ti serve|cosa serve"
    r"|benodigdheden|wat heb je nodig|você vai precisar|o que você precisa"
    # A job's posting: "What you will do" / its duties / "What we are looking for" / ...
    # (Not "What we offer", "Was wir bieten": a careers portal's menu item; nor "Your
    # profile", "Ihr Profil": an account's.)
    r"|responsibilities|your responsibilities|duties|what you(?:'ll| will) do"
    r"|what we(?:'re| are) looking for|ihre aufgaben|deine aufgaben|vos missions"
    r"|responsabilidades|tus funciones|le tue mansioni"
    r"|requisitos|requisiti|who can apply|who is eligible|eligibility|chi può fare domanda"
    r"|chi può partecipare|quién puede solicitarla|quién puede participar|qui peut postuler"
    r"|qui peut participer|wer kann teilnehmen|wer kann sich bewerben"
    r"|quem pode pedir|quem pode solicitar|quem pode participar|quem tem direito"
    r"|wie komt in aanmerking|wie kan meedoen"
    r"|tabellino|ficha técnica|fiche technique|scheda tecnica|box score|match facts"
    r"|im überblick|auf einen blick|en un vistazo|in breve|d'un coup d'œil"
    r"|what to see|what to do|things to do|things to see|things to pack|what to pack"
    r"|packing list|cosa vedere|cosa fare|qué ver|qué hacer|que voir|que faire"
    r"|sehenswürdigkeiten|packliste|usage|examples|commands|common commands"
    r"|frequently used commands"
    r"|new features|bug ?fixes|breaking changes|improvements|deprecations|known issues"
    r"|neue funktionen|fehlerbehebungen|bekannte probleme|corrections de bugs"
    r"|so geht'?s|so geht es|so funktioniert'?s|how it works|here'?s how|step by step"
    r"|so wird'?s gemacht|so wird es gemacht|so gelingt'?s|so gelingt es"
    r"|schritt für schritt|anleitung"
    r"|timeline|chronology|chronologie|zeitleiste|cronología|cronologia"
    r"|what we know(?: so far)?|what we don'?t know|what happens next|what comes next"
    r"|why it matters|key dates|was wir wissen|was bisher bekannt ist|wie es weitergeht"
    r"|what to expect|what you need to know|was sie erwartet|was sie wissen müssen"
    r"|à quoi s'attendre|ce qu'il faut savoir|qué esperar|lo que hay que saber"
    r"|cosa aspettarsi|cosa sapere|o que esperar|o que saber|wat je moet weten"
    r"|lo que sabemos|ce que l'on sait|ce que l'on sait déjà"
    r"|practical information|visitor information|if you go|getting there|how to help"
    r"|where to (?:eat|stay|sleep|drink|buy(?: it| them| one)?|find (?:it|them)"
    r"|get (?:it|them|one))"
    r"|getting around|when to go|how to watch"
    r"|où (?:manger|dormir|loger)|dónde (?:comer|dormir|alojarse)|dove (?:mangiare|dormire)"
    r"|who (?:can|should) get (?:one|it|the [\w-]+)|who qualifies"
    r"|infos? pratiques|informations pratiques|praktische informationen|praktische infos"
    r"|información práctica|informazioni pratiche|praktische informatie"
    r"|pratique|serviço|datos prácticos|si vas|se você for"
    r"|key changes|what changes|what'?s changing|ce qui change|was sich ändert"
    r"|das ändert sich|qué cambia|lo que cambia|cosa cambia|o que muda|principais mudanças"
    r"|wat verandert er|wat er verandert"
    r"|key figures|chiffres clés|die zahlen|las cifras|i numeri"
    r"|em números|pontos-chave|em resumo|programma|programa|programm)"
    # ... for how many ("Zutaten für 4 Personen", "Ingredienti per 4 persone")
    r"(?:\s(?:for|für|per|pour|para|voor)\s\d+(?:\s?[-–]\s?\d+)?\s\p{L}+)?)"
    # ... a colon after it, or a question mark: "What changes?", "Wat verandert er?"
    r"\s*[:?？]?$"
)
# ... its words as a trie (see factor_words): the same headings, matched in less than
# half the time.
_CONTENT_HEADING = compile_pattern(factor_words(_CONTENT_HEADING_SOURCE))


def _is_content_heading(text: str, more: regex.Pattern | None = None) -> bool:
    """Whether ``text`` is a heading that announces content: a line of at most five
    words ("What we know so far") that opens with a capital and is one of
    :data:`_CONTENT_HEADING`'s (``Sources``, ``Qualified teams``) or, whole, one that
    ``more`` (the pack's ``content_headings``) matches, a colon or a question mark
    after it allowed ("What changes?")."""
    if not text[:1].isupper() or text.count(" ") >= 5:
        return False  # most lines: no pattern asked
    # (The headings are written with a plain apostrophe: "What's in the box".)
    plain = text.replace("’", "'")
    if _CONTENT_HEADING.match(plain, None, None, False) is not None:
        return True
    if more is None:
        return False
    line = text[:-1].rstrip() if text.endswith((":", "?", "？")) else text
    return more.fullmatch(line, None, None, False) is not None


def _has_content_heading(
    texts: list[str], start: int, end: int, more: regex.Pattern | None = None
) -> bool:
    """Whether a line of ``texts[start:end]`` is a heading that announces content."""
    return any(_is_content_heading(texts[j], more) for j in range(start, end))


def _announced_lists(
    texts: list[str],
    order: list[int],
    outside: set[int],
    after: int,
    end: int = -1,
    more: regex.Pattern | None = None,
) -> set[int]:
    """The lines of ``outside`` after line ``after`` (and before line ``end``, if given)
    from a heading that announces content (:func:`_is_content_heading`: ``Sources``,
    ``Qualified teams``, and what ``more`` adds) to the end of its run: the lines
    after it up to the next that stays or one another rule removed (lines that stay
    between its lines, none a sentence, carry it on when one of them is a schedule's
    entry opening with its time: see _TIMED_ENTRY). A heading with
    nothing under it (the text ends there, or a line another rule removed follows)
    heads no list. Called for the lines after the body, and for those between the
    headline and the body (a fact box or a tour's dates above the first paragraph;
    such a heading right above the first paragraph heads the body: ``Abstract``).

    Headings next to each other ("Fixtures" / "Results"), or three or more with at
    most one line between each and the next ("Schedule" / "Scores" / "Standings"),
    are a menu, not lists: the lists end where such a chain begins (see
    :func:`_menu_from`).
    """
    kept: set[int] = set()
    k = after + 1
    n = len(texts) if end < 0 else end
    while k < n:
        if k not in outside:
            k += 1
            continue
        headings: list[int] = []
        # The heading may stay as a sentence ("What changes?", "Wat verandert er?"):
        # the run right under it is its list all the same; and so may a box's rows
        # with their keys under it ("Infos pratiques" / "Dates : du 14 au 16 mars" /
        # "Entrée : 5 €"): the box's last row without a key ("Parking gratuit sur
        # place") is the box's.
        j = k - 1
        while (
            j > after
            and j not in outside
            and order[j + 1] == order[j] + 1
            and _KEY_OPENING.match(texts[j], None, None, False) is not None
        ):
            j -= 1
        if (
            j > after
            and order[j + 1] == order[j] + 1
            and (j < k - 1 or j not in outside)
            and _is_content_heading(texts[j], more)
        ):
            headings.append(j)
        while True:
            text = texts[k]
            if _is_content_heading(text, more):
                headings.append(k)
            if k + 1 >= n or order[k + 1] != order[k] + 1:
                break
            if k + 1 not in outside:
                if not headings:
                    break
                # A schedule's entries that stay between them, none a sentence, go on
                # with it ("Sabato 5 ottobre" / "ore 19.00 Apertura cucina" / "Musica
                # di intrattenimento ..." / "ore 22 Dj set ..." / "Domenica 6
                # ottobre"); a sentence, or lines with no entry opening with its time
                # ("teuer im Vergleich" under "Nachteile", "Scheydgasse 40" over a
                # menu's items), end it.
                j = k + 1
                timed = False
                while (
                    j < n
                    and j not in outside
                    and order[j] == order[j - 1] + 1
                    and not _ends_a_sentence(texts[j])
                ):
                    timed = timed or _TIMED_ENTRY.match(texts[j], None, None, False) is not None
                    j += 1
                if not (timed and j < n and j in outside and order[j] == order[j - 1] + 1):
                    break
                k = j - 1
            k += 1
        if headings:
            # The lists end where a menu begins (see _menu_from).
            stop = k + 1
            for h in range(len(headings) - 1):
                if _menu_from(headings, h, texts):
                    stop = headings[h]
                    break
            # A heading with nothing under it (the text ends, or a line another
            # rule removed follows) heads no list; one right above the body's first
            # paragraph heads the body ("Abstract", "Summary").
            below = k + 1 < n or (end >= 0 and k + 1 == end)
            if stop > headings[0] + 1 or (below and order[k + 1] == order[k] + 1):
                kept.update(range(headings[0], stop))
        k += 1
    return kept


def _data_under_headings(
    texts: list[str], outside: set[int], structure: set[int], more: regex.Pattern | None
) -> set[int]:
    """A heading of ``structure`` (a label over data) that announces content, and the
    one line of data right under it when a line of ``outside`` follows: a list whose
    first item stays as data ("I punti chiave" / "Bonus di 200 euro" / "Isee sotto i 25
    mila euro"), which :func:`_announced_lists` then reads as the list's, not as its
    end. (Under two rows or more, a table ends there: "Final results:" / its rows /
    "More election coverage".)"""
    under: set[int] = set()
    for k in structure:
        if (
            k + 1 in structure
            and k + 2 not in structure
            and k + 2 in outside
            and _is_content_heading(texts[k], more)
        ):
            under.update((k, k + 1))
    return under


def _run_under(order: list[int], outside: set[int], heading: int) -> set[int]:
    """Line ``heading`` of ``outside`` and the lines of ``outside`` right under it, up
    to the next that stays or one another rule removed; none when nothing is under it
    (as :func:`_announced_lists` reads a heading's list)."""
    k = heading
    while k + 1 in outside and order[k + 1] == order[k] + 1:
        k += 1
    return set(range(heading, k + 1)) if k > heading else set()


def _announced_in_the_head(
    texts: list[str],
    order: list[int],
    lines: dict[int, _Line],
    outside: set[int],
    head: int,
    first: int,
) -> set[int]:
    """The lines of ``outside`` above the body's first paragraph that are content:

    - the run right under a line between the headline and the body that stays and
      ends with a colon ("You will need:" / "Tyre levers" / "A pump"), as the
      body's own lead-in keeps what follows it;
    - a day's name alone right above a line that stays and ends a sentence, when
      two or more such pairs stand there: a forecast's or a diary's days ("Monday" /
      "Light rain, clearing later." / "Tuesday" / "Sunny."). (Not any label: a
      menu's items stand over their taglines so, "Kundenservice" / "Wir sind für
      Sie da.")
    """
    kept: set[int] = set()
    for k in range(head + 1, first):
        if k not in outside and _LEAD_IN.of(texts[k]):
            j = k + 1
            while j < first and j in outside and order[j] == order[j - 1] + 1:
                kept.add(j)
                j += 1
    pairs = [
        k
        for k in range(first)
        if k in outside
        and k + 1 not in outside
        and order[k + 1] == order[k] + 1
        and lines[k].furniture == "date or time"
        and not _HAS_NUMBER.search(texts[k], None, None, False)
        and texts[k + 1][:1].isupper()
        and " " in texts[k + 1]
        and _BODY_END.of(texts[k + 1])
    ]
    if len(pairs) >= 2:
        kept.update(pairs)
    return kept


def _menu_from(headings: list[int], h: int, texts: list[str]) -> bool:
    """Whether a menu begins at ``headings[h]``: a chain of headings from it, each at
    most one line below the one before, with two of them next to each other
    (``Fixtures`` / ``Results``) or three or more (``Schedule`` / ``Scores`` /
    ``Standings``). Two headings one line apart and no more are two lists, the first
    of one item (``Qualified teams`` / ``Germany`` / ``Sources`` / ...); so are two
    with a line of five words or more between them, longer than a menu's item (a
    travel piece's box: ``Getting there`` / ``Direct flights from ..., about two
    hours`` / ``Where to stay`` / ...)."""
    j = h
    adjacent = False
    while j + 1 < len(headings) and headings[j + 1] <= headings[j] + 2:
        if headings[j + 1] == headings[j] + 2 and texts[headings[j] + 1].count(" ") >= 4:
            break
        adjacent = adjacent or headings[j + 1] == headings[j] + 1
        j += 1
    return adjacent or j - h >= 2


def _list_headings(texts: list[str], outside: set[int], last: int) -> set[int]:
    """The lines of ``outside`` after the body that end with a colon right above a list
    item that stays (``ALLGEMEIN:`` / ``• Eingang für Tarifwahl``), or above another
    such heading (``GERÄTEAUSFÜHRUNGEN:`` / ``EINPHASIG:`` / ``• ...``): a list's own
    heading, as the body's lead-in is (a teaser list's heading is another rule's)."""
    kept: set[int] = set()
    # From the end up, so that a heading above a kept heading is seen after it.
    for k in sorted(outside, reverse=True):
        if k <= last:
            break
        if k + 1 < len(texts) and texts[k].endswith((":", "：")):
            nxt = k + 1
            if nxt in kept or (
                nxt not in outside and _LIST_ITEM.match(texts[nxt], None, None, False)
            ):
                kept.add(k)
    return kept


# What a word may carry around it in running text: punctuation, quotes, brackets.
_AROUND_WORD = "\"'()[]{}<>.,;:!?‘’“”«»„‚—–-/|*"


def _words_in(text: str) -> list[str]:
    """The words of ``text``, case folded, without the punctuation around them."""
    return [w for w in (w.strip(_AROUND_WORD) for w in text.casefold().split()) if w]


def _unmarked_label_runs(
    texts: list[str],
    lines: dict[int, _Line],
    outside: set[int],
    last: int,
    beside: set[int],
    navigation: regex.Pattern,
    short: int,
    count: Callable[[int], int],
    more: regex.Pattern | None = None,
    ahead: frozenset[int] | set[int] = frozenset(),
) -> set[int]:
    """The runs of ``outside`` after the body (past ``last``) that are labels alone
    and nothing marks as navigation: a list (``Germany`` / ``France`` / ``Spain``,
    a group's teams, a product's colours), not a menu or a tag cloud. A run of three
    or more may also hold short teaser-shaped lines, of at most ``short`` words (a
    product's features: ``Waterproof to 50 metres`` / ``Ten days of battery life``;
    a cast: ``Tom Hanks as Forrest Gump``; ``count(k)`` counts line ``k``'s words as
    the clean does, a CJK character as one): a list's items are short, the teaser
    headlines of a list of other stories are longer.

    A line that can be no list's item (a teaser of more than ``short`` words, the
    page's footer line) splits a run (:func:`_item_runs`): three or more labels alone
    on one side of it are judged on their own (a list right under the page's footer
    line or a heading the kind has no word for), and what else it splits off (two
    labels, short teasers) goes with the run.

    A run of labels is navigation when one of them matches ``navigation`` (a section
    name or a site's action: ``Contact``, ``Weitere Informationen``, ``Drucken``;
    unless a heading over three or more longer items of three words or more stands above
    the first such line: the list over the page's footer is judged on its own), when
    it holds a menu of content headings (``Fixtures`` / ``Results``: :func:`_menu_from`),
    when at least half of them repeat words of the text above them, in any case (a
    tag names what the article is about; a menu met before: ``Kaufen`` under each
    product), or when one is next to a line another rule removed (``beside``; a run
    of three or more whose only such neighbour opens two or more removed paragraphs
    after it, ``ahead``, a related box's heading and its teasers, is let off when it
    reads as a list: :func:`_headed`).
    Unsure means keep. (Runs are judged only with ``tail_runs``.)
    """
    kept: set[int] = set()
    # The words of the text above the run being judged, read once up to there (a
    # text of many runs costs one pass over its words, not one per run); each word
    # met is stripped once, not at each of its occurrences.
    seen: set[str] = set()
    upto = 0
    after = sorted(k for k in outside if k > last)
    i = 0
    while i < len(after):
        j = i
        while j + 1 < len(after) and after[j + 1] == after[j] + 1:
            j += 1
        whole = after[i : j + 1]
        i = j + 1
        if any(k in beside for k in whole) and not (
            len(whole) >= 3
            and all(k in ahead for k in whole if k in beside)
            and _headed(whole, count)
        ):
            continue
        for run in _item_runs(whole, lines, short, count):
            # Labels, or teasers short enough to be a list's items (those only in a
            # run of three or more); split off a longer run, three labels or more.
            teasers = any(lines[k].furniture != "label" for k in run)
            split = len(run) < len(whole)
            if (len(run) < 3 and (teasers or split)) or (split and teasers):
                continue
            nav = next(
                (j for j, k in enumerate(run) if navigation.search(texts[k], None, None, False)),
                None,
            )
            if nav is not None:
                # A heading over three or more items of three words or more, each
                # longer than it, and the page's footer under them ("Le calendrier" /
                # "Première réunion le 20 mars" / ... / "Contribuer"): the list is
                # judged on its own. (A tag cloud's or a navigation box's items are a
                # word or two.)
                run = run[:nav]
                if not _heads_longer_items(run, count, 3, least=3):
                    continue
            headings = [k for k in run if _is_content_heading(texts[k], more)]
            if any(_menu_from(headings, h, texts) for h in range(len(headings))):
                continue  # headings next to each other: "Fixtures" / "Results"
            if upto < run[0]:
                # Split as one text (the same words), so that each is stripped once.
                spelt = set(" ".join(texts[upto : run[0]]).casefold().split())
                seen.update(w.strip(_AROUND_WORD) for w in spelt)
            upto = run[0]
            repeated = 0
            for k in run:
                words = _words_in(texts[k])
                if words and all(w in seen for w in words):
                    repeated += 1
            if 2 * repeated < len(run):
                kept.update(run)
    return kept


def _headed(run: list[int], count: Callable[[int], int]) -> bool:
    """Whether the run reads as a list rather than a menu of single words ("Men" /
    "Women" / "Kids" / "Brands"): its first line has more words than most of the
    others (a list's heading over its items: "Group B" / "Benfica" / "Inter" / ...),
    or most of the others have two words or more (names: "Porteros" / "Unai Simón"
    / "David Raya")."""
    rest = sorted(count(k) for k in run[1:])
    middle = rest[len(rest) // 2]
    return count(run[0]) > middle or middle >= 2


def _item_runs(
    run: list[int], lines: dict[int, _Line], short: int, count: Callable[[int], int]
) -> list[list[int]]:
    """The parts of ``run`` between its lines that cannot be a list's item: labels and
    teaser-shaped lines of at most ``short`` words, in a row. (A list after the body
    may follow the page's own footer or a teaser with no line between them:
    ``First published February 1, 2016`` / ``Group B`` / ``Brazil`` / ...)"""
    parts: list[list[int]] = []
    part: list[int] = []
    for k in run:
        reason = lines[k].furniture
        if reason == "label" or (reason == "teaser headline" and count(k) <= short):
            part.append(k)
        elif part:
            parts.append(part)
            part = []
    if part:
        parts.append(part)
    return parts


# What a line outside the body is judged by its shape alone, not by what it names.
_WEAK = frozenset({"label", "teaser headline"})


def _heads_longer_items(
    run: Sequence[int], count: Callable[[int], int], items: int, least: int = 1
) -> bool:
    """Whether the first line of ``run`` is a heading over ``items`` lines or more, each
    longer than it and of ``least`` words or more (``count``): a list's items ("Le
    calendrier" / "Première réunion le 20 mars" / ...), not a tag cloud's words."""
    if len(run) <= items:
        return False
    heading = count(run[0])
    return all(count(k) > heading and count(k) >= least for k in run[1:])


def _between_kept(
    texts: list[str],
    order: list[int],
    lines: dict[int, _Line],
    outside: set[int],
    last: int,
    structure: set[int],
    navigates: Callable[[str], bool],
    body: Callable[[int], bool],
    count: Callable[[int], int],
    label_words: int,
    opens_so: Callable[[str], bool],
) -> set[int]:
    """The first run of ``outside`` after the body (past ``last``), of labels and
    teaser-shaped lines alone, when it lies between the body (or lines kept after it)
    and a line kept below it, with no line another rule removed between them: a line of
    ``structure`` or a ``body`` paragraph, and no line of the run ``navigates``; or a
    sentence or two kept lines in a row, and the run is a heading of words alone that
    does not navigate over two or more longer items (``count`` words each). Where the
    run ends the text or a removed line, or where a line of it of at most
    ``label_words`` words ``navigates`` or a line of it ``opens_so`` (with a word of
    navigation), the lines above that end when they are a :func:`_headed_list`.

    Furniture stands at the body's edges, not inside its content: a section under a
    heading the kind has no word for ("Anreise" / "Mit dem ICE von Berlin in gut einer
    Stunde"), between the body and the sections after it that their data keeps
    ("Übernachten" / "Hotel Michaelis, Paul-Gruner-Straße 44, Doppelzimmer ab 89
    Euro"), is the article's. (Only the first run: further down, between lines kept as
    data, a page's footer stands as well, a contact box's lines and the menu beside
    them.)"""
    a = min((k for k in outside if k > last), default=-1)
    if a < 0:
        return set()
    if order[a] - order[last] != a - last:
        return set()  # a line another rule removed lies between the body and the run
    below = a + 1
    while below in outside and order[below] == order[below - 1] + 1:
        below += 1
    run = range(a, below)
    # Three or more pairs of a category in sentence case and a name in capitals, each a
    # line, over a line kept under them ("Best in show" / "Peter Lund" / "Largest
    # marrow" / "Amira Haddad" / ... / "The show raised £1,240 ..."): a list of winners,
    # or of parts and who plays them. A menu's or a box's labels are in title case, or
    # a word alone, and open with their word of navigation ("Show all").
    if (
        len(run) >= 6
        and len(run) % 2 == 0
        and below < len(texts)
        and order[below] == order[below - 1] + 1
        and all(_a_category(texts[j], label_words) and not opens_so(texts[j]) for j in run[::2])
        and all(_a_name(texts[j]) for j in run[1::2])
    ):
        return set(run)
    if navigates(texts[a]):
        return set()
    # A list under its heading (see _headed_list), where the run ends the text, lies
    # above a line another rule removed, or holds a line of navigation ("What you can
    # do" / "Keep dogs on leads near the river in nesting season" / "Do not feed the
    # birds bread" / ...; "In this episode" / three titles / "Listen on Spotify"). A
    # box of other stories is headed by a section's name ("Politics", "Latest News")
    # or by words of navigation ("More on this story", "Stories you may have missed").
    ends = below >= len(texts) or below in outside or order[below] != order[below - 1] + 1
    # (A line of more than a label's words that names a page inside is an item: "People
    # with certain long-term health conditions", "Care home residents and carers". A
    # button, a box's label or a footer's line is a label's length, or opens with its
    # word over longer lines or none: "Read more about energy bills", "Stories you may
    # have missed"; an item may open with a section's: "Food served from the first
    # weekend" / "A quiz night every Thursday".)
    stop = next(
        (
            j
            for j in run[1:]
            if (count(j) <= label_words and navigates(texts[j]))
            or (opens_so(texts[j]) and (j + 1 >= below or count(j + 1) > count(j)))
        ),
        below,
    )
    if (ends or stop < below) and _headed_list(texts, lines, range(a, stop), count):
        return set(range(a, stop))
    if ends or any(lines[j].furniture not in _WEAK for j in run):
        return set()  # the text ends, or a line another rule removed lies below
    if below in structure or body(below):
        return set() if any(navigates(texts[j]) for j in run[1:]) else set(run)
    # ... or a sentence kept under a list: a heading of words alone, shorter than each
    # of its two or more items ("What the bill does" / "Grants to states for new fiber
    # and wireless networks" / "A program to help low-income households pay for
    # service" / ... / "The House is expected to take up the bill next month."; an
    # item's words are its sentence's, "help" there names no page). Other stories'
    # titles over a kept line have no such heading ("15 Amazing Images of Stars" / ...
    # / "Originally published on Live Science.").
    if (
        lines[below].furniture is None
        and (_ends_a_sentence(texts[below]) or _kept_on(order, outside, below, len(texts)))
        and _words_alone(texts[a])
        and _heads_longer_items(run, count, 2)
    ):
        return set(run)
    return set()


def _a_category(text: str, label_words: int) -> bool:
    """Two to ``label_words`` words alone in sentence case: a capital, then lower case
    alone ("Best jam", "Largest marrow")."""
    words = text.split()
    return (
        2 <= len(words) <= label_words
        and text[:1].isupper()
        and _words_alone(text)
        and all(w.islower() for w in words[1:])
    )


def _a_name(text: str) -> bool:
    """Two to four words alone, each opening in capitals: a person's name ("Peter
    Lund", "Mary Ann Cole")."""
    words = text.split()
    return 2 <= len(words) <= 4 and _words_alone(text) and all(w[:1].isupper() for w in words)


def _headed_list(
    texts: list[str], lines: dict[int, _Line], part: range, count: Callable[[int], int]
) -> bool:
    """Whether ``part`` is a heading of words alone in sentence case (an apostrophe
    allowed: "This month's jobs at a glance"; a box's "Latest News" is in title case,
    another story's title names someone: "Pats place Olszewski on IR"), three words
    or more or two with a lower-case word of four letters ("Cancelled events"), over
    three or more items of three words or more (two or more under a heading of four
    words or more: "Who can get a free flu jab" / "Pregnant women" / ...), each a
    label or shaped as a teaser. A tag cloud's or a menu's items are a word or two."""
    heading = count(part.start)
    title = texts[part.start]
    words = title.replace("'", "").replace("’", "").split()
    if (
        not (heading >= 3 or _in_sentence_case(title, heading))
        or not "".join(words).isalpha()
        or not all(w.islower() for w in words[1:])
        or any(lines[j].furniture not in _WEAK for j in part)
    ):
        return False
    # Items of two words or more under a heading of four words or more, else of three.
    least = 2 if heading >= 4 else 3
    return len(part) > 3 and all(count(j) >= least for j in part[1:])


def _kept_on(order: list[int], outside: set[int], k: int, n: int) -> bool:
    """Whether the line under line ``k`` stays too, with no line another rule removed
    between them: a list goes on past the run above them ("$2.1 million for street
    repairs" / "A new library branch on Fulton Avenue, opening in 2028")."""
    return k + 1 < n and k + 1 not in outside and order[k + 1] == order[k] + 1


def _fact(line: _Line) -> bool:
    """Whether a judged line holds data or facts (a price, hours, an address)."""
    return line.data or line.facts


def _fact_groups(
    lines: dict[int, _Line],
    outside: set[int],
    last: int,
    n: int,
    texts: list[str],
    navigates: Callable[[str], bool],
) -> set[int]:
    """The run of ``outside`` right after the body (past ``last``) when it is groups of
    three or four lines, one line of each holding facts in the same place: entries of a
    list with their dates, hours or places ("Altstadt-Weihnachtsmarkt" / "29. November
    bis 23. Dezember, täglich 11 bis 21 Uhr" / "Marktplatz" / "Hafenweihnacht" / "30.
    November bis 30. Dezember, 12 bis 22 Uhr" / "Am Alten Hafen"), each group to the
    run's end with its facts in place and none in the line before them, the entry's
    name (but for words of navigation that end the run, which are the site's). The
    whole run is content then: what the facts of lines one or two apart keep (see
    _structured) reaches no further."""
    run = []
    k = last + 1
    while k < n and k in outside:
        run.append(k)
        k += 1
    size = len(run)
    if size < 5:
        return set()  # two groups of three, the last without its third line, at least
    while size and navigates(texts[run[size - 1]]):
        size -= 1
    fact = [_fact(lines[run[j]]) for j in range(size)]
    for period in (3, 4):
        if size < 2 * period - 1:
            break
        for column in range(period):
            name = (column - 1) % period
            slots = fact[column::period]
            if len(slots) >= 2 and all(slots) and not any(fact[name::period]):
                return set(run[:size])
    return set()


def _field_pairs(
    texts: list[str],
    order: list[int],
    lines: dict[int, _Line],
    outside: set[int],
    words: Callable[[int], int],
    label_words: int,
    navigates: Callable[[str], bool],
) -> set[int]:
    """The runs of ``outside`` where each field's name and its value take a line each,
    as a description list sets them ("Time" / "7:30pm" / "Running time" / "About 100
    minutes" / "Venue" / "Main Hall" / "Age" / "8 and over"): an event's, a venue's or a
    product's box.

    Three pairs or more, none removed between them; each name a label; each value of
    up to ``label_words`` words or, with a number, twice as many ("2 hours 10 minutes,
    with an interval"), or a span of dates (which stays as data); at least half the
    values with a number (a date, a time, a price, an age), counted from the first
    value with one (the pairs above it are a menu's items); no name or value naming
    navigation ("Spring 2/2020" / "Share" / "Print": a magazine's issues and buttons).
    A menu's items seldom hold numbers, and teasers are longer."""
    # The first line of each pair, in one pass; then each chain of pairs once.
    starts = {
        k
        for k in outside
        if k in lines
        and lines[k].furniture == "label"
        and (k + 1 in outside or (k + 1 < len(texts) and _date_span(texts[k + 1])))
        and order[k + 1] == order[k] + 1
        and (
            words(k + 1) <= label_words
            or (
                words(k + 1) <= 2 * label_words
                and _HAS_NUMBER.search(texts[k + 1], None, None, False) is not None
            )
        )
    }
    kept: set[int] = set()
    for first in sorted(starts):
        if first - 2 in starts and order[first] == order[first - 1] + 1:
            continue  # inside a chain already read
        chain = [first]
        while chain[-1] + 2 in starts and order[chain[-1] + 2] == order[chain[-1] + 1] + 1:
            chain.append(chain[-1] + 2)
        if len(chain) < 3:
            continue
        numbered = [_HAS_NUMBER.search(texts[j + 1], None, None, False) is not None for j in chain]
        if sum(numbered) < 2:
            continue  # a menu's items (the names of navigation are not asked)
        # Cut at a name of navigation; a part's first pairs without a number are a
        # menu's items above the box, not its fields.
        part: list[tuple[int, bool]] = []
        for j, number in [*zip(chain, numbered, strict=True), (-1, False)]:
            if j >= 0 and not navigates(texts[j]) and not navigates(texts[j + 1]):
                if part or number:
                    part.append((j, number))
                continue
            count = sum(1 for _, numbered_value in part if numbered_value)
            if len(part) >= 3 and 2 * count >= len(part):
                kept.update(range(part[0][0], part[-1][0] + 2))
            part = []
    return kept


# A row of a box that sets a dash between its key and its value ("Pista – 4.309 metros",
# "Winner - Lewis Hamilton - Mercedes", "रैम- 2 जीबी"): the key of one to three words.
_DASHED_ROW = compile_pattern(rf"^{_KEY_WORDS}(?: [–—-] |{_KEY_DASH} )\S")


def _dashed_rows(texts: list[str], order: list[int], outside: set[int]) -> set[int]:
    """The runs of ``outside`` of three rows or more that each open with a key and a
    dash, at least half of them with a number, none removed between them: a race's or
    a match's facts ("Circuito – Interlagos" / "Pista – 4.309 metros" / "Voltas – 71" /
    "Vencedor – Lewis Hamilton"). (A teaser's title with a dash inside is longer than
    a key, or stands among titles without one.)"""
    rows = [
        k
        for k in outside
        if ("– " in texts[k] or "- " in texts[k] or "— " in texts[k])
        and _DASHED_ROW.match(texts[k], None, None, False) is not None
    ]
    kept: set[int] = set()
    if len(rows) < 3:
        return kept
    rows.sort()
    run: list[int] = []
    for k in [*rows, -2]:
        if run and k == run[-1] + 1 and order[k] == order[run[-1]] + 1:
            run.append(k)
            continue
        if len(run) >= 3 and 2 * sum(
            1 for j in run if _HAS_NUMBER.search(texts[j], None, None, False)
        ) >= len(run):
            kept.update(run)
        run = [k]
    return kept


#: A row among rows is at most this many characters long.
ROW_CHARS = 60


def _rows_among_rows(
    texts: list[str], order: list[int], lines: dict[int, _Line], outside: set[int]
) -> set[int]:
    """The lines of ``outside`` that stand between two lines that stay, none removed
    between them, all three short lines with a number that end no sentence: a row of a
    schedule or a table the others are ("Saturday 6pm (Vigil)" / "Sunday 9am and
    11am" / "Monday to Friday 10am"). A teaser between two rows is longer, or has no
    number; a widget's link row is no row ("4.87 / 5 Sterne" between the lines of a
    rating box)."""
    n = len(texts)
    kept: set[int] = set()
    for k in outside:
        if not (0 < k < n - 1) or k - 1 in outside or k + 1 in outside:
            continue
        if lines[k].furniture == "link row":
            continue
        if order[k] != order[k - 1] + 1 or order[k + 1] != order[k] + 1:
            continue
        if all(_a_row(texts[j]) for j in (k - 1, k, k + 1)):
            kept.add(k)
    return kept


def _a_row(text: str) -> bool:
    """A short line with a number that ends no sentence (see _rows_among_rows)."""
    return (
        len(text) <= ROW_CHARS
        and not _ends_a_sentence(text)
        and _HAS_NUMBER.search(text, None, None, False) is not None
    )


def _runs(outside: set[int], first: int, beside: set[int]) -> set[int]:
    """Before the body every line; after it only runs of two or more, and ``beside``."""
    return {k for k in outside if k < first or k - 1 in outside or k + 1 in outside or k in beside}


def _in_a_row_of_three(row: list[bool]) -> bool:
    """``row`` holds whether each of the lines k-2 .. k+2 is like line k: is k one of
    three alike in a row?"""
    return (row[0] and row[1]) or (row[1] and row[3]) or (row[3] and row[4])


# What can head a group of a table's rows: a division's name, a day's date.
_GROUP_HEADING = frozenset({"label", "date or time"})


class _Line:
    """A line outside the body as judged from its text: its evidence of being furniture
    (None: it reads as text, or has none), and what structure it has. Read, never
    changed once made.

    A plain class, not a frozen dataclass: the compiled build makes one in about 30 ns
    instead of 750 (a frozen dataclass's ``__init__`` runs interpreted), and one is
    made for every line outside the body.
    """

    __slots__ = ("data", "facts", "furniture", "keyed", "link", "marker", "pair", "row", "shape")

    def __init__(
        self,
        furniture: str | None,
        data: bool = False,
        marker: str | None = None,
        link: bool = False,
        pair: bool = False,
        shape: str | None = None,
        row: bool = False,
        facts: bool = False,
        keyed: bool = False,
    ) -> None:
        self.furniture = furniture
        self.data = data
        self.facts = facts
        self.marker = marker
        self.link = link
        self.pair = pair
        self.shape = shape
        self.row = row
        # A "Key: value" line with a longer value than pair's, holding a number.
        self.keyed = keyed

    def as_furniture(self, reason: str) -> _Line:
        """The same line, same structure, with ``reason`` as its evidence."""
        return _Line(
            reason,
            self.data,
            self.marker,
            self.link,
            self.pair,
            self.shape,
            self.row,
            self.facts,
            self.keyed,
        )


_NONE = _Line(None)
#: Evidence of navigation: what may stand above the headline (a menu, a crumb, a date).
_NAVIGATION = frozenset({"label", "link row", "counter", "date or time", "bare link or handle"})
#: ... and what a line too short for a headline may be above it, still in the menu: a
#: menu's item of a word or two with a digit is teaser-shaped ("COVID-19").
_MENU_ITEM = _NAVIGATION | {"teaser headline"}
# A line of words alone has no structure: one record per verdict.
_ALPHA_LINES = {
    reason: _Line(reason) for reason in (None, "label", "date or time", "teaser headline")
}


#: With this many lines outside the body to judge or more, :func:`hard_wrapped` is
#: asked before they are judged, not after: a hard-wrapped text's are then not judged.
_MANY_TO_JUDGE = 100


@dataclass(frozen=True)
class EdgesRule(Rule):
    body_words: int = 12
    long_words: int = 20
    keep_words: int = 3
    tail_runs: bool = True
    label_words: int = 4
    wrapped_share: float = WRAPPED_SHARE
    navigation: regex.Pattern | None = None
    content_headings: regex.Pattern | None = None

    def __post_init__(self) -> None:
        # The navigation pattern's words as a trie (see factor_words), compiled while
        # the pack loads: the cache of compiled patterns keeps what a build compiled.
        if self.navigation is not None:
            factored(self.navigation)

    @property
    def local(self) -> bool:
        return False  # the body's edges depend on every paragraph

    def find(self, view: View) -> Iterator[Removal]:
        all_texts = view.texts
        order = [i for i in view.order if all_texts[i] is not None]
        texts = [all_texts[i] or "" for i in order]
        n = len(texts)
        # Words only of the paragraphs looked at: the head and tail, and the
        # body paragraphs that bound them (a long document costs its edges).
        # The counts are the clean's own (View.words): each text counted once.
        counts = view.counts

        def words(k: int) -> int:
            return counts[texts[k]]

        first = -1
        for k in range(n):
            if self._body(texts[k], words(k)):
                first = k
                break
        if first < 0:
            return
        last = first
        for k in range(n - 1, first, -1):
            if self._body(texts[k], words(k)):
                last = k
                break
        if last == first and not _reads_as_prose(texts[first]):
            # One long line and no prose: a title over a song's lyrics, an item of
            # an agenda or a timeline. The text has no body to find the edges of.
            return
        body_first, body_last = first, last
        if last == first:
            # One body paragraph: a text of short sentences, the rest of its body
            # above it ("Here are the winning numbers ..." / "The jackpot was ..." /
            # the numbers / "If you have won, you have 180 days ..."). The body starts
            # at its second sentence of SHORT_SENTENCE words or more above it.
            seen = 0
            for k in range(1, first):
                if words(k) >= SHORT_SENTENCE and _ends_a_sentence(texts[k]):
                    seen += 1
                    if seen == 2:
                        first = k
                        break
        # A lead-in of as many words one or two lines before the first body paragraph
        # opens the body ("The Latest on the storm (all times local):" / "9 p.m." / the
        # first update): what it introduces is content. So does one further up, over
        # shorter lines only (but for the line right above the first), when they are
        # the fields it announces, each perhaps under a bullet of its own ("Please be
        # advised that there will be a closure as follows:" / "-" / "Location: Main
        # Street" / "-" / "Closure Start: ..." / the first paragraph); not a form's
        # fields under its prompt ("Enter your details below ...:" / "Email" / "Name").
        for k in range(first - 1, max(first - _LEAD_IN_REACH, 0) - 1, -1):
            if words(k) >= self.body_words:
                if _LEAD_IN.of(texts[k]) and (
                    k >= first - 2 or all(_a_field_or_mark(texts[j]) for j in range(k + 1, first))
                ):
                    first = k
                    break
                if k < first - 1:
                    break
        # ... and so do a table's rows right above it ("CHRISTMAS HOLIDAYS - Monday
        # 19th December |" / "||" / "Tuesday 3rd January | INSET day | |": _a_table).
        up = first
        while up > 0 and texts[up - 1].endswith("|"):
            up -= 1
        if up < first and _a_table(texts, first, last):
            first = up
        while last + 1 < n and _LIST_ITEM.match(texts[last + 1], None, None, False):
            last += 1
        lead_in = -1
        if (
            _LEAD_IN.of(texts[last])
            or (last + 1 < n and _LEAD_IN.of(texts[last + 1]))
            or (
                last + 1 < n
                and texts[last].endswith((".", "!"))
                and texts[last][:-1].rsplit(" ", 1)[-1].casefold() in _BELOW_WORDS
                and _POINTS_BELOW.search(texts[last][-200:], None, None, False) is not None
            )
            or (
                last + 2 < n
                and words(last + 1) < self.body_words
                and texts[last + 1].endswith(".")
                and _ANNOUNCES.match(texts[last + 1], None, None, False) is not None
            )
        ):
            # The body ends by announcing what follows ("She read this poem:"):
            # what follows is its content, not furniture.
            last = n - 1
        elif (
            last + 1 < n
            and texts[last][:1] in _ANNOUNCING_INITIALS
            and _OPENS_ANNOUNCING.match(texts[last], None, None, False) is not None
        ):
            # ... and so does a last paragraph that opens announcing it ("Here are
            # the books that arrived this month. Reserve any of them ..."), down to a
            # line another rule removed (a feedback prompt under the list).
            while last + 1 < n and order[last + 1] == order[last] + 1:
                last += 1
        elif last + 1 < n:
            # The body's text may end in a sentence or two too short to be body
            # paragraphs ("Judge Ann Price said the scheme was cruel."): a lead-in
            # after them ("Sentences:") heads what follows as a heading that announces
            # content does.
            end = last
            while (
                end + 1 < n
                and end < last + 2
                and words(end + 1) >= self.keep_words
                and _ends_a_sentence(texts[end + 1])
            ):
                end += 1
            if end > last and end + 1 < n and _LEAD_IN.of(texts[end + 1]):
                lead_in = end + 1
            last = _structure_goes_on(texts, first, last)
        while first > 0 and _LIST_ITEM.match(texts[first - 1], None, None, False):
            first -= 1
        verdicts = view.verdicts
        rid = self.id

        def judged(k: int) -> _Line:
            """Paragraph ``k`` judged from its text, once per text and clean."""
            key = (rid, texts[k])
            line: _Line | None = verdicts.get(key)  # type: ignore[assignment]
            if line is None:
                line = verdicts[key] = self._judge(texts[k], words(k))
            return line

        def in_a_box(k: int) -> bool:
            """Whether line ``k``, cut short, sits among other stories' titles: next
            to another line cut short, or above navigation (a headline that trails
            off, "Is this the end of…", has its standfirst or the body under it)."""
            if texts[k - 1].endswith(_CUT_SHORT):
                return True
            if k + 1 >= first:
                return False
            return texts[k + 1].endswith(_CUT_SHORT) or judged(k + 1).furniture in _NAVIGATION

        # POLICY keeps the headline "when the text starts with one": a first
        # paragraph of a few words before the body, or the first such line under
        # nothing but navigation (a menu, a crumb, a date above the headline).
        head = -1
        cut: list[int] = []
        for k in range(first):
            if words(k) >= HEADLINE_WORDS and not (
                # Two or three CJK characters count three or four words (one for the
                # run, one a character), but are a menu's item: "首页", "ホーム".
                words(k) <= self.label_words and " " not in texts[k] and not texts[k].isascii()
            ):
                if _LIST_ITEM.match(texts[k], None, None, False):
                    continue  # a teaser list's item ("- ..."), not the headline
                if k == 0 and words(k) <= self.label_words and self._crumb(texts[k]):
                    continue  # "Home World News": a crumb, not the headline
                if k == 0 and k + 1 < first and _glued_menu(texts[k]):
                    continue  # a menu run together: "UC HomeAbout UCUC AcademicsUC ..."
                if k == 0 and k + 1 < first and judged(k).furniture == "date or time":
                    continue  # a date above the headline: "15th July 2024" / the title
                if (
                    k == 0
                    and k + 1 < first
                    and words(k + 1) >= HEADLINE_WORDS
                    and judged(k).furniture == "link row"
                    and _short_items(texts[k])
                    and (
                        judged(k + 1).furniture not in _NAVIGATION
                        or (
                            judged(k + 1).furniture == "label" and not self._navigates(texts[k + 1])
                        )
                    )
                ):
                    # ... nor a row of a word or two between its bars, over a line that
                    # can be the headline ("What's On | Festivals" / "Harbour Lights
                    # festival returns ..."): that line is, a title of a few words too
                    # ("What's on › Music" / "Winter Solstice Concert"). (A kicker and
                    # its headline are one line: "Opinion | Why the budget fails".)
                    head = k + 1
                    break
                if k == 0 or judged(k).furniture not in _NAVIGATION:
                    if (
                        k > 1
                        and _is_content_heading(texts[k - 1], self.content_headings)
                        and any(words(j) >= HEADLINE_WORDS for j in range(k - 1))
                    ):
                        # What a heading that announces content heads is content: a fact
                        # box's first row ("At a glance" / "Best time to go: April to
                        # June"), not the headline, which stands above the box, among
                        # the lines of a few words there (see _title_among_labels).
                        # (A text that opens with the heading has no headline.)
                        break
                    if k > 0 and texts[k].endswith(_CUT_SHORT) and in_a_box(k):
                        # Other stories' titles cut short to fit a box ("Kohlmann
                        # nominiert zwei Ne..."): the headline is a later line.
                        cut.append(k)
                        continue
                    head = k
                    break
            elif judged(k).furniture not in _MENU_ITEM:
                break
        if head < 0 and cut:
            head = cut[0]  # unsure: no other line to be the headline, so it is one
            cut = []
        if head < 0:
            head = self._title_among_labels(texts, first, judged, words, texts[body_first])
        if (
            head < 0
            and (first == 1 or (first == 2 and judged(1).furniture is None))
            and words(0) >= 2
            and judged(0).furniture == "label"
            and lower_words(texts[0].split()[1:], 4) > 0
            and not self._crumb(texts[0])
        ):
            # The text opens with a title of a few words in sentence case, and the
            # body right under it ("On walking" / an essay's epigraph), or under a line
            # with no evidence of furniture (its first section's number, "I."). (A name, an
            # agency, a section or a button is in title case: "Dennis Steimels",
            # "Agencia EFE", "Key Points", "Zum Video".)
            head = 0
        if (
            head < 0
            and first == 1
            and words(0) == 2
            and ", " in texts[0]
            and not texts[0].endswith(",")
            and _HAS_NUMBER.search(texts[0], None, None, False) is None
        ):
            # ... and so does a title of two words that addresses someone, right over
            # the body ("Goodbye, Dad"): a menu's item has no comma inside.
            head = 0
        if head < 0 and first > 0 and _names_the_subject(texts[first - 1], texts[first]):
            # A title of a word or two that the first sentence opens with names the
            # article's subject ("Lake Vennholm" / "Lake Vennholm is a lake ..."): an
            # encyclopedia's or a glossary's headline, not a section's label.
            head = first - 1
        elif (
            head in (-1, first - 1)
            and first > 1
            and (
                _YEARS.match(texts[first - 1], None, None, False) is not None
                or _date_span(texts[first - 1])
            )
            and _names_the_subject(texts[first - 2], texts[first], person=True)
        ):
            # ... and so does a name over the span of a life ('Margaret "Peggy"
            # Holloway' / "1938 - 2024" or "March 4, 1938 - May 2, 2024" / 'Margaret
            # "Peggy" Holloway, 86, of ...'; the
            # first sentence may leave out a middle name: "Robert James Cole" /
            # 'Robert "Bob" Cole, 87, ...').
            head = first - 2
        # A title of two words whose words the body's first sentence opens with, higher
        # up than the line right above the body: a glossary's or an encyclopedia's
        # headline over its tagline or a question ("Funding round" / "From the
        # wiki" / "A funding round is ..."; "Funding round" / "What is a funding
        # round?" / ...). (One word is as often a menu's item: "Weather" /
        # "Weather forecasters warn ...".)
        subject = -1
        if first > 1:
            # (The first sentence's opening, read once: a menu's many items of two words
            # are each asked of it.)
            lead = texts[first]
            end = lead.find(" ", 200)
            if end > 0:
                lead = lead[:end]
            folded = lead.casefold()
            for k in range(first - 1):
                if (
                    k != head
                    and words(k) == 2
                    and texts[k].split(" ", 1)[0].casefold().strip(_AROUND_WORD) in folded
                    and _names_the_subject(texts[k], lead)
                ):
                    subject = k
                    break
        # A headline that ends with a colon goes on in the next line ("Open
        # Journalism Project:" / "Better Student Journalism").
        # (A short one: a longer line ending so is a prompt above a form.)
        tail = -1
        if (
            head >= 0
            and head + 1 < first
            and texts[head].endswith((":", "："))
            and words(head) <= 2 * self.label_words
            and words(head + 1) >= 2
        ):
            tail = head + 1
        # The text's first line, a label naming no navigation, over a first line taken
        # for the headline that is a sentence, in sentence case with a full stop: a
        # title or a heading over a short first paragraph ("Warning" / "Do not use
        # this charger with ...", "Thank you" / "To everyone who came ...: thank
        # you."). A headline asks or exclaims, or is in title case, or ends bare.
        title = -1

        def under_a_menu(t: int) -> bool:
            """Whether line ``t`` is a label naming no navigation with only a menu's
            lines (navigation's evidence) above it."""
            return (
                judged(t).furniture == "label"
                and all(judged(j).furniture in _NAVIGATION for j in range(t))
                and not self._navigates(texts[t])
            )

        if (
            head == 1
            and _a_statement(texts[1])
            and lower_words(texts[1].split()[1:], 4, False) >= 3
            and under_a_menu(0)
        ):
            title = 0
        elif (
            head > 1
            and _a_statement(texts[head])
            and texts[head].count(" ") >= 2
            and lower_words(texts[head - 1].split()[1:], 4) >= 2
            and all(judged(j).furniture in _NAVIGATION for j in range(head + 1, first))
            and under_a_menu(head - 1)
        ):
            # ... or, under a menu's labels, a title in sentence case (two lower-case
            # words of four letters or more) over such a sentence taken for the
            # headline: the headline over its standfirst ("Sport" / "Cricket" /
            # "England complete series sweep" / "Root's side win by 42 runs." / a
            # dateline, the body). A section's name is in title case or a word
            # ("Cricket", "UK News"); cards of other stories go on below the sentence
            # ("Senate passes bill" / "The vote was 87-12." / "World" / ...).
            title = head - 1
        elif (
            head > 1
            and words(head - 1) >= HEADLINE_WORDS
            and _a_short_statement(texts[head])
            and all(_a_short_statement(texts[j]) for j in range(head + 1, first))
            and (
                _shares_a_word(texts[head - 1], texts[head], 4)
                or _shares_a_word(texts[head - 1], texts[first], 4)
            )
            and under_a_menu(head - 1)
        ):
            # ... or, in any case, a title of three words or more under a menu's labels
            # over a text that opens with short sentences, the first of them taken for
            # the headline, when it shares a word of four letters or more with that
            # sentence or with the body's first paragraph ("Media trends" / "How Tips
            # Reach Reporters" / "Some tips now go to paying channels." / "Readers still
            # expect ..." / the body). A menu's last item shares none; a label between
            # the sentences makes them story cards ("World" / "Storm hits coast" / ...).
            title = head - 1
        elif (
            first > 1
            and head != 0
            and words(0) <= self.label_words
            and _BODY_END.of(texts[first])
            and _words_in(texts[first])[: words(0)] == _words_in(texts[0])
            and (head < 0 or judged(head).pair or judged(head).data)
            and not self._navigates(texts[0])
        ):
            # ... or whose words the body's first sentence opens with, over a fact box
            # ("Marie Lenoir" / "Born: 12 April 1921, Lyon" / ... / "Marie Lenoir was
            # a French physicist ..."): no headline, or the line taken for it is the
            # box's. (Over a headline, it is a menu's item: "NFL" / "Browns" / ... /
            # "The NFL suspended ...".)
            title = 0
        elif (
            0 < head < first - 1
            and words(0) <= self.label_words
            and all(judged(j).pair or judged(j).data for j in range(1, head + 2))
            and under_a_menu(0)
        ):
            # ... or right over a fact box that the line taken for the headline is in
            # ("Gemüselasagne" / "Zubereitungszeit: 30 Minuten" / "Backzeit: ...",
            # "Ficha técnica" / "Director: Pedro Almodóvar" / "Reparto: ...").
            title = 0
        elif (
            1 < head < first - 1
            and words(head - 1) <= self.label_words
            and (judged(head).pair or judged(head).data)
            and (judged(head + 1).pair or judged(head + 1).data)
            and words(head) < 2 * self.label_words
            and _HAS_NUMBER.search(texts[head], None, None, False) is not None
            and under_a_menu(head - 1)
        ):
            # ... and so under a menu's labels, over short rows with a number ("Recetas" /
            # "Tortilla de patatas" / "Tiempo: 45 minutos" / "Raciones: 4"; a headline
            # with a colon reads as a pair: "Nachrichten" / "Autohersteller" / "Skoda:
            # Der lange Weg zum Strom").
            title = head - 1
        # A title set twice above the body, at most two short lines between its copies
        # (a date, a byline's name, a label: "Jalan rusak makin panjang" / "Jalan
        # rusak makin panjang" / "user" / a date), is the headline, wherever the line
        # taken for it stands (a search box's prompt, a weather link above it): its
        # last copy stays. So is a title that a crumb's last item repeats ("Home /
        # News / Festival returns to the square" / "Festival returns to the square"),
        # and the crumb taken for the headline goes. (Other stories' titles, or a
        # menu's items, repeated stand among other titles or items.)
        twice = -1
        for k in range(1, first):
            if (
                words(k) < HEADLINE_WORDS
                or judged(k).furniture not in ("teaser headline", "label")
                or (head >= 0 and texts[head] == texts[k])
            ):
                continue
            j = k - 1
            while j >= k - 3 and j >= 0 and words(j) <= self.label_words:
                j -= 1
            if j < max(k - 3, 0):
                continue
            above, text = texts[j], texts[k]
            if above == text:
                twice = k
            elif (
                above.endswith(text)
                and above[: -len(text)].rstrip()[-1:] in _LINK_ROW_CHARS
                and judged(j).furniture == "link row"
            ):
                twice = k
                if j == head:
                    head = -1
        ks = (
            *(k for k in range(first) if k not in (head, tail, title, subject, twice)),
            *range(last + 1, n),
        )
        # A text whose lines are hard-wrapped (an RFC, plain-text mail) has nothing
        # taken out here (below). With many lines to judge that is asked first: judging
        # a line costs microseconds, the question a fraction of one a line.
        many = len(ks) >= _MANY_TO_JUDGE
        if many and hard_wrapped(texts, self.wrapped_share):
            return

        lines: dict[int, _Line] = {}
        outside = set()
        for k in ks:
            line = lines[k] = judged(k)
            if line.furniture:
                outside.add(k)
        for k in cut:
            # Cut short, a title reads as a sentence that ends in dots: it is a teaser
            # (and keeps what structure it has: a price in it still makes data).
            line = lines[k]
            if not line.furniture:
                lines[k] = line.as_furniture("teaser headline")
                outside.add(k)
        # Runs only after the body: what is left of them once structure is taken
        # out is a subset, so a text with no run there needs no more work.
        beside: set[int] = set()
        ahead: set[int] = set()
        if self.tail_runs:
            beside, ahead = _labels_beside_removed(texts, outside, last, lines, order, view, rid)
            outside = _runs(outside, first, beside)
        if not outside or (not many and hard_wrapped(texts, self.wrapped_share)):
            return
        # The body's own edge lines, judged too: a list, table or fact box that
        # begins inside the body and runs on past its edge is one structure.
        # (Only those within two lines of a line outside are read: every test of
        # _structured looks at most two lines away.)
        for k in (first, first + 1, last - 1, last):
            if (
                first <= k <= last
                and k not in lines
                and (k - 2 in outside or k - 1 in outside or k + 1 in outside or k + 2 in outside)
            ):
                lines[k] = judged(k)
        # ... and the headline's (it stays): a list or table the text opens with may
        # begin at it ("Ingredients" / "2 cups flour" / ...). (Not one right above the
        # body: a price or a figure in a headline, "Three-bedroom terrace with garden,
        # £325,000", makes the section's name over it no data's label.)
        for k in (head, tail):
            if 0 <= k < first - 1 and k not in lines:
                lines[k] = judged(k)
        # What belongs to a list, a table or a data block stays (judged with the
        # lines around it: a row without evidence still makes a table), and so does
        # a label of words alone right above two or more rows of a table, its
        # heading ("Top scorers" / "Okafor 14" / "Lindqvist 11"), unless it names
        # navigation. (Not above any structure: a brand's name stands over a shop's
        # prices, a table of contents' part over its links.)
        structure = self._structured(lines, outside, texts)
        structure |= _fact_groups(lines, outside, last, n, texts, self._navigates)
        structure |= _field_pairs(
            texts, order, lines, outside, words, self.label_words, self._navigates
        )
        structure |= _dashed_rows(texts, order, outside)
        outside -= structure
        outside -= {
            k
            for k in outside
            if k + 2 in structure
            and (k + 1 in structure or k + 1 == head)
            and order[k + 2] == order[k] + 2
            and lines[k + 1].row
            and lines[k + 2].row
            and lines[k].furniture == "label"
            and not self._navigates(texts[k])
        }
        if head >= 0:
            outside -= _announced_in_the_head(texts, order, lines, outside, head, first)
            if _fact_box_heading(texts, lines, outside, head + 1, first, self._navigates):
                outside.discard(head + 1)
        # A chapter's title under its number ("Chapter 3" / "The Lighthouse").
        outside -= {k for k in outside if k > 0 and _is_division(texts[k - 1])}
        outside -= _signature(texts, outside, last)
        if first > 0 and (first - 1 in outside or first - 2 in outside):
            outside -= _first_section_heading(texts, lines, outside, first)
            outside -= _first_sentence_case_heading(texts, outside, first, self.label_words)
            if (
                first - 1 in outside
                and first - 1 > head
                and words(first - 1) <= self.label_words
                and _numbered_list_heading(texts, judged, head, first, last, self._navigates)
            ):
                outside.discard(first - 1)
        if first > 1:
            outside -= _numbered_run_above_the_body(texts, outside, head, first)
        outside -= _rows_among_rows(texts, order, lines, outside)
        if first > 0:
            outside -= _headings_between_sentences(
                texts, lines, outside, head, first, words, self._navigates
            )
        if body_first > 0:
            outside -= _entries_above_the_body(
                texts, judged, outside, body_first, head, self._navigates
            )
            outside -= _contents_above_the_body(
                texts, judged, outside, body_first, body_last, head, words, self._body
            )
        pieces = _sentence_pieces(texts, outside)
        outside -= pieces
        # The body's first sentence may open above its first paragraph, broken over
        # lines (a print edition's columns): its top is the first of those pieces.
        top = first
        while top - 1 in pieces:
            top -= 1
        more = self.content_headings
        outside -= _announced_lists(
            texts,
            order,
            outside | _data_under_headings(texts, outside, structure, more),
            last,
            -1,
            more,
        )
        if lead_in in outside:
            outside -= _run_under(order, outside, lead_in)
        elif _names_what_follows(texts[last]):
            # The body's last paragraph says a list follows ("The following roads will
            # be closed on Saturday ..."): the run right under it is that list.
            outside -= _run_under(order, outside, last)
        if head >= 0:
            # ... and between the headline and the body (above the headline such a
            # heading is a menu's item: "Features" / "Blog" / "About"). The list may
            # take in the line taken for the headline: when the text's first line,
            # right above it, is such a heading (that line is the list's first item:
            # "Features" / "Waterproof to 50 metres" / "Ten days of battery life" /
            # ...), or when that line is one itself ("Things to pack" / "Passport" /
            # "Adapter" / ...).
            start = -1
            if head == 1 and 0 in outside and _is_content_heading(texts[0], more):
                start = 0
            elif head + 1 in outside and _is_content_heading(texts[head], more):
                start = head
            if start >= 0:
                outside -= _announced_lists(texts, order, outside | {head}, start - 1, first, more)
            outside -= _announced_lists(texts, order, outside, head, first, more)
        outside -= self._opening_headings(texts, order, lines, outside, head, first, last, more)
        outside -= _list_headings(texts, outside, last)
        # A list's last item without a number, between the list and the next
        # section's heading ("Salt and pepper to taste" / "Instructions"), or the
        # body's first paragraph under two or more of its items ("4 EL Olivenöl" /
        # "1 Chilischote" / "Salz" / "Die Spaghetti ... kochen.").
        outside -= {
            k
            for k in outside
            if k + 1 < n
            and k + 1 not in outside
            and (
                (lines.get(k - 1, _NONE).data and _is_content_heading(texts[k + 1], more))
                or (
                    k + 1 == first
                    and k - 1 in structure
                    and k - 2 in structure
                    and (lines[k - 1].data or lines[k - 2].data)
                    and _words_alone(texts[k])
                )
            )
        }
        # ... and a week's last row without a time, under rows of times that open
        # with their day as it does ("Thursday, 10am to 8pm" / "Friday and Saturday,
        # 10am to 5pm" / "Sunday, closed").
        outside -= {
            k
            for k in outside
            if k >= 2
            and k - 1 not in outside
            and k - 2 not in outside
            and lines.get(k - 1, _NONE).data
            and lines.get(k - 2, _NONE).data
            and _DAY_START.match(texts[k], None, None, False) is not None
            and _DAY_START.match(texts[k - 1], None, None, False) is not None
            and _DAY_START.match(texts[k - 2], None, None, False) is not None
        }
        if (
            first > 0
            and first - 1 in outside
            and texts[first - 1].endswith(":")
            and words(first - 1) <= 2
            and lines[first - 1].furniture == "label"
            and not self._navigates(texts[first - 1])
        ):
            # A heading of a word or two that ends with a colon right above the body
            # heads it ("Einsatzbericht:" under an incident's fact box, "Summary:").
            outside.discard(first - 1)
        if first > 0 and _DATELINE.match(texts[first - 1], None, None, False):
            outside.discard(first - 1)
        if (
            0 <= head < first - 1
            and first - 1 in outside
            and _SCORE_LINE.match(texts[first - 1], None, None, False)
        ):
            # ... and the match's result right above the report, under its headline
            # ("Crystal Palace 1-1 Manchester City" / "Bernardo Silva scored ...").
            outside.discard(first - 1)
        if (
            0 <= head < first - 1
            and first - 1 in outside
            and (
                lines[first - 1].furniture == "teaser headline"
                or (
                    texts[first - 1].count(" ") >= 2
                    and _in_sentence_case(texts[first - 1], self.label_words)
                )
                or (
                    # (Not under a menu's item: "Home" / "About" / "Early potatoes" is
                    # the menu's next item, whatever the post says.)
                    _all_words_shared(texts[first - 1], texts[first])
                    and not (words(first - 2) <= 2 and judged(first - 2).furniture in _NAVIGATION)
                    and not self._navigates(texts[first - 2])
                )
            )
            and _shares_a_word(texts[first - 1], texts[first], 5)
            and not _shares_a_word(texts[head], texts[first], 5)
        ):
            # A headline-shaped line right above the body that shares a word of five
            # letters with the first paragraph, under a line taken for the headline
            # that shares none: the headline itself, under a line the rules missed
            # ("Ir para o conteúdo" / "Chuva forte provoca inundações no litoral" /
            # "As fortes chuvas ... provocaram inundações ..."). (Under a headline
            # that names the story, such a line is a teaser or a caption.)
            outside.discard(first - 1)
        elif 0 <= head < (title_line := _over_marks(texts, outside, top)) and (
            title_line - 2 <= head
            and title_line in outside
            and (
                (
                    lines[title_line].furniture == "teaser headline"
                    # (Under a name of four words, a show's, a title with no number:
                    # "The Quiet Hour Podcast" / "Why we stopped sleeping in two
                    # shifts"; "Am 13. November 2019 Von Henry" is a byline.)
                    and (
                        words(head) <= HEADLINE_WORDS
                        or (
                            words(head) <= self.label_words
                            and _HAS_NUMBER.search(texts[title_line], None, None, False) is None
                        )
                    )
                    and words(title_line) >= words(head) + 3
                    and not self._opens_with_navigation(texts[title_line])
                )
                or (
                    # (Under a blog's name and its tagline, a title as short as the
                    # name: "The Allotment Diaries" / "Just another site" / "Runner
                    # Beans at Last"; the tagline may be gone, taken in a pass before.)
                    words(head) <= HEADLINE_WORDS
                    and 2 <= order[title_line] - order[head] <= 3
                    and "," not in texts[title_line]  # names: "Jane Roe, John Doe"
                    and lines[title_line].furniture in ("label", "teaser headline")
                    and words(title_line) >= HEADLINE_WORDS
                    and not self._navigates(texts[title_line])
                )
            )
            and all(k in outside for k in range(head + 1, top))
        ):
            # ... and a longer title right under a line of a kicker's words taken for
            # the headline, right above the body: the kicker over its headline ("The
            # long read" / "The town that saved its railway" / the standfirst), or a
            # blog's name over its tagline and the post's title ("The Half-Time
            # Whistle" / "Just another site" / "The Big Match - Second Half"), or a
            # paper's name over the title (a print edition's "Daily Star Sunday" /
            # the title / a rule's "-"). (Not under a menu's lines: "Recent comments" /
            # a comment's first words; nor one that opens with a menu's word, "More
            # videos ...": a title's word of a section, "... in style", is no menu.)
            outside.discard(title_line)
        if self.tail_runs:
            outside = _runs(outside, first, beside)
            if self.navigation is not None:
                short = self.body_words // 2
                navigation = factored(self.navigation)  # asked yes or no: see factor_words
                outside -= _unmarked_label_runs(
                    texts, lines, outside, last, beside, navigation, short, words, more, ahead
                )
        if outside:
            outside -= _between_kept(
                texts,
                order,
                lines,
                outside,
                last,
                structure,
                self._navigates,
                lambda k: self._body(texts[k], words(k)),
                words,
                self.label_words,
                self._opens_with_navigation,
            )
        paragraphs = view.paragraphs
        # Conditions pick, of the lines judged furniture, those it may remove
        # (a long teaser it may not remove still makes a run of its neighbours).
        for k in sorted(outside):
            i = order[k]
            if not self.allows(view, i, texts[k]):
                continue
            yield Removal(rid, texts[k], paragraphs[i].line, (i,), None, lines[k].furniture)

    def _opening_headings(
        self,
        texts: list[str],
        order: list[int],
        lines: dict[int, _Line],
        outside: set[int],
        head: int,
        first: int,
        last: int,
        more: regex.Pattern | None,
    ) -> set[int]:
        """The lines of ``outside`` above the body that a heading announcing content
        (:func:`_is_content_heading`) keeps, each case on what the ones before left."""
        left = set(outside)
        # Above the body, a heading that announces content right over a list's item
        # that stays ("Pros" / "- Bright, sharp screen", "Schedule" / "- 9:00 ..."),
        # or over the body's first paragraph, below what the text opens with
        # ("Préparation" / "Mélangez ..."; the text's first line over the body,
        # "Key Points", is a box's label, unless the body has such headings of its
        # own: a paper's "Abstract" over "Introduction" and "Methods").
        left -= {
            k
            for k in left
            if k < first
            and k + 1 not in left
            and order[k + 1] == order[k] + 1
            and (
                (k + 1 == first and (k > 0 or _has_content_heading(texts, first + 1, last, more)))
                or _LIST_ITEM.match(texts[k + 1], None, None, False)
            )
            and _is_content_heading(texts[k], more)
        }
        if (
            head < 0
            and first > 1
            and 0 in left
            and 1 not in left
            and order[1] == order[0] + 1
            and lines[0].furniture == "label"
            and _is_content_heading(texts[1], more)
            and not self._navigates(texts[0])
        ):
            # No headline, and the text's first line, a label, stands over a heading
            # that announces content and stays: the title ("Jahreshauptversammlung" /
            # "Tagesordnung" / "1. Begrüßung" / ...).
            left.discard(0)
        if (head < 0 or head == first - 1) and 0 in left and _is_content_heading(texts[0], more):
            # No headline, and the text opens with a heading that announces content:
            # the run under it, when it reaches the body, is its list ("Cast" / "Emma
            # Stone as Bella" / ... / the body), if it is words alone. (A menu's item
            # in a header goes on into more of the menu, or stands lower; a
            # magazine's section over its teasers holds dates and signs.) The line
            # right above the body may have been taken for the headline when the run
            # holds a second such heading two or more items below the first: pros and
            # cons ("Vorteile" / ... / "Nachteile" / ... / "Nicht für jedes Haus
            # geeignet"); over a headline alone, the run is a menu.
            run = 1
            while (
                run < first
                and (run in left or run == head)
                and order[run] == order[run - 1] + 1
                and _words_alone(texts[run])
            ):
                run += 1
            if run == first > 1 and (head < 0 or _has_content_heading(texts, 3, head, more)):
                left -= set(range(first))
        return outside - left

    def _title_among_labels(
        self,
        texts: list[str],
        first: int,
        judged: Callable[[int], _Line],
        words: Callable[[int], int],
        body: str,
    ) -> int:
        """With no headline found: the first line of three words or more under nothing
        but navigation that is judged a label yet is written as a title in sentence case
        (a word of four letters or more after the first opens in lower case, not all of
        them ``navigation`` words) and shares a word with the body's first paragraph
        (``Configuring the cache`` under ``Docs`` / ``Guides``, ``Boiler pressure keeps
        dropping`` under a forum's sections), or stands right above the body and names
        no navigation (``How the crisis unfolded``), or in a script without case shares
        a word with the body, a Korean word by two syllables; or -1. A form's label
        (``Benutzername oder E-Mail-Adresse``) shares no word, and a save or gift button
        above the body is a rule's (``Give this article``). ``body`` is the body's first
        paragraph (``first`` may be a list's first item right above it)."""
        for k in range(first):
            line = judged(k)
            if line.furniture != "label":
                if line.furniture in _NAVIGATION:
                    continue
                return -1
            text = texts[k]
            count = words(k)
            if count < 2:
                continue
            # Right above the body, or above its date alone ("Turner's Seas" / "12
            # October 2018 – 20 January 2019" / the body).
            right_above = k == first - 1 or all(
                judged(j).furniture == "date or time" for j in range(k + 1, first)
            )
            if (
                (count >= HEADLINE_WORDS or right_above)
                and (
                    (
                        lower_words(text.split()[1:], 4, alpha=False) > 0
                        # Right above the body, a word of four letters will do
                        # ("Weeknight lentil soup" / "This soup is cheap, ...").
                        and _shares_a_word(text, body, 4 if right_above else 5)
                    )
                    # ... and in German, where every noun opens in upper case, a
                    # title right above the body that shares a word of five
                    # ("Neue Tarife ab April" / "Ab dem 1. April gelten ... Tarife").
                    or (right_above and _shares_a_word(text, body, 5))
                    # ... and right above the body, any title in sentence case that
                    # names no navigation ("World" / "How the crisis unfolded" / the
                    # body; "Configuring logging", "On walking": a menu's items are in
                    # title case, or a word alone).
                    or (
                        right_above
                        and _in_sentence_case(text, self.label_words)
                        and not self._navigates(text)
                    )
                    # ... and in a script without case (Korean, Arabic, Hebrew), where no
                    # title is in sentence case, one of three words or more that shares a
                    # word with the first paragraph ("제보가 뉴스가 될 때" / "기존에 언론사로
                    # 갈 제보가 ..."), a Korean word by its first two syllables.
                    or (
                        count >= HEADLINE_WORDS
                        and _caseless(text)
                        and _shares_a_word(text, body, 2 if _has_hangul(text) else 5)
                    )
                )
                # A title of two words right above the body names no navigation, and
                # stands under labels of a word each ("Docs" / "Guides"): under others
                # of two words or more it is a menu's last item ("Who we are" / "What we
                # offer" / "Open positions").
                and (
                    count >= HEADLINE_WORDS
                    or (
                        all(words(j) < 2 or judged(j).furniture != "label" for j in range(k))
                        and not self._navigates(text)
                    )
                )
                and not self._crumb(text)  # last: the navigation pattern is large
            ):
                return k
        return -1

    def _navigates(self, text: str) -> bool:
        """Whether ``text`` names navigation (``Related``, ``More videos``)."""
        navigation = self.navigation
        if navigation is None:
            return False
        return factored(navigation).search(text, None, None, False) is not None

    def _opens_with_navigation(self, text: str) -> bool:
        """Whether ``text`` opens with a word of ``navigation`` (``Read more about ...``)."""
        navigation = self.navigation
        if navigation is None:
            return False
        return factored(navigation).match(text, None, None, False) is not None

    def _crumb(self, text: str) -> bool:
        """A line of ``navigation`` words alone (``Home World News``, ``Login Register
        Logout``): a crumb or a menu set on one line, never a headline. (Asked of short
        lines only: the pattern is large, and a search of it costs microseconds.)"""
        navigation = self.navigation
        if navigation is None or not _words_alone(text):
            return False
        fast = factored(navigation)
        return all(fast.search(word, None, None, False) for word in text.split())

    def evidence(self, text: str, words: int) -> str | None:
        """Why a line outside the body is furniture (``"label"``, ...), or None."""
        return self._evidence(text, words, _words_alone(text))

    def _evidence(self, text: str, words: int, alpha: bool) -> str | None:
        if words == 2 and _is_division(text):
            return None  # a book's division ("Chapter 3", "Part One"), not a label
        if text.endswith(" ¶"):
            return None  # a heading with its permalink's mark ("Abstract ¶"): the author's
        if alpha:
            # Words alone (most menus and teasers): no counter, code, link or row.
            if words >= 3 and text[:1].islower():
                return None  # a piece of running text
            if words <= self.label_words:
                return "date or time" if _STAMP.match(text, None, None, False) else "label"
            return "teaser headline" if _HEADLINE_START.match(text, None, None, False) else None
        letter = text[:1].isalpha()
        if text[:1].isdigit() and _SECTION_NUMBER.match(text, None, None, False):
            return None  # a manual's numbered section heading: "2.7 Thread Safety"
        if _date_span(text):
            return None  # a life's or a run's dates: "November 25, 1919 ~ August 29, 2014"
        if not letter and _COUNTER.match(text, None, None, False):
            # A review's stars are its verdict ("★★★★☆"), not a counter; a span of
            # years is a life's or a period's ("1938 - 2024", "1914–1918"); code's
            # brackets alone are code ("}", "});", "] \\").
            if (
                _STARS.issuperset(text.replace(" ", ""))
                or _YEARS.match(text, None, None, False)
                or _BRACKETS_ALONE.match(text, None, None, False)
            ):
                return None
            return "counter"
        if _STAMP.match(text, None, None, False):
            return "date or time"
        if words == 1 and _ROMAN.match(text, None, None, False):
            return None  # an essay's section number ("I.", "IV."), not a label
        if (words >= 3 and text[:1].islower()) or _runs_on_or_code(text):
            return None  # a piece of running text, or code
        if _is_link(text) or (text[:1] in ("@", "#") and _HANDLE.match(text, None, None, False)):
            return "bare link or handle"
        if (
            words <= 3 * self.label_words
            and not _LINK_ROW_CHARS.isdisjoint(text)
            and _LINK_ROW.search(unquoted(text), None, None, False)
        ):
            return "link row"
        if words <= self.label_words and not _LABEL_NOT.search(text, None, None, False):
            return "label"
        if _HEADLINE_START.match(text, None, None, False):
            return "teaser headline"
        return None

    def _judge(self, text: str, words: int) -> _Line:
        """What a line outside the body is, from its text alone (kept for the whole clean)."""
        alpha = _words_alone(text)
        furniture = None if self._reads_as_text(text, words) else self._evidence(text, words, alpha)
        if furniture and not alpha and _fields(text) and is_data(text):
            furniture = None  # a fact box set in a row: "Tested by: ... RRP: £23.99"
        if alpha:
            # Words alone (most menus and teasers): no data, marker, link, fact or row.
            return _ALPHA_LINES[furniture]
        letter = text[:1].isalpha()
        m = None if letter else _MARKER.match(text, None, None, False)
        shape = None
        spaces = text.count(" ")
        numbered = _HAS_NUMBER.search(text, None, None, False) is not None
        if numbered and (letter or not _COUNTER.match(text, None, None, False)):
            shape = _shape(text)
            if "0" not in shape:
                # No number in its first tokens: the whole line's shape, when the line
                # is not a paragraph's length and its shape long enough to be a list
                # item's (five tokens or more, a number among them: "Steinbach
                # (rechts), 3,2 km", "Normal day Monday 24 December, new day Saturday
                # 22 December"; a teaser's is short, "a0a").
                whole = _whole_shape(text) if spaces < 4 * self.label_words else ""
                shape = whole if len(whole) >= 5 and "0" in whole else None
        facts = spaces < 3 * self.label_words and is_data(text)
        pair = (":" in text or "- " in text or "：" in text) and _KEY_VALUE.match(
            text, None, None, False
        ) is not None
        return _Line(
            furniture,
            data=facts and spaces < 2 * self.label_words,
            marker=_DIGITS.sub("0", m.group()) if m else None,
            link=_is_link(text),
            pair=pair,
            shape=shape,
            row=ends_with_a_number(text),
            facts=facts,
            keyed=(
                not pair
                and ":" in text
                and spaces < 5 * self.label_words
                and numbered
                and _KEY_OPENING.match(text, None, None, False) is not None
            ),
        )

    @staticmethod
    def _structured(lines: dict[int, _Line], outside: set[int], texts: list[str]) -> set[int]:
        """The lines of ``outside`` that belong to a list, a table or a data block.

        ``lines`` are the lines outside the body, judged; every condition looks
        at most two lines away.
        """
        get = lines.get
        n = len(texts)

        def numbered_row(j: int) -> bool:
            return 0 <= j < n and _numbered_row(texts[j])

        def keyed_row(j: int) -> bool:
            """Line ``j`` opens with a key and its colon (or its dash: "RAM- 2 GB")."""
            return _KEY_OPENING.match(texts[j], None, None, False) is not None

        def pair(j: int) -> bool:
            """Line ``j`` is a short pair, judged or not (a line that stays)."""
            if j in lines:
                return lines[j].pair
            return 0 <= j < n and _KEY_VALUE.match(texts[j], None, None, False) is not None

        kept: set[int] = set()
        for k in outside:
            line = lines[k]
            after, before = get(k + 1, _NONE), get(k - 1, _NONE)
            if (
                line.data
                or after.data
                or (before.data and get(k + 2, _NONE).data and k + 1 in lines)
            ):
                kept.add(k)  # data, the label that introduces it, or a line between two
            elif (
                (
                    line.facts
                    and (
                        before.facts
                        or after.facts
                        or get(k - 2, _NONE).facts
                        or get(k + 2, _NONE).facts
                    )
                )
                or (before.facts and after.facts)
                or (after.facts and (get(k + 2, _NONE).facts or get(k + 3, _NONE).facts))
            ):
                kept.add(k)  # longer lines of data, two or more at most a line apart (an
                # info box: "Horarios" / "Jueves ..., de 19.00 a 23.00" / "Precios" /
                # "Entrada general, 15 euros"), what lies between, and the line that
                # introduces them
            elif line.marker is not None and line.marker in (before.marker, after.marker):
                kept.add(k)  # a list: lines opening with the same marker
            elif before.marker == _CLOCK and after.marker == _CLOCK:
                kept.add(k)  # a line between two entries of a schedule: a day's heading
            elif (
                line.marker == _CLOCK
                and before.furniture == "label"
                and get(k - 2, _NONE).marker == _CLOCK
            ):
                kept.add(k)  # ... and the first entry under such a heading, the last line
                # of the schedule ("21:00 ..." / "ITV" / "21:00 The Last Keepers")
            elif line.marker in _NUMBERED and (
                (before.link and get(k - 2, _NONE).marker == line.marker)
                or (after.link and get(k + 2, _NONE).marker == line.marker)
            ):
                kept.add(k)  # a numbered list, each item followed by its link
            elif (
                line.marker in _NUMBERED
                and _LIST_ITEM.match(texts[k], None, None, False) is not None
                and (
                    (
                        k - 1 in lines
                        and before.furniture is None
                        and get(k - 2, _NONE).marker == line.marker
                    )
                    or (
                        k + 1 in lines
                        and after.furniture is None
                        and get(k + 2, _NONE).marker == line.marker
                    )
                )
            ):
                kept.add(k)  # ... or by a line of its text ("1. Phone A" / "Great battery.")
            elif line.link and before.marker in _NUMBERED and before.marker == after.marker:
                kept.add(k)  # ... and the link between two of its items
            elif line.link and (before.link or after.link):
                kept.add(k)  # a list of links: sources, references
            elif line.pair and (before.pair or after.pair):
                kept.add(k)  # a fact box: "Venue: Olympia" then "Tickets: 45 euros"
            elif (
                line.pair
                and (
                    (get(k - 2, _NONE).pair and k - 1 in lines and keyed_row(k - 1))
                    or (get(k + 2, _NONE).pair and k + 1 in lines and keyed_row(k + 1))
                )
            ) or (before.pair and after.pair and keyed_row(k)):
                kept.add(k)  # ... and a row of it with a longer value between two short
                # ones ("Processor: Snapdragon 800" / "Touchscreen: multitouch with a
                # graphics processor too" / "Storage: 16 GB")
            elif (line.pair and (numbered_row(k - 1) or numbered_row(k + 1))) or (
                _numbered_row(texts[k]) and (pair(k - 1) or pair(k + 1))
            ):
                kept.add(k)  # ... beside a row of it with a longer value and a number
                # ("Einsatzort: Landauer Straße" / "Einheiten: Stadtmitte 2 (Löschzug 2,
                # Löschzug 3)"), and that row; a headline in two parts or a caption is no
                # row: "Werbung: Kim Kardashian, ..." / "Screenshots: Instagram")
            elif _box_row(line) and _headed_box(lines, k):
                kept.add(k)  # ... with longer values, under its heading
            elif line.shape is not None:
                shapes = [get(j, _NONE).shape for j in range(k - 2, k + 3)]
                sh = line.shape
                if _in_a_row_of_three([s == sh for s in shapes]) or (
                    # ... or that open with a number, whatever follows ("1 Ei" /
                    # "1 TL Zimt" / "8-9 ripe pears"; "1998/99 ..." / "2003 ...").
                    sh[0] == "0"
                    and _in_a_row_of_three([s is not None and s[0] == "0" for s in shapes])
                ):
                    kept.add(k)  # rows of a table: three or more of one shape
            if line.row and k not in kept:
                rows = [get(j, _NONE).row for j in range(k - 2, k + 3)]
                if _in_a_row_of_three(rows):
                    kept.add(k)  # rows of a table that end with their figure
        # A table goes on under a group's heading: a label right under a row the
        # table keeps, over rows of the same shape ("Arsenal 2-1 Everton" / ... /
        # "Championship" / "Derby 1-0 Hull" / "Stoke 2-2 Millwall").
        for k in sorted(outside):
            line = lines[k]
            if line.furniture not in _GROUP_HEADING or k in kept or k - 1 not in kept:
                continue
            above = get(k - 1, _NONE)
            group = above.shape
            if group is None or above.marker is not None or get(k + 1, _NONE).shape != group:
                continue  # (a numbered list's parts are a contents' menu: "Part II")
            kept.add(k)
            j = k + 1
            while j in outside and lines[j].shape == group:
                kept.add(j)
                j += 1
        # A fact box goes on in a row of its keys under two of its rows it keeps, with a
        # value too long for a short pair ("When: Saturday 8 December, 10am" / "Where:
        # Castle Green" / "Tickets: £4" / "Parking: Park and ride from the leisure
        # centre").
        for k in sorted(outside):
            if (
                k not in kept
                and k - 1 in kept
                and k - 2 in kept
                and texts[k].count(" ") < 12  # a row's length, not a paragraph's
                and keyed_row(k)
                and keyed_row(k - 1)
                and keyed_row(k - 2)
                and (get(k - 1, _NONE).data or get(k - 2, _NONE).data)
            ):
                kept.add(k)
        return kept

    def _body(self, text: str, words: int) -> bool:
        if words >= self.long_words:
            return True
        return words >= self.body_words and _BODY_END.of(text)

    def _reads_as_text(self, text: str, words: int) -> bool:
        if "pic.twitter.com/" in text or is_post_attribution(text):
            return True
        if words >= self.keep_words and _SENTENCE_END.of(text):
            return True
        # A quotation alone on its line, however short ("It's over."), perhaps with whom
        # it is by: what someone said is the body's, and a teaser's title is not a
        # whole quotation.
        return text[:1] in _QUOTES and _QUOTED_SENTENCE.match(text, None, None, False) is not None


declare(
    EdgesRule,
    kind="edges",
    stage=3,
    fields={
        "body_words": ("int", False),
        "long_words": ("int", False),
        "keep_words": ("int", False),
        "tail_runs": ("bool", False),
        "label_words": ("int", False),
        "wrapped_share": ("share", False),
        "navigation": ("patterns", False),
        "content_headings": ("patterns", False),
    },
    condition_defaults={"max_words": 15},
)

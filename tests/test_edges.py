"""The page rule (kind ``edges``): what it may remove outside the body, and what it must keep."""

from __future__ import annotations

import itertools

import pytest

from cleaner import Cleaner
from cleaner.kinds.base import WRAPPED_SHARE, hard_wrapped, runs_on
from cleaner.kinds.edges import _KEY_VALUE, _numbered_item

EDGES = Cleaner().only(["outside-body"])
RULE = next(r for r in Cleaner().rules if r.id == "outside-body")

BODY = (
    "The ferry company said on Monday it would resume sailings after the strike ended.\n"
    "Unions said the agreement included a pay rise and limits on overtime for crews.\n"
)


def kept(text: str) -> list[str]:
    return EDGES.clean(text).text.split("\n\n")


def removed(text: str) -> list[str]:
    return [r.text for r in EDGES.clean(text).removals]


def removed_by_the_pack(text: str) -> list[str]:
    """What the whole bundled pack removes (the page rule judges what the others left)."""
    return [r.text for r in Cleaner().clean(text).removals]


@pytest.mark.parametrize(
    ("line", "evidence"),
    [
        ("World", "label"),
        ("Latin America", "label"),
        ("Why ferry fares rise this year", "teaser headline"),
        ("Home | News | Politics", "link row"),
        ("0", "counter"),
        ("4 55 3", "counter"),
        ("November 20", "date or time"),
        ("Monday 3:00PM", "date or time"),
        ("March 3, 2020 - 10:30 AM", "date or time"),
        ("Samstag, 5. Oktober", "date or time"),
        ("November 25, 1919 ~ August 29, 2014", None),
        ("@ferrynews", "bare link or handle"),
        # No evidence: a review's stars, an essay's section number.
        ("★★★★☆", None),
        ("IV.", None),
        # ... a book's division.
        ("Chapter 3", None),
        ("Part One", None),
        # No evidence: pieces of running text, code.
        ("and the crews went back to work on the", None),
        ("Dublin, Cork,", None),
        ("x = compute(y)", None),
        # ... code's brackets alone, a comment, a macro's continued line (a count in
        # brackets is a counter still).
        ("}", None),
        ("});", None),
        ("/* ffi_type_complex_uchar */", None),
        ("FFI_TYPE_COMPLEX, \\", None),
        ("(3)", "counter"),
        # ... a manual's numbered section heading (a teaser's number, a reading time).
        ("2.7 Thread Safety", None),
        ("11.1. Overview", None),
        ("2.3.7 Complex Type Example", None),
        ("5 Things to Know", "teaser headline"),
        ("0.8 Minuten", "teaser headline"),
        # ... a heading with its permalink's mark, as Sphinx writes it.
        ("Abstract ¶", None),
    ],
)
def test_evidence_names_what_the_line_looks_like(line, evidence):
    assert RULE.evidence(line, len(line.split())) == evidence


def test_a_teaser_list_after_the_body_goes():
    teasers = ["Ferry fares to rise in the spring", "Five islands to visit this summer"]
    assert removed(BODY + "\n".join(teasers) + "\n") == teasers


@pytest.mark.parametrize(
    "tail",
    [
        # A table: rows of one shape with digits.
        "Mar 12 – Dublin, Whelan's\nMar 14 – Glasgow, Oran Mor\nMar 16 – Leeds, Brudenell\n",
        # ... or that end with their figure, not a year.
        "Jane Roe (Labour) 18,204\nMary Major (Conservative) 15,933\nAnn Lee (Green) 3,120\n",
        # A list: lines opening with the same marker.
        "+ Added banners\n+ Added armor stands\n+ Added rabbits\n",
        "% 165 votes\n% 250 votes\n% 437 votes\n",
        # Data and the labels that introduce it.
        "Ticketing\nVIP : 60,000₩\nR : 50,000₩\nInquiry\n02-751-1500\n",
        # A fact box.
        "Screen: 7-inch\nBattery: 10 weeks\nWeight: 174 g\n",
        # Sources: a list of links.
        "https://example.org/a\nhttps://example.org/b\n",
        # A numbered list, each item followed by its link (a shop's picks), after a
        # fact box: not hanging off the body's end, it is a list of its own.
        "Display: 6.1 inches\nBattery: 3,500 mAh\n17) Polaroid 600 Camera\n"
        "http://amzn.to/2A5qzvo\n18) Hasbro Gaming – Taboo\nhttp://amzn.to/2hXWsBA\n",
        # Two ingredients under their heading: a quantity and a unit each.
        "Ingredients\n1 cup honey\n1 tsp ground ginger\n",
        # A venue: its name, street, town with postcode and opening hours.
        "The Old Mill\n12 River Street\nSpringfield, IL 62701\nOpen daily 10am–6pm\n",
        "Kontakt\nFreundeskreis Alte Mühle\nMühlenweg 4\nÖffnungszeiten\nMo–Fr: 9:00 – 16:00 Uhr\n",
        "Box office\nThe Grand Hall\nLondon SW1A 1AA\n",
        # A schedule set out by day: entries that open with a clock time, and each
        # day's heading between two of them.
        "Programme\nFriday, July 10\n18:00 Opening concert, Main Stage\n"
        "20:30 Mara Quintet, Main Stage\nSaturday, July 11\n14:00 Family concert\n"
        "19:00 Ines Holt, Main Stage\n",
        # A review's verdict: its score and its stars.
        "Rating: 4/5\n★★★★☆\n",
        # A contact block: a link and a labelled phone number with its extension.
        "Weitere Informationen:\nwww.musterstadt.de/buergerbuero\nTelefon: 0421 555-0\n",
        # A recipe's nutrition line under its heading (its parts between "|").
        "Nutrition\nCalories: 420kcal | Protein: 38g | Fat: 27g | Carbohydrates: 4g\n",
        # A fact box under its heading, a longer value with a number among short ones.
        "Service suspension\nSection: Seomyeon to Jeonpo\n"
        "Period: March 16 (Sat) first train to March 17 (Sun) last train\n"
        "Alternative: free shuttle bus (every 10 minutes)\n",
        "운행 중단 안내\n구간: 서면역~전포역\n기간: 3월 16일(토) 첫차 ~ 3월 17일(일) 막차\n"
        "대체 교통: 무료 셔틀버스(10분 간격)\n",
    ],
)
def test_structured_content_after_the_body_stays(tail):
    assert removed(BODY + tail) == []


@pytest.mark.parametrize(
    "teasers",
    [
        # Other stories under their kickers, a longer one with a number among short
        # ones, with no heading over them: a related box's list.
        [
            "Watch: Storm hits coast",
            "Live: 5 things to know about the budget vote",
            "Analysis: Why 2024 was the year of the bike",
        ],
        # ... and under a heading, the longer ones alone (no short value among them).
        [
            "Most popular",
            "Live: 5 things to know about the budget vote",
            "Analysis: Why 2024 was the year of the bike",
        ],
    ],
)
def test_kicker_teasers_make_no_fact_box(teasers):
    assert removed(BODY + "\n".join(teasers) + "\n") == teasers


def test_a_line_of_code_with_no_space_stays():
    # An expression that ends with its call's or its index's bracket is code, not a
    # label, when an answer ends with it above the page's buttons.
    page = (
        "Questions\nUsers\nHow do I reverse a list in Python?\n"
        "I have a list of numbers and want it in the opposite order without changing "
        "the original.\nAsked 3 years ago\nViewed 12k times\n"
        "You can use slicing, which returns a new list:\nreversed_list = my_list[::-1]\n"
        "Or use the built-in reversed(), which returns an iterator:\n"
        "list(reversed(my_list))\nShare\nImprove this answer\nFollow\n"
    )
    gone = [r.text for r in Cleaner().clean(page).removals]
    assert "Improve this answer" in gone
    assert "list(reversed(my_list))" not in gone


def test_a_schedule_s_last_group_of_one_entry_stays():
    # By channel, the last heading over a single entry, then the page's own links.
    schedule = (
        "BBC One\n20:00 The Great Cook-Off\n21:00 Harbour Lights, series finale\nITV\n"
        "21:00 The Last Keepers\n"
    )
    tail = ["More TV reviews", "Streaming guide"]
    assert removed(BODY + schedule + "\n".join(tail) + "\n") == tail


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Jane Roe (Labour) 18,204", True),
        ("Mary Major 2:31:40", True),
        ("Turnout 64.2%", True),
        ("Ferry fares to rise in 2026", False),  # a year
        ("Published March 3, 2019", False),
        ("18,204", False),  # a number alone is a counter
        ("Ferry fares to rise", False),
    ],
)
def test_a_row_ends_with_its_figure_not_a_year(line, row):
    from cleaner.kinds.block import ends_with_a_number

    assert ends_with_a_number(line) is row


def test_a_list_s_own_heading_after_the_body_stays():
    """A line ending with a colon right above a bulleted list after the body heads it
    (and so does one above such a heading); without the list under it, it is a label
    in a run like any other. (Right after the body's last paragraph, such a line
    announces what follows, and all of it stays: hence the teaser above it here.)"""
    specs = "GENERAL:\n• Resettable total and partial counters\n• Input for tariff selection\n"
    teasers = ["Ferry fares to rise in spring", "Five islands to visit this summer"]
    head = "\n".join(teasers) + "\nVERSIONS:\nSINGLE PHASE:\n"
    assert removed(BODY + head + specs) == teasers
    run = [*teasers, "VERSIONS:", "SINGLE PHASE:", "Sport"]
    assert removed(BODY + "\n".join(run) + "\n") == run


MEAL_PLAN = (
    "This sample day of the plan spreads five meals over the day, each a few hours apart.\n"
    + "".join(
        f"Meal {n}\nEat every 2-3 hours\n"
        f"{food}, with a side salad of lettuce, cucumber and two boiled eggs, and water.\n"
        f"Portion Fix Containers: 2 Green, 1 Red\n"
        for n, food in enumerate(("Oats", "Chicken chili", "Tomato salad", "Beef stew"), 1)
    )
)


def test_the_body_s_own_keyed_lines_after_it_carry_the_structure_on():
    # A meal plan: after the last long paragraph, its last meal; the line that
    # opens with the body's repeated key ends it.
    tail = "Nighttime Supplement\n30 minutes before bed\nPortion Fix Containers: 1 tsp.\n"
    assert removed(MEAL_PLAN + tail) == []
    # Without that line the body's last key ends it, and what follows is a run of
    # short lines like any other.
    gone = ["Nighttime Supplement", "30 minutes before bed"]
    assert removed(MEAL_PLAN + "Nighttime Supplement\n30 minutes before bed\n") == gone
    # A key that only two lines of the body open with is no structure.
    two = MEAL_PLAN.replace("Portion Fix Containers: 2 Green, 1 Red\n", "", 1)
    assert removed(two + tail) == ["Portion Fix Containers: 2 Green, 1 Red", *gone]


def test_a_table_s_rows_after_the_body_carry_the_table_on():
    # A help page's table, one cell a line, each closed by its bar: its last row, a
    # short key and a sentence too short to be the body's, is still the table's.
    rows = "".join(
        f"{key} |\nThis is the {what} as the organisation knows it, shown near the top of "
        "the advert that every applicant reads first. |\n"
        for key, what in (
            ("Title", "job's name"),
            ("Department", "team's name"),
            ("Grade", "pay band"),
        )
    )
    tail = ["Hours |", "The weekly hours of the job. |"]
    assert removed(BODY + rows + "\n".join(tail) + "\n") == []
    # With no table in the body, the same lines after it are a label and a teaser.
    assert removed(BODY + "\n".join(tail) + "\n") == tail
    # ... and above the body's first paragraph, its first rows open the table.
    head = ["Half term - Monday 13th to Friday 17th February |", "||"]
    assert removed("Diary dates for the spring term\n" + "\n".join(head) + "\n" + rows) == []
    assert removed("Diary dates for the spring term\n" + "\n".join(head) + "\n" + BODY) == head


def test_a_fact_box_in_one_row_before_the_body_stays():
    # Two "Key: value" fields and a price: a review's fact box, not a teaser.
    fact = "Tested by: Jane Roe RRP: £23.99 More info: www.example.com"
    assert removed("Workshop manual review\n" + fact + "\n" + BODY) == []
    # One field and no data is still a teaser ("Explainer: ..."), under the headline.
    teaser = "Explainer: What the new ferry rules mean for you"
    head = "Ferry strike ends after two weeks"
    assert removed("Ferries\n" + head + "\n" + teaser + "\n" + BODY) == ["Ferries", teaser]


def test_a_list_under_a_heading_that_announces_content_stays_under_the_headline():
    # A fact box or tour dates between the headline and the first paragraph.
    head = "Ferry strike ends after two weeks\n"
    box = "Key features\nWaterproof to 50 metres\nTen days of battery life\nBuilt-in GPS\n"
    assert removed(head + box + BODY) == []
    dates = "Tour dates:\nMarch 3 – London, O2 Arena\nMarch 5 – Paris, Zenith\n"
    assert removed(head + dates + BODY) == []
    # A live report's key points after its last entry are its summary.
    points = "Key points\nRed warning for wind until 3pm\nTrains cancelled west of Exeter\n"
    assert removed(BODY + points) == []
    # A paper's or a review's summary heading right above its first paragraph.
    assert removed(head + "Abstract\n" + BODY) == []
    assert removed(head + "Summary\n" + BODY) == []
    # Above the headline a menu may hold such a heading ("Features"): it still goes.
    menu = "Features\nAd Networks\nGroup Publishers\nBlog\n"
    assert removed(menu + head + BODY) == ["Features", "Ad Networks", "Group Publishers", "Blog"]


def test_what_may_stand_above_the_headline_is_evidence_the_rule_gives():
    """The navigation set names evidence by its string: a renamed reason must fail here."""
    from cleaner.kinds.edges import _NAVIGATION

    rule = next(r for r in EDGES.rules if r.id == "outside-body")
    found = {
        rule.evidence(text, len(text.split()))
        for text in ("World", "Home | News | Sport", "4 55 3", "November 20", "@example")
    }
    assert found == _NAVIGATION


def test_the_headline_under_a_menu_stays():
    """POLICY keeps the headline; a menu, a crumb or a date above it does not make it
    a teaser. The headline is the first line of three words or more before the body
    that is not itself navigation (a label, a link row, a counter, a date)."""
    head = "Why Neon Is the Ultimate Symbol of the 20th Century"
    assert removed("Home\nNews\nWorld\n" + head + "\n" + BODY) == ["Home", "News", "World"]
    top = "Example News\nTuesday, November 19, 2019\n"
    assert removed(top + head + "\n" + BODY) == ["Example News", "Tuesday, November 19, 2019"]
    # A short line of words alone is a label, navigation too.
    label = "Storm closes mountain passes"
    assert removed("Home\n" + label + "\n" + head + "\n" + BODY) == ["Home", label]
    # A teaser above it is not navigation, and cannot be told from a headline: the
    # first of them is taken for the headline (on the bench pages this keeps 28 real
    # headlines and 10 such lines).
    teaser = "Storm closes mountain passes as snow returns"
    assert removed("Home\n" + teaser + "\n" + head + "\n" + BODY) == ["Home", head]
    # The first paragraph is the headline as before, whatever its shape.
    crumb_head = "Update | Crash victims identified"
    assert removed(crumb_head + "\nPhoto\n" + BODY) == ["Photo"]


def test_a_long_teaser_shaped_line_stays_but_still_makes_a_run():
    # 13 words without a full stop: as often a standfirst or a body line as a teaser.
    long = "Activists in the United States are calling for a rent freeze during the crisis"
    assert removed(BODY + long + "\nMost read\n") == ["Most read"]
    assert removed("Ferry strike ends\n" + long + "\n" + BODY) == []


@pytest.mark.parametrize(
    ("line", "data"),
    [
        ("12 River Street", True),
        ("1600 Pennsylvania Ave", True),
        ("Springfield, IL 62701", True),
        ("London SW1A 1AA", True),
        ("Hohenzollernstraße 45", True),
        ("Korbacher Str. 93", True),
        ("Open daily 10am–6pm", True),
        ("Mo bis Fr: 9:00 – 16:00 Uhr", True),
        ("Monday to Friday, 9am to 5pm", True),
        ("Open daily 9am until 5pm", True),
        ("Ouvert du mardi au dimanche, de 9 h 30 à 18 h", True),
        ("Abierto de 10 a 20 h", True),
        # Without the unit when both ends give their minutes; in Italian and Dutch.
        ("Jueves de julio y agosto, de 19.00 a 23.00", True),
        ("Sabato dalle 10 alle 24", True),
        ("Dinsdag tot en met zondag van 10 tot 17 uur", True),
        ("Il punteggio finale: 19.00 a 23.5", False),
        # A bare "13h" opens no span: an agenda's teaser, not hours.
        ("2 décembre (13h-18h) - Assemblée Générale", False),
        # A recipe's yield.
        ("Makes one 9-inch pie", True),
        ("Serves 4", True),
        ("Für 4 Personen", True),
        ("Makes sense", False),
        # A venue's name before its street.
        ("Schlosshof, Schlossstraße 1", True),
        ("Olympia Theatre, 12 River Street", True),
        # An event's date and time without a year; a page's stamp has its year.
        ("Freitag, 14. Juni, 20 Uhr", True),
        ("Saturday, June 15, 8 p.m.", True),
        ("Sa., 15.6., 19.30 Uhr", True),
        ("12.03.2024, 09:15 Uhr", False),
        ("June 14, 2024, 9:15 a.m.", False),
        ("Freitag, 14. Juni", False),
        # ... after its label and the place; a name before a date is no label.
        ("Funeral: St Mary's Church, Friday 6 December, 11am", True),
        ("Konzert: Stadthalle, Samstag, 14. Juni, 20 Uhr", True),
        ("Associated Press, June 14, 9:15 a.m.", False),
        # A life's dates, as an obituary closes.
        ("Margaret Holt, teacher, born 3 June 1933; died 18 November 2024", True),
        ("Born in 1933, she died in 2024", False),
        # A vote's tally: fields whose values are numbers, and nothing else.
        ("Dafür: 11, Dagegen: 1", True),
        ("For: 12, Against: 0, Abstained: 1", True),
        ("Votes: 12", False),
        ("Note: 3, see the table below", False),
        # Teasers and counts with numbers are not addresses.
        ("5 Reasons Main Street Is Dying", False),
        ("10 Best Places to Eat", False),
        ("3737 Bewertungen", False),
        ("2019 Audi e-tron Review", False),
    ],
)
def test_a_postal_address_or_opening_hours_is_data(line, data):
    from cleaner.kinds.block import is_data

    assert is_data(line) is data


@pytest.mark.parametrize(
    ("line", "data"),
    [
        ("VIP : 60,000₩", True),  # a currency sign after the amount, at the line's end
        ("Tickets from $25", True),
        ("Shares fell 5.4%", True),
        ("% 165 votes", True),
        # A URL's escapes are not percentages.
        ("%2Ftennis%2Fargentina-wins-davis-cup-opener%2F", False),
        ("search?q=ferry%20fares", False),
    ],
)
def test_prices_and_percentages_are_data(line, data):
    from cleaner.kinds.block import is_data

    assert is_data(line, labelled=False) is data


def test_an_event_s_info_box_after_the_body_stays_whole():
    box = (
        "Info\nFreitag, 14. Juni, 20 Uhr\nSchlosshof, Schlossstraße 1\n"
        "Eintritt: 18 Euro, ermäßigt 12 Euro\nKarten: Tel. 07131/56 78 90 oder an der Abendkasse\n"
    )
    assert removed(BODY + box) == []


def test_an_info_box_of_longer_data_lines_stays_with_its_title():
    # Each line has more words than a short data line, but two of them in a row, and
    # the title over them, are the exhibition's facts, not teasers.
    box = (
        "Hockney: A Year in Normandy. Lakeside Gallery, until 14 September\n"
        "Tuesday to Sunday, 10am to 6pm; late opening on Thursdays until 9pm\n"
        "Tickets £18, concessions £12, under-18s and members go free\n"
    )
    tail = ["More from Culture", "Sign up to our arts newsletter"]
    assert removed(BODY + box + "\n".join(tail) + "\n") == tail
    # ... and a line apart, under their labels.
    box = (
        "Horarios\nJueves de julio y agosto, de 19.00 a 23.00\nPrecios\n"
        "Entrada general, 15 euros; menores de 18, gratis\n"
    )
    tail = ["Más noticias", "Lo más leído"]
    assert removed(BODY + box + "\n".join(tail) + "\n") == tail


def test_an_obituary_s_closing_facts_stay():
    tail = ["Send us your obituary", "Most read", "Town centre car park to close for repairs"]
    facts = (
        "Margaret Holt, teacher, born 3 June 1933; died 18 November 2024\n"
        "Funeral: St Mary's Church, Friday 6 December, 11am\n"
    )
    assert removed(BODY + facts + "\n".join(tail) + "\n") == tail


def test_a_date_alone_over_the_headline_is_no_headline():
    # A help page opens with the date it was updated, an ordinal's "th" and all; its
    # title, over a lead-in and a list, is the headline (the body starts lower down).
    page = (
        "How to find out about roadworks that affect you\n"
        "To let you know in advance about roadworks that may affect you we:\n"
        "• Put up signs along the road two weeks before the work starts there\n"
        "About the letter\n"
        "We aim to have the letter with you two weeks before works are scheduled to "
        "start, with the dates, the hours and the diversions.\n"
    )
    for date in ("15th July 2024", "Monday, July 15th, 2024"):
        assert removed(date + "\n" + page) == [date]
        assert removed("Last updated:\n" + date + "\n" + page) == ["Last updated:", date]


def test_a_date_in_other_languages_is_a_date():
    # "Samstag, 5. Oktober 2024" over a German notice's title is its date, as
    # "Saturday, October 5, 2024" is: the title under it is the headline.
    page = (
        "Sperrung der Hauptstraße ab Montag\n"
        "Die Hauptstraße wird ab Montag für zwei Wochen zwischen dem Rathaus und der "
        "Brücke gesperrt, weil die Leitungen erneuert werden.\n"
        "Die Umleitung ist ausgeschildert.\n"
    )
    for date in ("Samstag, 5. Oktober 2024", "Sabato 5 ottobre 2024", "Le 19 oct. 2025"):
        assert removed(date + "\n" + page) == [date]


def test_two_dates_with_their_years_are_a_span_not_a_stamp():
    # Under a post about a father's death, his life's dates: a span, the post's last
    # words (a date and a time are still a stamp: see the evidence above).
    post = (
        "He was a quiet man whose wants were few, content with his garden and the "
        "birds that came to it every morning.\n"
        "Rest in peace, beloved father, until we see you again.\n"
    )
    for span in ("November 25, 1919 ~ August 29, 2014", "3 June 1933 – 18 November 2024"):
        assert removed_by_the_pack(post + span + "\n") == []


def test_a_two_word_title_that_addresses_someone_is_the_headline():
    # "Goodbye, Dad" right over a post: a comma inside, as no menu's item has one.
    post = (
        "My father died on Thursday morning at the hospice, with my mother holding "
        "his hand.\n"
        "He spent forty years repairing clocks in a shop no wider than a corridor.\n"
    )
    assert removed("Goodbye, Dad\n" + post) == []
    # Two words alone over it are a menu's item, as before.
    assert removed("Family News\n" + post) == ["Family News"]


def test_a_title_under_a_show_s_name_of_four_words_stays():
    # A podcast's name over an episode's title, the body right under it: the name is
    # taken for the headline, and the longer title under it stays, as under a kicker.
    episode = (
        "The Quiet Hour Podcast\nWhy we stopped sleeping in two shifts\n"
        "Historians think that for centuries many people slept in two parts, waking "
        "for an hour in the middle of the night.\n"
        "In this episode a historian of the household tells us how the diaries gave "
        "the habit away.\n"
    )
    assert removed(episode) == []


def test_a_week_s_last_row_without_a_time_stays_with_its_rows():
    # A library's hours after its notice, a link under them: the last row stays (and
    # the link, alone after it now, with it: unsure, so kept).
    hours = ["Opening hours", "Monday to Wednesday, 10am to 6pm", "Thursday, 10am to 8pm"]
    link = "Find your nearest library"
    assert removed(BODY + "\n".join([*hours, "Sunday, closed", link]) + "\n") == []
    # A last line that opens with no day's name goes with the link, as before.
    last = "Holidays, closed"
    assert removed(BODY + "\n".join([*hours, last, link]) + "\n") == [last, link]


def test_a_headline_in_guillemets_is_no_link_row():
    # "»" closes the quotation; between words of a menu it separates them.
    head = "«El último verano», la película que ha conquistado San Sebastián\n"
    assert removed("Cultura\nCine\n" + head + BODY) == ["Cultura", "Cine"]
    assert RULE.evidence(head.strip(), 10) == "teaser headline"
    assert RULE.evidence("Cultura » Cine » Festivales", 5) == "link row"
    assert RULE.evidence("Merkel zur Flüchtlingskrise: »Wir schaffen das«", 6) == "teaser headline"


def test_lines_of_one_long_shape_are_a_list_whatever_they_open_with():
    # A river's tributaries: no number in their first words, but the same shape
    # throughout, under a heading. (A teaser's whole shape is short: none.)
    tail = (
        "Zuflüsse\nSteinbach (rechts), 3,2 km\nMühlgraben (links), 1,8 km\n"
        "Erlenbach (rechts), 2,5 km\n"
    )
    assert removed(BODY + tail) == []
    assert RULE._judge("Steinbach (rechts), 3,2 km", 4).shape == "a(a),0,0a"
    assert RULE._judge("Why ferry fares rose by 5% in May", 8).shape is None


def test_a_price_in_the_headline_makes_no_label_of_the_section_over_it():
    head = "Property\nFor sale\nThree-bedroom terrace with garden, £325,000\n"
    assert removed(head + BODY) == ["Property", "For sale"]
    # A list the text opens with still begins at the line taken for the headline.
    assert removed("Ingredients\n2 cups flour\n1 egg\n250 ml milk\n" + BODY) == []


def test_a_german_review_s_pros_and_cons_stay_after_its_verdict():
    review = (
        "Googles neues Smartphone macht bei Tag und Nacht hervorragende Fotos und bekommt "
        "sieben Jahre lang Updates.\nDer Akku hält einen langen Tag durch, lädt aber "
        "langsamer als die Konkurrenz.\nFazit\nWer vor allem gute Fotos will, findet "
        "derzeit kein besseres Smartphone in dieser Preisklasse.\n"
    )
    lists = "Pro\nSehr gute Kamera\nLange Updates\nContra\nLangsames Laden\n"
    assert removed(review + lists + "Mehr Tests\n") == []


def test_a_danda_ends_a_sentence():
    # Hindi ends its sentences with "।": two such lines are a body, and the menu
    # above and the share button below are its edges.
    body = (
        "दिल्ली में सोमवार सुबह हुई भारी बारिश से कई इलाकों में पानी भर गया और यातायात घंटों तक"
        " प्रभावित रहा।\nमौसम विभाग ने अगले दो दिनों के लिए येलो अलर्ट जारी किया है।\n"
    )
    assert removed("होम\nदेश\nदिल्ली में बारिश से जलभराव, कई रास्ते बंद\n" + body) == ["होम", "देश"]


def test_a_price_with_its_currency_spelled_out_is_data():
    book = "Verlag Otto Schmidt, 5th edition, 2014, 896 pages, hardback with dust jacket"
    assert removed(BODY + book + "\n84,80 Euro\n") == []


def test_a_dateline_before_the_body_stays():
    assert removed("Ferry Strike Ends\nBAAR, SWITZERLAND\n" + BODY) == []


def test_a_lead_in_right_before_the_body_opens_it():
    # A live report: the lead-in ends with a colon, the first entry's time follows.
    lead = "HAYWARD, Calif. (AP) — The Latest on the train stabbing near Hayward (all times local):"
    text = f"Politics\n{lead}\n10 p.m.\n{BODY}"
    assert removed(text) == ["Politics"]
    # A prompt ending in a colon three lines before the body is no lead-in to it.
    prompt = "Enter your details below or click an icon to log in to your account:"
    assert removed(f"{prompt}\nEmail\nName\nWebsite\n{BODY}") == ["Email", "Name", "Website"]


def test_a_section_crumb_before_the_body_goes():
    assert removed("World\nEurope\n" + BODY) == ["World", "Europe"]


def test_the_headline_is_not_a_teaser_list_item_above_it():
    text = "Top stories\n- Ferry fares to rise in the spring\nStrike over, ferries sail again\n"
    assert removed(text + BODY) == ["Top stories"]


def test_the_headline_is_not_a_title_cut_short_above_it():
    # Other stories' titles cut to fit a box end in dots; the headline under them does not.
    cut = "Storm closes mountain passes as snow ret...", "Why ferry fares rise in the spri…"
    head = "Strike over, ferries sail again"
    assert removed(f"Home\n{cut[0]}\n{cut[1]}\n{head}\n{BODY}") == ["Home", *cut]
    # Unsure: with no other line to be the headline, one cut short is kept as it ...
    assert removed(f"Home\n{cut[0]}\n{BODY}") == ["Home"]
    # ... and a first paragraph is the headline, whatever its shape.
    assert cut[0] not in removed(f"{cut[0]}\n{head}\n{BODY}")
    # A headline that trails off, alone under the menu and over its standfirst, is one.
    trails = "Is this the end of the ferry strike…"
    standfirst = "Crews vote on the new offer today"
    assert trails not in removed(f"Home\n{trails}\n{standfirst}\n{BODY}")
    # Lines cut short that hold data keep it: unsure, they stay (with the label above
    # them, as any data does).
    prices = "Adults: $25 at the Ol...\nChildren: $10 at the Ol..."
    assert removed(f"Home\n{prices}\n{head}\n{BODY}") == []
    # One cut short among a menu's labels is a title in the menu.
    menu = f"Home\nSport\n{cut[0]}\nNews\nWorld\n{head}\n{BODY}"
    assert removed(menu) == ["Home", "Sport", cut[0], "News", "World"]


def test_a_lead_in_with_the_cjk_full_width_colon_announces_what_follows():
    body = (
        "市议会周二晚间批准了旧港口改造计划，此前经过了长达六个小时的辩论。\n"
        "该计划包括四百套住房、一个公园和一个新的渡轮码头。\n"
    )
    tail = "计划要点：\n住房400套\n公园2公顷\n渡轮码头一座\n"
    assert removed(body + tail) == []


def test_a_chapter_s_number_and_title_above_the_body_stay():
    body = (
        "The storm had not let up for three days when Mara finally climbed the stairs.\n"
        "Outside, the sea threw itself against the rocks below the old lighthouse.\n"
    )
    assert removed("Chapter 3\nThe Lighthouse\n" + body) == []
    assert removed("Part Two\n" + body) == []


def test_a_short_title_the_first_sentence_opens_with_is_the_headline():
    """An encyclopedia's or a glossary's title of a word or two is no section label when
    the first sentence names it (``Lake Vennholm`` / ``Lake Vennholm is a lake ...``);
    a label the body does not open with still goes."""
    body = (
        "Lake Vennholm is a freshwater lake in the north of the county, known for its "
        "clear water and the ruins of a castle.\nThe castle was built in 1284 and "
        "abandoned after a fire in 1612, the county's archive records.\n"
    )
    assert removed("Lake Vennholm\n" + body) == []
    assert removed("Vennholm\n" + body) == []
    assert removed("Key Points\n" + body) == ["Key Points"]
    assert removed("Geography\n" + body) == ["Geography"]
    # ... with its qualifier in brackets, and under a menu.
    assert removed("Hauptseite\nZufälliger Artikel\nVennholm (lake)\n" + body) == [
        "Hauptseite",
        "Zufälliger Artikel",
    ]


def test_a_short_title_in_sentence_case_under_a_menu_is_the_headline():
    """With no line of three words or more that is not navigation before the body, a
    label written as a title in sentence case that shares a word with the first
    paragraph is the headline; a form's label above the body shares none."""
    body = (
        "The cache stores the results of expensive lookups so that repeated requests "
        "return quickly.\nIt is off by default, and you turn it on in the settings file "
        "of the server.\n"
    )
    menu = "Docs\nGuides\n"
    assert removed(menu + "Configuring the cache\nOn this page\n" + body) == [
        "Docs",
        "Guides",
        "On this page",
    ]
    assert removed(menu + "Benutzername oder E-Mail-Adresse\n" + body) == [
        "Docs",
        "Guides",
        "Benutzername oder E-Mail-Adresse",
    ]


def test_a_first_line_of_navigation_words_alone_is_a_crumb_not_the_headline():
    head = "Strike over, ferries sail again"
    assert removed(f"Home World News\n{head}\n{BODY}") == ["Home World News"]
    # One word that is no navigation word makes it the headline, as any first line;
    # the real headline under it shares a word with the body, it does not: both stay.
    assert removed(f"Home World Ferries\n{head}\n{BODY}") == []


def test_a_headline_that_ends_with_a_colon_goes_on_in_the_next_line():
    text = "World\nFerry strike over:\nWhat the deal means for crews\n"
    assert removed(text + BODY) == ["World"]


# Hard-wrapped text: an RFC's lines run on into lines that open in lower case.
MEMO = (
    "Status of this Memo\n"
    "This Internet-Draft is submitted in full conformance with the\n"
    "provisions of BCP 78 and BCP 79. Internet-Drafts are working documents\n"
    "of the Internet Engineering Task Force. Note that other groups may\n"
    "also distribute working documents as Internet-Drafts. The list of\n"
    "current drafts is at the address below, and drafts are valid for a\n"
    "maximum of six months and may be replaced by other documents.\n"
)


def test_hard_wrapped_text_is_left_alone():
    assert removed(MEMO + "Table of Contents\nIntroduction\nTerminology\n") == []


def test_no_rule_removes_a_line_inside_a_hard_wrapped_sentence():
    notice = (
        "Copyright (c) 2014 IETF Trust and the persons identified as the\n"
        "document authors. All rights reserved.\n"
    )
    paragraphs = Cleaner().clean(MEMO + notice).text.rstrip("\n").split("\n\n")
    assert paragraphs[-2:] == notice.splitlines()


# A long list of other stories' titles after the body: more lines than the kind asks
# whether the text is hard-wrapped before it judges them (edges._MANY_TO_JUDGE).
_WHO = ("Ferry fares", "Island schools", "Harbour workers", "Bus drivers", "Coastal towns")
_WHO += ("Local farmers", "City museums", "Night trains", "Village shops", "Ski resorts")
_WHO += ("Fishing crews",)
_WHAT = ("brace for a busy spring", "face new rules from March", "look to solar power")
_WHAT += ("win praise for quick repairs", "ask ministers for more help")
_WHAT += ("report record summer bookings", "vote on a fresh pay offer")
_WHAT += ("count the cost of the storm", "plan longer opening hours")
_WHAT += ("warn of delays over Easter",)
# (Each title's subject differs from the next one's: titles that open alike make a list.)
TITLES = [f"{_WHO[(i + j) % len(_WHO)]} {w}" for i in range(len(_WHO)) for j, w in enumerate(_WHAT)]


def test_many_titles_after_the_body_are_judged_and_go():
    gone = removed(BODY + "\n".join(TITLES) + "\n")
    assert len(TITLES) >= 100 and len(gone) >= 90
    assert set(gone) <= set(TITLES)


def test_many_lines_after_a_hard_wrapped_text_are_left_alone():
    assert removed(MEMO + "\n".join(TITLES) + "\n") == []


# Markdown documentation wrapped at 80 columns: code, headings and list items keep the
# share of lines that run on below a fifth, the width they were wrapped at shows.
DOC = (
    "# Path\n"
    "The `path` module provides utilities for working with file and directory\n"
    "paths. It can be accessed using:\n"
    "```js\n"
    "const path = require('path');\n"
    "```\n"
    "## Windows vs. POSIX\n"
    "The default operation of the `path` module varies based on the operating\n"
    "system on which the program is running. Specifically, when running on a Windows\n"
    "operating system, the module will assume that Windows-style paths are being\n"
    "used.\n"
    "On POSIX:\n"
    "```js\n"
    "path.basename('/tmp/myfile.html');\n"
    "// Returns: 'myfile.html'\n"
    "```\n"
    "On Windows:\n"
    "```js\n"
    "path.basename('/tmp/myfile.html');\n"
    "// Returns: 'myfile.html'\n"
    "```\n"
    "## path.delimiter\n"
    "Provides the platform-specific path delimiter:\n"
    "* `;` for Windows\n"
    "* `:` for POSIX\n"
    "For example, on POSIX the value is split on the delimiter and each piece is\n"
    "returned in order. See also the notes on the environment and how it is read.\n"
    "## path.dirname(path)\n"
    "The `path.dirname()` method returns the directory name of a `path`, similar\n"
    "to the Unix `dirname` command. Trailing directory separators are ignored, see\n"
    "the separator notes above.\n"
    "```js\n"
    "path.dirname('/foo/bar/baz/asdf/quux');\n"
    "// Returns: '/foo/bar/baz/asdf'\n"
    "```\n"
    "A `TypeError` is thrown if `path` is not a string.\n"
)


def test_hard_wrapped_markdown_shows_its_width_and_is_left_alone():
    lines = DOC.splitlines()
    runs = sum(1 for a, b in itertools.pairwise(lines) if b[:1].islower() and runs_on(a))
    assert runs < WRAPPED_SHARE * len(lines)  # the share alone does not tell
    assert hard_wrapped(lines)
    assert removed(DOC) == []


def test_short_lower_case_steps_or_links_under_lines_are_no_wrapping():
    # On a page of paragraphs, a route's steps are narrower than any wrapping width;
    # a link under a title is no word run on from it.
    page = BODY.splitlines() * 8
    steps = [
        "The route",
        "turn left onto the bridge at the end of the quay",
        "along the Kaigasse as far as the Mozartplatz",
        "past the Residenzplatz and over the old market",
        "along the Churfuerststrasse to the cathedral",
        "Salzburg by bike",
    ]
    assert not hard_wrapped(page + steps)
    offers = []
    for n in range(1, 6):
        offers += [
            f"{n}) Lego Star Wars set number {n} with the bomber, its crew and the base",
            "http://amzn.to/x",
        ]
    assert not hard_wrapped(page + offers)


def test_the_same_line_alone_in_text_of_paragraphs_goes():
    text = (
        "The draft was published on Monday after two years of work by the group.\n"
        "Copyright (c) 2014 IETF Trust and the persons identified as the document authors.\n"
    )
    assert "Copyright" not in Cleaner().clean(text).text


@pytest.mark.parametrize("quote", ['"It\'s over."', "“Fine.”", "„Warum?“", "«Jamais!»"])
def test_a_quotation_alone_on_its_line_is_text_however_short(quote):
    # Above the body, where a label of two words would go, and after it, in a run.
    assert removed(f"{quote}\n{BODY}") == []
    assert removed(f"{BODY}{quote}\n“Yes.”\n") == []


def test_a_place_name_that_opens_with_a_cjk_numeral_is_a_word_in_a_table_s_shape():
    # 千 (Chiba's first character) has a numeric value, but it is a letter: the row
    # has the shape of the rows above it.
    text = (
        "東京で初雪 平年より12日早く\n"
        "気象庁は5日、東京都心で初雪を観測したと発表した。平年より12日早く、昨年より20日早い。\n"
        "都心の最低気温は0.8度まで下がり、今季一番の冷え込みとなった。\n"
        "各地の最低気温\n東京 0.8度\n横浜 1.5度\n千葉 0.2度\n"
    )
    assert removed(text) == []


def test_a_menu_item_of_two_or_three_cjk_characters_is_not_the_headline():
    # "首页" counts three words (the run, and a word a character), as a headline of
    # three English words does; it is a menu's item, and the headline is below it.
    text = (
        "首页\n新闻\n财经\n新能源汽车销量再创新高\n"
        "中国汽车工业协会11日发布数据显示，11月新能源汽车销量达到120万辆，同比增长35%。\n"
        "其中，纯电动汽车销量为80万辆，插电式混合动力汽车销量为40万辆。\n"
    )
    assert removed(text) == ["首页", "新闻", "财经"]


def test_a_table_goes_on_under_a_group_s_heading():
    groups = (
        "Arsenal 2-1 Everton\nChelsea 0-0 Fulham\nLeeds 3-2 Wolves\n"
        "Championship\nDerby 1-0 Hull\nStoke 2-2 Millwall\n"
    )
    assert removed("Results: Saturday 14 December\n" + groups + BODY) == []
    # ... and under a day's date ("Sunday, June 14": a date or time alone).
    days = groups.replace("Championship", "Sunday, June 14")
    assert removed("Results from the weekend\n" + days + BODY) == []
    # Over lines of another shape, a label after a table is no group's heading.
    tail = "Most read\nWhy ferry fares rise again\nFive islands to visit this summer\n"
    assert removed(BODY + groups.split("Championship")[0] + tail) == tail.splitlines()


def test_a_single_stray_line_after_the_body_stays():
    assert removed(BODY + "Read more\n") == []


@pytest.mark.parametrize(
    "tail",
    [
        "Qualified teams\nGermany\nFrance\nSpain\nPortugal\n",
        "Key features\nWaterproof to 50 metres\nTen days of battery life\nBuilt-in GPS\n",
        "Sources:\nWorld Bank, 2019\nIMF World Economic Outlook, October 2019\n",
        "QUELLEN\nStatistisches Bundesamt\nEurostat\n",
        "Principais mudanças\nCaução limitada a duas rendas\nAumentos anuais limitados à inflação\n"
        "Prazo de pré-aviso alargado para 120 dias\n",
        "Les chiffres clés\n678 000 naissances en 2025\n1,79 enfant par femme\n"
        "Âge moyen des mères : 31 ans\n",
        "Il tabellino\nFiorentina-Napoli 2-1\nMarcatori: 12' Kean, 55' Osimhen, 90' Kean\n"
        "Arbitro: Orsato\n",
        "Requisitos\nTener entre 18 y 35 años\nIngresos inferiores a 25.000 euros anuales\n"
        "Estar empadronado en el municipio\n",
        "Quem pode pedir\nEmpresas com faturamento anual de até R$ 4,8 milhões\n"
        "Microempreendedores individuais\n",
        # A news explainer's headings, of up to five words, in more languages.
        "What we know so far\nWarnings lifted at 6am\nBarriers stay until Friday\n",
        "09:30\nWhat we know so far\n- Amber warning until 6pm\n- Trains suspended\n",
        "What happens next\nWarnings lifted at 6am\nBarriers stay until Friday\n",
        # ... a warning's impacts, a guide's points.
        "What to expect\nSome injuries from slips and falls on icy surfaces\n"
        "Probably some icy patches on some untreated roads, pavements and cycle paths\n",
        "Was Sie wissen müssen\nDie Anmeldung ist ab Montag möglich\nDer Kurs kostet nichts\n",
        # A product's box contents, the heading written with a typographic apostrophe
        # as pages do (the list's headings are written with a plain one).
        "What’s in the box\nCoffee machine, milk container, water filter, cleaning brush\n",
        "Lieferumfang\nKaffeevollautomat, Milchbehälter, Wasserfilter, Reinigungsbürste\n",
        "What we don’t know\nWhy the alarm did not sound\nHow many were on board\n",
        # A story's key points after it, in more languages.
        "Die wichtigsten Punkte\n38 Cent ab dem ersten Kilometer\nGilt rückwirkend ab Januar\n",
        # ... the first item a line of data that stays on its own (a price).
        "I punti chiave\nBonus di 200 euro\nIsee sotto i 25 mila euro\nDomande dal primo aprile\n",
        "Infos pratiques\nOuvert du mardi au dimanche, de 9 h 30 à 18 h\nTarif plein : 16 euros\n",
        # A concert's dates under their Spanish heading.
        "Fechas\n12 de diciembre, Wizink Center, Madrid\n13 de diciembre, Wizink Center, Madrid\n",
        # A Brazilian paper's event box: its heading, the show's title, its facts.
        "Serviço\nColdplay — Music of the Spheres\nQuando: 11 de março, às 20h\n"
        "Onde: Estádio do Morumbi, Praça Roberto Gomes Pedrosa, 1, São Paulo\n",
        "Wat verandert er\nFietsers kunnen 24 uur per dag over de brug\nDe pont naar het "
        "Centraal Station vaart minder vaak\n",
        # A travel piece's addresses, a public service's conditions.
        "Where to eat\nTrattoria da Me, for tortellini in brodo\nOsteria dell'Orsa, cheap and "
        "always full\n",
        "Who can get one\nPeople who are registered blind\nChildren under 3 who need to be "
        "near a vehicle\n",
        "Who can get the vaccine\nPeople aged 65 and over\nPeople aged 50 and over with a "
        "weakened immune system\n",
        # A travel piece's box: three headings, each over one item longer than a menu's.
        "Getting there\nDirect flights from London and Manchester, about two and a half hours\n"
        "Where to stay\nCasa do Conto, double rooms from 110 euros a night\nWhere to eat\n"
        "Cantinho do Avillez, for Portuguese cooking with a twist\n",
        # A release's notes after its announcement.
        "New features\nPlugins can register their own commands\nThe config file accepts "
        "environment variables\nBug fixes\nFixed a crash when the cache directory was "
        "missing\nFixed wrong line numbers in error messages\n",
        # Two lists, each under its heading.
        "Line-up\nJane Roe\nMary Major\nAnn Lee\nResults\nRoe wins\nMajor second\n",
        # A stray line between the body and the list does not take the list with it.
        "Thanks Junior!\nCast\nJane Roe\nMary Major\n",
        # Two headings one line apart are two lists, the first of one item: a menu
        # alternates three or more (below).
        "Qualified teams\nGermany\nSources\nFifa match schedule, December 2026\nEurostat\n",
    ],
)
def test_a_list_under_a_heading_that_announces_content_stays(tail):
    lines = [line for line in tail.splitlines() if line != "Thanks Junior!"]
    assert [line for line in removed(BODY + tail) if line in lines] == []


@pytest.mark.parametrize(
    "tail",
    [
        # Headings next to each other, or three one line apart: a sports site's menu.
        "Fixtures\nResults\nTables\nTransfers\n",
        "Schedule\nScores\nStandings\nStats\nTeams\n",
        "Fixtures\nNFL\nResults\nNBA\nStandings\n",
        # A section link in lower case is not a heading.
        "features\nReuse this content\nBack to top\n",
        # Labels alone, one of which names a news site's section: a menu.
        "World\nEurope\nAsia\n",
        "Abonnieren\nAnmelden\nBenachrichtige mich bei\n",
        "RIRM\ndrukuj\n",
        "Поделиться\nКомментарии\n",
        "Bagikan\nKomentar\n",
        # A breadcrumb's items, each with its arrow.
        "Deutschland ›\nRheinland-Pfalz ›\nEifel ›\n",
        # Most of them repeat the article's words: a tag cloud.
        "Ferry\nStrike\nUnions\nTransport\n",
        # Identifiers leaked from the page's code.
        "narrow-browser-and-phone\nmedium-browser-and-portrait-tablet\n",
    ],
)
def test_a_run_without_a_heading_that_announces_content_goes(tail):
    assert removed(BODY + tail) == tail.splitlines()


@pytest.mark.parametrize(
    "tail",
    [
        # Labels alone with nothing that marks navigation: a list the article ends
        # with, under a heading the kind has no word for, or under none.
        "Germany\nFrance\nSpain\nPortugal\n",
        "Group B\nBrazil\nSerbia\nSwitzerland\nCameroon\n",
        "LSV Niederösterreich\nLSV Oberösterreich\nBurgenländischer Landesschwimmverband\n",
        # Fewer than half of them repeat the article's words ("Unions").
        "Unions\nGermany\nFrance\n",
    ],
)
def test_labels_alone_after_the_body_stay_without_evidence_of_navigation(tail):
    assert removed(BODY + tail) == []


@pytest.mark.parametrize(
    "head",
    [
        # A heading longer than a list's item, which reads as a teaser, or the page's
        # own footer line, right above the list: the list is judged on its own.
        "Who made it through the European group stage",
        "Example News (London) First published February 1, 2016",
    ],
)
def test_a_list_of_labels_right_after_a_teaser_shaped_line_stays(head):
    tail = "Germany\nFrance\nSpain\nPortugal\n"
    assert removed(BODY + head + "\n" + tail) == [head]


@pytest.mark.parametrize(
    "tail",
    [
        # Split off a longer run, two labels are no list, and short teasers are
        # other stories' headlines: both go with the run, as before.
        "Why ferry tickets cost more this year\nJane Roe\nTom Lee\n",
        "Why ferry tickets cost more this year\nFerry fares to rise in spring\n"
        "Five islands to visit this summer\nA new port opens in the north\n",
        # ... and a list of labels split off goes if it would go alone.
        "Why ferry tickets cost more this year\nFerry\nStrike\nUnions\nTransport\n",
    ],
)
def test_what_a_teaser_splits_off_a_run_goes_unless_it_is_a_list_of_labels(tail):
    assert removed(BODY + tail) == tail.splitlines()


def test_labels_alone_go_beside_a_line_another_rule_removed():
    tail = "Share this article\nGermany\nFrance\n"
    result = FULL.clean(BODY + tail)
    assert not {"Germany", "France"} & set(result.text.splitlines())


def _edges_pack(tmp_path, keys: str = "") -> str:
    """A pack of one edges rule with ``keys`` (YAML lines) and the bundled kind's defaults."""
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: edges\n"
        "    kind: edges\n"
        "    why: test\n" + keys + "    tests:\n"
        '      drop: ["This sentence is the body of the text.\\nWorld\\nEurope"]\n',
        encoding="utf-8",
    )
    return str(pack)


def test_without_navigation_in_the_pack_labels_alone_are_evidence(tmp_path):
    # A pack written before the key: its edges rule removes label runs as it did.
    plain = Cleaner(packs=[_edges_pack(tmp_path)])
    assert plain.rules[0].navigation is None
    assert plain.clean(BODY + "Germany\nFrance\n").text == BODY.replace("\n", "\n\n").strip() + "\n"


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        # A heading of the pack's own words announces the list under it ...
        ("Ainekset\nJauhot\nSokeri\nVoi\n", True),
        ("Ainekset pohjaan\nJauhot\nSokeri\nVoi\n", True),
        # ... when it opens with a capital, as the built-in headings do.
        ("ainekset\nJauhot\nSokeri\nVoi\n", False),
        # A whole line only: the words inside a longer one announce nothing.
        ("Ainekset isoäidin tapaan\nJauhot\nSokeri\nVoi\n", False),
    ],
)
def test_content_headings_in_the_pack_add_headings_that_announce_a_list(tmp_path, tail, kept):
    keys = "    ignore_case: true\n    content_headings: [ainekset, ainekset pohjaan]\n"
    cleaner = Cleaner(packs=[_edges_pack(tmp_path, keys)])
    (tmp_path / "plain").mkdir()
    plain = Cleaner(packs=[_edges_pack(tmp_path / "plain")])
    lines = tail.splitlines()
    assert plain.clean(BODY + tail).text.split("\n\n")[2:] == []  # labels alone go
    left = cleaner.clean(BODY + tail).text.strip().split("\n\n")[2:]
    assert left == (lines if kept else [])


def test_announced_lists_end_where_a_menu_begins():
    tail = "Sources\nWorld Bank, 2019\nEurostat\nFixtures\nResults\nTables\n"
    assert removed(BODY + tail) == ["Fixtures", "Results", "Tables"]


def test_an_announced_list_ends_at_a_line_another_rule_removed():
    tail = "Sources\nWorld Bank, 2019\nMore from Business\nWhy fares rise\nHome\nNews\nSport\n"
    result = FULL.clean(BODY + tail)
    assert "Sources\n\nWorld Bank, 2019\n" in result.text
    assert not {"Why fares rise", "Home", "News", "Sport"} & set(result.text.splitlines())


FULL = Cleaner()


@pytest.mark.parametrize(
    ("tail", "gone"),
    [
        # The author's name, whose desk and date the line rules took: the rest of a
        # byline block, so a run.
        ("Joshua Sokol\nContributing Correspondent\nMay 20, 2019\n", "Joshua Sokol"),
        ("Share this article\nJane Roe\n", "Jane Roe"),
    ],
)
def test_a_label_beside_lines_the_rules_removed_goes(tail, gone):
    result = FULL.clean(BODY + tail)
    assert gone not in result.text
    assert any(r.rule == "outside-body" and r.text == gone for r in result.removals)


@pytest.mark.parametrize(
    "tail",
    [
        # A sign-off and a cut sentence are not labels of words alone.
        "Thanks Junior!\n« Previous Post Next Post »\n",
        "All...\nTo Read the Full Story\n",
        # No removed neighbour: a stray line alone.
        "Jane Roe\n",
    ],
)
def test_a_line_beside_removed_ones_stays_unless_it_is_a_label(tail):
    first = tail.split("\n")[0]
    assert first in FULL.clean(BODY + tail).text.splitlines()


def test_the_keys_are_read_from_the_pack(tmp_path):
    rule = Cleaner(
        packs=[_edges_pack(tmp_path, "    label_words: 1\n    wrapped_share: 0.5\n")]
    ).rules[0]
    assert (rule.label_words, rule.wrapped_share) == (1, 0.5)
    assert RULE.navigation is not None and RULE.navigation.search("Über uns")
    # With one-word labels only, "Latin America" is a teaser headline, not a label.
    assert rule.evidence("Latin America", 2) == "teaser headline"


def test_each_removal_carries_its_evidence_to_explain_and_the_report(tmp_path):
    import json

    from click.testing import CliRunner

    from cleaner.cli import main

    text = (
        "World\n" + BODY + "Ferry fares to rise in the spring\nFive islands to visit this summer\n"
    )
    assert [r.reason for r in EDGES.clean(text).removals] == [
        "label",
        "teaser headline",
        "teaser headline",
    ]
    src = tmp_path / "in" / "page.txt"
    src.parent.mkdir()
    src.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["explain", str(src)])
    assert "[outside-body: teaser headline] Five islands to visit this summer" in res.output
    report = tmp_path / "r.json"
    res = CliRunner().invoke(
        main, ["run", str(src.parent), str(tmp_path / "out"), "--report", str(report)]
    )
    assert res.exit_code == 0, res.output
    (doc,) = json.loads(report.read_text(encoding="utf-8"))["documents"]
    assert {r["reason"] for r in doc["removals"] if r["rule"] == "outside-body"} == {
        "label",
        "teaser headline",
    }
    assert all("reason" not in r for r in doc["removals"] if r["rule"] != "outside-body")


TITLE = (
    "Harbour Lights - The Lantern Sisters (lyrics with the chords and a translation of "
    "the second verse from the 2011 album North Shore)"
)
VERSES = ["The boats come home before the rain", "Their lanterns swinging in a line"]


@pytest.mark.parametrize("above", ["", "Home | Lyrics | Artists\n", "Jam Sessions\nSongs\n"])
def test_a_long_title_over_short_lines_is_no_body(above):
    # The only long line, and no sentence ends in it: a title over a song's lines,
    # not a body whose edges the rule could judge, wherever it stands.
    assert removed(above + TITLE + "\n" + "\n".join(VERSES) + "\n") == []


@pytest.mark.parametrize(
    "first",
    [
        # A first line of prose is a body: it ends a sentence, or holds one's end.
        "The band recorded the album in two weeks on the north shore, and its lead "
        "single came out in the spring of 2011.",
        "The band recorded the album in two weeks. Its lead single came out in the "
        "spring of 2011 and the tour began in the autumn",
    ],
)
def test_a_first_line_of_prose_is_a_body_with_edges(first):
    assert removed(first + "\n" + "\n".join(VERSES) + "\n") == VERSES


def test_a_body_that_ends_with_a_lead_in_keeps_what_it_announces():
    # Its last long line ends with a colon: the lines after it are what it announces,
    # as when the announcing line stands alone after the body.
    lead = (
        "The band recorded the album in two weeks on the north shore, and these are "
        "the lines of its lead single from 2011:"
    )
    assert removed(lead + "\n" + "\n".join(VERSES) + "\n") == []
    assert removed(BODY + lead + "\n" + "\n".join(VERSES) + "\n") == []


def test_a_short_sentence_that_says_what_follows_keeps_it():
    apps = ["Things 3 for tasks", "Obsidian for notes", "Fastmail for email", "1Password"]
    for lead in ("These are the ones that stuck.", "The full list is below."):
        assert removed(BODY + lead + "\n" + "\n".join(apps) + "\n") == []
    # A sentence that says nothing of what follows is no lead-in.
    assert removed(BODY + "Thanks for reading.\n" + "\n".join(TEASERS) + "\n") == TEASERS


def test_a_body_whose_last_sentence_points_below_keeps_what_follows():
    # A festival's announcement ends by pointing at each day's line-up: the dates and
    # the names under them are what it points at, not teasers.
    lineups = [
        "Friday, July 7, 2023Harbour Park – Main Stage",
        "The Lantern Makers",
        "Rosa Quint & The Tides",
        "Saturday, July 8, 2023Harbour Park – Main Stage",
        "The Lantern Makers",
        "Old Mill Road",
    ]
    last = (
        "Tickets go on sale on Friday at 10 a.m. See the full announcement and the "
        "day-by-day line-ups for the festival below.\n"
    )
    assert removed(BODY + last + "\n".join(lineups) + "\n") == []
    # Pointing at the comments, or at a video the text does not hold, is no lead-in.
    said = "The festival runs for three days on the harbour and ends with fireworks. "
    for point in ("Tell us what you think in the comments below.", "Watch the video below."):
        assert removed(BODY + said + point + "\n" + "\n".join(TEASERS) + "\n") == TEASERS


def test_a_programme_s_run_goes_on_across_its_timed_entries():
    # A festival's programme after the body: a day, entries that open with their time
    # (kept as data) and entries without one between them; the entries after the
    # first timed ones are the programme's as much as the first day's.
    programme = [
        "Il programma",
        "Venerdì 4 ottobre",
        "ore 19.00 Apertura della sagra e della cucina",
        "Musica dal vivo con il gruppo della valle",
        "ore 22.00 Dj set in piazza",
        "Sabato 5 ottobre",
        "Nel pomeriggio mostra di moto d'epoca in piazza",
        "ore 19.00 Apertura della cucina",
        "Tutti i giorni",
        "Giochi per bambini in piazza del mercato",
    ]
    body = (
        "La sagra dell'uva torna in paese da venerdì a domenica con musica, laboratori per "
        "i bambini e degustazioni dei vini della zona.\n"
        "L'iniziativa è organizzata dalle associazioni di volontariato con il sostegno del "
        "Comune, che ha chiuso la piazza al traffico.\n"
    )
    assert removed(body + "\n".join(programme) + "\n") == []
    # A content heading's run still ends at a line that stays with no timed entry: a
    # school's menu ("Termine" among its items), its street, then more items.
    menu = ["Termine", "Links", "Archiv", "Scheydgasse 40", "Fahrzeugtechnik", "Impressum"]
    assert removed(BODY + "\n".join(menu) + "\n") == ["Fahrzeugtechnik", "Impressum"]


def test_a_lead_in_after_short_closing_sentences_keeps_its_list():
    said = 'Judge Ann Price said the scheme was "cruel and calculated".\n'
    sentences = [
        "Sentences:",
        "John Smith, 52, of Leeds: eight years",
        "Paul Jones, 47, of Bradford: six years",
        "Mark Lee, 39, of York: four years and six months",
    ]
    assert removed(BODY + said + "\n".join(sentences) + "\n") == []
    # ... up to the lines another rule removed: the teasers past them go.
    tail = "Most read\nCouncil tax to rise by five percent\nBus fares frozen until spring\n"
    text = BODY + said + "\n".join(sentences) + "\n" + tail
    result = Cleaner().clean(text)
    assert [line for line in sentences if line not in result.text] == []
    assert "Bus fares frozen" not in result.text


FEATURES = ["What you get", "Waterproof to 50 metres", "Ten days of battery life", "Built-in GPS"]
TEASERS = [
    "Ferry fares to rise again in the spring, operator says",
    "Five islands you can visit this summer without a car",
    "Why the harbour road is closed until the end of March",
]


def test_a_list_of_short_lines_after_the_body_stays():
    # Short teaser-shaped lines (at most half a body sentence's words) and labels, three
    # or more, nothing marking them as navigation: a product's features, a cast.
    assert removed(BODY + "\n".join(FEATURES) + "\n") == []
    cast = ["Tom Hanks as Forrest Gump", "Robin Wright as Jenny Curran", "Gary Sinise as Lt. Dan"]
    assert removed(BODY + "\n".join(cast) + "\n") == []


def test_a_list_right_above_a_related_box_stays():
    # Two or more removed paragraphs after the run (a box's heading and its teasers)
    # start another part of the page: they are no evidence that the run is a menu.
    full = Cleaner()
    park = ["What is in the park", "A pond with boats", "A skate park", "A summer cinema"]
    box = "Related\nHolders plan to rest key players\nTicket prices for the final announced\n"
    text = BODY + "\n".join(park) + "\n" + box
    assert [r.rule for r in full.clean(text).removals] == ["related-block"]
    # ... but a shop's menu of single words there is no list: it still goes.
    menu = ["Men", "Women", "Kids", "Brands"]
    gone = [r.text for r in full.clean(BODY + "\n".join(menu) + "\n" + box).removals]
    assert all(item in gone for item in menu)
    # A name alone right above a byline block the line rules took still goes with it.
    text = BODY + "Jane Roe\nStaff Writer\nMarch 3, 2024\n"
    assert "Jane Roe" in [r.text for r in full.clean(text).removals]
    # French "plus" in a title is no button's word ("Plus de vidéos" is).
    films = ["Anora", "Emilia Pérez", "La Plus Précieuse des marchandises", "Le Deuxième Acte"]
    assert removed(BODY + "Parmi les films retenus\n" + "\n".join(films) + "\n") == []


@pytest.mark.parametrize(
    "tail",
    [
        TEASERS,  # teaser headlines of other stories are longer
        FEATURES[1:3],  # two short lines are no list
        [*FEATURES, "Read more"],  # a navigation word marks the run
    ],
)
def test_teasers_and_short_runs_after_the_body_still_go(tail):
    assert removed(BODY + "\n".join(tail) + "\n") == tail


# Text that opens with structure: what is already only the article must lose none of it.


def test_a_label_over_the_rows_of_a_table_is_its_heading():
    text = "Top scorers\nOkafor 14\nLindqvist 11\nMoreau 9\nSantos 9\n" + BODY
    assert removed(text) == []
    # ... unless it names navigation.
    assert removed("Most popular\nOkafor 14\nLindqvist 11\nMoreau 9\n" + BODY) == ["Most popular"]


def test_a_menu_s_items_over_their_taglines_still_go():
    text = (
        "Kundenservice\nWir sind für Sie da.\nKontakt\nSchreiben Sie uns.\n"
        "Die Stadt hat am Montag den neuen Haushalt für das kommende Jahr beschlossen.\n"
        "Der Kämmerer sprach von einem schwierigen Jahr für die Finanzen der Stadt.\n"
    )
    assert "Kundenservice" in removed(text)


def test_a_text_that_opens_with_a_content_heading_keeps_the_list_under_it():
    text = (
        "Features\nWaterproof to 50 metres\nTen days of battery life\n"
        "Heart rate and sleep tracking\nBuilt-in GPS\n"
        "The watch pairs with both Android phones and iPhones, and the companion app is free.\n"
    )
    assert removed(text) == []
    # ... where above a headline such a heading is a menu's item.
    menu = "Home\nFeatures\nBlog\nCity opens a new ferry line to the islands\n"
    assert "Features" in removed(menu + BODY)


def test_a_first_label_over_a_sentence_is_its_title_not_a_kicker():
    text = (
        "Warning\nDo not use this charger with batteries from other manufacturers.\n"
        "The company is recalling about 40,000 chargers sold between January and March.\n"
    )
    assert removed(text) == []
    # A kicker over a headline that asks, or a section over one in title case, goes.
    for headline in (
        "Ist die Inklusion im Kapitalismus umsetzbar?",
        "Colder Temperatures Forecast for Wed. after Cold Wave Alert Tues.",
    ):
        assert removed("Aktuell\n" + headline + "\n" + BODY) == ["Aktuell"]


def test_a_text_without_headline_that_opens_with_a_content_heading_keeps_it():
    # ... right above the body's first paragraph,
    text = (
        "Ingrédients\n- 200 g de farine\n- 3 œufs\nPréparation\n"
        "Mélangez la farine et le sel, puis ajoutez les œufs un à un dans le saladier.\n"
        "Versez le lait petit à petit en fouettant pour éviter les grumeaux.\n"
    )
    assert removed(text) == []
    # ... and over a run of words alone that reaches the body,
    cast = "Cast\nEmma Stone as Bella\nMark Ruffalo as Duncan\nWillem Dafoe as Godwin\n"
    assert removed(cast + BODY) == []
    # ... but not over a magazine's teasers with dates and signs.
    teasers = "Literatur\n30.11. | Buch der Woche\nNikole Hannah-Jones (Hrsg.) • 1619\n"
    assert removed(teasers + BODY)


@pytest.mark.parametrize(
    "text",
    [
        # The headline announces the list under it ...
        "Things to pack\nPassport\nAdapter\nRain jacket\nComfortable shoes\n",
        # ... or, with no headline, the text's first line does.
        "Cosa vedere\nIl Duomo\nLa Galleria\nIl Castello Sforzesco\n",
        "Im Überblick\n- Was: Sommerfest des Sportvereins\n- Wo: Sportplatz an der Mühle\n",
    ],
)
def test_a_list_the_text_opens_with_under_its_announcing_heading_stays(text):
    assert removed(text + BODY) == []


def test_a_first_label_in_sentence_case_heads_a_section_when_two_more_follow():
    text = (
        "Why the bus is late\nThree reasons, and what the city plans to do about them.\n"
        "Traffic lights\nBuses wait at red lights like everyone else, and the city wants "
        "to give them priority at forty junctions.\nDriver shortage\n"
        "One in ten shifts cannot be filled.\nOld timetables\n"
        "Some routes have not been updated since 2015.\n"
    )
    assert removed(text) == []
    # One more such label below is a button's text over the body as often.
    one = "Cycle news today\nImage description here\n" + BODY + "Driver shortage\nNone left.\n"
    assert "Image description here" in removed(one)


@pytest.mark.parametrize(
    "heading",
    ["Q&A", "In numbers", "Die Fakten"],
)
def test_more_headings_announce_what_the_text_opens_with(heading):
    text = (
        heading + "\nLänge: 12 Kilometer\nHöhenmeter: 450\nDauer: etwa vier Stunden\n"
        "Die Wanderung beginnt am Parkplatz hinter der Kirche und führt zunächst durch "
        "einen dichten Buchenwald.\n"
    )
    assert removed(text) == []


def test_an_ingredient_list_s_last_item_without_a_number_over_the_body_stays():
    text = (
        "Zutaten\n250 g Spaghetti\n2 Knoblauchzehen\n4 EL Olivenöl\n1 Chilischote\nSalz\n"
        "Die Spaghetti in reichlich Salzwasser bissfest kochen. In der Zwischenzeit "
        "Knoblauch und Chili fein hacken.\n"
    )
    assert removed(text) == []


def test_a_title_the_body_opens_with_stays_over_a_fact_box():
    text = (
        "Marie Lenoir\nBorn: 12 April 1921, Lyon\nDied: 3 June 2009, Paris\n"
        "Occupation: Physicist\nMarie Lenoir was a French physicist known for her work on "
        "the structure of crystals.\nShe studied in Grenoble and taught at the Sorbonne.\n"
    )
    assert removed(text) == []
    # Over a headline such a line is a menu's item.
    menu = "NFL\nBrowns\nMyles Garrett suspended indefinitely after helmet swing\n"
    body = (
        "The NFL suspended Browns defensive end Myles Garrett indefinitely on Friday, a day "
        "after the game.\nGarrett will miss at least the rest of the regular season.\n"
    )
    assert removed(menu + body)[:2] == ["NFL", "Browns"]


def test_a_recipe_s_method_heading_between_its_ingredients_and_steps_stays():
    text = (
        "Rezept: Apfelkuchen vom Blech\nZutaten\n500 g Mehl\n250 g Butter\n200 g Zucker\n"
        "So wird's gemacht\nMehl, Butter und Zucker zu einem Teig verkneten und auf einem "
        "Blech ausrollen.\nDie Äpfel schälen, in Spalten schneiden und auf dem Teig verteilen.\n"
    )
    assert removed(text) == []


def test_a_title_right_over_a_fact_box_stays():
    # A recipe's one-word title, then its times: the first of them is taken for
    # the headline, so the title is the line above it.
    text = (
        "Gemüselasagne\nZubereitungszeit: 30 Minuten\nBackzeit: 45 Minuten\n"
        "Schwierigkeit: einfach\nEine vegetarische Lasagne mit Zucchini, Paprika und Spinat, "
        "die sich gut vorbereiten lässt und auch am nächsten Tag noch schmeckt.\n"
    )
    assert removed(text) == []
    # ... also when the box's first line, a label, is not taken for the headline.
    film = (
        "Ficha técnica\nDirector: Pedro Almodóvar\nReparto: Penélope Cruz, Antonio Banderas\n"
        "Duración: 113 minutos\nDolor y gloria es la película más personal de Almodóvar: un "
        "director en crisis repasa su infancia y su relación con su madre.\n"
    )
    assert removed(film) == []
    # A site's section over the box is navigation, and goes.
    assert removed("Home\n" + text.split("\n", 1)[1]) == ["Home"]


def test_a_german_title_under_a_menu_right_above_the_body_is_the_headline():
    # Every German noun opens in upper case: no lower-case word to tell a title by.
    menu = "Startseite\nVorteile\nTarife\nHilfe\n"
    body = (
        "Ab dem 1. April gelten für alle Neukunden die neuen Tarife, die im Schnitt zwei "
        "Euro günstiger sind.\nBestandskunden können kostenlos wechseln, teilte der Anbieter mit.\n"
    )
    assert removed(menu + "Neue Tarife ab April\n" + body) == [
        "Startseite",
        "Vorteile",
        "Tarife",
        "Hilfe",
    ]


def test_a_korean_title_under_a_menu_over_its_post_s_details_is_the_headline():
    # Korean has no case: no lower-case word to tell a title by. A title of four words
    # under a board's menu, over the post's details set as a list, is the headline when
    # it shares a word with the first paragraph (by its first two syllables: "도서관" /
    # "도서관이"); the details, which the body takes in as a list above it, are not
    # that paragraph.
    menu = "공지사항\n학과 소식\n"
    details = "- 학생지원팀\n- 조회 : 215\n- 등록일 : 2025-03-02\n"
    body = (
        "이번 학기부터 도서관이 평일 밤 11시까지 문을 엽니다. "
        "시험 기간에는 새벽 2시까지 열람실을 이용할 수 있습니다.\n"
        "제 목 : 도서관 야간 개방 안내\n"
        "출 처 : 학생지원팀 소식지 2025년 3월호\n"
        "글쓴이 : 김하나 학생기자\n"
        '"밤늦게까지 공부할 곳이 없어 불편했다는 의견이 많았다. 그래서 이용자가 늘면 주말 '
        '운영 시간도 늘릴 계획이다."\n'
    )
    assert removed(menu + "도서관 야간 개방 시작\n" + details + body) == ["공지사항", "학과 소식"]
    # A line of four words that shares none is a menu's last item, as in English.
    assert "야간 개방 드디어 시작" in removed(menu + "야간 개방 드디어 시작\n" + details + body)


def test_a_title_case_title_over_short_first_sentences_is_the_headline():
    # The text opens with sentences too short for the body, the first taken for the
    # headline; the title above it, in title case, shares a word with it ("Tips" /
    # "tips"). One that shares none is a menu's last item.
    body = (
        "Some tips now go to paying channels.\n"
        "Readers still expect careful, honest reporting.\n"
        "For a reporter a tip is both welcome and hard work, because information from a "
        "source has to be checked before it reaches print.\n"
    )
    for menu in (["Media trends"], ["Home", "Features"]):
        above = "\n".join(menu) + "\n"
        assert removed(above + "How Tips Reach Reporters\n" + body) == menu
        other = "Under Personal Control"
        assert removed(above + other + "\n" + body) == [*menu, other]


def test_a_headline_under_a_line_the_rules_missed_stays():
    """A line above the headline that no rule knows (a skip link in another language)
    is taken for the headline and stays; the real one, right above the body and sharing
    a word with it, stays too. Under a headline that names the story, such a line
    still goes."""
    body = (
        "As fortes chuvas que atingiram o litoral na madrugada provocaram inundações em "
        "pelo menos seis cidades.\nA Defesa Civil recomenda que os moradores evitem áreas.\n"
    )
    text = "Pular navegação agora mesmo\nChuva forte provoca inundações no litoral\n" + body
    assert removed(text) == []
    named = "Chuvas provocam inundações no litoral\nInundações: veja fotos das cidades\n" + body
    assert removed(named) == ["Inundações: veja fotos das cidades"]


def test_a_headline_s_possessive_word_is_shared_with_the_body():
    # "Children's" shares its word with "children" in the first paragraph, as
    # "Children" would: the title under a notice the rules keep is the headline.
    body = (
        "Thursday June 6th, 9am to 1.30pm. Local school children are invited to the "
        "fairgrounds for a morning of games and workshops.\n"
        "Each class stays together and follows the schedule it is given on arrival.\n"
    )
    assert removed("2020 updates coming soon.\n2019 Children's Day\n" + body) == []


def test_a_table_under_its_heading_ends_where_its_rows_end():
    # The rows stay as data, and the heading over them; the links after them go.
    page = (
        "Mayor re-elected with clear majority\nUpdated 11:42 PM\n"
        "Incumbent mayor Lisa Chen won a second term on Sunday, taking more than half of "
        "the votes in the first round.\nTurnout was 48 percent, up from 41 percent four "
        "years ago.\nChen thanked her volunteers and promised to focus on housing.\n"
        "Final results:\nLisa Chen (Independent) 52.4%\nMark Oduya (Greens) 27.1%\n"
        "Peter Lang (Conservatives) 15.8%\nOthers 4.7%\n"
    )
    tail = ["More election coverage", "Live results map"]
    assert removed(page + "\n".join(tail) + "\n")[-2:] == tail


def test_a_menu_item_with_a_digit_ends_no_menu_above_the_headline():
    """``COVID-19`` among a menu's labels is teaser-shaped (a word with a digit), but the
    menu goes on past it: the headline under the menu is still found, and stays."""
    page = (
        "Alumni\nAthletics\nCOVID-19\nGovernance\nHealth Care\n"
        "New Robot Does Superior Job Sampling Blood\n"
        "In the future, robots could take blood samples, benefiting patients and "
        "healthcare workers alike.\nA Rutgers-led team has created a blood-sampling robot "
        "that performed as well as or better than people.\n"
    )
    gone = removed(page)
    assert "New Robot Does Superior Job Sampling Blood" not in gone
    assert {"Alumni", "Athletics", "Governance", "Health Care"} <= set(gone)


def test_a_headline_in_sentence_case_under_navigation_alone_stays():
    """A title of three words or more in sentence case right above the body, under
    nothing but a menu, is the headline; a title-case label there is a menu's item."""
    body = (
        "The standoff between the two countries has lasted more than a year. Here are "
        "the key moments.\nMarch 2024\nBorder talks collapse after a shooting at a crossing "
        "point.\n"
    )
    assert removed("World\nHow the crisis unfolded\n" + body) == ["World"]
    assert removed("World\nLatin America News\n" + body) == ["World", "Latin America News"]


def test_a_quotation_with_whom_it_is_by_stays():
    """A vox pop's line after the body: a whole quotation, a dash and a name (and an
    age). A quoted teaser does not end its quotation with a full stop."""
    quotes = [
        '"We lost our savings and we still have no kitchen." - Sarah, 58',
        '"He seemed so honest when he came round." - David, 72',
    ]
    assert removed(BODY + "\n".join(quotes) + "\n") == []
    teasers = ["'It was chaos' - Witnesses describe the scene", "Ferry fares to rise in the spring"]
    assert removed(BODY + "\n".join(teasers) + "\n") == teasers


def test_a_short_headline_under_a_blog_s_tagline_stays():
    """A blog's headline of a few words in sentence case (a label's length) right above
    the post, under the blog's tagline and menu: it shares a word with the post, and the
    tagline taken for the headline shares none. A menu's item of two words there, though
    it shares one, still goes."""
    body = (
        "The ground finally dried out enough this week to get the first early potatoes "
        "in.\nI went for Charlotte again, because they did so well last year.\n"
    )
    top = "My Allotment Diary\nGrowing vegetables on a windy hillside\nHome\nAbout\n"
    title = "Planting the first potatoes"
    assert title not in removed(top + title + "\n" + body)
    assert "Early potatoes" in removed(top + "Early potatoes\n" + body)


# Text that is already only the article, opening with structure: it must lose no line.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ingredients\n2 cups flour\n1 tsp baking soda\n1/2 cup sugar\n2 eggs\nMethod\n"
            "Whisk the dry ingredients together in a large bowl.\n"
            "Beat the eggs with the buttermilk and pour them into the flour mixture.\n",
            id="ingredients whose first item was taken for the headline",
        ),
        pytest.param(
            "How to replace a bicycle inner tube\nYou will need:\nTyre levers\n"
            "A new tube of the right size\nA pump\n"
            "Step 1: Use the tyre levers to lift one side of the tyre off the rim.\n"
            "Step 2: Pull out the old tube and check the tyre for sharp objects.\n",
            id="a lead-in's list between the headline and the body",
        ),
        pytest.param(
            "Monday\nLight rain in the morning, clearing later. High 14.\n"
            "Tuesday\nSunny. High 17.\nWednesday\nCloudy with a chance of showers.\n"
            "Warmer weather is expected from the weekend, with highs above 20 degrees.\n",
            id="days each over a sentence: a forecast, not stamps",
        ),
        pytest.param(
            "Minutes of the parish council meeting, 4 March\n"
            "Present: J. Ward (chair), S. Patel, L. Moore, R. Young\nApologies: K. Hall\n"
            "1. The minutes of the previous meeting were approved without any changes.\n"
            "2. The clerk reported that the playground repairs are now complete and paid.\n",
            id="a key over a list of names: a fact box's pair",
        ),
        pytest.param(
            "Pros\n- Bright, sharp screen\n- Long battery life\nCons\n- No headphone jack\n"
            "- Expensive\n" + BODY,
            id="a content heading over a list item",
        ),
        pytest.param(
            "Step 1\nPreheat the oven to 200C.\nStep 2\n"
            "Cut the vegetables into even pieces and toss them with oil and salt.\nStep 3\n"
            "Roast for 35 to 40 minutes, turning once, until golden at the edges.\n",
            id="a how-to's steps: divisions with their text",
        ),
        pytest.param(
            "Vorteile\nGeringe Betriebskosten\nKlimafreundlich\nStaatliche Förderung möglich\n"
            "Nachteile\nHohe Anschaffungskosten\nNicht für jedes Haus geeignet\n"
            "Ob sich eine Wärmepumpe lohnt, hängt stark vom Zustand des Hauses und der "
            "Heizkörper ab.\n",
            id="pros and cons in German",
        ),
        pytest.param(
            "The 5 best budget phones\n1. Phone A\nGreat battery, average camera.\n2. Phone B\n"
            "The best screen in its class.\n3. Phone C\nSmall and light, but slow.\n"
            "Our pick is Phone A for most people: it lasts two days on a charge and costs less.\n",
            id="numbered items each over a line of text",
        ),
        pytest.param(
            "Friday's results\nLakeside 3, Hillcrest 1\nNorthfield 2, Riverside 2\n"
            "Oakwood 0, Westbrook 4\n" + BODY,
            id="a heading over rows, the first taken for the headline",
        ),
        pytest.param(
            "Jahreshauptversammlung\nTagesordnung\n1. Begrüßung\n2. Bericht des Vorstands\n"
            "3. Wahlen\nDie Versammlung findet am Freitag, 15. März, um 19.30 Uhr im Vereinsheim "
            "statt.\n",
            id="a title over an agenda's heading",
        ),
        pytest.param(
            "Troubleshooting\nThe app will not start\n"
            "Delete the cache folder and start the app again. If that does not help, "
            "reinstall it.\n"
            "Sync is slow\n"
            "Large libraries take longer to sync the first time, and later ones less.\n",
            id="a troubleshooting page's title over its first problem",
        ),
        pytest.param(
            "Abstract\nWe study the effect of sleep deprivation on short-term memory in 48 adults "
            "over two weeks.\nIntroduction\nSleep is known to play a role in memory consolidation, "
            "but the size of the effect is unclear.\nMethods\nParticipants kept a sleep diary.\n",
            id="a paper's abstract heading, with more headings below",
        ),
    ],
)
def test_an_article_that_opens_with_structure_loses_nothing(text):
    assert removed(text) == []


def test_burmese_full_stops_end_sentences():
    # A Burmese paragraph ends with its full stop ("\u104b"), and its words are not
    # spaced: a short one read as a line with no sentence's end went as a teaser.
    # (Lines of a BBC Burmese report, as newspaper4k's tests keep it.)
    text = (
        "သူတို သုံးဦးလုံးဟာ အောက်တိုဘာ ၈ ရက် ရက်စွဲနဲ့ "
        "ထုတ်ခဲ့တဲ့ Weekly Eleven ဂျာနယ် စာမျက်နှာ ၂၆ "
        'မှာပါဝင်တဲ့ ကလောင်အမည် ဖြိုးဝေရဲ့ " အမြဲရှုံးနေတဲ့ '
        "စက်သုံးဆီဆိုင်တွေ ပိတ်ရေး၊ ငွေချေးသူ ဘယ်သူမှန်း မသိတဲ့ "
        'ကျောင်းကားနဲ့ လူနာမည်ပေါက် ပြည်သူ့ရှယ်ယာ " ခေါင်းစဉ်နဲ့ '
        "ဆောင်းပါးကြောင့် တရားစွဲဆိုခံခဲ့ရတာဖြစ်ပါတယ်။\n"
        "'ဒီကနေ့ ရုံးချိန်းကို တရားလိုဘက်က လာရောက်တာမရှိခဲ့ဘူး။ "
        "တရားခွင်မှာ တရားသူကြီးက တာဝန်ခံအယ်ဒီတာ ကိုနရီမင်း၊ "
        "ကိုကျော်ဇောလင်း၊ နဲ့ သတင်းထောက်ချုပ် ကိုဖြိုးဝေ၀င်း "
        "တို့ကို အာမခံပေးခဲ့တယ်။ ဒါပေမယ့် သူတို့ကို စွဲဆိုထားတဲ့ "
        "နိုင်ငံတော်အကြည်ညိုပျက်စေမှုပုဒ်မနဲ့ စွဲဆိုထားတာကိုတော့ "
        "ရုပ်သိမ်းတာ မရှိခဲ့ပါဘူး' လို့ တရားလွှတ်တော်ရှေ့နေ "
        "ဦးကြီးမြင့် က ပြောပါတယ်။\n"
        "အလဲဗင်းသတင်းသမားတွေကို တရားစွဲဆိုထားတဲ့ ၅၀၅ (ခ) "
        "ပုဒ်မအမှုနဲ့ ပတ်သတ်လို့ သတင်းမီဒီယာကောင်စီကို "
        "တိုင်ကြားပြီး တွေ့ဆုံညှိနှိုင်းဖြေရှင်းဖို့ လိုတယ်လို့ "
        "သမ္မတကလည်း ညွှန်ကြားချက်ထုတ်ပြန်ထားပါတယ်။\n"
        "ဒီအမှုကို သတင်းမီဒီယာဥပဒေပုဒ်မ ၂၁ အရ "
        "နစ်နာတဲ့အဖွဲ့အစည်း၊ ဌာန၊ ပုဂ္ဂိုလ် ဟာ အရင်ဦးဆုံး "
        "သတင်းမီဒီယာကောင်စီကို တိုင်ကြားဖို့၊ မီဒီယာဥပဒေပုဒ် ၂၂ "
        "အရ မီဒီယာကောင်စီက နှစ်ဘက်တွေ့ဆုံညှိနှိုင်းဖြေရှင်းဖို့ "
        "ညွှန်ကြားထားတာလည်း ဖြစ်ပါတယ်။\n"
        "မီဒီယာကောင်စီကတော့ လက်ရှိ တာမွေတရားရုံးမှာ စွဲဆိုထားတဲ့ "
        "နိုင်ငံတော်အကြည်ညိုပျက်စေမှုပုဒ်မ ၅၀၅ (ခ) အမှု "
        "ပြီးပြတ်ကာမှ ဆက်လက် ဆောင်ရွက်လို့ရမယ်လို့ "
        "ပြောထားပါတယ်။\n"
    )
    assert removed(text) == []


def test_a_job_posting_s_lists_under_their_headings_stay():
    text = (
        "We are looking for a data engineer to build and run the pipelines that turn "
        "raw web crawls into the corpora our research teams train on.\n"
        "What you will do\n"
        "Design and run batch pipelines over hundreds of terabytes of text\n"
        "Work with researchers to turn quality ideas into filters\n"
        "Keep the pipelines fast, cheap and observable\n"
        "What we are looking for\n"
        "Five years or more of experience with Python and Spark or Ray\n"
        "Experience with large text or log data\n"
    )
    assert removed(text) == []
    # A careers portal's menu with such a heading among its items still goes.
    menu = "Careers\nWho we are\nWhat we offer\nYour responsibilities\nOpen positions\n"
    assert removed(menu + text) == menu.splitlines()


def test_a_letter_s_closing_keeps_the_name_under_it():
    text = (
        "The first tomatoes are finally in the ground, two weeks later than last year "
        "because of the frost that came back in April.\n"
        "If you sowed your beans indoors, now is the time to put them outside for a few "
        "hours each day and bring them in at night.\n"
        "Happy gardening,\nRuth\n"
    )
    # The newsletter's frame under it goes, and the name does not go with it.
    frame = "Forward to a friend\nUnsubscribe | Update your preferences\n"
    gone = [r.text for r in Cleaner().clean(text + frame).removals]
    assert gone == frame.splitlines()
    german = text.replace("Happy gardening,", "Mit freundlichen Grüßen,") + frame
    assert [r.text for r in Cleaner().clean(german).removals] == frame.splitlines()
    # A tag with its comma is no closing: the label under it goes with the menu.
    menu = "Related\nMac,\nVideos\nNews\nShop\nContact\n"
    assert "Videos" in removed(text.replace("Happy gardening,\nRuth\n", menu))


def test_an_obituary_keeps_the_name_and_the_span_of_the_life():
    text = (
        "Obituaries\nSearch obituaries\n"
        'Margaret "Peggy" Holloway\n1938 - 2024\n'
        'Margaret "Peggy" Holloway, 86, of Millbrook, passed away peacefully on March 2, '
        "2024, surrounded by her family.\n"
        "Born in Dover, Peggy taught third grade at Millbrook Elementary for 34 years and "
        "never forgot a pupil's name.\n"
    )
    assert removed(text) == ["Obituaries", "Search obituaries"]
    # ... and so with the whole dates of the life.
    dates = text.replace("1938 - 2024", "March 4, 1938 - March 2, 2024")
    assert removed(dates) == ["Obituaries", "Search obituaries"]
    # A span of years alone is a period's, not a counter: it stays wherever it stands.
    assert removed(text.replace("Search obituaries\n", "Search obituaries\n1914–1918\n")) == [
        "Obituaries",
        "Search obituaries",
    ]


def test_a_review_s_verdict_heading_stays_above_its_text():
    text = (
        "Reviews\nLaptops\n"
        "Aero 14 review: a light laptop with a battery that lasts all day\n"
        "Our verdict\n"
        "The Aero 14 is the lightest 14-inch laptop we have tested this year, and its "
        "battery lasted more than 15 hours in our video test.\n"
        "The keyboard is comfortable, though the trackpad is smaller than we would like.\n"
    )
    assert removed(text) == ["Reviews", "Laptops"]


def test_a_sentence_s_last_word_broken_off_onto_its_own_line_stays():
    # Wrapped documentation whose wrapping the text as a whole does not show: the
    # sentence's last word is no label, as "flag." is no button (rules' samples).
    text = (
        "The cleaner reads a stream one line at a time, which keeps memory flat even "
        "when the file is several gigabytes long.\n"
        "Each line is judged on its own and with its neighbours, and the results are "
        "written in order to the output file of the\n"
        "framework.\nHome\nDocs\n"
    )
    assert [r.text for r in Cleaner().clean(text).removals] == ["Home", "Docs"]


def test_a_section_between_the_body_and_content_kept_after_it_stays():
    # A travel piece's practical sections after the body: the ones with data stay by
    # their data, and the first one, under a heading the kind has no word for, lies
    # between the body and them: furniture stands at the edges, not inside content.
    body = (
        "Leipzig is cheaper than Berlin and hardly less exciting, above all in the west "
        "of the city, where old factories have become studios and cafes.\n"
        "A day is enough for the centre, but the canals are best seen from a canoe.\n"
    )
    getting_there = "Arriving\nBy train from Berlin in a little over an hour\n"
    sleeping = (
        "Sleeping\nHotel Michaelis, Paul-Gruner-Strasse 44, double rooms from 89 euros\n"
        "Eating\nKaiserbad, Karl-Heine-Strasse 93\n"
    )
    assert removed(body + getting_there + sleeping) == []
    # Without content kept under it, the same two lines after the body go.
    assert removed(body + getting_there) == getting_there.splitlines()
    # ... and so does a run that names navigation, or lies beside a removed line.
    related = "Related\nBy train from Berlin in a little over an hour\n"
    assert removed(body + related + sleeping) == related.splitlines()
    shared = removed_by_the_pack(body + "Share on Facebook\n" + getting_there + sleeping)
    assert shared[:3] == ["Share on Facebook", *getting_there.splitlines()]


def test_a_headline_s_word_before_its_colon_is_shared_with_the_body():
    # The site's name is taken for the headline (the text's first line of 3+ words);
    # the line right above the body that shares a word with it is the headline, also
    # when the word ends at a colon ("Jahreshauptversammlung:").
    text = (
        "TSV Grünwald 1907 e.V.\nAktuelles\nAbteilungen\nVerein\n"
        "Jahreshauptversammlung: Vorstand im Amt bestätigt\n"
        "Am Freitagabend trafen sich rund 80 Mitglieder zur Jahreshauptversammlung im "
        "Vereinsheim, der Vorsitzende blickte auf ein erfolgreiches Jahr zurück.\n"
        "Bei den Wahlen wurde der gesamte Vorstand einstimmig wiedergewählt, die "
        "Kassenprüfer bescheinigten eine einwandfreie Führung der Kasse.\n"
    )
    assert removed(text) == ["Aktuelles", "Abteilungen", "Verein"]
    # A teaser that shares no word with the body still goes under the headline.
    other = text.replace("Jahreshauptversammlung: Vorstand", "Sommerfest: Helfer")
    assert "Sommerfest: Helfer im Amt bestätigt" in removed(other)


def test_a_title_in_sentence_case_over_a_line_of_text_stays():
    # The text's first line, a title of a few words in sentence case, over a line with
    # no evidence of furniture (an essay's first section number, a subtitle) and the
    # body: the title stays, as it does right above the body ("On walking" / ...).
    body = (
        "I walk every morning, before the town wakes up, along the river and back "
        "through the market.\n"
        "II.\nWalking is the only time I do not try to be useful, and the market is "
        "still closed when I pass it.\n"
    )
    assert removed("On walking\nI.\n" + body) == []
    # A section's name in title case over it is a label still.
    assert removed("Lifestyle\nI.\n" + body) == ["Lifestyle"]


def test_a_list_under_its_heading_stays_above_the_page_s_footer():
    body = (
        "Le gouvernement a annoncé mardi l'ouverture d'une nouvelle concertation avec "
        "les syndicats et le patronat sur la réforme des retraites.\n"
        "Les syndicats ont accueilli l'annonce avec prudence, et la première réunion "
        "doit avoir lieu avant la fin du mois.\n"
    )
    listed = (
        "Le calendrier\nPremière réunion le 20 mars\nConclusions attendues fin juin\n"
        "Projet de loi à l'automne\n"
    )
    footer = "Partager\nContact\n"
    assert removed(body + listed + footer) == footer.splitlines()
    # A tag cloud's or a navigation box's items of a word or two still go with the
    # footer under them.
    tags = "Mots-clés\nRetraites\nSyndicats\nGouvernement\n"
    assert removed(body + tags + footer) == (tags + footer).splitlines()


@pytest.mark.parametrize("heading", ["You will need", "Was du brauchst", "Il vous faut"])
def test_a_how_to_s_list_of_what_it_takes_stays_under_its_heading(heading):
    steps = (
        "If the top of a radiator stays cold while the bottom is warm, air is trapped "
        "inside it, and letting it out takes five minutes.\n"
        "When water starts to come out, close the valve again and check the pressure "
        "on your boiler.\n"
    )
    needs = "A radiator key from any hardware shop\nAn old cloth or a small cup\nA few minutes\n"
    # The share bar under the list goes; the list and its heading stay.
    assert removed_by_the_pack(f"{steps}{heading}\n{needs}Share\nPrint\nContact\n") == [
        "Share",
        "Print",
        "Contact",
    ]


def test_a_list_under_its_heading_stays_above_a_closing_sentence():
    # The body's last long paragraph, a list under its heading, then a short closing
    # sentence the kind keeps: the list between them is the article's (an item may
    # hold a word a menu has: "help").
    text = (
        "The Senate on Wednesday passed a bill that would spend $12 billion over five "
        "years to bring high-speed internet to rural areas.\n"
        '"For too many families, a good internet connection is still out of reach," '
        "said one of the bill's sponsors.\n"
        "What the bill does\nGrants to states for new fiber and wireless networks\n"
        "A program to help low-income households pay for service\n"
        "New maps to show which areas lack coverage\n"
        "The House is expected to take up the bill next month.\n"
    )
    assert removed(text) == []
    # Other stories' titles over a kept line have no heading shorter than them: they go.
    teasers = (
        "15 Amazing Images of Stars\n11 Fascinating Facts About Our Milky Way Galaxy\n"
        "The 11 Biggest Unanswered Questions About Dark Matter\n"
    )
    body = text.split("What the bill does")[0]
    closing = "Originally published on Live Science.\n"
    assert removed(body + teasers + closing) == teasers.splitlines()


def test_a_list_under_its_heading_stays_above_items_it_keeps():
    # A list whose later items stay (no evidence of furniture: a price, a comma) goes
    # on past the run above them: its first items and its heading are the list's too.
    text = (
        "The Harlan City Council voted 5-2 early Wednesday to approve a $48 million "
        "operating budget for 2027, ending a three-hour debate.\n"
        "The budget raises the property tax rate by half a cent and adds eleven "
        "positions in the police and fire departments.\n"
        "What the budget includes\nA 3 percent raise for all city employees\n"
        "Eleven new public safety positions\n$2.1 million for street repairs on the east side\n"
        "A new library branch on Fulton Avenue, opening in 2028\n"
        "The budget takes effect Jan. 1.\n"
    )
    assert removed(text) == []
    # Under a heading that names navigation, other stories' titles above kept lines go.
    related = text.replace("What the budget includes", "Related coverage")
    assert removed(related)[:3] == [
        "Related coverage",
        "A 3 percent raise for all city employees",
        "Eleven new public safety positions",
    ]


CRISIS = (
    "Charities that run crisis phone lines say calls rise by as much as a fifth in "
    "December, as loneliness and money worries come together.\n"
    "Volunteers say the calls are often from older people living alone, but also from "
    "young adults away from home for the first time.\n"
)
ADVICE = (
    "What you can do\nKeep dogs on leads near the river in nesting season\n"
    "Do not feed the birds any bread\nReport injured swans to the RSPCA\n"
)


def test_a_list_under_its_heading_that_ends_the_text_stays():
    assert removed(CRISIS + ADVICE) == []
    # ... and above the navigation that follows it (the share bar, a box of stories).
    footer = "Share this article\nRelated\nMayor unveils plan for new riverside park\n"
    assert removed(CRISIS + ADVICE + footer) == footer.splitlines()


@pytest.mark.parametrize(
    "heading",
    [
        "Politics",  # a section's name: a word or two
        "Stories you may have missed",  # words of navigation
        "In case you missed it",
        "Must reads this week",
        "Our top picks this week",
        "You might also enjoy these",
    ],
)
def test_a_box_of_other_stories_that_ends_the_text_goes(heading):
    teasers = (
        "Mayor unveils plan for new riverside park\n"
        "Why the bus network redesign is running late\n"
        "Teachers vote to accept the new contract\n"
    )
    assert removed(f"{CRISIS}{heading}\n{teasers}") == [heading, *teasers.splitlines()]


def test_a_row_of_short_items_over_the_headline_is_no_headline():
    body = (
        "The Harbour Lights festival will return to the waterfront on the weekend of "
        "January 17 and 18, with more than 40 acts on four stages.\n"
        "This year a floating stage moored off the old fish market will host evening "
        "concerts, and the fireworks move to Saturday night.\n"
    )
    headline = "Harbour Lights festival returns with fireworks, food and a floating stage\n"
    assert removed("What's On | Festivals\n" + headline + body) == ["What's On | Festivals"]
    # A kicker and its headline on one line is the headline.
    kicker = "Opinion | Why the festival should stay free\n"
    assert removed(kicker + body) == []
    # Under such a row, a title of a few words in title case is the headline too.
    event = "What's on › Music\nWinter Solstice Concert\nSaturday 20 December 2026\n"
    assert removed(event + body) == ["What's on › Music", "Saturday 20 December 2026"]


FLU = (
    "Flu cases have doubled in a fortnight, with hospital admissions highest among the "
    "over-75s and children under five, officials said on Tuesday.\n"
    "Officials urged eligible groups to get vaccinated before Christmas, saying there "
    "was still time for the jab to take effect.\n"
)


def test_a_list_of_who_under_a_longer_heading_stays_above_removed_lines():
    # Items shorter than their heading, of two words or more; a longer item may name a
    # page ("health", "home") and is an item still. The caption and the tags under the
    # list go.
    listed = (
        "Who can get a free flu jab\nEveryone aged 65 and over\nPregnant women\n"
        "People with certain long-term health conditions\nCare home residents and carers\n"
    )
    tail = "Image caption, Officials say there is still time to get vaccinated\n"
    assert removed_by_the_pack(FLU + listed + tail) == tail.splitlines()


@pytest.mark.parametrize(
    ("heading", "footer"),
    [
        # Two words in sentence case head a list; in title case, a box ("Latest News").
        ("Cancelled events", "Get the latest weather updates\nSign up for text alerts\n"),
        # A heading with an apostrophe is words alone.
        ("This week's cancelled events", "Share this article\n"),
        # A longer line that opens with a word of navigation ends the list, over longer
        # lines or none.
        ("Events that are cancelled", "Read more about the winter storm warning\n"),
        (
            "Events that are cancelled",
            "More about this winter's storms\nSnow and ice to bring travel chaos on Friday\n"
            "Why forecasters struggle to predict where the snow will fall\n",
        ),
    ],
)
def test_a_list_under_its_heading_stays_above_the_navigation_under_it(heading, footer):
    items = (
        "Thursday's basketball games at Central and North\n"
        "The middle school winter concert, moved to Dec. 18\n"
        "Friday's parent-teacher conferences, to be rescheduled\n"
    )
    assert not set(removed(f"{FLU}{heading}\n{items}{footer}")) & {heading, *items.splitlines()}


def test_an_item_may_open_with_a_section_s_name():
    # "Food" names a site's section; over a shorter item it is an item itself.
    items = (
        "Opening plans\nA soft opening for shareholders on March 1\n"
        "Food served from the first weekend\nA quiz night every Thursday\n"
    )
    assert removed_by_the_pack(FLU + items + "Share this story\n") == ["Share this story"]


def test_a_box_under_a_section_s_name_in_title_case_goes():
    teasers = (
        "Mayor unveils plan for new riverside park\n"
        "Why the bus network redesign is running late\n"
        "Teachers vote to accept the new contract\n"
    )
    assert removed(f"{FLU}Latest News\n{teasers}") == ["Latest News", *teasers.splitlines()]
    # Another story's title that names someone heads no list: its teasers go with it.
    titled = "Pats place Olszewski on IR\nNew England's roster is re-shuffling\n" + teasers
    assert removed(FLU + titled) == titled.splitlines()


def test_a_fact_box_under_its_heading_is_no_headline():
    # A section's label, the headline, then a box under a heading that announces
    # content: the box's first row is not the headline; the title above it is.
    text = (
        "Travel\nLisbon in three days\nAt a glance\nBest time to go: April to June\n"
        "Flight time from London: 2 hours 45 minutes\nCurrency: euro\n"
        "Lisbon is a city of hills, trams and tiled facades, and it rewards slow walking "
        "more than a packed itinerary.\n"
        "On the second day, take the train to Belem for the monastery, the tower and the "
        "custard tarts.\n"
    )
    assert removed(text) == ["Travel"]


@pytest.mark.parametrize("heading", ["What changes?", "Wat verandert er?", "What changes:"])
def test_a_list_under_a_content_heading_asked_as_a_question_stays(heading):
    # The heading reads as a sentence and stays; the lines under it are its list.
    items = (
        "Cars may not enter the street between 10.00 and 18.00\n"
        "Deliveries are allowed only in the morning\nResidents get an exemption\n"
    )
    assert removed_by_the_pack(f"{BODY}{heading}\n{items}Share this article\n") == [
        "Share this article"
    ]


def test_where_to_buy_it_announces_its_list_above_a_removed_line():
    # "buy" names a shop's button; "Where to buy it" heads the places that sell it.
    items = (
        "Where to buy it\nHawes farmers' market, every Saturday\n"
        "The farm shop at Low Gill, Thursday to Sunday\n"
        "Online from the farm's website, from January\n"
    )
    call = "Do you have a food story from your area? Email us at food@example.com\n"
    assert removed_by_the_pack(BODY + items + call) == [call.strip()]


def test_a_list_s_heading_or_item_with_a_box_s_words_stays():
    # Words a story box's heading has ("before you go", "don't miss", "you may like")
    # stand in a list's own heading and items too: no navigation there.
    text = BODY + (
        "Things to check before you go\nYour passport is valid for six more months\n"
        "Don't miss the last ferry back at nine\nChildren may like the harbour's boat trips\n"
    )
    assert removed(text) == []


def test_the_last_line_of_a_block_of_facts_that_ends_the_text_stays():
    # The place under the last market's dates is the block's, not a label of the
    # site's; a footer the pack removes below it changes nothing.
    text = (
        "Am Donnerstag öffnen die ersten Weihnachtsmärkte in der Region, früher als im "
        "letzten Jahr. Wir haben die Öffnungszeiten zusammengestellt.\n"
        "Altstadt-Weihnachtsmarkt\n29. November bis 23. Dezember, täglich 11 bis 21 Uhr\n"
        "Marktplatz, Eintritt frei\nHafenweihnacht\n"
        "30. November bis 30. Dezember, 12 bis 22 Uhr\nAm Alten Hafen\n"
    )
    assert removed_by_the_pack(text + "Alle Angaben ohne Gewähr.\n") == [
        "Alle Angaben ohne Gewähr."
    ]
    # ... but a word of navigation after the last entry is the site's.
    assert removed_by_the_pack(text + "Kultur\nPolitik\n") == [
        "Kultur",
        "Politik",
    ]


def test_long_lines_of_one_shape_after_a_short_body_stay():
    # Four rows alike token for token (words, a day's number, words, a comma, ...):
    # a table set as sentences, not four teasers.
    rows = (
        "Normal day Monday 24 December, new day Saturday 22 December\n"
        "Normal day Tuesday 25 December, new day Thursday 27 December\n"
        "Normal day Wednesday 26 December, new day Friday 28 December\n"
        "Normal day Tuesday 1 January, new day Thursday 3 January\n"
    )
    text = (
        "Bin collections will move by one or two days over the Christmas and New Year "
        "period, the council said.\n" + rows
    )
    assert removed(text) == []


def test_a_live_blog_s_first_time_stays_over_its_first_entry():
    # "23:55" heads the first update as "23:40" and "23:20" head the others.
    text = (
        "Election night: results as they come in\n23:55\n"
        "Polls have now closed in every state, and our reporters are at the count centres.\n"
        "23:40\nTurnout looks high in the north, where queues were still outside some "
        "polling stations at closing time.\n23:20\nThe first exit poll puts the governing "
        "party on 42% and the opposition on 38%.\n"
    )
    assert "23:55" not in removed_by_the_pack(text)


def test_entries_of_a_list_with_short_sentences_above_the_body_stay():
    # Each book's title and author over a sentence too short for a body paragraph:
    # the body seems to start at the last one, and the titles are the list's.
    text = (
        "The best new books to read this winter\n"
        "Our critics pick the books worth your time this season.\n"
        "The Long Field\nAgnes Moore\n"
        "A quiet, devastating novel about a farm family over three generations.\n"
        "Night Trains\nOmar Haddad\n"
        "Essays on travel, insomnia and the strange intimacy of sleeper carriages.\n"
        "The Salt Year\nJenny Cole\n"
        "A memoir of a year spent living on a tidal island with no road to the mainland.\n"
    )
    assert removed(text) == []
    # A menu's items over a standfirst are no entries: a list needs three in a row.
    two = text.replace("The Long Field\nAgnes Moore\n", "World\nBusiness\n").replace(
        "Night Trains\nOmar Haddad\n", "Sport\nCulture\n"
    )
    assert removed(two)[:2] == ["World", "Business"]


ROADS = (
    "High Street, between Church Road and the station\nChurch Road\nMarket Square\n"
    "Bridge Street, between the river and High Street\n"
    "Buses will be diverted via Station Road.\n"
)


def test_a_list_the_body_announces_as_the_following_stays():
    text = (
        "The following roads will be closed on Saturday, December 8, from 4pm to 8pm for "
        "the Christmas parade.\n" + ROADS
    )
    assert removed(text) == []
    # ... in capitals too (the pattern reads case alike; its words' quick test must).
    assert removed(text.replace("The following roads", "THE FOLLOWING ROADS")) == []
    # "The following day" is a time, and announces nothing.
    day = text.replace("The following roads will be closed on Saturday", "Roads closed")
    day = day.replace("Christmas parade.", "Christmas parade and reopen the following day.")
    assert "Church Road" in removed(day)


def test_a_review_s_good_and_bad_points_stay():
    text = (
        "Google's new phone has the best camera you can buy. Everything else about it is "
        "good rather than great.\nThe good\nNight Sight takes usable photos in near darkness\n"
        "Clean software with three years of updates\nThe bad\nBattery life is average\n"
        "The notch on the XL is huge\nShould you buy it? If photos matter most to you, yes.\n"
    )
    assert removed(text) == []


def test_a_listing_s_entries_above_the_body_stay_with_their_times():
    # Each programme's title and its time and channel over a short sentence; the
    # line between the headline and the listing goes in a first pass, and the entries
    # must still count three in the next.
    entries = (
        "The Great Bake Off: The Final\n8pm, BBC One\n"
        "Three bakers remain, and the showstopper is a gingerbread village.\n"
        "Winter Walks\n9pm, BBC Four\nPoet Ian McMillan walks the Yorkshire coast in the snow.\n"
        "Film: The Holiday\n10pm, Channel 4\n"
        "A swap of houses becomes a swap of lives in this cosy comedy.\n"
    )
    text = "Tonight on television\nUpdated 14:05\nBy TV Team\n" + entries
    gone = removed_by_the_pack(text)
    assert not any(line in gone for line in entries.splitlines())


def test_a_body_of_short_sentences_keeps_what_lies_between_them():
    # One sentence is long enough for a body paragraph, and it is the last: the
    # sentences above it are the body too, and the numbers between them its content.
    numbers = (
        "Winning numbers\n7, 12, 19, 33, 41, 52\nBonus ball: 28\nThunderball\n"
        "3, 9, 14, 22, 30\nThunderball: 11\n"
    )
    text = (
        "Lotto results: Winning numbers for Saturday, December 15\n"
        "Here are the winning numbers for Saturday's Lotto draw.\n"
        "The jackpot was an estimated £5.3 million.\n"
        + numbers
        + "If you have won, you have 180 days to claim your prize.\n"
    )
    assert removed(text) == []
    # ... but one short sentence above the body paragraph is not enough (a standfirst
    # over the page's furniture).
    one = text.replace("The jackpot was an estimated £5.3 million.\n", "")
    assert "Thunderball" in removed(one)


def test_a_league_table_under_its_heading_stays():
    text = BODY + "Table\n1. Hillcrest 34 pts\n2. Kingsmead 31 pts\n3. Riverside 27 pts\n"
    assert removed(text) == []


@pytest.mark.parametrize("score", ["Crystal Palace 1-1 Manchester City", "Sharks 38 Lions 31"])
def test_a_match_s_result_over_its_report_stays(score):
    text = (
        "Late Silva goal earns City draw at Palace\nBy Ian Frost\n"
        f"{score}\nBernardo Silva scored in the 88th minute to rescue a point for the "
        "visitors at Selhurst Park.\nWilfried Zaha had given Palace the lead with a fine "
        "solo goal shortly after half-time.\n"
    )
    assert score not in removed_by_the_pack(text)


def test_a_transcript_under_its_heading_stays():
    text = (
        "How a small town saved its only grocery store\nTranscript\n"
        "HOST: When the only grocery store in Millbrook announced it would close, the town "
        "had six weeks to do something.\nLUTZ: We had a meeting in the church basement. "
        "Two hundred people came.\n"
    )
    assert removed(text) == []


@pytest.mark.parametrize(
    ("menu", "title"),
    [("Docs\nGuides\n", "Configuring logging"), ("Essays\n", "On walking")],
)
def test_a_title_of_two_words_right_above_the_body_is_the_headline(menu, title):
    text = (
        f"{menu}{title}\nThe logger reads its settings from the environment when the "
        "application starts, and walking through them takes a minute.\n"
    )
    assert title not in removed(text)
    # ... but not one that names navigation ("Latest news" is a menu's).
    assert "Latest news" in removed(text.replace(title, "Latest news"))


def test_a_teaser_between_two_lines_other_rules_removed_after_the_body_goes():
    # A box's story the rules read the others of: its label and first teaser above
    # it, the next box below it.
    text = (
        BODY + "Read More\nRoadworks to close town centre street for three weeks\n"
        "Readers' photos of the first frost of winter\nMost Read\n"
        "Man arrested after car hits shop front\nChristmas lights switch-on date confirmed\n"
    )
    assert "Readers' photos of the first frost of winter" in removed_by_the_pack(text)
    # ... but not the body's last line, and not one with a kept line below it.
    text = BODY + "Read More\nRoadworks to close town centre street for three weeks\n"
    text += "Readers' photos of the first frost of winter\n"
    assert "Readers' photos of the first frost of winter" not in removed_by_the_pack(text)


def test_a_section_heading_between_two_sentences_above_the_body_stays():
    # A text of short paragraphs: the first long enough for the body is the third
    # section's, the headings above it stand between sentences.
    text = (
        "Full council meeting: what was decided\n"
        "Councillors met on Tuesday evening. These are the main decisions.\nBudget\n"
        "The draft budget for 2019/20 was approved for consultation.\nParking\n"
        "Charges at the three town centre car parks will rise by 20p an hour from April.\n"
        "Housing\nPlans for 120 homes at Mill Farm were deferred for a site visit.\n"
        "The next meeting is on 29 January.\n"
    )
    assert removed(text) == []
    # ... but not a heading that names navigation.
    assert "Latest news" in removed(text.replace("Budget", "Latest news"))


def test_a_fact_box_row_with_a_longer_value_under_its_rows_stays():
    text = (
        BODY + "When: Saturday 8 and Sunday 9 December, 10am to 5pm\n"
        "Where: Castle Green, Ashbury\nTickets: £4 adults, children free\n"
        "Parking: Park and ride from the leisure centre\nTags\nAshbury\nChristmas\n"
    )
    gone = removed_by_the_pack(text)
    assert "Parking: Park and ride from the leisure centre" not in gone
    assert "Christmas" in gone


def test_a_related_heading_over_the_article_s_own_headline_takes_only_itself():
    text = (
        "AP NEWS\nTop Stories\nPhotographer's lost negatives found in flea market box\n"
        "By MARY COLLINS\nDecember 3, 2018\nBOSTON (AP) — A box of negatives bought for $10 "
        "at a flea market has turned out to hold hundreds of unseen pictures.\n"
        "The buyer, retired teacher Ed Marsh, said he almost threw the box away.\n"
    )
    title = "Photographer's lost negatives found in flea market box"
    out = Cleaner().clean(text).text.split("\n\n")
    assert "Top Stories" not in out
    assert title in out
    # ... but a box of two titles there is other stories.
    two = text.replace("By MARY COLLINS", "Council votes to keep the library open on Sundays")
    assert title not in Cleaner().clean(two).text.split("\n\n")


def test_a_heading_under_a_removed_button_over_two_sentences_stays():
    text = (
        "Easy banana bread\nThis is the banana bread I've made every week for ten years. "
        "It's moist, not too sweet, and uses one bowl.\nJump to Recipe\nWhy this recipe works\n"
        "Very ripe bananas give all the sweetness you need.\n"
        "Melted butter keeps the crumb soft for days.\n"
    )
    gone = removed_by_the_pack(text)
    assert "Jump to Recipe" in gone
    assert "Why this recipe works" not in gone


def test_a_sentence_case_title_over_a_standfirst_under_menu_labels_stays():
    text = (
        "Sport\nCricket\nEngland complete series sweep\nRoot's side win by 42 runs.\n"
        "By Matt Cole\nColombo\n3 December 2018\nEngland completed a 3-0 series win over "
        "Sri Lanka with a 42-run victory in Colombo on Monday.\nJack Leach took four "
        "wickets as the hosts were bowled out for 284 chasing 327 on the last day.\n"
    )
    gone = removed_by_the_pack(text)
    assert "England complete series sweep" not in gone
    assert "Cricket" in gone
    # ... but not a story card's title over its summary, with other cards below it.
    cards = text.replace("By Matt Cole\n", "World\nStorm hits coast\nThousands lost power.\n")
    assert "England complete series sweep" in removed_by_the_pack(cards)


def test_a_title_under_a_menu_over_a_fact_box_s_rows_stays():
    text = (
        "Recetas\nTortilla de patatas\nTiempo: 45 minutos\nRaciones: 4\n"
        "La tortilla de patatas es uno de los platos más populares de la cocina española "
        "y se come en todas partes.\nPela y corta las patatas en láminas finas.\n"
    )
    gone = removed(text)
    assert "Tortilla de patatas" not in gone
    assert "Recetas" in gone
    # ... but not a menu's item over a headline that reads as a pair, without a number.
    pair = (
        "Home\nNachrichten\nAutohersteller\nSkoda: Der lange Weg zum Strom\n"
        "Skoda: Der lange Weg zum Strom\nNoch ist das Coupé durch eine Tarnfolie mit wild "
        "ineinander verschlungenen Buchstaben verunstaltet, wie man hier sieht.\n"
    )
    assert "Autohersteller" in removed(pair)


def test_an_obituary_s_name_over_a_life_s_span_stays_without_its_middle_name_below():
    text = (
        'Obituaries\nRobert James Cole\n1931 - 2018\nRobert "Bob" Cole, 87, of Millbrook, '
        "passed away peacefully on November 30, 2018, surrounded by his family.\n"
        "He worked for 35 years as a mail carrier and never missed a game.\n"
    )
    gone = removed(text)
    assert "Robert James Cole" not in gone
    assert "Obituaries" in gone


def test_a_longer_title_under_a_kicker_taken_for_the_headline_stays():
    text = (
        "The long read\nThe town that saved its railway\nWhen the line was due to close in "
        "1963, the people of Hallbridge bought it. Sixty years on, it is still running.\n"
        "The first train of the day leaves Hallbridge at 6.42, and on a winter morning it "
        "is usually empty.\n"
    )
    assert "The town that saved its railway" not in removed(text)


def test_a_post_s_title_under_a_blog_s_name_and_tagline_stays():
    text = (
        "The Touchline Notebook\nJust another blog\nThe Cup Final – Extra Time\n"
        "We pick up where we left off, with both sides tired and the score still level at "
        "one each.\nNine minutes in, the substitute curled a shot into the far corner.\n"
    )
    gone = removed(text)
    assert "The Cup Final – Extra Time" not in gone
    assert "Just another blog" in gone
    # ... but not a comment's first words under a menu's lines ("Recent comments").
    menu = text.replace(
        "Just another blog\n", "Links\nOur partners\nThe archive\nRecent comments\n"
    ).replace("The Cup Final – Extra Time", "Helga Brand: I am for the referendum")
    assert "Helga Brand: I am for the referendum" in removed(menu)


def test_a_two_word_title_the_first_sentence_opens_with_stays_over_a_tagline():
    text = (
        "Bridge loan\nFrom Finpedia\nA bridge loan is short-term financing "
        "that a company takes on until its next round of funding closes.\n"
        "Overview\nLenders charge more for bridge loans because they carry more risk.\n"
    )
    gone = removed(text)
    assert "Bridge loan" not in gone
    assert "From Finpedia" in gone
    # ... and over a question taken for the headline, under a link back.
    question = text.replace("From Finpedia\n", "What Is a Bridge Loan?\n")
    assert "Bridge loan" not in removed(question)


def test_a_menu_run_together_at_the_text_s_top_is_no_headline():
    text = (
        "Campus HomeCampus AboutCampus StudyCampus AdmissionsCampus AthleticsCampus "
        "LibrariesCampus ResearchNews\n"
        "Lab Work Wins National Attention\n"
        "Research by the chemistry department has been covered this month by outlets "
        "from the national papers to the trade press.\n"
        "The coverage follows a year of new grants.\n"
    )
    gone = removed(text)
    assert "Lab Work Wins National Attention" not in gone
    # ... but a first line with a brand's capital or two is the headline as before.
    brands = text.replace(text.split("\n")[0], "YouTube and McDonald's sign a deal")
    assert "YouTube and McDonald's sign a deal" not in removed(brands)


def test_a_fact_box_s_row_beside_a_longer_row_with_a_number_stays():
    text = (
        "Volunteer Fire Brigade Eastfield\nCall-out: Car fire on Mill Road\n"
        "Call-out of 3 May – 21:10 – 22:05\nLocation: Mill Road\n"
        "Units: Station 2 (Engine 2, Ladder 1)\nEastfield. (fb) Barely twenty minutes "
        "after returning from the last call, the brigade was sent to Mill Road, where a "
        "parked car had caught fire.\nThe fire was out within ten minutes.\n"
    )
    assert "Location: Mill Road" not in removed(text)
    # ... but not a credit beside a headline in two parts, which has no number.
    credit = (
        "Bold advert: a singer, icebergs and a lot of pink\nScreenshots: Instagram/ someone\n"
        "Newsletter\nThe advert has been seen millions of times since it was posted on "
        "Monday, and not everyone likes what it shows.\n"
    )
    assert "Screenshots: Instagram/ someone" in removed_by_the_pack(credit)


def test_a_heading_of_a_word_with_a_colon_right_above_the_body_stays():
    text = (
        "Date: 9 May 2018\nAlert: pager\nType: road accident\nMore units: Westfield\n"
        "Report:\nOn Wednesday evening at about 21:45 a car crashed at the roundabout on "
        "Station Road, and its driver was badly hurt.\nThe road was closed until midnight.\n"
    )
    assert "Report:" not in removed(text)


def test_a_print_edition_s_title_and_its_first_sentence_broken_over_lines_stay():
    text = (
        "The Sunday Courier\nTwin goals for Hale as Rovers seal the title in style\n-\n"
        "JOE HALE'S double sealed the league title for Rovers as they recorded a 2-0 win at\n"
        "Kingsmead.\nHale ended as the division's top scorer, taking his tally to 24, one "
        "more than anyone else managed this season.\nAn early own goal had set the visitors "
        "on their way.\n"
    )
    gone = removed(text)
    assert "Kingsmead." not in gone
    assert "Twin goals for Hale as Rovers seal the title in style" not in gone
    assert "-" in gone
    # ... but a line a verb's particle closes is a sentence of its own, and the
    # capitalized line under it is not its end ("Melde Dich zuerst bei Golf Post an").
    particle = text.replace(
        "for Rovers as they recorded a 2-0 win at\n", "und die Fans standen alle zusammen auf\n"
    )
    assert "Kingsmead." in removed(particle)


def test_a_post_s_title_as_short_as_the_blog_s_name_stays_under_its_tagline():
    text = (
        "The Potting Shed\nJust another WordPress site\nTomatoes at Last\n"
        "After three poor summers the tomatoes have finally ripened on the vines, and the "
        "first bowl was picked this morning.\nI fed them every week this year, which seems "
        "to have made the difference.\n"
    )
    gone = removed(text)
    assert "Tomatoes at Last" not in gone
    assert "Just another WordPress site" in gone
    # ... but not a byline of names under a kicker and the headline.
    names = (
        "Christmas Story Series\nWhy I stopped answering questions about being single\n"
        "Jane Roe, John Doe\nPhoto: Anna Jay.\nMy last serious relationship ended three "
        "years ago, says the 27-year-old, and she is happy with that decision.\n"
    )
    assert "Jane Roe, John Doe" in removed_by_the_pack(names)


def test_two_rows_of_a_fact_box_with_longer_values_stay_together():
    text = (
        "Volunteer Fire Brigade Eastfield\nCall-out: Cellar fire on Elm Street\n"
        "Call-out of 3 Feb – 18:12 – 20:40\nLocation: Elm Street\n"
        "Vehicles: Engine 20 (Crew 1), Ladder 23/12\nEastfield. (fb) Early in the evening "
        "the brigade was called to a fire in the cellar of a block of flats, and smoke was "
        "already coming from the windows.\nA crew in breathing apparatus put the fire out.\n"
    )
    gone = removed(text)
    assert "Location: Elm Street" not in gone
    assert "Vehicles: Engine 20 (Crew 1), Ladder 23/12" not in gone


def test_a_forecast_s_rows_with_temperatures_after_the_body_stay():
    text = (
        "It has been a wet month, and the weekend will not change that for most of the "
        "region, with rain moving in from the west on Saturday night.\n"
        "Sunday morning starts cold with lows near freezing, but the afternoon will be "
        "bright and dry across the whole area.\n"
        "The new week begins with a rising chance of rain on Monday evening.\n"
        "WEEKEND FORECAST SATURDAY Cloudy, rain late (60%) HIGH: 41°\n"
        "SUNDAY Mostly sunny HIGH: 52°\n"
    )
    assert removed(text) == []


def test_a_post_s_title_its_first_sentence_takes_up_stays_under_a_blog_s_widgets():
    text = (
        "Kitchen Notes: A Family Cookbook Online\nDelivered by FeedBurner\n"
        "Sunday Soups\nIt's finally Sunday. Here are three warming soups to see you "
        "through the cold week ahead, including a leek and potato soup.\n"
        "LEEK AND POTATO SOUP\nServes 4\n"
    )
    gone = removed(text)
    assert "Sunday Soups" not in gone
    # ... but not a section's name over a story that uses one of its words.
    section = text.replace("Sunday Soups", "World Kitchen")
    assert "World Kitchen" in removed(section)


def test_a_title_set_twice_above_the_body_keeps_one_copy():
    # Under a search box's prompt, taken for the headline, the title set twice over a
    # name and a date: one copy stays.
    text = (
        "You can search by section\nor by the title of a story\n"
        "Harbour wall to be rebuilt after storms\nHarbour wall to be rebuilt after storms\n"
        "admin\n12 March 2024\n"
        "The council will rebuild the harbour wall that the winter storms broke in three "
        "places, at a cost of two million pounds, it said on Tuesday.\n"
        "Work starts in May and should end before the next winter.\n"
    )
    assert kept(text).count("Harbour wall to be rebuilt after storms") == 1
    # ... and one copy when the first is the headline.
    bare = text.split("story\n", 1)[1]
    assert kept(bare).count("Harbour wall to be rebuilt after storms") == 1
    # A crumb whose last item is the title goes; the title stays.
    crumbed = (
        "Town hall / News / Festival returns to the square\n"
        "Festival returns to the square\n"
        "The summer festival returns to the market square this Saturday, with four bands "
        "and food stalls from noon until late in the evening.\n"
    )
    gone = removed(crumbed)
    assert gone == ["Town hall / News / Festival returns to the square"]
    # Copies farther apart are a menu's or a box's items repeated (for a phone and
    # for a desk): none stays.
    apart = text.replace("storms\nHarbour", "storms\nShare\nComments\nadmin\nHarbour")
    assert removed(apart).count("Harbour wall to be rebuilt after storms") == 2


def test_a_spec_box_after_the_body_stays_with_dashes_for_colons_and_a_longer_row():
    body = (
        "The phone will go on sale next month in London and New York, the company said on "
        "Tuesday, and the price will be announced at the launch.\n"
    )
    rows = (
        "Display: 5 inch, 1080 pixels\nRAM: 2 GB\nOperating system: Android 4.4\n"
        "Processor: Snapdragon 800 chipset\n"
        "Touchscreen: multitouch with a graphics processor as well\nStorage: 16 GB\n"
    )
    assert removed(body + rows) == []
    # A dash right after the key stands for the colon (as Hindi pages write their
    # boxes: "रैम- 2 जीबी"), and a lead-in may end with one.
    dashed = body + "These are the features of the new phone-\n" + rows.replace(": ", "- ")
    assert removed(dashed) == []
    # (Keys hold the marks of their script's vowels: "रैम".)
    hindi = (
        "Nokia का नया फोन अगले महीने लॉन्च होगा. कंपनी ने इसकी कीमत के बारे में अभी कुछ नहीं "
        "बताया है. लीक हुई खबरों से इस फोन के बारे में काफी कुछ पता चल चुका है.\n"
        "ये खूबियां होंगी Nokia के नए फोन X5 में-\nडिस्प्ले- स्क्रीन का साइज 6 इंच, फुल एचडी\n"
        "रैम- 4 जीबी\nऑपरेटिंग सिस्टम- एंड्रॉयड 12 आधारित यूआई\n"
        "प्रोसेसर- मीडियाटेक हीलियो चिपसेट\nकैमरा- पीछे दो कैमरे, आगे एक कैमरा और फ्लैश भी\n"
        "स्टोरेज- 64 जीबी\n"
    )
    assert removed(hindi) == []
    # A word's first half before "and" is no key: "Aus- und Fortbildung".
    assert _KEY_VALUE.match("RAM- 2 GB")
    assert not _KEY_VALUE.match("Aus- und Fortbildung")


def test_an_event_box_set_as_a_description_list_stays():
    # Each field's name on a line, its value on the next, above the body.
    box = (
        "Time\n7:30pm\nRunning time\nAbout 100 minutes\nVenue\nMain Hall\nAge\n8 and over\n"
        "Tickets\nAll seats £10\n"
    )
    text = (
        "Arts Centre\nWhat's on\nBrahms and Prokofiev: the orchestra's spring concert\n"
        + box
        + "The city orchestra plays Brahms' first piano concerto, with Clara Wendt as "
        "soloist, and the fifth symphony of Prokofiev in its spring concert.\n"
    )
    gone = removed(text)
    assert not set(box.splitlines()) & set(gone)
    assert "What's on" in gone
    # A menu's items right above the box are not its fields.
    menu = text.replace("concert\nTime", "concert\nConcerts\nTheatre\nTime")
    assert "Theatre" in removed(menu)
    # Names of navigation between are a magazine's buttons under its issues, not a box.
    buttons = text.replace("Venue\nMain Hall\n", "Share\nMain Hall\n").replace(
        "Age\n8 and over\n", "Print\nSpring issue 2/2020\n"
    )
    assert "7:30pm" in removed(buttons)
    # ... nor are names and values with a line another rule removed between them: a
    # recipe's tags, then a magazine's issues around its share buttons.
    tags = (
        "Die Eier mit dem Zucker schaumig schlagen, das Mehl unterheben und den Teig etwa "
        "25 Minuten im heißen Ofen backen.\nDen Boden gut auskühlen lassen, bevor die Creme "
        "daraufkommt.\nKategorien & Tags\nvegetarisch\nKuchen & Gebäck\nsüß\nfruchtig\n"
        "Desserts & Backen\neinfach\nBackheft 1/2019\nTeilen\nVersenden\nDrucken\n"
        "Backheft 05/2020\nweiterlesen\nBackheft Low Carb\nweiterlesen\n"
    )
    assert "Backheft 05/2020" in removed_by_the_pack(tags)


def test_a_race_s_facts_with_a_dash_between_key_and_value_stay():
    facts = (
        "Circuit – Riverside Park\nLength – 4.3 km\nLaps – 71, 305 km\n"
        "Pole – Anna Berg – Falcon – 1m10s736\nWinner – Anna Berg – Falcon\n"
        "Time – 1h31m01s\n"
    )
    text = (
        "Riverside Grand Prix 2016\n"
        + facts
        + "Anna Berg kept her title hopes alive by taking pole position and then the win at "
        "Riverside Park, where she led every one of the 71 laps in the rain.\n"
    )
    gone = removed(text)
    assert not set(facts.splitlines()) & set(gone)
    # Titles with a dash inside, no number among them, are other stories' teasers.
    teasers = (
        "Review – a quiet film about grief\nInterview – the painter who went home\n"
        "Travel – a week on the northern lakes\n"
    )
    other = text.replace(facts, teasers)
    assert set(teasers.splitlines()) <= set(removed(other))


def test_boxes_with_cjk_colons_long_values_and_a_last_row_without_a_key_stay():
    # A Japanese notice's rows set their key with the full-width colon, no space after.
    notice = (
        "市立図書館では、夏休みに親子で参加できる工作教室を開きます。紙コップや古い箱を使って、"
        "動くおもちゃを作ります。\n日時：8月9日（土）13時～15時\n場所：市立図書館 2階\n"
        "対象：小学生とその保護者\n定員：15組（先着順）\n"
    )
    assert removed(notice) == []
    # A description list's value may be long when it holds a number, and a span of
    # days is the first field's value.
    box = (
        "Dates\n3 – 11 July 2026\nRunning time\n1 hour 50 minutes, no interval\n"
        "Age guidance\n14+\nTickets\n£12 – £28\nConcessions\n£2 off for students and over-60s\n"
    )
    play = (
        "Home › What's on › Theatre › The Salt Road\nThe Salt Road\nBook now\n"
        + box
        + "Harbour Lane Players open their summer season with a new play about the last "
        "salt traders on the coast, after a sell-out run in the spring.\n"
        "Written by a member of the company, it follows a family who lose their trade when "
        "the railway reaches the town.\nShare this event\n"
    )
    gone = removed_by_the_pack(play)
    assert not set(box.splitlines()) & set(gone)
    assert "The Salt Road" not in gone
    # A box under a heading that announces it keeps its last row without a key.
    fair = (
        "Accueil > Actualités > Économie\nLe salon de l'habitat revient au parc des expositions\n"
        "Plus de 150 exposants sont attendus au salon de l'habitat, qui ouvre ses portes "
        "vendredi pour trois jours au parc des expositions.\nRénovation énergétique, cuisines, "
        "jardins : les visiteurs pourront rencontrer artisans et conseillers.\n"
        "Infos pratiques\nDates : du 14 au 16 mars\nHoraires : de 10 h à 19 h\n"
        "Entrée : 5 €, gratuite pour les moins de 12 ans\nParking gratuit sur place\n"
        "Autres actualités\nLa médiathèque prolonge ses horaires d'ouverture\n"
    )
    assert "Parking gratuit sur place" not in removed_by_the_pack(fair)


def _guide(contents: list[str]) -> str:
    """A how-to with a table of contents above its body: three sections, each a
    heading (with a permalink's mark) over its paragraphs."""
    sections = [
        (
            "Choosing a starter",
            "A sourdough starter is flour and water that wild yeast has settled in, and "
            "the one a friend gives you is usually livelier than one begun from nothing.",
        ),
        (
            "Feeding it",
            "Feed the starter once a day at room temperature, discarding half before you "
            "add equal weights of flour and water, and keep it in a jar with a loose lid.",
        ),
        (
            "Baking day",
            "On baking day feed it in the morning and mix the dough when it has doubled, "
            "which takes between four and eight hours depending on the warmth of the room.",
        ),
    ]
    lines = ["Looking after a sourdough starter", *contents]
    for heading, paragraph in sections:
        lines += [heading + " ¶", paragraph]
    return "\n".join(lines) + "\n"


def test_a_table_of_contents_above_the_body_stays():
    # Its entries name the body's headings, in their order (the headings' permalink
    # marks and the entries' numbers aside): the text's own outline, not a menu.
    contents = ["Contents", "1. Choosing a starter", "2. Feeding it", "3. Baking day"]
    assert removed(_guide(contents)) == []
    # Without the numbers, and with an entry that names no heading among them.
    contents = ["Contents", "Choosing a starter", "Feeding it", "Troubleshooting", "Baking day"]
    assert removed(_guide(contents)) == []


def test_a_menu_that_shares_names_with_the_body_is_no_table_of_contents():
    # Out of the body's order, two names only, names scattered among a menu's other
    # items, or names the body holds as no heading (lines of a list, not over a
    # paragraph): a menu, which goes.
    for menu in (
        ["Home", "Baking day", "Feeding it", "Choosing a starter"],
        ["Home", "Shop", "Feeding it", "Baking day"],
        ["Home", "Recipes", "Shop", "Newsletter"],
        [
            *("Home", "Choosing a starter", "Shop", "Recipes", "Feeding it", "Forum"),
            *("About", "Baking day"),
        ],
    ):
        assert removed(_guide(menu)) == menu
    text = (
        "Looking after a sourdough starter\n"
        "Home\nJars\nFlour\nScales\nContact\n"
        "You need very little to keep a starter going for years, and most kitchens "
        "already have all of it on their shelves.\n"
        "Jars\nFlour\nScales\nA warm shelf\n"
        "A starter that smells of acetone is hungry, not spoiled, and recovers after "
        "two or three regular feeds at room temperature.\n"
    )
    assert removed(text) == ["Home", "Jars", "Flour", "Scales", "Contact"]


def test_a_numbered_list_s_heading_above_the_first_item_the_body_opens_with_stays():
    # Under the headline, the heading of the ranking the body is ("Class 5A"), right
    # above its first item; not a menu's item ("Home", which navigation names), nor a
    # label over a lone "1." with no second item under it.
    def ranking(label: str, items: int = 2) -> str:
        teams = [("Riverside", "4-0"), ("Hillcrest", "3-1")][:items]
        lines = ["How the top teams fared this week", label]
        for n, (team, record) in enumerate(teams, 1):
            lines += [
                f"{n}. ({n}) {team} ({record})",
                f"Last week: Beat Oakdale 28-14. {team} scored twice in the fourth quarter "
                "to pull away from a close game. Next: Friday at Westbrook (2-2)",
            ]
        return "\n".join(lines) + "\n"

    assert removed(ranking("Class 5A")) == []
    assert removed(ranking("Home")) == ["Home"]
    assert removed(ranking("Class 5A", items=1)) == ["Class 5A"]


def test_a_bulleted_list_s_heading_above_the_first_item_the_body_opens_with_stays():
    # The body opens with a bulleted list under its heading; the heading stays with its
    # items, unless navigation names it, or the next line has another mark (a lone
    # item under a label is judged as before).
    def decisions(label: str, marks: str = "--") -> str:
        return (
            "Council sets the date for the mayoral election\n"
            f"{label}\n"
            f"{marks[0]} The job advertisement for the post\n"
            f"{marks[1]} The appointment of the election committee\n"
            "The chair declared herself biased and handed the chair to her deputy, who "
            "led the debate on this item while she listened from the public seats.\n"
            "The deputy pointed to the council paper and explained the points to be "
            "decided, one after the other.\n"
        )

    assert removed(decisions("Key decisions")) == []
    assert removed(decisions("Key decisions", "••")) == []
    assert removed(decisions("Related")) == ["Related"]
    assert "Key decisions" in removed(decisions("Key decisions", "-•"))


def test_a_long_lead_in_further_up_opens_the_body_over_the_items_it_announces():
    # The lead-in (a sentence of body_words or more that ends with a colon) stands over
    # the fields it announces, each set under a bullet of its own, more than two lines
    # above the first body paragraph: the fields are content. The same fields under a
    # short heading and no lead-in are judged as before (the headings and the times
    # go as a menu's labels and teasers).
    fields = ["-", "Location: Main Street (between 5th Avenue and 8th Avenue)", "-"]
    fields += ["Closure Start: November 1, 2030, at 6:00 AM", "-"]
    fields += ["Closure End: January 31, 2031, at 8:00 PM"]
    body = (
        "Crews will work from 6 a.m. to 8 p.m. on weekdays, and the roads will reopen "
        "each evening once the trenches are covered for the night.\n"
    )
    lead_in = (
        "Please be advised that these roads will be closed from Monday while a new "
        "water main is laid:"
    )
    head = "Road closures for the water main\nPublic Works\nNotices\n"
    text = head + lead_in + "\n" + "\n".join(fields) + "\n" + body
    assert removed(text) == ["Public Works", "Notices"]
    text = head + "Closures\n" + "\n".join(fields) + "\n" + body
    assert "Closure Start: November 1, 2030, at 6:00 AM" in removed(text)


def test_a_fact_box_s_heading_under_the_headline_stays():
    # Under the headline, the name of the works over the notice's fields, which run
    # down to the body, one with a number: the box's heading. A crumb's item over
    # titles with a colon and no number is a crumb's, and goes.
    body = (
        "Crews will replace the storm drain under the road, and residents will keep "
        "access to their driveways while the work goes on.\n"
    )
    fields = "Closure Dates: July to mid-October\nClosure Hours: 7:00 AM to 5:00 PM\n"
    text = "Temporary Road Closure\nMill Road Drainage Works\n" + fields + body
    assert removed(text) == []
    titles = "Hay for horses: better than its name?\nRead more: the perfect dinner\n"
    text = "Training and Practice\nFeeding\n" + titles + body
    assert "Feeding" in removed(text)


def test_a_vote_s_tally_after_the_body_stays_with_its_heading():
    # Minutes end an item with its vote: a heading of one word over the tally, above a
    # back-to-top link another rule removes. The tally is data, its label with it.
    minutes = (
        "Neubau des Feuerwehrhauses\n"
        "Der Architekt stellte die überarbeitete Planung für das neue Feuerwehrhaus vor, "
        "das neben dem Bauhof entstehen soll. Die Kosten werden auf 3,2 Millionen Euro "
        "geschätzt.\n"
        "Der Gemeinderat stimmt der Planung zu und beauftragt die Verwaltung, die "
        "Ausschreibung vorzubereiten.\n"
        "Abstimmungsergebnis\n"
        "Dafür: 11, Dagegen: 1\n"
        "zum Seitenanfang\n"
    )
    assert removed_by_the_pack(minutes) == ["zum Seitenanfang"]


def test_the_first_of_numbered_sections_above_the_body_stays_with_what_it_holds():
    # Minutes: "1. ..." and its fields above the first paragraph, "2. ..." inside the
    # body. The first item and what it holds stay; a "1." the body has no "2." for
    # (or a "2)" of another list) is judged as before.
    first = (
        "Der Bürgermeister begrüßt die anwesenden Mitglieder des Gemeinderates und "
        "stellt die ordnungsgemäße Ladung sowie die Beschlussfähigkeit fest.\n"
    )
    second = (
        "2. Neubau des Feuerwehrhauses\n"
        "Der Architekt stellte die überarbeitete Planung für das neue Feuerwehrhaus vor, "
        "das neben dem Bauhof entstehen soll, und nannte die geschätzten Kosten.\n"
    )
    head = "Niederschrift der Sitzung vom 14. Mai\n"
    item = "1. Genehmigung der Tagesordnung\nGremium\nSitzung des Gemeinderates\nSachverhalt\n"
    assert removed(head + item + first + second) == []
    for other in (second.replace("2. ", ""), second.replace("2. ", "2) ")):
        assert "1. Genehmigung der Tagesordnung" in removed(head + item + first + other)


def test_numbered_items_that_go_on_below_the_body_stay_with_what_they_hold():
    # Minutes of short items, "TOP 1" to "TOP 5", each a heading, a "Protokoll:" label
    # and a sentence or two: the page rule finds its body in one of them, and the items
    # above it (and between it and the next) are the same document's, not teasers.
    items = [
        ("TOP 1 Eröffnung der Sitzung", "Die Vorsitzende begrüßt die Anwesenden."),
        (
            "TOP 2 Feststellung der Beschlussfähigkeit",
            "Sie stellt die fristgerechte Ladung und die Beschlussfähigkeit fest. "
            "Ein Ratsmitglied fehlt entschuldigt.",
        ),
        ("TOP 3 Feststellung der Tagesordnung", "Die Tagesordnung wird festgestellt."),
        ("TOP 4 Genehmigung des Protokolls vom 3. März", "Das Protokoll wird genehmigt."),
        ("TOP 5 Einwohnerfragestunde", "Es gibt keine Wortmeldungen."),
    ]
    minutes = "Sitzung des Bauausschusses\n" + "".join(
        f"{heading}\nProtokoll:\n{sentence}\n" for heading, sentence in items
    )
    assert removed(minutes) == []
    # Numbers that do not count on by one below the body are not one run: the items
    # above are judged as before (teaser-shaped headings over short lines).
    swapped = minutes.replace("TOP 3 ", "TOP 4 ").replace("TOP 4 G", "TOP 3 G")
    assert "TOP 1 Eröffnung der Sitzung" in removed(swapped)
    # A section's own numbered points are another count ("1)" / "2)" under "TOP 1").
    points = "1) Begrüßung\n2) Ladung\n"
    assert (
        removed(minutes.replace("Sitzung\nProtokoll:", "Sitzung\n" + points + "Protokoll:")) == []
    )
    # A number alone is no item ("1 Eröffnung"), nor a pager's or a gallery's count.
    assert removed(minutes.replace("TOP ", "")) != []
    assert _numbered_item("Page 2 of 3") is None
    assert _numbered_item("Photo 1 of 12") is None
    assert _numbered_item("Day 2 - Kyoto") == ("day", 2)


def test_a_last_paragraph_that_opens_announcing_keeps_the_list_under_it():
    # "Here are ..." as the first sentence of the body's last paragraph, another
    # sentence after it: the grouped list under it (headings over "Title by Author"
    # lines, which read as teasers) is its content, down to the feedback prompt another
    # rule removes, and what follows that prompt is judged as before.
    books = (
        "Fiction\nThe Salt Road by Hanna Okafor\nA Winter in Lisbon by Peter Marsh\n"
        "Non-fiction\nGrowing Food in Small Spaces by June Barlow\n"
        "A Short History of Bridges by Samuel Greene\n"
    )
    tail = "Was this page helpful?\nYes No\nReport a problem with this page\n"

    def page(opening: str) -> str:
        return (
            "New in the library this month\n"
            f"{opening} Reserve any of them online or at the desk, and we will let you "
            "know when your copy is ready.\n" + books + tail
        )

    announced = removed_by_the_pack(page("Here are some of the books that arrived this month."))
    assert announced == ["Was this page helpful?", "Yes No", "Report a problem with this page"]
    # Without the announcement, the list goes as before: headings and teasers.
    plain = removed_by_the_pack(page("Many new books arrived at the library this month."))
    assert "The Salt Road by Hanna Okafor" in plain


def test_a_row_between_two_rows_that_stay_stays():
    # A schedule's rows: "Saturday 6pm (Vigil)" and "Monday to Friday 10am" stay as
    # data, and the row between them, a day and two times, is one of them. A rating
    # widget's "4.87 / 5" between its lines is a link row, and a title with no number
    # no row: they go as before.
    def bulletin(row: str) -> str:
        return (
            "Parish notices for the third Sunday of Lent\n"
            "Mass times\n"
            "Saturday 6pm (Vigil)\n"
            f"{row}\n"
            "Monday to Friday 10am\n"
            "Confessions: Saturday 10.30am to 11.30am\n"
            "Please pray for those who are sick in our parish, and for those who have "
            "died recently, especially Margaret Hale, whose funeral is on Wednesday.\n"
            "The Lenten soup lunches continue on Fridays after Mass, and all proceeds go "
            "to the food bank.\n"
        )

    assert "Sunday 9am and 11am" not in removed(bulletin("Sunday 9am and 11am"))
    assert "Sunday: 4.8 / 5 stars" in removed(bulletin("Sunday: 4.8 / 5 stars"))
    # ... and a teaser's title there, with no number, is no row.
    assert "Why we fast in Lent" in removed(bulletin("Why we fast in Lent"))


def test_pairs_of_a_category_and_a_name_over_a_kept_line_stay():
    # A show's winners set one line each, category then name, between the body's first
    # sentence and a sentence kept under them: their list. Title-case keys (a menu's or
    # a box's labels), a key that opens with navigation ("Show all"), values that are
    # no names, or no line kept under the pairs, and they go as before.
    def show(pairs: list[tuple[str, str]], closing: str = "") -> str:
        lines = "".join(f"{key}\n{name}\n" for key, name in pairs)
        return (
            "The winners of this year's village show were announced on Saturday "
            "afternoon.\n" + lines + closing
        )

    winners = [("Best in show", "Peter Lund"), ("Largest marrow", "Amira Haddad")]
    winners.append(("Best jam", "Joan Whitby"))
    closing = "The show raised £1,240 for the village hall roof.\n"
    assert removed(show(winners, closing)) == []
    assert removed(show(winners)) != []
    titled = [(key.title(), name) for key, name in winners]
    assert "Best In Show" in removed(show(titled, closing))
    buttons = [("Show all results", "Peter Lund"), *winners[1:]]
    assert "Show all results" in removed(show(buttons, closing))
    sections = [("Best in show", "Cake stall"), ("Largest marrow", "Dog show")]
    sections.append(("Best jam", "Flower tent"))
    assert "Cake stall" in removed(show(sections, closing))
    # (Nor over a line kept under a button another rule removes.)
    assert "Peter Lund" in removed_by_the_pack(show(winners, "Share this article\n" + closing))

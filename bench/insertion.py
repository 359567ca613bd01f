"""Insert POLICY's furniture into annotated article bodies; count what the cleaner loses.

    python bench/insertion.py              # the tables, and OUT/insertion-lost.md
    python bench/insertion.py --markdown   # the README's tables
    python bench/insertion.py --trials 5 --seed 3

Every ``truth.txt`` of ../shared/bench and ../shared/bench-readability is an article
body (the annotators' reading of it). Each kind of furniture below is inserted where
pages put it (above the headline: a menu; under the headline, between paragraphs, after
the body) and the text is cleaned. Two figures per kind and place:

- **body lines lost**: paragraphs of the body that cleaning the body alone keeps and
  cleaning it with the furniture does not. A rule that runs on past the furniture (a
  related block taking the list after it) or a page judgement the furniture tips (a
  headline no longer first) shows here. "Unsure means keep": this should be near 0.
- **furniture left**: inserted lines that are still in the output.

This measures rules on pages nobody tuned them on in one respect: the body is real and
varied, the furniture is POLICY's own examples, and where they meet is random (seeded).
Between paragraphs, places are drawn at random, ``--trials`` per page.

A second table does the same with *content* POLICY keeps: structured parts of an
article (tour dates, a ticket block, a fact box, a feature list, a list of teams, a
venue's address, sources) inserted after the body and between its paragraphs. There
the second figure is **content lines kept** (it should be all of them), and body lines
lost as before.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from cleaner import Cleaner

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = ("bench", "bench-readability")

#: Where furniture goes: under the headline, between two body paragraphs, after the body.
UNDER_HEADLINE, BETWEEN, AFTER = "under the headline", "between paragraphs", "after the body"
ABOVE = "above the headline"

#: Kinds of inserted lines: each kind's lines, and the places pages put them.
Table = dict[str, tuple[list[str], tuple[str, ...]]]

#: Each kind of POLICY furniture, its lines, and the places pages put it.
FURNITURE: Table = {
    "menu": (["Home", "News", "World", "Sport"], (ABOVE,)),
    "site name and date": (["Example News", "Tuesday, November 19, 2019"], (ABOVE,)),
    "byline and time": (
        ["By Jane Roe, Staff Writer", "Nov. 19, 2019", "5:50 PM"],
        (UNDER_HEADLINE,),
    ),
    "breadcrumb": (["Home > News > World"], (UNDER_HEADLINE,)),
    "share bar": (["Share this article", "Facebook", "Twitter", "Email"], (UNDER_HEADLINE, AFTER)),
    "newsletter box": (["Get our daily newsletter", "Sign up"], (UNDER_HEADLINE, BETWEEN)),
    "ad label": (["Advertisement", "Story continues below advertisement"], (BETWEEN,)),
    "read-more link": (["Also Read: Ministers meet again on Friday"], (BETWEEN,)),
    "photo credit": (["Photo: John Doe/Getty Images"], (BETWEEN,)),
    "photo gallery": (["Photo gallery", "1 of 12"], (BETWEEN,)),
    "wire photo caption": (
        ["Firefighters work at the scene of the fire on Tuesday. REUTERS/John Doe"],
        (BETWEEN,),
    ),
    "related box": (
        ["Related Articles", "City plans new tram line for 2026", "Bus fares to rise in January"],
        (BETWEEN, AFTER),
    ),
    "most-read list": (
        ["Most Read", "1", "Storm closes mountain passes", "2", "Why ferry fares rise"],
        (BETWEEN, AFTER),
    ),
    "the same in other languages": (
        [
            "Lesen Sie auch: Warum die Fähre teurer wird",
            "Anzeige",
            "Foto: dpa",
            "À lire aussi : Les négociations reprennent",
            "Lee también: Las negociaciones continúan",
        ],
        (BETWEEN,),
    ),
    "byline and time in German": (
        ["Von Max Mustermann", "19.11.2019, 17:50 Uhr"],
        (UNDER_HEADLINE,),
    ),
    "ad label in German": (["Anzeige", "Weiterlesen nach der Anzeige"], (BETWEEN,)),
    "related box in German": (
        ["Mehr zum Thema", "Warum die Fähre teurer wird", "Neue Regeln für Radfahrer"],
        (BETWEEN, AFTER),
    ),
    "tags": (["Tags: politics, budget, city council"], (AFTER,)),
    "author bio": (["Jane Roe is a reporter covering energy for Example News."], (AFTER,)),
    "FAQ block": (
        ["FAQs", "What is the plan?", "The plan is a set of rules.", "When does it start?"],
        (AFTER,),
    ),
    "comments": (
        ["3 Comments", "Jane says:", "Great article, thanks for writing it!", "Reply"],
        (AFTER,),
    ),
    "copyright footer": (["© 2026 Example Media. All rights reserved."], (AFTER,)),
    # Since session 31: four more, written fresh (not from the bench pages).
    "paywall prompt": (
        ["You have 2 free articles remaining this month", "Subscribe now for unlimited access"],
        (BETWEEN, AFTER),
    ),
    "newsletter pitch": (
        ["The Morning Brief newsletter brings you the day's top stories. Sign up here."],
        (BETWEEN, AFTER),
    ),
    "teaser cards": (
        ["Read more", "Council delays vote on the tram", "Read article"],
        (BETWEEN,),
    ),
    "topics list": (["Topics", "Politics", "City Council", "Transport"], (AFTER,)),
}


#: Structured content POLICY keeps ("every body paragraph, list and quotation"), and
#: where articles put it. The second table counts how much of it stays.
CONTENT: Table = {
    "tour dates": (
        ["Tour dates:", "March 3 – London, O2 Arena", "March 5 – Paris, Zenith"],
        (BETWEEN, AFTER),
    ),
    "ticket block": (["Tickets", "Adults: $25", "Children: $10", "Box office: 555-0134"], (AFTER,)),
    "fact box": (
        ["Specifications", "Display: 6.1-inch OLED", "Battery: 3,200 mAh", "Weight: 174 g"],
        (AFTER,),
    ),
    "race results": (
        ["Results", "1. Jane Roe 2:31:04", "2. Mary Major 2:31:40", "3. Ann Lee 2:32:15"],
        (AFTER,),
    ),
    "interview": (
        ["Q: When does the line open?", "A: In 2026.", "Q: What does it cost?", "A: €2.4 billion."],
        (BETWEEN, AFTER),
    ),
    "ingredients": (["Ingredients", "1 cup honey", "1 tsp ground ginger"], (BETWEEN, AFTER)),
    "feature list": (
        ["Key features", "Waterproof to 50 metres", "Ten days of battery life", "Built-in GPS"],
        (BETWEEN, AFTER),
    ),
    "list of teams": (["Qualified teams", "Germany", "France", "Spain", "Portugal"], (AFTER,)),
    "venue and address": (
        ["The Old Mill", "12 River Street", "Springfield, IL 62701", "Open daily 10am–6pm"],
        (AFTER,),
    ),
    "sources": (
        ["Sources", "World Bank, 2019", "IMF World Economic Outlook, October 2019"],
        (AFTER,),
    ),
    # The same lists under headings the edges kind has no word for, and with none: they
    # stay only when nothing marks them as navigation or teasers (see the README).
    "feature list, other heading": (
        ["What you get", "Waterproof to 50 metres", "Ten days of battery life", "Built-in GPS"],
        (AFTER,),
    ),
    "list of teams, other heading": (
        ["Group B", "Brazil", "Serbia", "Switzerland", "Cameroon"],
        (AFTER,),
    ),
    "list of teams, no heading": (["Germany", "France", "Spain", "Portugal"], (AFTER,)),
    # Since session 26: a table whose rows end with their figure, a list of titles
    # with no heading, and two shapes nothing in the lines tells from teasers.
    "election results": (
        ["Jane Roe (Labour) 18,204", "Mary Major (Conservative) 15,933", "Ann Lee (Green) 3,120"],
        (AFTER,),
    ),
    "song list, no heading": (
        ["Bohemian Rhapsody", "Under Pressure", "Somebody to Love", "We Are the Champions"],
        (AFTER,),
    ),
    "cast, no heading": (
        ["Tom Hanks as Forrest Gump", "Robin Wright as Jenny Curran", "Gary Sinise as Lt. Dan"],
        (AFTER,),
    ),
    "poem, no lead-in": (
        ["The river keeps its promises", "In the dark below the bridge", "And nobody asks it why"],
        (AFTER,),
    ),
    # Since session 31: six more, written fresh (not from the bench pages).
    "schedule": (
        ["Schedule", "9:00 Registration", "10:00 Opening talk", "12:30 Lunch"],
        (BETWEEN, AFTER),
    ),
    "specifications": (
        ["Specifications", "Display: 6.1 inches", "Battery: 3,500 mAh", "Weight: 172 g"],
        (BETWEEN, AFTER),
    ),
    "pros and cons": (
        ["Pros", "Long battery life", "Bright screen", "Cons", "Expensive", "Heavy"],
        (BETWEEN, AFTER),
    ),
    "steps": (
        ["Step 1", "Mix the flour and the butter.", "Step 2", "Add the eggs one at a time."],
        (BETWEEN, AFTER),
    ),
    "questions and answers, no markers": (
        [
            "Why did you leave?",
            "I wanted a change.",
            "What comes next?",
            "A new book, and some rest.",
        ],
        (BETWEEN, AFTER),
    ),
    "numbered picks with links": (
        [
            "1) Polaroid 600 Camera",
            "http://amzn.to/2A5qzvo",
            "2) Hasbro Taboo",
            "http://amzn.to/2hXWsBA",
        ],
        (AFTER,),
    ),
    # Since session 32, written fresh: a schedule set out by day, and a recipe's
    # nutrition line (its parts between "|").
    "schedule by day": (
        [
            "Programme",
            "Friday, July 10",
            "18:00 Opening concert, Main Stage",
            "20:30 Mara Quintet, Main Stage",
            "Saturday, July 11",
            "14:00 Family concert, Pier Stage",
            "19:00 Ines Holt, Main Stage",
        ],
        (BETWEEN, AFTER),
    ),
    "nutrition": (
        ["Nutrition", "Calories: 420kcal | Protein: 38g | Fat: 27g | Carbohydrates: 4g"],
        (AFTER,),
    ),
}


def paragraphs(text: str) -> Counter[str]:
    """The output's paragraphs, as a multiset."""
    return Counter(p.strip() for p in text.split("\n\n") if p.strip())


def places(place: str, n: int, rng: random.Random, trials: int) -> list[int]:
    """Indices to insert at, among ``n`` body lines."""
    if place == ABOVE:
        return [0]
    if place == UNDER_HEADLINE:
        return [1] if n > 1 else []
    if place == AFTER:
        return [n]
    return [rng.randint(1, n - 1) for _ in range(trials)] if n > 2 else []


def run(
    trials: int, seed: int, table: Table | None = None
) -> tuple[list[tuple], list[str], list[str], list[str]]:
    """Rows (kind, place, insertions, body lines lost, inserted lines left, inserted
    lines in all), and the body lines lost, the inserted lines left and the inserted
    lines removed (with the rules that took them), for ``table`` (default FURNITURE)."""
    cleaner = Cleaner(rule_timeout=None)
    bodies = [
        (f"{name}/{path.parent.name}", path.read_text(encoding="utf-8"))
        for name in SETS
        for path in sorted((SHARED / name / "articles").glob("*/truth.txt"))
    ]
    rows = []
    lost_lines: list[str] = []
    left_lines: list[str] = []
    gone_lines: list[str] = []
    for kind, (furniture, where) in (FURNITURE if table is None else table).items():
        for place in where:
            # Each kind and place draws from its own stream: a kind added to the
            # table leaves the places of the others as they were.
            rng = random.Random(f"{seed} {kind} {place}")
            inserted = lost = left = 0
            for page, truth in bodies:
                alone = paragraphs(cleaner.clean(truth).text)
                lines = [line for line in truth.splitlines() if line.strip()]
                for at in places(place, len(lines), rng, trials):
                    text = "\n".join([*lines[:at], *furniture, *lines[at:]]) + "\n"
                    result = cleaner.clean(text)
                    out = paragraphs(result.text)
                    inserted += 1
                    missing = alone - out
                    lost += sum(missing.values())
                    stayed = [line for line in furniture if out[line] > alone[line]]
                    left += len(stayed)
                    left_lines.extend(
                        f"- {kind}, {place} (at line {at + 1}) {page}: {line}" for line in stayed
                    )
                    spot = f"{kind}, {place} (at line {at + 1})"
                    gone_lines.extend(
                        _taken(spot, page, line, result)
                        for line in furniture
                        if out[line] <= alone[line]
                    )
                    lost_lines.extend(_taken(spot, page, line, result, 160) for line in missing)
            rows.append((kind, place, inserted, lost, left, inserted * len(furniture)))
    return rows, lost_lines, left_lines, gone_lines


def _taken(where: str, page: str, line: str, result, shown: int | None = None) -> str:
    """A report line for ``line`` gone from ``result`` (its first ``shown``
    characters), with the rules that took it."""
    rules = sorted({r.rule for r in result.removals if line in r.text})
    return f"- {where} [{', '.join(rules)}] {page}: {line[:shown]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=3, help="places between paragraphs per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="only the table")
    parser.add_argument("--out", type=Path, default=Path("/tmp/cleaner-accuracy"))
    args = parser.parse_args()
    rows, lost_lines, left_lines, _ = run(args.trials, args.seed)
    _table("furniture", "furniture lines left", rows)
    content, content_lost, _, content_gone = run(args.trials, args.seed, CONTENT)
    print()
    _table("content", "content lines kept", content)
    args.out.mkdir(parents=True, exist_ok=True)
    report = args.out / "insertion-lost.md"
    report.write_text(
        "# Body lines lost when furniture was inserted\n\n"
        + "\n".join(lost_lines)
        + "\n\n# Furniture lines left\n\n"
        + "\n".join(left_lines)
        + "\n\n# Body lines lost when content was inserted\n\n"
        + "\n".join(content_lost)
        + "\n\n# Content lines removed\n\n"
        + "\n".join(content_gone)
        + "\n",
        encoding="utf-8",
    )
    if not args.markdown:
        print(
            f"\nbody lines lost (with the rule that took each), furniture left, "
            f"content removed: {report}"
        )


def _table(what: str, left: str, rows: list[tuple]) -> None:
    print(f"| {what} | where | insertions | body lines lost | {left} |")
    print("|---|---|---|---|---|")
    for kind, place, inserted, lost, stayed, total in rows:
        print(f"| {kind} | {place} | {inserted} | {lost} | {stayed} of {total} |")
    total_lost = sum(r[3] for r in rows)
    total_left, total_in = sum(r[4] for r in rows), sum(r[5] for r in rows)
    print(f"| all | | {sum(r[2] for r in rows)} | {total_lost} | {total_left} of {total_in} |")


if __name__ == "__main__":
    main()

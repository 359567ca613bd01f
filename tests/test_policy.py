"""Every literal example in POLICY.md's Drop table is dropped by the default pack,
and every Keep case is kept."""

from __future__ import annotations

import pytest

BODY = "The talks ended on Friday, and both delegations returned to their capitals."

DROPPED = [
    # captions
    "Oman’s foreign minister hosts the delegations in Muscat. [Middle East Eye]",
    "Araghchi (L) shaking hands with the minister. (Omani Foreign Ministry Handout via AFP)",
    "Protesters outside parliament on Tuesday. (Photo: Reuters)",
    "Firefighters at the scene. Photo: John Doe/Getty Images",
    "The minister (centre) with delegates in Muscat.",
    # credits
    "Photo credit: Jane Doe",
    "Image: NASA",
    "Credit: Reuters",
    "© Reuters",
    "Getty Images",
    "File photo",
    # read-more
    "Also Read: Another story about the talks",
    "ALSO READ | Another story about the talks",
    "Read more: Another story about the talks",
    "READ MORE:",
    "Related: Another story about the talks",
    "See also: Another story about the talks",
    "Recommended:",
    "Don't miss: Another story about the talks",
    "WATCH: The minister speaks",
    "Click here to read the full report",
    # share, follow, subscribe
    "Share this article",
    "Follow us on X",
    "Subscribe to our newsletter",
    "Sign up for our newsletter",
    "Join our WhatsApp channel",
    "pic.twitter.com/AbC123",
    # ads and reading furniture
    "Advertisement",
    "Story continues below advertisement",
    "Continue reading below",
    "Listen to this article",
    "5 min read",
    "Skip to content",
    # bylines and timestamps
    "By Jane Roe | Updated: Feb 6, 2026, 10:30 IST",
    "Published on February 6, 2026",
    "Last updated 10:30 IST",
    # footers
    "(Reporting by Jane Roe; Editing by John Doe)",
    "—With assistance from Jane Roe",
    "(With inputs from PTI)",
    "© 2026 Example Media. All rights reserved.",
    # navigation
    "Previous article",
    "Next article",
    "Home > World > Middle East",
    # share bars
    "Facebook",
    "Twitter",
    "Pinterest",
    "Reddit",
    "Email",
    "0 shares",
    "Sharing is caring!",
    "Click To Tweet",
    # tags, bios, comments
    "Filed under: Iran, Oman",
    "Tags: diplomacy",
    "Topics: Middle East",
    # other languages
    "Lire aussi : Les négociations reprennent",
    "À lire aussi : Les négociations reprennent",
    "Leer más: El acuerdo nuclear",
    "Lee también: El acuerdo nuclear",
    "Foto: EFE",
    "Crédit photo : AFP",
    "Mehr zum Thema: Atomgespräche",
    "Weiterlesen",
    "Bildquelle: dpa",
]

BLOCKS = [
    ["FAQ", "Is this a question?", "Yes, it is one."],
    ["FAQs:", "Is this a question?", "Yes, it is one."],
    ["frequently asked questions", "Is this a question?", "Yes, it is one."],
    ["Preguntas frecuentes", "¿Es una pregunta?", "Sí."],
    ["Related", "A teaser headline here", "Another teaser headline"],
    ["More from Example News", "A teaser headline here", "Another teaser headline"],
    ["Recommended for you", "A teaser headline here", "Another teaser headline"],
    ["Most read", "A teaser headline here", "Another teaser headline"],
    ["People also ask", "What is the deal?", "Why now?"],
    ["12 Comments", "Jane says:", "Nice piece.", "Leave a comment"],
]

KEPT = [
    "He told reporters to read more of the report before voting.",
    "A photo released by the ministry showed the two men shaking hands.",
    "Readers shared the story widely, and many asked questions about the deal.",
    "Indirect Negotiations Held Under Omani Mediation",
]


def _long_body() -> str:
    return "\n".join([BODY] * 6)


@pytest.mark.parametrize("line", DROPPED)
def test_policy_drop_examples(cleaner, line):
    result = cleaner.clean(f"{BODY}\n{line}\n{BODY}\n")
    assert result.text == f"{BODY}\n\n{BODY}\n", [(r.rule, r.text) for r in result.removals]


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0] for b in BLOCKS])
def test_policy_block_examples(cleaner, block):
    text = _long_body() + "\n" + "\n".join(block) + "\n"
    assert cleaner.clean(text).text == "\n\n".join([BODY] * 6) + "\n"


@pytest.mark.parametrize("line", KEPT)
def test_policy_keep_examples(cleaner, line):
    assert cleaner.clean(f"{BODY}\n{line}\n").text == f"{BODY}\n\n{line}\n"


def test_click_to_tweet_glued_to_a_sentence_keeps_the_sentence(cleaner):
    text = f"{BODY} Click To Tweet\n"
    assert cleaner.clean(text).text == f"{BODY}\n"

"""Furniture between two body paragraphs goes, and takes no body line with it.

The annotated bodies of ../shared (news and Readability pages) are real, varied text
nobody tuned the rules on in this respect: a line rule's furniture, dropped between two
of their paragraphs, must go alone. ``bench/insertion.py`` measures the same over every
kind and place; this is the part that must hold exactly.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cleaner import Cleaner

SHARED = Path(__file__).resolve().parents[2] / "shared"
BODIES = (
    sorted(SHARED.glob("bench/articles/*/truth.txt"))[:25]
    + sorted(SHARED.glob("bench-readability/articles/*/truth.txt"))[:25]
)

FURNITURE = [
    ["Advertisement"],
    ["Story continues below advertisement"],
    ["Also Read: Ministers meet again on Friday"],
    ["READ MORE: The talks that changed everything"],
    ["Photo: John Doe/Getty Images"],
    ["Get our daily newsletter", "Sign up"],
    ["Share this article", "Facebook", "Twitter"],
    ["Lesen Sie auch: Warum die Fähre teurer wird"],
    ["Anzeige"],
    ["Anzeige", "Weiterlesen nach der Anzeige"],
    ["Firefighters work at the scene of the fire on Tuesday. REUTERS/John Doe"],
    ["Pictured: The museum's new wing on Tuesday"],
    ["Photo AFP"],
    ["La suite après cette publicité"],
    ["İlginizi Çekebilir: Bakanlar cuma günü yeniden bir araya geliyor"],
    ["関連記事：閣僚が金曜日に再び会合"],
    ["View this post on Instagram"],
    ["Фото: Иван Иванов / ТАСС"],
    ["Symbolbild"],
    ["Media playback is unsupported on your device"],
    ["Your browser does not support the audio element."],
    ["Copyright Getty Images"],
    # Session 31: forms found missing by cleaning furniture written fresh.
    ["You have 3 free articles remaining this month", "Subscribe now for unlimited access"],
    ["Zum Artikel"],
    ["Teilen auf Facebook"],
    ["Open image in gallery"],
    ["3 Min. Lesezeit"],
    ["Dieser Artikel ist nur für Abonnenten verfügbar."],
    ["Cet article est réservé aux abonnés."],
    ["Video abspielen"],
    ["Copyright: Stadt Musterstadt"],
    ["Lea: Consejo Permanente de la OEA aborda la confiscación de sus oficinas"],
    ["Read more", "Council delays vote on the tram", "Read article"],
    ["Mehr lesen:", "Kohlmann: Als nächstes gewinnen wir den Davis Cup"],
    # Session 32: from documents written fresh with their furniture around them.
    ["Sign up for our newsletter", "Get the best reviews in your inbox every week."],
    ["Did you make this recipe? Tag us on Instagram!"],
    ["Image caption,", "The old fish market will make way for 400 homes"],
    ["Penulis: Siti Rahma"],
    ["Play", "0:00 / 3:45"],
    ["Subscribe on Apple Podcasts | Spotify | Google Podcasts"],
    ["Buy now on Amazon", "Check price on Amazon"],
    ["We may earn a commission when you buy through links on our site."],
    ["Presented by Northfield Bank"],
    ["Citește și: Miniștrii se reunesc vineri"],
    ["Paylaş"],
    ["写真：ロイター"],
    ["Reklam"],
]

CLEANER = Cleaner(rule_timeout=None)


def _paragraphs(text: str) -> Counter[str]:
    return Counter(p.strip() for p in text.split("\n\n") if p.strip())


@pytest.mark.skipif(not BODIES, reason="../shared/bench is not beside the repository")
@pytest.mark.parametrize("furniture", FURNITURE, ids=[f[0] for f in FURNITURE])
def test_furniture_between_two_body_paragraphs_goes_alone(furniture):
    checked = 0
    for path in BODIES:
        truth = path.read_text(encoding="utf-8")
        alone = _paragraphs(CLEANER.clean(truth).text)
        lines = [line for line in truth.splitlines() if line.strip()]
        for at in range(1, len(lines), 3):
            before, after = lines[at - 1], lines[at]
            # Between two paragraphs of body prose (both kept when the body is cleaned alone).
            if min(len(before.split()), len(after.split())) < 12:
                continue
            if not (alone[before.strip()] and alone[after.strip()]):
                continue
            text = "\n".join([*lines[:at], *furniture, *lines[at:]]) + "\n"
            out = _paragraphs(CLEANER.clean(text).text)
            lost = alone - out
            assert not lost, (path.parent.name, at, furniture, list(lost)[:3])
            left = [line for line in furniture if out[line] > alone[line]]
            assert not left, (path.parent.name, at, left)
            checked += 1
    assert checked > 100

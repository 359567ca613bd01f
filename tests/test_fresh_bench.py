"""bench/fresh.py: pages with their furniture marked are scored line by line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from cleaner import Cleaner

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _fresh():
    spec = importlib.util.spec_from_file_location("fresh_bench", BENCH / "fresh.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_page_is_scored_by_its_marks(tmp_path):
    fresh = _fresh()
    page = tmp_path / "page.txt"
    page.write_text(
        "F| Share this article\n"
        "The council approved the budget on Monday night after a long debate.\n"
        "Residents will pay a little more in property tax from January on.\n"
        "F| This line is marked furniture but no rule removes it, so it is left.\n"
        "Share\n",  # a body line (by its mark) that a rule removes: lost
        encoding="utf-8",
    )
    body, furniture, lost, left = fresh.score(Cleaner(), page)
    assert (body, furniture) == (3, 2)
    assert [text for text, _ in lost] == ["Share"] and lost[0][1].startswith("share")
    assert left == ["This line is marked furniture but no rule removes it, so it is left."]


def test_the_bundled_pages_parse_and_score(capsys):
    fresh = _fresh()
    assert fresh.main([str(BENCH / "fresh" / "s41-b9")]) == 0
    out = capsys.readouterr().out
    assert "| s41-b9 | 10 |" in out and "| all | 10 |" in out

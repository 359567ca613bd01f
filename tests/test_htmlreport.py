"""The HTML report: what it holds, that it stays bounded, and that a browser shows it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.batch import PARAGRAPHS, clean_text
from cleaner.cli import main
from cleaner.htmlreport import SAMPLES_PER_RULE, TOP_DOCUMENTS, HtmlReport

from .conftest import EXAMPLES

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*/input.txt"))]
ABOUT = {"packs": ["default.yaml"], "seconds": 1.0, "written": "2026-01-01 00:00:00"}
#: Colours of the page's bars and of removed paragraphs (see the page's CSS).
BAR = (0x35, 0x65, 0xD8)
DROP = (0xFD, 0xE2, 0xE1)


def outcomes(cleaner: Cleaner, n: int):
    """n documents made from the examples, each a little different."""
    for i in range(n):
        text = TEXTS[i % len(TEXTS)].replace("the", f"the{i % 7 or ''}", 1)
        yield clean_text(cleaner, f"in/doc{i:06}.txt", text, lambda body: None, PARAGRAPHS)


def page(items, **about) -> str:
    report = HtmlReport("test run", root="in")
    for outcome in items:
        report.add(outcome)
    return report.render({**ABOUT, **about})


def test_run_writes_html_and_json_reports_side_by_side(tmp_path):
    html_path, json_path = tmp_path / "r.html", tmp_path / "r.json"
    res = CliRunner().invoke(
        main,
        [
            *("run", str(EXAMPLES), str(tmp_path / "out"), "--glob", "input.txt"),
            *("--report", str(html_path), "--report", str(json_path)),
        ],
    )
    # The all-boilerplate example comes out empty, by design: reported, not a failure.
    assert res.exit_code == 0, res.output
    assert "warning:" in res.output and "all-boilerplate-is-empty" in res.output
    totals = json.loads(json_path.read_text(encoding="utf-8"))["totals"]
    html = html_path.read_text(encoding="utf-8")
    for rule, count in totals["removals_by_rule"].items():
        assert f'<td data-value="{rule}">' in html
        assert f'data-value="{count}">{count:,}</td>' in html
    assert 'class="drop"' in html and "<del>" in html  # a diff with removed paragraphs
    assert 'id="empties"' in html and "all-boilerplate-is-empty/input.txt" in html
    # Self-contained: nothing is fetched from anywhere.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html


def test_the_page_is_bounded_however_many_documents(cleaner):
    small = page(outcomes(cleaner, 200))
    large = page(outcomes(cleaner, 4000))
    # Twenty times the documents, nearly the same page: samples, not everything.
    assert len(large) < 1.3 * len(small)
    assert large.count('<details class="doc"') <= TOP_DOCUMENTS + 10
    for block in re.findall(r'<details id="sample-.*?</details>', large, flags=re.S):
        assert block.count('class="sample"') <= SAMPLES_PER_RULE


def test_the_page_does_not_depend_on_the_order_of_documents(cleaner):
    items = list(outcomes(cleaner, 300))
    shuffled = items[1::2] + items[::2]
    assert page(items) == page(reversed(items)) == page(shuffled)


def test_explain_html_shows_one_document(tmp_path):
    src = EXAMPLES / "captions-and-credits" / "input.txt"
    out = tmp_path / "one.html"
    res = CliRunner().invoke(main, ["explain", str(src), "--html", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    result = Cleaner().clean(src.read_text(encoding="utf-8"))
    for removal in result.removals:
        assert f'<span class="rule">{removal.rule}</span>' in html
    assert html.count('<details class="doc" open>') == 1


# --- in a real browser ------------------------------------------------------------


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Headless Chromium: found on PATH, or installed from Debian's packages when root.

    Without one, the browser test fails under CI (CI=true) and is skipped elsewhere.
    """
    path = find_chromium()
    if path is None and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", "chromium"]
        if subprocess.run(install, env=env, capture_output=True, timeout=600).returncode:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=600)
            subprocess.run(install, env=env, capture_output=True, timeout=600)
        path = find_chromium()
    if path is None:
        message = "no Chromium: install Debian's chromium package (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def headless(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_a_browser_renders_the_chart_and_a_diff(chromium, tmp_path):
    from PIL import Image

    report = tmp_path / "report.html"
    res = CliRunner().invoke(
        main,
        [
            *("run", str(EXAMPLES), str(tmp_path / "out"), "--glob", "input.txt"),
            *("-j", "2", "--report", str(report)),
        ],
    )
    assert report.exists(), res.output

    # The rendered DOM, sorted by words removed through the page's own script.
    dom = headless(
        chromium,
        tmp_path / "p1",
        "--virtual-time-budget=2000",
        "--dump-dom",
        report.as_uri() + "#sort=words-desc",
    ).stdout
    assert 'id="rules-table"' in dom and 'class="bar"' in dom
    assert 'class="desc"' in dom  # the script ran and marked the sorted column
    table = dom.split('id="rules-table"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])
    words = [int(re.findall(r'data-value="([^"]*)"', row)[3]) for row in rows]
    assert len(words) >= 10 and words == sorted(words, reverse=True)
    assert re.search(r'<tr class="drop">.*?<span class="rule">[\w-]+</span>.*?<del>', dom)

    # What a person sees: the chart's bars and the removed paragraphs of a diff.
    shot = tmp_path / "shot.png"
    headless(
        chromium,
        tmp_path / "p2",
        "--window-size=1280,2400",
        f"--screenshot={shot}",
        report.as_uri(),
    )
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50, "the screenshot is blank"
    count = {rgb: n for n, rgb in colours}
    assert count.get(BAR, 0) > 2000, "no chart bars on screen"
    assert count.get(DROP, 0) > 2000, "no removed paragraphs on screen"


def test_flagged_documents_shown_do_not_depend_on_the_order_either(pack):
    # More flagged documents than the page shows: which ones it shows is chosen
    # by a hash, not by which came first.
    broad = pack(
        "pack: broad\nrules:\n  - id: everything\n    kind: drop\n    why: gone wrong\n"
        "    pattern: '\\w'\n    max_words: 1000\n    tests:\n      drop: [x]\n"
    )
    items = list(outcomes(Cleaner(packs=["default", broad]), 3 * TOP_DOCUMENTS))
    assert sum(o.flag is not None for o in items) > TOP_DOCUMENTS
    assert page(items) == page(reversed(items))

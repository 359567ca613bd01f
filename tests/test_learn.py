"""cleaner learn: repeated furniture becomes a reviewable pack; shared body text never does."""

from __future__ import annotations

import json
import random

import pytest
import yaml
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.engine import prefilter_for, use_plan
from cleaner.learn import MAX_WORDS, Learner, LearnOptions, is_prose, site_of

from .conftest import EXAMPLES

# Body paragraphs of the examples' expected outputs: documents draw their own mix.
# Prose only (twelve words or more, ending a sentence): a document drawn from an
# example's headlines and list items has no body for the packs to find.
PARAGRAPHS = sorted(
    {
        p
        for path in sorted(EXAMPLES.glob("*/expected.txt"))
        for p in path.read_text(encoding="utf-8").strip().split("\n\n")
        if len(p.split()) >= 12 and p.rstrip().endswith((".", "!", "?", '"', "\u201d"))
    }
)
SITES = ["daily.example", "gazette.example", "courier.example"]
# A quote printed by many articles about the same event, inside their bodies.
QUOTE = "\u201cWe will rebuild every home that was lost,\u201d the governor said on Tuesday."
# One agency story printed by every site, word for word, inside different furniture.
WIRE = [
    "The central bank raised its main interest rate by a quarter point on Wednesday, "
    "the third increase this year, citing prices that are still rising too fast.",
    "Rate rise expected",
    "Economists had expected the move, and markets barely moved after the announcement "
    "was published on the bank's website shortly after noon.",
    "The bank said it would decide in March whether more increases were needed.",
]


def furniture(site: str) -> tuple[list[str], list[str]]:
    name = site.split(".")[0].title()
    top = [f"{name} Weekend Edition", "Trending: Elections 2026 | Budget | Floods"]
    bottom = [
        f"Get the {name} Morning Brief in your inbox every weekday.",
        f"{name} Media Group",
    ]
    return top, bottom


def corpus(per_site: int = 12, seed: int = 4) -> list[tuple[str, str]]:
    """(text, site): real bodies wrapped in each site's furniture, a shared quote, wire copy."""
    rng = random.Random(seed)
    docs = []
    for site in SITES:
        top, bottom = furniture(site)
        for i in range(per_site):
            body = rng.sample(PARAGRAPHS, 4)
            if i % 3 == 0:
                body.insert(1, QUOTE)
            if i % 4 == 1:
                body = WIRE + body[:1]
            lines = [*top, *body, f"Print edition {rng.randint(100, 999)}, page 4", *bottom]
            docs.append(("\n".join(lines) + "\n", site))
    return docs


def learn(docs, **options) -> Learner:
    learner = Learner(Cleaner(max_removed=None), LearnOptions(**options))
    for text, site in docs:
        learner.add(text, site)
    return learner


def learned_texts(learner: Learner) -> set[str]:
    return {line.text for line in learner.learned()}


def test_furniture_is_learned_and_shared_body_text_is_not():
    docs = corpus()
    learned = learned_texts(learn(docs))
    # What the packs leave of each site's furniture is learned (the packs
    # already take some of it: a run of link rows above the body, say).
    left = {p for text, _ in docs for p in Cleaner(max_removed=None).clean(text).text.split("\n\n")}
    left = {p.strip() for p in left}
    for site in SITES:
        top, bottom = furniture(site)
        assert {line for line in (*top, *bottom) if line in left} <= learned, site
        assert any(line in learned for line in (*top, *bottom)), site
    assert any(t.startswith("Print edition ") for t in learned)  # digits vary, one line
    assert QUOTE not in learned  # a quote shared by articles
    assert not set(WIRE) & learned  # wire copy, even its short heading "Rate rise expected"


def test_a_stock_sentence_of_body_text_is_not_learned():
    # "The company did not respond..." ends many articles of every site, but it is
    # no site's furniture: in under a fifth of any site's documents.
    stock = "The company did not respond to a request for comment."
    docs = []
    for i, (text, site) in enumerate(corpus(per_site=30)):
        if i % 7 == 0:
            text = text.replace("\nPrint edition", f"\n{stock}\nPrint edition", 1)
        docs.append((text, site))
    learner = learn(docs)
    assert learner.stats(stock).documents >= 5
    assert stock not in learned_texts(learner)


def test_learning_is_the_same_in_any_order_and_split():
    docs = corpus()
    one = learn(docs).pack("c")
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    assert learn(shuffled).pack("c") == one
    # Split across two learners (as workers are) and merged, in either order.
    a, b = learn(shuffled[::2]), learn(shuffled[1::2])
    b.merge(a)
    assert b.pack("c") == one


def test_long_paragraphs_are_not_even_counted():
    learner = learn(corpus())
    long = [p for p in PARAGRAPHS if len(p.split()) > MAX_WORDS]
    assert long and all(learner.stats(p) is None for p in long)


def test_prose_and_sites():
    assert is_prose("Sign up for our newsletter.") and is_prose("\u201cQuoted,\u201d he said.")
    assert not is_prose("Share this article") and not is_prose("Trending: A | B")
    assert site_of("https://www.example.com/a/b?x=1") == "example.com"
    assert site_of("folder-name") == "folder-name"


def write_folder(tmp_path, docs):
    src = tmp_path / "crawl"
    for i, (text, site) in enumerate(docs):
        path = src / site / f"{i:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return src


def test_cli_learn_writes_a_pack_that_loads_and_passes_its_samples(tmp_path):
    src = write_folder(tmp_path, corpus())
    packs = []
    for workers in ("1", "2"):
        out = tmp_path / f"learned{workers}.yaml"
        res = CliRunner().invoke(main, ["learn", str(src), "-o", str(out), "-j", workers])
        assert res.exit_code == 0, res.output
        assert "learned" in res.output
        packs.append(out.read_text(encoding="utf-8"))
    assert packs[0] == packs[1]  # any number of workers
    data = yaml.safe_load(packs[0])
    ids = [r["id"] for r in data["rules"]]
    assert "learned-daily-example" in ids and "learned-common" in ids
    for rule in data["rules"]:
        assert rule["kind"] == "lines" and rule["why"]
        for line in rule["lines"]:
            assert line["documents"] >= 5 and line["sites"] >= 1 and line["text"]
    res = CliRunner().invoke(main, ["rules", "test", "default", str(tmp_path / "learned1.yaml")])
    assert res.exit_code == 0, res.output


def test_jsonl_sites_come_from_the_url_field(tmp_path):
    src = tmp_path / "pages.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, (text, site) in enumerate(corpus()):
            f.write(json.dumps({"url": f"https://www.{site}/story/{i}", "text": text}) + "\n")
    out = tmp_path / "learned.yaml"
    res = CliRunner().invoke(main, ["learn", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    ids = [r["id"] for r in yaml.safe_load(out.read_text(encoding="utf-8"))["rules"]]
    assert "learned-gazette-example" in ids


def test_run_learn_cleans_with_what_it_learned_and_reruns_are_up_to_date(tmp_path):
    docs = corpus()
    src = write_folder(tmp_path, docs)
    out = tmp_path / "clean"
    args = ["run", str(src), str(out), "--learn", "--summary"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert (out / ".cleaner-learned.yaml").is_file()
    cleaned = [p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.txt"))]
    assert len(cleaned) == len(docs)
    for text in cleaned:
        assert "Weekend Edition" not in text and "Morning Brief" not in text
    assert sum(QUOTE in t for t in cleaned) == sum(QUOTE in t for t, _ in docs)
    assert all(WIRE[1] in t for t in cleaned if WIRE[0] in t)
    res = CliRunner().invoke(main, args)
    assert f"0 cleaned, {len(docs)} up to date" in res.output


def test_run_learn_refuses_stdin():
    res = CliRunner().invoke(main, ["run", "-", "-", "--learn"], input="x\n")
    assert res.exit_code == 2 and "cannot take stdin" in res.output


@pytest.mark.parametrize("bad", [{"min_docs": 1}, {"min_site_share": 0}, {"max_embedded": 2}])
def test_options_are_checked(bad):
    with pytest.raises(ValueError):
        LearnOptions(**bad)


def test_unreadable_documents_are_named_and_the_rest_is_learned(tmp_path):
    src = write_folder(tmp_path, corpus())
    (src / "daily.example" / "broken.txt").write_bytes(b"\x00\x01 binary")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 5}\nnot json\n', encoding="utf-8")
    out = tmp_path / "learned.yaml"
    res = CliRunner().invoke(main, ["learn", str(src), str(bad), "-o", str(out)])
    assert res.exit_code == 1
    assert f"{src / 'daily.example' / 'broken.txt'}: looks like a binary file" in res.output
    assert f"{bad}:1: field 'text' is not a string (int)" in res.output
    assert f"{bad}:2: invalid JSON" in res.output
    assert "learned-daily-example" in out.read_text(encoding="utf-8")


def test_lines_rules_run_fused_and_remove_exactly_what_they_would_one_by_one(tmp_path):
    docs = corpus()
    pack = tmp_path / "learned.yaml"
    pack.write_text(learn(docs).pack("c"), encoding="utf-8")
    fused = Cleaner(packs=["default", pack])
    one_by_one = Cleaner(packs=["default", pack])
    use_plan(one_by_one, one_by_one.rules, prefilter_for(one_by_one.rules))  # no groups
    assert len(fused._plan) < len(fused.rules)  # the learned rules were fused
    for text, _ in docs:
        a, b = fused.clean(text), one_by_one.clean(text)
        assert a.text == b.text
        assert sorted(map(repr, a.removals)) == sorted(map(repr, b.removals))
        assert fused.replay(text, a.removals) == a.text

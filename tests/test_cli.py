"""The command line, driven through click's CliRunner and the installed entry point."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner import build
from cleaner.cli import main

from .conftest import EXAMPLES

SEED = (EXAMPLES / "seed-oman-explainer" / "input.txt").read_text(encoding="utf-8")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(SEED, encoding="utf-8")
    (src / "sub" / "b.txt").write_text("Body text here.\nAdvertisement\n", encoding="utf-8")
    return src


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_run_folder_to_folder_mirrors_layout(runner, corpus, tmp_path, cleaner):
    before = snapshot(corpus)
    out = tmp_path / "out"
    res = runner.invoke(main, ["run", str(corpus), str(out), "--summary"])
    assert res.exit_code == 0, res.output
    assert (out / "a.txt").read_text(encoding="utf-8") == cleaner.clean(SEED).text
    assert (out / "sub" / "b.txt").read_text(encoding="utf-8") == "Body text here.\n"
    assert snapshot(corpus) == before, "inputs must never change"
    assert not list(out.rglob(".*.tmp")), "no temporary files left behind"
    assert "2 documents: 2 cleaned, 0 up to date, 0 empty, 0 failed" in res.stderr
    assert "removals: caption-credit 3, " in res.stderr and "MB/s" in res.stderr


def test_run_refuses_output_inside_input(runner, corpus):
    res = runner.invoke(main, ["run", str(corpus), str(corpus / "out")])
    assert res.exit_code == 2
    assert "inside the input folder" in res.output
    assert not (corpus / "out").exists()


def test_bad_documents_are_reported_and_the_rest_go_on(runner, corpus, tmp_path):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    (corpus / "latin1.txt").write_bytes("line one\ncaf\xe9\n".encode("latin-1"))
    (corpus / "empty.txt").write_text("Advertisement\nShare this article\n", encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(main, ["run", str(corpus), str(out)])
    assert res.exit_code == 1
    assert f"{corpus / 'binary.txt'}: looks like a binary file" in res.stderr
    assert f"{corpus / 'latin1.txt'}:2: not valid utf-8" in res.stderr
    assert f"{corpus / 'empty.txt'}: empty" in res.stderr
    assert (out / "a.txt").exists() and (out / "sub" / "b.txt").exists()
    assert not (out / "empty.txt").exists(), "an empty document is reported, not written"


def test_empty_documents_exit_0_unless_strict(runner, corpus, tmp_path):
    (corpus / "empty.txt").write_text("Advertisement\nShare this article\n", encoding="utf-8")
    res = runner.invoke(main, ["run", str(corpus), str(tmp_path / "out"), "--summary"])
    assert res.exit_code == 0, res.output
    assert f"warning: {corpus / 'empty.txt'}: empty" in res.stderr
    assert "1 empty, 0 failed" in res.stderr
    assert not (tmp_path / "out" / "empty.txt").exists(), "reported, never written blank"
    res = runner.invoke(main, ["run", str(corpus), str(tmp_path / "strict"), "--strict"])
    assert res.exit_code == 1
    assert f"error: {corpus / 'empty.txt'}: empty" in res.stderr


def test_encoding_option(runner, tmp_path):
    src = tmp_path / "legacy.txt"
    src.write_bytes("Caf\xe9 society is back in fashion.\n".encode("latin-1"))
    res = runner.invoke(main, ["run", str(src), str(tmp_path / "o.txt"), "--encoding", "latin-1"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == "Café society is back in fashion.\n"


def test_rules_and_disable_options(runner, tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("Body text.\nAlso Read: elsewhere\n", encoding="utf-8")
    res = runner.invoke(main, ["run", str(src), "-", "--disable", "read-more-link"])
    assert res.exit_code == 0 and "Also Read" in res.output
    res = runner.invoke(main, ["run", str(src), "-", "--disable", "nope"])
    assert res.exit_code == 2 and "[nope] cannot disable an unknown rule id" in res.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: {}\n", encoding="utf-8")
    res = runner.invoke(main, ["run", str(src), "-", "--rules", str(bad)])
    assert res.exit_code == 2 and f"{bad.resolve()}:1 'rules' must be a list" in res.stderr
    assert "Traceback" not in res.output


def test_installed_entry_point_stdin_to_stdout(cleaner):
    exe = shutil.which("cleaner")
    if exe is None:
        pytest.skip("the cleaner entry point is not installed in this environment")
    proc = subprocess.run([exe, "run", "-", "-"], input=SEED, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == cleaner.clean(SEED).text


def test_module_version(tmp_path):
    # Not from the repository's root, where "-m" would import the source tree.
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("cleaner, version ")
    # ... and which build runs: the installed one, as in this process.
    assert proc.stdout.rstrip().endswith(f"({build()})")


def test_golden_command_passes_fails_and_updates(runner, tmp_path):
    case = tmp_path / "ex" / "case-one"
    case.mkdir(parents=True)
    (case / "input.txt").write_text("Body.\nAdvertisement\n", encoding="utf-8")
    res = runner.invoke(main, ["test", str(tmp_path / "ex")])
    assert res.exit_code == 1 and "no expected.txt" in res.output
    (case / "expected.txt").write_text("Body.\n\nAdvertisement\n", encoding="utf-8")
    res = runner.invoke(main, ["test", str(tmp_path / "ex")])
    assert (
        res.exit_code == 1 and "-Advertisement" in res.output and "0 passed, 1 failed" in res.output
    )
    res = runner.invoke(main, ["test", str(tmp_path / "ex"), "--update"])
    assert res.exit_code == 0 and (case / "expected.txt").read_text() == "Body.\n"
    res = runner.invoke(main, ["test", str(tmp_path / "ex")])
    assert res.exit_code == 0 and "1 passed, 0 failed" in res.output


def test_bundled_examples_pass_through_the_cli(runner):
    res = runner.invoke(main, ["test", str(EXAMPLES)])
    assert res.exit_code == 0, res.output


def test_rules_commands(runner, tmp_path):
    res = runner.invoke(main, ["rules", "list"])
    assert res.exit_code == 0 and "faq-block" in res.output
    res = runner.invoke(main, ["rules", "test"])
    assert res.exit_code == 0 and " 0 failed" in res.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    kind: drop\n", encoding="utf-8")
    res = runner.invoke(main, ["rules", "check", str(bad)])
    assert res.exit_code == 2 and f"{bad.resolve()}:2 [x] missing key 'why'" in res.stderr


def test_explain_marks_every_paragraph_of_a_block_at_its_own_line(runner, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "A body paragraph that is long enough to be the body of this article.\n\n"
        "FAQs\n\nWhat?\n\nThat.\n\nNext Heading\n\n"
        "A quote long enough to be read as a sentence of the body. Click To Tweet\n",
        encoding="utf-8",
    )
    res = runner.invoke(main, ["explain", str(doc)])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert "-     3 [faq-block] FAQs" in lines
    assert "-     7 [faq-block] That." in lines
    assert "      9 Next Heading" in lines
    assert (
        "     11 A quote long enough to be read as a sentence of the body. Click To Tweet" in lines
        and "~    11 [click-to-tweet] 'Click To Tweet'" in lines
    )


def test_explain_uses_colour_on_a_terminal(runner):
    path = EXAMPLES / "seed-oman-explainer" / "input.txt"
    res = runner.invoke(main, ["explain", str(path)], color=True)
    assert "\x1b[31m-    43 [faq-block] FAQs" in res.output
    plain = runner.invoke(main, ["explain", str(path)])
    assert "\x1b[" not in plain.output


def test_explain_diff(runner):
    path = EXAMPLES / "seed-oman-explainer" / "input.txt"
    res = runner.invoke(main, ["explain", str(path), "--diff"])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert lines[0].endswith("(normalized)") and lines[1].endswith("(cleaned)")
    assert any(line.startswith("-Also Read: Bill Gates") for line in lines)
    assert "-FAQs" in lines
    assert not any(line.startswith("+") and not line.startswith("+++") for line in lines)


def test_explain_marks_removed_lines(runner):
    res = runner.invoke(main, ["explain", str(EXAMPLES / "seed-oman-explainer" / "input.txt")])
    assert res.exit_code == 0
    assert "[faq-block] FAQs" in res.output and "[read-more-link] Also Read" in res.output


def test_installed_package_works_from_any_directory(tmp_path, cleaner):
    """The packs ship inside the installed package: clean from a folder with no rules/ in it."""
    code = (
        "import sys, cleaner, cleaner.loader as l;"
        "print(l.builtin_dir());"
        "sys.stdout.write(cleaner.Cleaner().clean(sys.stdin.read()).text)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input=SEED, capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    where, _, text = proc.stdout.partition("\n")
    assert text == cleaner.clean(SEED).text
    assert where.endswith(("cleaner/packs", "rules"))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_folder_run_on_a_terminal_shows_progress_out_of_the_total(tmp_path):
    """The folder is walked as it is cleaned; the bar's total comes from a count first."""
    import pty
    import re

    master, slave = pty.openpty()
    try:
        command = [shutil.which("cleaner"), "run", str(EXAMPLES), str(tmp_path / "out")]
        run = subprocess.run(
            [*command, "--glob", "input.txt"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            timeout=120,
        )
    finally:
        os.close(slave)
    out = b""
    with contextlib.suppress(OSError):  # EIO once the terminal has nothing more
        while chunk := os.read(master, 65536):
            out += chunk
    os.close(master)
    inputs = len(list(EXAMPLES.glob("*/input.txt")))
    assert run.returncode in (0, 1)
    assert f"{inputs}/{inputs}" in re.findall(r"\d+/\d+", out.decode(errors="replace"))


FAILING_PACK = """\
rules:
  - id: promo-banner
    kind: drop
    why: a banner
    pattern: '^today''s deal\\b'
    ignore_case: true
    tests:
      drop: ["Today's deal: 20% off"]
      keep: ["Today's deal between the unions and the city was signed."]
"""


def test_a_pack_whose_keep_sample_fails_is_refused_by_check_and_run(runner, tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(FAILING_PACK, encoding="utf-8")
    res = runner.invoke(main, ["rules", "check", str(pack)])
    assert res.exit_code == 2
    assert f"{pack}:9 [promo-banner] keep sample lost" in res.output
    src = tmp_path / "a.txt"
    src.write_text("Today's deal between the unions and the city was signed.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    res = runner.invoke(main, ["run", str(src), str(out), "--rules", str(pack)])
    assert res.exit_code == 2 and not out.exists(), "refused before any work"
    assert "--no-samples" in res.output
    res = runner.invoke(main, ["run", str(src), str(out), "--rules", str(pack), "--learn"])
    assert res.exit_code == 2 and not out.exists(), "refused before learning too"
    res = runner.invoke(main, ["run", str(src), str(out), "--rules", str(pack), "--no-samples"])
    assert res.exit_code == 0
    res = runner.invoke(main, ["rules", "check", str(pack), "--no-samples"])
    assert res.exit_code == 0 and "samples passed" not in res.output


def test_rules_add_to_the_default_packs_unless_only_rules(runner, tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n  - id: promo\n    kind: drop\n    why: a banner\n    pattern: '^promo:'\n"
        "    tests: {drop: ['promo: 20% off'], keep: ['Promotions were frozen.']}\n",
        encoding="utf-8",
    )
    src = tmp_path / "a.txt"
    body = "The council approved the budget on Monday after a long debate about buses."
    src.write_text(f"promo: 20% off\nAdvertisement\n{body}\n", encoding="utf-8")
    res = runner.invoke(main, ["run", str(src), "-", "--rules", str(pack)])
    assert res.exit_code == 0 and res.stdout == body + "\n", "the default packs still run"
    res = runner.invoke(main, ["run", str(src), "-", "--rules", str(pack), "--only-rules"])
    assert res.stdout == f"Advertisement\n\n{body}\n", "only the user's pack"
    res = runner.invoke(main, ["run", str(src), "-", "--only-rules"])
    assert res.exit_code == 2 and "--only-rules needs at least one --rules PACK" in res.output


def test_pack_errors_suggest_the_key_and_the_quotes(runner, tmp_path):
    pack = tmp_path / "typo.yaml"
    pack.write_text(
        "rules:\n  - id: a\n    kind: dorp\n    why: w\n    pattern: 'x'\n"
        "  - id: b\n    kind: drop\n    why: w\n    patern: 'x'\n",
        encoding="utf-8",
    )
    res = runner.invoke(main, ["rules", "check", str(pack)])
    assert res.exit_code == 2
    assert f"{pack}:3 [a] unknown kind 'dorp'; did you mean 'drop'?" in res.output
    assert "[a] unknown key 'pattern'" not in res.output, "no cascade from an unknown kind"
    assert f"{pack}:9 [b] unknown key 'patern' for kind 'drop'; did you mean 'pattern'?" in (
        res.output
    )
    quoted = tmp_path / "quoted.yaml"
    quoted.write_text(
        'rules:\n  - id: a\n    kind: drop\n    why: w\n    pattern: "^\\d+ comments$"\n',
        encoding="utf-8",
    )
    res = runner.invoke(main, ["rules", "check", str(quoted)])
    assert res.exit_code == 2 and "write patterns in single quotes" in res.output

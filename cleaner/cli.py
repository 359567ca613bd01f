"""The ``cleaner`` command: parse arguments, call the API, print. No cleaning logic here.

Exit codes: 0 every document came out clean; 1 some documents failed (unreadable,
undecodable, or left empty); 2 usage or rule-pack errors.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import __version__
from .engine import Cleaner
from .errors import RuleError
from .examples import check, find_examples, update
from .io import InputError, atomic_write, is_inside, list_sources, read_document
from .loader import builtin_packs, load_packs
from .samples import check_all

EXIT_FAILED = 1
EXIT_USAGE = 2


def _build(rules: tuple[str, ...], disable: tuple[str, ...]) -> Cleaner:
    try:
        return Cleaner(packs=list(rules) or None, disable=disable)
    except RuleError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)


rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    metavar="PACK_OR_FILE",
    help="A bundled pack name or a YAML pack file (repeatable). Default: the default pack.",
)
disable_option = click.option(
    "--disable",
    multiple=True,
    metavar="RULE_ID",
    help="Switch off a rule by id (repeatable); an unknown id is an error.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Strip web boilerplate from extracted article text.

    \b
    Example:
      cleaner run articles/ clean/
    """


@main.command()
@click.argument("source", type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.argument("dest", type=click.Path(allow_dash=True, path_type=Path))
@rules_option
@disable_option
@click.option(
    "--glob", "pattern", default="*.txt", show_default=True, help="Files to take from a folder."
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def run(source, dest, rules, disable, pattern, encoding, quiet):
    """Clean SOURCE (a folder, a file, or - for stdin) into DEST (a folder, a file, or -).

    A folder is cleaned recursively into a folder that mirrors its layout.
    Outputs are written atomically; inputs are never touched. A document that
    cannot be read or comes out empty is reported on stderr and the rest go on.

    \b
    Examples:
      cleaner run examples/ /tmp/clean/
      cleaner run article.txt clean.txt
      cat article.txt | cleaner run - -
    """
    cleaner = _build(rules, disable)
    started = time.monotonic()
    if str(source) == "-":
        text = sys.stdin.read()
        result = cleaner.clean(text)
        if result.empty:
            click.echo("<stdin>: empty: no body left after cleaning", err=True)
            sys.exit(EXIT_FAILED)
        _emit(result.text, dest)
        return
    if str(dest) != "-" and source.is_dir() and is_inside(dest, source):
        raise click.UsageError(f"output {dest} is inside the input folder {source}; choose another")
    if (
        str(dest) != "-"
        and source.is_file()
        and dest.exists()
        and dest.resolve() == source.resolve()
    ):
        raise click.UsageError("output and input are the same file")
    to_folder = str(dest) != "-" and (source.is_dir() or dest.is_dir())
    done = failed = removals = 0
    bytes_in = bytes_out = 0
    for src in list_sources(source, pattern):
        try:
            text = read_document(src.path, encoding)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        result = cleaner.clean(text)
        bytes_in += len(text.encode("utf-8"))
        if result.empty:
            click.echo(f"error: {src.path}: empty: no body left after cleaning", err=True)
            failed += 1
            continue
        target = dest / src.relative if to_folder else dest
        _emit(result.text, target)
        done += 1
        removals += len(result.removals)
        bytes_out += len(result.text.encode("utf-8"))
    if not quiet and str(dest) != "-":
        share = 1 - bytes_out / bytes_in if bytes_in else 0.0
        click.echo(
            f"{done} cleaned, {failed} failed, {removals} removals, "
            f"{share:.1%} of text removed, {time.monotonic() - started:.2f}s",
            err=True,
        )
    if failed:
        sys.exit(EXIT_FAILED)


def _emit(text: str, dest: Path) -> None:
    if str(dest) == "-":
        click.echo(text, nl=False)
    else:
        atomic_write(dest, text)


@main.command()
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
)
@rules_option
@disable_option
def explain(file, rules, disable):
    """Show FILE with every removed line marked by the rule that removed it.

    \b
    Example:
      cleaner explain examples/seed-oman-explainer/input.txt
    """
    cleaner = _build(rules, disable)
    text = sys.stdin.read() if str(file) == "-" else read_document(file)
    result = cleaner.clean(text)
    dropped: dict[int, str] = {}
    spans: dict[int, list[str]] = {}
    for removal in result.removals:
        for index in removal.paragraphs:
            if removal.span is None:
                dropped[index] = removal.rule
            else:
                spans.setdefault(index, []).append(f"[{removal.rule}] {removal.text.strip()!r}")
    for paragraph in cleaner.paragraphs(text):
        n, index = paragraph.line, paragraph.index
        if index in dropped:
            click.echo(click.style(f"- {n:>5} [{dropped[index]}] {paragraph.text}", fg="red"))
            continue
        click.echo(f"  {n:>5} {paragraph.text}")
        for mark in spans.get(index, ()):
            click.echo(click.style(f"~ {n:>5} {mark}", fg="yellow"))


@main.command("test")
@click.argument(
    "examples",
    required=False,
    default="examples",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@rules_option
@disable_option
@click.option(
    "--update", "do_update", is_flag=True, help="Rewrite expected.txt with the current output."
)
def test_examples(examples, rules, disable, do_update):
    """Run golden examples: each folder's input.txt must clean to its expected.txt.

    Shows a diff for every failure. After reading the diffs, --update rewrites
    the expectations; review them with git diff before committing.

    \b
    Example:
      cleaner test examples/
    """
    cleaner = _build(rules, disable)
    failed = passed = 0
    for example in find_examples(examples):
        outcome = check(cleaner, example)
        if outcome.ok:
            passed += 1
            continue
        if do_update:
            update(outcome)
            click.echo(f"updated {example.expected}")
            continue
        failed += 1
        if outcome.expected is None:
            click.echo(f"FAIL {example.name}: no expected.txt (run with --update to create it)")
        else:
            click.echo(f"FAIL {example.name}\n{outcome.diff()}")
    click.echo(f"{passed} passed, {failed} failed")
    if failed:
        sys.exit(EXIT_FAILED)


@main.group()
def rules() -> None:
    """List, validate and test rule packs."""


@rules.command("list")
@click.argument("packs", nargs=-1)
def rules_list(packs):
    """List the rules of PACKS (default: the default pack), in the order they run.

    \b
    Example:
      cleaner rules list default
    """
    try:
        pack = load_packs(packs or ["default"])
    except RuleError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    for rule in sorted(pack.rules, key=lambda r: r.stage):
        why = " ".join(rule.why.split())
        click.echo(f"{rule.id:28} {rule.kind:8} {why[:80]}")
    click.echo(f"bundled packs: {', '.join(builtin_packs())}", err=True)


@rules.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def rules_check(files):
    """Validate pack FILES; report every problem as file:line [rule-id] what is wrong.

    \b
    Example:
      cleaner rules check my-pack.yaml
    """
    bad = 0
    for file in files:
        try:
            pack = load_packs([file])
        except RuleError as exc:
            click.echo(str(exc), err=True)
            bad += 1
            continue
        click.echo(f"{file}: ok, {len(pack.rules)} rules")
    if bad:
        sys.exit(EXIT_USAGE)


@rules.command("test")
@click.argument("packs", nargs=-1)
def rules_test(packs):
    """Run the inline drop/keep samples of every rule in PACKS (default: default).

    \b
    Example:
      cleaner rules test my-pack.yaml
    """
    try:
        cleaner = Cleaner(packs=list(packs) or None)
    except RuleError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    failures = check_all(cleaner)
    for failure in failures:
        click.echo(str(failure))
    total = sum(len(r.samples) for r in cleaner.rules)
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    if failures:
        sys.exit(EXIT_FAILED)

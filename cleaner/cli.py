"""The ``cleaner`` command: parse arguments, call the API, print. No cleaning logic here.

Exit codes: 0 every document came out clean; 1 some documents failed (unreadable,
undecodable, or left empty); 2 usage or rule-pack errors.
"""

from __future__ import annotations

import difflib
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path

import click
from tqdm import tqdm

from . import __version__, build, formats
from .batch import (
    NO_DETAIL,
    PARAGRAPHS,
    WORDS,
    RecordOptions,
    ReportWriter,
    Runner,
    Totals,
    WorkerLost,
    clean_text,
    run_signature,
)
from .engine import RULE_TIMEOUT, Cleaner
from .errors import RuleError, RunError
from .examples import check, find_examples, update
from .guard import MAX_REMOVED, POLICIES
from .htmlreport import HtmlReport
from .io import (
    InputError,
    SyncPoints,
    atomic_output,
    decode_document,
    is_inside,
    output_lock,
    read_document,
    run_file,
    run_state,
    synced_until,
)
from .learn import (
    MAX_EMBEDDED,
    MAX_WORDS,
    MIN_DOCS,
    MIN_SITE_SHARE,
    Learner,
    LearnOptions,
    corpus_documents,
    learn_batch,
)
from .loader import builtin_packs, load_packs
from .samples import check_all, check_file_rules, check_user_rules
from .sources import plan, resumable

EXIT_FAILED = 1
EXIT_USAGE = 2
#: Rules named in the closing summary (all of them are in --report).
SUMMARY_RULES = 10


def _build(
    rules: tuple[str, ...],
    disable: tuple[str, ...],
    rule_timeout: float | None = RULE_TIMEOUT,
    max_removed: float | None = MAX_REMOVED,
    over_removal: str = "trusted",
) -> Cleaner:
    try:
        return Cleaner(
            packs=list(rules) or None,
            disable=disable,
            rule_timeout=rule_timeout,
            max_removed=max_removed or None,
            over_removal=over_removal,
        )
    except RuleError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)


def _refuse_failing_samples(cleaner: Cleaner) -> None:
    """Stop before any work when a rule of the user's packs fails its own samples."""
    ran, failures = check_user_rules(cleaner)
    if not failures:
        return
    for failure in failures:
        click.echo(f"error: {failure}", err=True)
    click.echo(
        f"{len(failures)} of {ran} samples of your packs failed: a rule that contradicts its "
        "own tests would clean a corpus the same way. Fix the rule (cleaner rules test "
        "PACK), or run anyway with --no-samples.",
        err=True,
    )
    sys.exit(EXIT_USAGE)


def _only_rules(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    ctx.meta["cleaner.only_rules"] = value


def _packs(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """--rules adds to the default packs; with --only-rules, the packs given replace them."""
    if ctx.meta.get("cleaner.only_rules"):
        if not value:
            raise click.BadParameter("--only-rules needs at least one --rules PACK", ctx, param)
        return value
    return ("default", *(v for v in value if v != "default")) if value else ()


def rules_option(fn):
    fn = click.option(
        "--rules",
        "rules",
        multiple=True,
        metavar="PACK_OR_FILE",
        callback=_packs,
        help="A pack to add to the default packs: a bundled pack name or a YAML file (repeatable).",
    )(fn)
    return click.option(
        "--only-rules",
        is_flag=True,
        is_eager=True,
        expose_value=False,
        callback=_only_rules,
        help="Use only the packs given with --rules, without the default packs.",
    )(fn)


disable_option = click.option(
    "--disable",
    multiple=True,
    metavar="RULE_ID",
    help="Switch off a rule by id (repeatable); an unknown id is an error.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, prog_name="cleaner", message=f"%(prog)s, version %(version)s ({build()})"
)
def main() -> None:
    """Strip web boilerplate from extracted article text.

    \b
    Example:
      cleaner run articles/ clean/
    """


learn_options = [
    click.option(
        "--group-by",
        default="auto",
        show_default=True,
        metavar="auto|none|folder|FIELD",
        help="What makes a site: auto = a folder's subfolders, or a JSONL 'url' field's host.",
    ),
    click.option(
        "--min-docs",
        type=click.IntRange(min=2),
        default=MIN_DOCS,
        show_default=True,
        help="A line must repeat in at least this many documents.",
    ),
    click.option(
        "--min-site-share",
        type=click.FloatRange(min=0, min_open=True, max=1),
        default=MIN_SITE_SHARE,
        show_default=True,
        help="A sentence must occur in at least this share of one site's documents.",
    ),
    click.option(
        "--max-embedded",
        type=click.FloatRange(min=0, max=1),
        default=MAX_EMBEDDED,
        show_default=True,
        help="...and sit between long body paragraphs in at most this share of them.",
    ),
    click.option(
        "--max-words",
        type=click.IntRange(min=1),
        default=MAX_WORDS,
        show_default=True,
        help="Longer paragraphs are never learned (nor counted).",
    ),
]


def _learn_options(fn):
    for option in reversed(learn_options):
        fn = option(fn)
    return fn


@contextmanager
def _no_lost_workers(consequence: str) -> Iterator[None]:
    """A worker that died becomes one clear error (exit 1), not a traceback."""
    try:
        yield
    except WorkerLost as exc:
        raise click.ClickException(f"{exc}; {consequence}") from exc


def _learn(cleaner, sources, pattern, fmt, text_field, group_by, encoding, opts, workers, quiet):
    """Count every document of ``sources`` in ``workers`` processes; return the Learner.

    ``learner.problems`` counts the documents that could not be read (each named on stderr).
    """
    learner = Learner(cleaner, opts)
    failed = 0
    docs = corpus_documents(sources, pattern, fmt, text_field, group_by, encoding)
    interactive = not quiet and sys.stderr.isatty()
    with _no_lost_workers("nothing was learned"), Runner(cleaner, workers) as runner:
        bar = tqdm(
            disable=not interactive,
            unit="doc",
            desc="learning",
            file=sys.stderr,
            ncols=shutil.get_terminal_size().columns,
            nrows=shutil.get_terminal_size().lines,
        )
        for part, problems in runner.map(learn_batch, docs, opts):
            learner.merge(part)
            bar.update(part.documents + len(problems))
            failed += len(problems)
            for problem in problems:
                bar.write(f"error: {problem}", file=sys.stderr)
        bar.close()
    learner.problems = failed
    return learner


@main.command()
@click.argument("source", type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.argument("dest", type=click.Path(allow_dash=True, path_type=Path))
@rules_option
@disable_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "jsonl", *formats.READERS]),
    default="auto",
    show_default=True,
    help="auto: JSONL for *.jsonl, *.jsonl.gz and *.ndjson files, Parquet for *.parquet, "
    "WET for *.warc.wet.gz, text otherwise.",
)
@click.option(
    "--glob",
    "pattern",
    default=None,
    help="Files to take from a folder [default: *.txt, *.parquet and *.warc.wet.gz, or "
    "*.jsonl* with --format jsonl].",
)
@click.option("--text-field", default="text", show_default=True, help="JSONL field to clean.")
@click.option(
    "--keep-removed", is_flag=True, help="JSONL: add a 'removed' list (rule, what, line, text)."
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Worker processes.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a report (repeatable): FILE.html is a page to look at (per-rule chart, "
    "samples, diffs of the documents that lost most); any other name gets JSON with "
    "every document's removals and per-rule totals.",
)
@click.option(
    "--rule-timeout",
    type=click.FloatRange(min=0),
    default=RULE_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="CPU time one rule may spend on one document; a rule that runs out is skipped "
    "there and reported (0: no limit).",
)
@click.option(
    "--max-removed",
    type=click.FloatRange(min=0, max=1),
    default=MAX_REMOVED,
    show_default=True,
    metavar="SHARE",
    help="Over-removal guard: flag a document when removals of long paragraphs would take "
    "more than this share of its words (0: no guard).",
)
@click.option(
    "--over-removal",
    type=click.Choice(POLICIES),
    default="trusted",
    show_default=True,
    help="What a flagged document gets: trusted (only short lines and spans removed), keep "
    "(normalized only) or apply (every removal; only flagged).",
)
@click.option(
    "--learn",
    "do_learn",
    is_flag=True,
    help="First learn the furniture SOURCE repeats (as cleaner learn does), then clean with "
    "it too. The learned pack is kept beside the output (--learn-out to choose).",
)
@click.option(
    "--learn-out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where --learn writes its pack [default: DEST/.cleaner-learned.yaml, or "
    ".NAME.cleaner-learned.yaml beside a file output].",
)
@_learn_options
@click.option("--force", is_flag=True, help="Clean again even when an output is up to date.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of text inputs.")
@click.option("--summary", is_flag=True, help="Print the closing summary even when not a terminal.")
@click.option(
    "--no-samples",
    is_flag=True,
    help="Run even when a rule of your own packs fails its own drop/keep samples.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Documents left with no body fail the run (exit 1); by default they are reported "
    "and the run exits 0.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def run(
    source,
    dest,
    rules,
    disable,
    fmt,
    pattern,
    text_field,
    keep_removed,
    workers,
    reports,
    rule_timeout,
    max_removed,
    over_removal,
    do_learn,
    learn_out,
    group_by,
    min_docs,
    min_site_share,
    max_embedded,
    max_words,
    force,
    encoding,
    summary,
    no_samples,
    strict,
    quiet,
):
    """Clean SOURCE (a folder, a file, or - for stdin) into DEST (a folder, a file, or -).

    A folder is cleaned recursively into a folder that mirrors its layout;
    outputs already newer than their input and the rule packs, and made with
    the same settings, are skipped.
    JSONL and Parquet are cleaned record by record, keeping every other field;
    a Common Crawl WET file becomes one record per page. Outputs are
    written atomically; inputs are never touched. A document that cannot be
    read or comes out empty is reported on stderr and the rest go on.

    \b
    Examples:
      cleaner run examples/ /tmp/clean/ --glob input.txt
      cleaner run article.txt clean.txt
      cat article.txt | cleaner run - -
      cleaner run crawl.jsonl.gz clean.jsonl.gz --keep-removed --report run.json
      cleaner run shard.parquet clean.parquet
      cleaner run CC-MAIN-x.warc.wet.gz clean.jsonl.gz
      cleaner run articles/ clean/ --rules my-site.yaml
      cleaner run articles/ clean/ --report run.html
      cleaner run crawl/ clean/ --learn
    """
    stdin, stdout = str(source) == "-", str(dest) == "-"
    folder_out = (not stdin and source.is_dir()) or dest.is_dir()
    if do_learn:
        if stdin:
            raise click.UsageError("--learn reads the input twice; it cannot take stdin")
        counting = _build(rules, disable, max_removed=None)
        if not no_samples:
            _refuse_failing_samples(counting)  # before the corpus is read for learning
        learner = _learn(
            counting,
            [source],
            pattern or "*.txt",
            fmt,
            text_field,
            group_by,
            encoding,
            _options(min_docs, min_site_share, max_embedded, max_words),
            workers,
            quiet,
        )
        learned = learn_out or run_file(dest, folder_out, "cleaner-learned.yaml")
        pack = learner.pack(str(source))
        # Rewritten only when it changed: its mtime decides which outputs are stale.
        if not learned.is_file() or learned.read_text(encoding="utf-8") != pack:
            with atomic_output(learned) as f:
                f.write(pack)
        if not quiet:
            n = len(learner.learned())
            click.echo(
                f"learned {n:,} lines from {learner.documents:,} documents: {learned}", err=True
            )
        rules = (*(rules or ("default",)), str(learned))
    cleaner = _build(rules, disable, rule_timeout, max_removed, over_removal)
    if not no_samples and not do_learn:  # with --learn, checked before learning
        _refuse_failing_samples(cleaner)
    html_reports = [r for r in reports if _is_html(r)]
    json_reports = [r for r in reports if not _is_html(r)]
    if not stdin and not stdout:
        _refuse_overlap(source, dest)
    if not stdin and source.is_dir() and stdout:
        raise click.UsageError("a folder is cleaned into a folder, not to stdout")
    with _sigterm_as_interrupt():
        interactive = not quiet and sys.stderr.isatty()
        started = time.monotonic()
        totals = Totals()
        writers = [ReportWriter(r) for r in json_reports]
        page = None
        if html_reports:
            root = None if stdin or not source.is_dir() else str(source)
            page = HtmlReport(f"cleaner run {source}", root)
        detail = PARAGRAPHS if page else WORDS if writers else NO_DETAIL
        opts = RecordOptions(text_field, keep_removed, detail)
        try:
            signature = None
            if resumable(source, fmt, stdin) and not stdout:
                signature = run_signature(
                    cleaner, text_field=text_field, keep_removed=keep_removed, encoding=encoding
                )
            lock = _lock(dest, folder_out, stdout, quiet, signature)
            # A folder of text outputs is synced in groups, not file by file.
            grouped = not stdin and source.is_dir()
            points = SyncPoints(dest, on_error=_sync_failed) if grouped else nullcontext()
            with lock as stale_before, points, Runner(cleaner, workers) as runner:
                synced = synced_until(dest) if grouped else None
                count, outcomes = plan(
                    runner,
                    source,
                    dest,
                    fmt,
                    pattern,
                    opts,
                    encoding,
                    force,
                    stdin,
                    stdout,
                    stale_before,
                    synced,
                )
                bar = tqdm(
                    outcomes,
                    total=count() if interactive else None,
                    unit="doc",
                    disable=not interactive,
                    file=sys.stderr,
                    # A terminal that reports no size (some ptys) still gets a bar:
                    # tqdm hides bars below a screen of 0 rows.
                    ncols=shutil.get_terminal_size().columns,
                    nrows=shutil.get_terminal_size().lines,
                )
                for outcome in bar:
                    totals.add(outcome)
                    for writer in writers:
                        writer.add(outcome)
                    if page:
                        page.add(outcome)
                    if outcome.error:
                        # A page with no body is normal in a corpus: reported, and
                        # a failure only with --strict.
                        level = "warning" if outcome.status == "empty" and not strict else "error"
                        bar.write(f"{level}: {outcome.error}", file=sys.stderr)
                    for timeout in outcome.timeouts:
                        bar.write(f"error: {timeout} (rule skipped there)", file=sys.stderr)
                    if outcome.flag and not quiet:
                        bar.write(f"flagged: {outcome.name}: {outcome.flag}", file=sys.stderr)
                    if grouped:
                        points.maybe()
        except RunError as exc:
            for writer in writers:
                writer.abort(exc)
            raise click.UsageError(str(exc)) from exc
        except KeyboardInterrupt as exc:
            for writer in writers:
                writer.abort(exc)
            click.echo("interrupted: finished outputs are kept; run again to finish", err=True)
            sys.exit(128 + getattr(exc, "signum", signal.SIGINT))
        except WorkerLost as exc:
            for writer in writers:
                writer.abort(exc)
            click.echo(f"error: {exc}", err=True)
            click.echo("stopped: finished outputs are kept; run again to finish", err=True)
            sys.exit(EXIT_FAILED)
        elapsed = time.monotonic() - started
        packs = list(rules) or ["default"]
        about = {"packs": packs, "pack_files": list(cleaner.files), "seconds": round(elapsed, 3)}
        for writer in writers:
            writer.finish(totals, about)
        for path in html_reports:
            page.write(path, about)
        if (interactive or summary) and not quiet:
            click.echo(_summary(totals, elapsed, packs), err=True)
        if totals.problems - (0 if strict else totals.empty):
            sys.exit(EXIT_FAILED)


@contextmanager
def _lock(
    dest: Path, folder: bool, stdout: bool, quiet: bool, signature: str | None
) -> Iterator[float]:
    """One run at a time per output (see io.output_lock); yield when its settings changed.

    Outputs older than the yielded time were made with other packs or options
    and are cleaned again. Only outputs that reruns skip (a folder, a JSONL
    file) keep a state, given a ``signature``. Stdout needs no lock.
    """
    if stdout:
        yield 0.0
        return
    with ExitStack() as stack:
        try:
            swept = stack.enter_context(output_lock(dest, folder))
            changed = 0.0 if signature is None else run_state(dest, folder, signature)
        except OSError as exc:
            click.echo(f"error: {exc.filename}: {exc.strerror}", err=True)
            sys.exit(EXIT_USAGE)
        if swept and not quiet:
            click.echo(f"removed {swept} temporary files left by an interrupted run", err=True)
        yield changed


def _sync_failed(exc: OSError) -> None:
    where = exc.filename or "the output folder"
    click.echo(
        f"warning: {where}: cannot sync to disk: {exc.strerror or exc}; "
        "outputs written since the last sync will be cleaned again by the next run",
        err=True,
    )


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: workers stop, writes in progress are undone."""

    signum = signal.SIGTERM


def _interrupt(signum, frame) -> None:
    raise Terminated()


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """`kill` (SIGTERM) stops a run as cleanly as Ctrl-C; the old handler comes back after.

    Signals can only be handled from the main thread; elsewhere nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _refuse_overlap(source: Path, dest: Path) -> None:
    if source.is_dir() and is_inside(dest, source):
        raise click.UsageError(f"output {dest} is inside the input folder {source}; choose another")
    if source.is_file() and dest.exists() and dest.resolve() == source.resolve():
        raise click.UsageError("output and input are the same file")


def _summary(totals: Totals, elapsed: float, packs: list[str]) -> str:
    mb_in, mb_out = totals.bytes_in / 1e6, totals.bytes_out / 1e6
    rate = mb_in / elapsed if elapsed > 0 else 0.0
    lines = [
        f"packs: {', '.join(packs)}",
        f"{totals.documents} documents: {totals.cleaned} cleaned, {totals.skipped} up to date, "
        f"{totals.empty} empty, {totals.failed} failed"
        + (f", {totals.timed_out} with a rule timed out" if totals.timed_out else "")
        + (f", {totals.flagged} flagged by the over-removal guard" if totals.flagged else ""),
        f"{mb_in:.2f} MB in, {mb_out:.2f} MB out, {totals.share_removed:.1%} removed, "
        f"{elapsed:.2f}s, {rate:.2f} MB/s",
    ]
    top = sorted(totals.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    if top:
        shown = ", ".join(f"{rule} {n}" for rule, n in top[:SUMMARY_RULES])
        more = len(top) - SUMMARY_RULES
        lines.append(f"removals: {shown}" + (f", and {more} more rules" if more > 0 else ""))
    return "\n".join(lines)


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The pack to write (YAML).",
)
@rules_option
@disable_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "jsonl"]),
    default="auto",
    show_default=True,
)
@click.option("--glob", "pattern", default="*.txt", show_default=True, help="Files in folders.")
@click.option("--text-field", default="text", show_default=True, help="JSONL field to read.")
@click.option("--encoding", default="utf-8", show_default=True)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
)
@_learn_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def learn(
    sources,
    out,
    rules,
    disable,
    fmt,
    pattern,
    text_field,
    encoding,
    workers,
    group_by,
    min_docs,
    min_site_share,
    max_embedded,
    max_words,
    quiet,
):
    """Learn the furniture SOURCES repeat and write it as a rule pack to review.

    Reads folders, text files and JSONL once (memory grows with the number of
    distinct short lines, not the corpus) and lists every paragraph that the
    packs leave and that repeats across documents, with the documents and
    sites it was seen in. Sentences are learned only when they are a site's
    own furniture, never body text that articles share (quotes, wire copy).
    Then: cleaner run IN OUT --rules default --rules PACK.yaml. A document
    that cannot be read, or a folder that cannot be listed, is named on
    stderr; the pack is still written, and the exit code is 1.

    \b
    Examples:
      cleaner learn crawl/ -o learned.yaml
      cleaner learn pages.jsonl.gz -o learned.yaml --group-by url --min-docs 20
    """
    cleaner = _build(rules, disable, max_removed=None)
    opts = _options(min_docs, min_site_share, max_embedded, max_words)
    started = time.monotonic()
    learner = _learn(
        cleaner, sources, pattern, fmt, text_field, group_by, encoding, opts, workers, quiet
    )
    pack = learner.pack(", ".join(str(s) for s in sources))
    with atomic_output(out) as f:
        f.write(pack)
    if not quiet:
        lines = len(learner.learned())
        click.echo(
            f"learned {lines:,} lines from {learner.documents:,} documents "
            f"({len([s for s in learner.site_docs if s]) or 1:,} sites) in "
            f"{time.monotonic() - started:.1f}s: {out}",
            err=True,
        )
    if learner.problems:
        sys.exit(EXIT_FAILED)


def _options(min_docs, min_site_share, max_embedded, max_words) -> LearnOptions:
    return LearnOptions(min_docs, min_site_share, max_embedded, max_words)


@main.command()
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
)
@rules_option
@disable_option
@click.option("--diff", "as_diff", is_flag=True, help="A unified diff, normalized input to output.")
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the same view as a self-contained HTML page instead of printing it.",
)
def explain(file, rules, disable, as_diff, html_out):
    """Show FILE with every removed line marked by the rule that removed it.

    Each paragraph is shown with its input line number; removed ones start
    with "-" and name the rule, spans stripped from a kept paragraph follow it
    with "~". Colour on a terminal.

    \b
    Examples:
      cleaner explain examples/seed-oman-explainer/input.txt
      cleaner explain article.txt --diff
      cleaner explain article.txt --html article.html
    """
    cleaner = _build(rules, disable)
    try:
        text = (
            decode_document(sys.stdin.buffer.read(), "<stdin>")
            if str(file) == "-"
            else (read_document(file))
        )
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    if html_out:
        page = HtmlReport(f"cleaner explain {file}")
        page.add(clean_text(cleaner, str(file), text, lambda body: None, PARAGRAPHS))
        page.write(html_out, {"packs": list(cleaner.files)})
        click.echo(f"wrote {html_out}", err=True)
        return
    result = cleaner.clean(text)
    if as_diff:
        _echo_diff(cleaner.normalize(text), result.text, str(file))
        return
    dropped: dict[int, str] = {}
    spans: dict[int, list[str]] = {}
    for removal in result.removals:
        for index in removal.paragraphs:
            if removal.span is None:
                dropped[index] = (
                    f"{removal.rule}: {removal.reason}" if removal.reason else removal.rule
                )
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


def _echo_diff(before: str, after: str, name: str) -> None:
    colours = {"-": "red", "+": "green", "@": "cyan"}
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{name} (normalized)",
        tofile=f"{name} (cleaned)",
    )
    for line in lines:
        click.echo(click.style(line.rstrip("\n"), fg=colours.get(line[:1])))


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
    """List, validate and test rule packs.

    \b
    Examples:
      cleaner rules list
      cleaner rules check my-pack.yaml
      cleaner rules test my-pack.yaml
    """


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
@click.option("--no-samples", is_flag=True, help="Only validate; do not run the samples.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def rules_check(files, no_samples):
    """Validate pack FILES and run their rules' samples; report every problem as
    file:line [rule-id] what is wrong.

    Each rule's drop/keep samples run with that rule alone (as `cleaner rules
    test` does); a failing sample is an error, like a bad key. --no-samples
    only validates.

    Patterns that may backtrack badly (nested unbounded repeats such as
    (a+)+) get a warning; they load, and run under --rule-timeout. A rule
    whose patterns give the prefilter no literal to look for gets a note: it
    works, but is tried on every paragraph (see the README's Speed section).

    \b
    Example:
      cleaner rules check my-pack.yaml
    """
    from .engine import rule_need

    bad = 0
    for file in files:
        try:
            pack = load_packs([file])
        except RuleError as exc:
            click.echo(str(exc), err=True)
            bad += 1
            continue
        for warning in pack.warnings:
            click.echo(f"warning: {warning}", err=True)
        for rule in pack.rules:
            # An after_removed rule is tried only right after a removed paragraph.
            if rule.triggers and rule_need(rule) is None and rule.when.after_removed is None:
                click.echo(
                    f"note: {rule.where} [{rule.id}] gives the prefilter no literal to look "
                    "for: it is tried on every paragraph (slower, same result)",
                    err=True,
                )
        samples = ""
        if not no_samples:
            ran, failures = check_file_rules(Cleaner(packs=[file]), Path(file))
            for failure in failures:
                click.echo(str(failure), err=True)
            if failures:
                click.echo(f"{file}: {len(failures)} of {ran} samples failed", err=True)
                bad += 1
                continue
            samples = f", {ran} samples passed"
        click.echo(f"{file}: ok, {len(pack.rules)} rules{samples}")
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

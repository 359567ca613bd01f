"""cleaner run at scale: JSONL, workers, reports, skipping, interruption."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.batch import BATCH, WINDOW_PER_WORKER, Runner, _batches, _files_batch
from cleaner.cli import main
from cleaner.io import SYNCED_NAME, synced_until

from .conftest import EXAMPLES

INPUTS = sorted(EXAMPLES.glob("*/input.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in INPUTS]
BODIES = [t for t in TEXTS if not Cleaner().clean(t).empty]


@pytest.fixture
def runner():
    return CliRunner()


def write_jsonl(path, records, compress=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if compress else data)


def read_jsonl(path):
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return [json.loads(line) for line in raw.decode().splitlines()]


def records(n=60):
    return [
        {"id": i, "url": f"https://example.com/{i}", "text": BODIES[i % len(BODIES)]}
        for i in range(n)
    ]


@pytest.mark.parametrize("compress", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_cleans_the_text_field_and_keeps_every_other_field(
    runner, tmp_path, cleaner, compress
):
    suffix = ".jsonl.gz" if compress else ".jsonl"
    src, out = tmp_path / f"in{suffix}", tmp_path / f"out{suffix}"
    recs = records(40)
    recs[3] = {**recs[3], "text": "Advertisement\nShare this article\n"}
    write_jsonl(src, recs, compress)
    res = runner.invoke(main, ["run", str(src), str(out), "--keep-removed", "-j", "2"])
    assert res.exit_code == 0, "a record with no body is reported, not a failure"
    assert f"warning: {src}:4: empty" in res.stderr
    got = read_jsonl(out)
    assert [r["id"] for r in got] == list(range(40)), "order and count kept"
    for before, after in zip(recs, got, strict=True):
        result = cleaner.clean(before["text"])
        assert after["text"] == result.text
        assert after["url"] == before["url"]
        assert after["removed"] == [
            {"rule": r.rule, "what": r.what, "line": r.line, "text": r.text}
            for r in result.removals
        ]


def test_a_gz_output_is_compressed_by_batch_and_the_same_for_any_number_of_workers(
    runner, tmp_path, monkeypatch
):
    """Workers compress their batches as gzip members: any gzip reader reads the whole."""
    import zlib

    from cleaner import batch

    monkeypatch.setattr(batch, "RECORD_BATCH", 7)  # several batches, so several members
    src = tmp_path / "in.jsonl"
    write_jsonl(src, records(40))
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl.gz"
        res = runner.invoke(main, ["run", str(src), str(out), "-j", workers])
        assert res.exit_code == 0, res.stderr
        outputs[workers] = out.read_bytes()
    assert outputs["1"] == outputs["2"]  # no time or name in the headers: reproducible
    plain = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["run", str(src), str(plain)]).exit_code == 0
    assert gzip.decompress(outputs["2"]) == plain.read_bytes()
    members, rest = 0, outputs["2"]
    while rest:
        unpacker = zlib.decompressobj(zlib.MAX_WBITS | 16)
        unpacker.decompress(rest)
        rest, members = unpacker.unused_data, members + 1
    assert members == 6  # 40 records in batches of 7

    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    out = tmp_path / "empty.jsonl.gz"
    assert runner.invoke(main, ["run", str(empty), str(out)]).exit_code == 0
    assert gzip.decompress(out.read_bytes()) == b""  # still a valid gzip file
    assert out.read_bytes()[:2] == b"\x1f\x8b"


def test_jsonl_bad_lines_are_named_and_the_rest_go_on(runner, tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_bytes(
        b'{"text": "Body one is here."}\n'
        b"not json\n"
        b"\n"
        b'["a list"]\n'
        b'{"body": "no text field"}\n'
        b'{"text": 42}\n'
        b'{"text": "caf\xe9"}\n'
        b'{"text": "Body two is here.", "lang": "en"}\n'
    )
    res = runner.invoke(main, ["run", str(src), str(out)])
    assert res.exit_code == 1
    for message in [
        f"{src}:2: invalid JSON",
        f"{src}:4: not a JSON object",
        f"{src}:5: field 'text' is missing",
        f"{src}:6: field 'text' is not a string (int)",
        f"{src}:7: not valid UTF-8",
    ]:
        assert message in res.stderr
    assert read_jsonl(out) == [
        {"text": "Body one is here.\n"},
        {"text": "Body two is here.\n", "lang": "en"},
    ]


def test_text_field_option_and_stdin_jsonl(runner, tmp_path, cleaner):
    line = json.dumps({"content": TEXTS[0], "keep": "me"}) + "\n"
    res = runner.invoke(
        main, ["run", "-", "-", "--format", "jsonl", "--text-field", "content"], input=line
    )
    assert res.exit_code == 0, res.stderr
    (got,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert got == {"content": cleaner.clean(TEXTS[0]).text, "keep": "me"}


def test_lone_surrogates_stay_valid_json(runner, tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"text": "Body text here.", "note": "\\ud800"}\n', encoding="utf-8")
    res = runner.invoke(main, ["run", str(src), str(out)])
    assert res.exit_code == 0, res.stderr
    assert read_jsonl(out) == [{"text": "Body text here.\n", "note": "\ud800"}]


def test_two_workers_give_the_same_outputs_as_one(runner, tmp_path):
    src = tmp_path / "in"
    for i in range(150):
        (src / f"d{i % 7}").mkdir(parents=True, exist_ok=True)
        (src / f"d{i % 7}" / f"{i}.txt").write_text(BODIES[i % len(BODIES)], encoding="utf-8")
    write_jsonl(src / "big.jsonl", records(300))
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        res = runner.invoke(main, ["run", str(src), str(out), "-j", workers, "--glob", "*"])
        assert res.exit_code == 0, res.stderr
        # Every file but the sync record, which holds a time (see io.SyncPoints).
        files = [p for p in out.rglob("*") if p.is_file() and p.name != SYNCED_NAME]
        outs.append({p.relative_to(out): p.read_bytes() for p in files})
    assert outs[0] == outs[1]
    assert len(outs[0]) == 152  # 150 texts, 1 JSONL, and the run's state (.cleaner-state.json)


def test_reading_never_runs_far_ahead_of_cleaning():
    """Memory stays flat: the pool holds a bounded number of documents in flight."""
    pulled = 0

    def tasks(tmp):
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield (INPUTS[0], tmp / f"{i}.txt", "utf-8")

    import tempfile

    with tempfile.TemporaryDirectory() as d, Runner(Cleaner(), 2) as run:
        results = run.map(_files_batch, tasks(Path(d)))
        next(results)
        assert pulled <= (2 * WINDOW_PER_WORKER + 1) * BATCH


def test_large_jsonl_records_go_in_small_batches():
    """Records are batched by count and by bytes: big ones do not pile up in memory."""
    from cleaner.batch import RECORD_BATCH, RECORD_BATCH_BYTES, RecordOptions, clean_jsonl

    assert [len(b) for b in _batches(range(10), 4)] == [4, 4, 2]
    assert [len(b) for b in _batches([5, 5, 5, 1, 9], 10, int, 10)] == [2, 3]
    pulled = 0
    big = json.dumps({"text": "A sentence of body text here.\n" * 40_000}).encode()
    assert len(big) > RECORD_BATCH_BYTES / 2

    def records():
        nonlocal pulled
        for n in range(1, 1_000):
            pulled += 1
            yield ("big.jsonl", n, big)

    with Runner(Cleaner(), 2) as run:
        outcomes = clean_jsonl(run, records(), lambda line: None, RecordOptions())
        assert next(outcomes).status == "ok"
        per_batch = -(-RECORD_BATCH_BYTES // len(big))  # records until the budget is reached
        assert per_batch < RECORD_BATCH
        assert pulled <= (2 * WINDOW_PER_WORKER + 1) * per_batch


def test_report_lists_every_document_and_rule_totals(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(TEXTS[0], encoding="utf-8")
    (src / "empty.txt").write_text("Advertisement\n", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    report = tmp_path / "report.json"
    res = runner.invoke(main, ["run", str(src), str(tmp_path / "out"), "--report", str(report)])
    assert res.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    by_source = {os.path.basename(d["source"]): d for d in data["documents"]}
    assert by_source["good.txt"]["status"] == "ok"
    # Word counts are made for a report (and only then: they cost a tenth of a clean).
    assert by_source["good.txt"]["words_in"] > by_source["good.txt"]["words_out"] > 0
    assert by_source["empty.txt"]["status"] == "empty"
    assert by_source["bad.txt"]["status"] == "failed" and "binary" in by_source["bad.txt"]["error"]
    assert by_source["empty.txt"]["removals"] == [
        {"rule": "ad-label", "what": "paragraph", "line": 1, "text": "Advertisement"}
    ]
    totals = data["totals"]
    assert totals["documents"] == 3 and totals["failed"] == 1 and totals["empty"] == 1
    counted: dict[str, int] = {}
    for doc in data["documents"]:
        for removal in doc["removals"]:
            counted[removal["rule"]] = counted.get(removal["rule"], 0) + 1
    assert totals["removals_by_rule"] == counted and counted["ad-label"] >= 1


def _corpus(tmp_path, n, repeat=3):
    """``tmp_path/in`` with ``n`` documents 00000.txt, 00001.txt, ... (bodies ``repeat`` times)."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        (src / f"{i:05}.txt").write_text(BODIES[i % len(BODIES)] * repeat, encoding="utf-8")
    return src


def test_rerun_skips_up_to_date_outputs_until_forced_or_rules_change(runner, tmp_path):
    src, out = _corpus(tmp_path, 3, repeat=1), tmp_path / "out"
    pack = tmp_path / "pack.yaml"
    pack.write_text("extends: [default]\nrules: []\n", encoding="utf-8")
    args = ["run", str(src), str(out), "--rules", str(pack), "--summary"]
    assert "3 cleaned, 0 up to date" in runner.invoke(main, args).stderr
    assert "0 cleaned, 3 up to date" in runner.invoke(main, args).stderr
    assert "3 cleaned, 0 up to date" in runner.invoke(main, [*args, "--force"]).stderr
    later = time.time() + 5
    os.utime(src / "00001.txt", (later, later))
    assert "1 cleaned, 2 up to date" in runner.invoke(main, args).stderr
    later += 5
    os.utime(pack, (later, later))
    assert "3 cleaned, 0 up to date" in runner.invoke(main, args).stderr


def test_a_folder_run_syncs_in_groups_and_trusts_only_synced_outputs(runner, tmp_path, monkeypatch):
    """Outputs are not synced one by one; a rerun skips only outputs a sync covered."""
    import cleaner.io as cio

    src, out = _corpus(tmp_path, 12, repeat=1), tmp_path / "out"
    fsyncs, snapshots = [], []
    real_fsync, real_sync = os.fsync, cio.sync_file_system

    def sync_file_system(path):
        # What was in place when the sync ran: these are on disk after it.
        snapshots.append({p.name: p.stat().st_mtime_ns for p in path.glob("[0-9]*.txt")})
        real_sync(path)

    monkeypatch.setattr(os, "fsync", lambda fd: (fsyncs.append(fd), real_fsync(fd)))
    monkeypatch.setattr(cio, "sync_file_system", sync_file_system)
    monkeypatch.setattr(cio, "SYNC_EVERY", 0.0)  # a sync point after every document
    args = ["run", str(src), str(out), "--summary", "-j", "1"]
    assert "12 cleaned, 0 up to date" in runner.invoke(main, args).stderr
    # One fsync per sync record (and the run state), none per output.
    assert len(fsyncs) <= len(snapshots) + 1 and len(snapshots) >= 12
    synced = synced_until(out)
    for path in out.glob("*.txt"):
        mtime = path.stat().st_mtime_ns
        assert mtime <= synced, "the closing sync covers every output"
        # Trusted only if in place, with that mtime, at some sync.
        assert any(snap.get(path.name) == mtime for snap in snapshots)
    assert "0 cleaned, 12 up to date" in runner.invoke(main, args).stderr
    # An output written after the last sync (a power cut could have emptied it)
    # is cleaned again; so is everything when the record is missing.
    later = synced / 1e9 + 60
    os.utime(out / "00003.txt", (later, later))
    assert "1 cleaned, 11 up to date" in runner.invoke(main, args).stderr
    (out / SYNCED_NAME).unlink()
    assert "12 cleaned, 0 up to date" in runner.invoke(main, args).stderr
    (out / SYNCED_NAME).write_text("{", encoding="utf-8")  # a record cut short
    assert "12 cleaned, 0 up to date" in runner.invoke(main, args).stderr


def test_a_failing_sync_is_one_warning_and_its_outputs_are_cleaned_again(
    runner, tmp_path, monkeypatch
):
    import errno

    import cleaner.io as cio

    src, out = _corpus(tmp_path, 3, repeat=1), tmp_path / "out"

    def broken(path):
        raise OSError(errno.EIO, "Input/output error", str(path))

    monkeypatch.setattr(cio, "sync_file_system", broken)
    monkeypatch.setattr(cio, "SYNC_EVERY", 0.0)
    args = ["run", str(src), str(out), "--summary"]
    res = runner.invoke(main, args)
    assert res.exit_code == 0, res.stderr
    assert res.stderr.count("cannot sync to disk: Input/output error") == 1
    assert len(list(out.glob("*.txt"))) == 3 and synced_until(out) == 0
    monkeypatch.undo()
    assert "3 cleaned, 0 up to date" in runner.invoke(main, args).stderr
    assert "0 cleaned, 3 up to date" in runner.invoke(main, args).stderr


def test_a_file_system_that_refuses_syncfs_is_synced_whole(monkeypatch, tmp_path):
    import cleaner.io as cio

    synced = []
    monkeypatch.setattr(cio, "_syncfs", lambda: lambda fd: -1)  # say, EINVAL from a FUSE mount
    monkeypatch.setattr(cio.os, "sync", lambda: synced.append(True))
    cio.sync_file_system(tmp_path)
    assert synced == [True]


def test_rerun_with_other_settings_cleans_again(runner, tmp_path):
    """Outputs made with other packs, rules or options are not up to date, whatever the mtimes."""
    src, out = _corpus(tmp_path, 3, repeat=1), tmp_path / "out"
    args = ["run", str(src), str(out), "--summary"]
    assert "3 cleaned, 0 up to date" in runner.invoke(main, args).stderr
    assert "0 cleaned, 3 up to date" in runner.invoke(main, args).stderr
    for changed in (["--disable", "byline"], ["--max-removed", "0.3"], ["--rule-timeout", "9"]):
        assert "3 cleaned, 0 up to date" in runner.invoke(main, [*args, *changed]).stderr
        assert "0 cleaned, 3 up to date" in runner.invoke(main, [*args, *changed]).stderr
    # And back: the outputs were made with other settings since.
    assert "3 cleaned, 0 up to date" in runner.invoke(main, args).stderr
    # A JSONL output remembers its settings the same way.
    write_jsonl(tmp_path / "in.jsonl", records(5))
    jargs = ["run", str(tmp_path / "in.jsonl"), str(tmp_path / "o.jsonl"), "--summary"]
    assert "5 documents" in runner.invoke(main, jargs).stderr
    assert "1 documents: 0 cleaned, 1 up to date" in runner.invoke(main, jargs).stderr
    res = runner.invoke(main, [*jargs, "--keep-removed"])
    assert "5 documents" in res.stderr
    assert "removed" in read_jsonl(tmp_path / "o.jsonl")[0]


def test_quiet_and_non_terminal_runs_print_nothing_but_errors(runner, tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text(TEXTS[0], encoding="utf-8")
    res = runner.invoke(main, ["run", str(src), str(tmp_path / "o.txt")])
    assert res.exit_code == 0 and res.stderr == "" and res.stdout == ""
    res = runner.invoke(main, ["run", str(src), str(tmp_path / "o2.txt"), "--summary", "-q"])
    assert res.stderr == ""


def test_folder_to_stdout_is_refused(runner, tmp_path):
    res = runner.invoke(main, ["run", str(EXAMPLES), "-"])
    assert res.exit_code == 2 and "not to stdout" in res.stderr


def _wait_for_output(folder, proc, limit=60.0):
    """Until the run has written something (a file, or the JSONL's temporary file).

    Returns at once if the run has ended; fails if it wrote nothing in ``limit`` s.
    """
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        # Outputs, or a JSONL output's temporary file; not the run's lock or state.
        written = (p for p in folder.rglob("*") if p.is_file() and "cleaner-" not in p.name)
        if folder.exists() and any(_size(p) for p in written):
            return
        time.sleep(0.05)
    if proc.poll() is None:
        raise AssertionError("the run wrote nothing to interrupt")


def _default_signals():
    """In the child, before exec: SIGINT and SIGTERM as a terminal leaves them."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _size(path):
    try:
        return path.stat().st_size
    except FileNotFoundError:  # a temporary file renamed meanwhile
        return 0


def _tree(folder):
    """Every file's bytes but the sync record's (a time, see io.SyncPoints)."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.name != SYNCED_NAME]
    return {p.relative_to(folder): p.read_bytes() for p in files}


@pytest.mark.skipif(
    shutil.which("cleaner") is None, reason="the cleaner entry point is not installed"
)
@pytest.mark.parametrize("how", ["files", "jsonl"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_an_interrupted_run_leaves_no_partial_output_and_a_rerun_finishes(tmp_path, how, signum):
    # On a loaded machine this test can be too slow to signal the run before it
    # ends (exit 0, or killed by the signal while it exits): then it tries again
    # on four times the documents.
    cmd = [shutil.which("cleaner"), "run", "-j", "2", "-q"]
    for attempt, n in enumerate((1500, 6000)):
        work = tmp_path / str(attempt)
        work.mkdir()
        src = _corpus(work, n)
        if how == "jsonl":
            jsonl = work / "in.jsonl"
            docs = [{"text": p.read_text(encoding="utf-8")} for p in sorted(src.iterdir())]
            write_jsonl(jsonl, docs)
            src = jsonl
        name = "out.jsonl" if how == "jsonl" else "out"
        reference, out = work / "reference" / name, work / "interrupted" / name
        subprocess.run([*cmd, str(src), str(reference)], check=False, capture_output=True)
        proc = subprocess.Popen(
            [*cmd, str(src), str(out)],
            stderr=subprocess.PIPE,
            text=True,
            # As a terminal starts it: a shell's background job (how some CI runners
            # start the suite) ignores SIGINT, and the run rightly keeps ignoring it.
            preexec_fn=_default_signals,
        )
        _wait_for_output(out.parent, proc)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=120)
        if proc.returncode not in (0, -signum):
            break
    assert proc.returncode == 128 + signum, err
    assert "interrupted" in err
    parent = out.parent
    assert not [p for p in parent.rglob("*.tmp")], "no temporary files after an interrupt"
    if how == "jsonl":
        assert not out.exists(), "an interrupted JSONL output never looks complete"
    else:
        ref = _tree(reference)
        partial = _tree(out)
        assert 0 < len(partial) < len(ref), "the run was interrupted midway"
        assert all(ref[k] == v for k, v in partial.items()), "every written file is whole"
        # The interrupted run synced what it wrote, so a rerun will not redo it.
        synced = synced_until(out)
        assert all((out / k).stat().st_mtime_ns <= synced for k in partial)
    subprocess.run([*cmd, str(src), str(out)], check=False, capture_output=True)
    if how == "jsonl":
        assert out.read_bytes() == reference.read_bytes()
    else:
        assert _tree(out) == _tree(reference)


@pytest.mark.parametrize(
    "command",
    [
        ["run"],
        ["explain"],
        ["test"],
        ["rules"],
        ["rules", "list"],
        ["rules", "check"],
        ["rules", "test"],
    ],
)
def test_every_command_has_help_with_an_example(command):
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", *command, "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and "Example" in proc.stdout


def test_output_equal_to_input_is_refused(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(BODIES[0], encoding="utf-8")
    before = _tree(src)
    res = runner.invoke(main, ["run", str(src), str(src)])
    assert res.exit_code == 2 and "inside the input folder" in res.stderr
    res = runner.invoke(main, ["run", str(src / "a.txt"), str(src / "a.txt")])
    assert res.exit_code == 2 and "same file" in res.stderr
    assert _tree(src) == before


@pytest.mark.skipif(
    shutil.which("cleaner") is None, reason="the cleaner entry point is not installed"
)
def test_progress_bar_and_summary_on_a_terminal(tmp_path):
    import pty

    src = _corpus(tmp_path, 40)
    master, slave = pty.openpty()
    proc = subprocess.run(
        [shutil.which("cleaner"), "run", str(src), str(tmp_path / "out"), "-j", "1"],
        stderr=slave,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "40/40" in shown and "doc/s" in shown, shown
    assert "40 documents: 40 cleaned" in shown and "MB/s" in shown


def test_a_file_that_vanishes_after_listing_is_reported(tmp_path):
    from cleaner.batch import clean_files

    gone = tmp_path / "gone.txt"
    with Runner(Cleaner(), 1) as run:
        (outcome,) = list(clean_files(run, [(gone, tmp_path / "out" / "gone.txt")]))
    assert outcome.status == "failed"
    assert outcome.error == f"{gone}: cannot read: No such file or directory"
    assert not (tmp_path / "out").exists()


def test_links_to_nothing_are_reported_and_link_loops_do_not_hang(runner, tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(BODIES[0], encoding="utf-8")
    (src / "sub" / "loop").symlink_to(src)  # a folder link back up the tree
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    res = runner.invoke(main, ["run", str(src), str(tmp_path / "out")])
    assert res.exit_code == 1
    assert f"{src / 'dangling.txt'}: cannot read: No such file or directory" in res.stderr
    assert (tmp_path / "out" / "a.txt").exists()


def test_stdin_that_is_not_utf8_is_named(runner):
    res = runner.invoke(main, ["run", "-", "-"], input=b"Body one.\ncaf\xe9\n")
    assert res.exit_code == 1
    assert "<stdin>:2: not valid utf-8" in res.stderr and res.stdout == ""


def test_run_gives_back_the_callers_sigterm_handler(runner, tmp_path):
    """cleaner.cli.main used in-process must not leave its handler behind."""
    before = signal.getsignal(signal.SIGTERM)
    src = tmp_path / "doc.txt"
    src.write_text(BODIES[0], encoding="utf-8")
    assert runner.invoke(main, ["run", str(src), str(tmp_path / "o.txt")]).exit_code == 0
    assert signal.getsignal(signal.SIGTERM) is before


def test_outputs_and_reports_get_the_permissions_of_any_new_file(runner, tmp_path):
    # mkstemp makes private 0600 files; an output must be as readable as with `>`.
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    old = os.umask(0o022)
    try:
        res = runner.invoke(
            main,
            ["run", str(src), str(tmp_path / "out"), "--report", str(tmp_path / "r.json")],
        )
    finally:
        os.umask(old)
    assert res.exit_code == 0, res.output
    for path in (tmp_path / "out" / "a.txt", tmp_path / "r.json"):
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_words_are_counted_only_for_a_report(cleaner):
    from cleaner.batch import NO_DETAIL, PARAGRAPHS, WORDS, clean_text

    plain, words, full = (
        clean_text(cleaner, "doc", TEXTS[0], lambda body: None, detail)
        for detail in (NO_DETAIL, WORDS, PARAGRAPHS)
    )
    assert plain.words_in == plain.words_out == 0 and plain.paragraphs == ()
    assert words.words_in > words.words_out > 0 and words.paragraphs == ()
    assert (full.words_in, full.words_out) == (words.words_in, words.words_out)
    assert full.paragraphs == cleaner.paragraphs(TEXTS[0])


def _tricky_tree(root: Path) -> None:
    """Names whose sorted order differs between paths and strings, links, hidden files."""
    for name in [
        "a/z.txt",
        "a.txt",
        "a-b.txt",
        "a/sub/s.txt",
        "sub/t.txt",
        "sub/deeper/u.txt",
        ".hidden/h.txt",
        ".dot.txt",
        "x.txt/in.txt",
        "Ä/ä.txt",
        "é/e.txt",
        "Z.txt",
        "b.TXT",
        "a/sub/.h.txt",
    ]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("Body text.\n", encoding="utf-8")
    (root / "link.txt").symlink_to("a.txt")
    (root / "dangling.txt").symlink_to("missing.txt")
    (root / "loop.txt").symlink_to("loop.txt")
    (root / "linkdir").symlink_to("a")
    (root / "a" / "up").symlink_to("..")


def _listed_the_old_way(root: Path, pattern: str) -> list[tuple[Path, Path]]:
    """The listing as it was first written: every match, sorted as paths, then filtered."""
    out = []
    for path in sorted(root.rglob(pattern)):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() or (path.is_symlink() and not path.exists()):
            out.append((path, relative))
    return out


@pytest.mark.parametrize("pattern", ["*.txt", "*", "*.TXT", "sub/*.txt", "[at]*.txt"])
def test_a_folder_is_listed_in_sorted_path_order_without_hidden_files(tmp_path, pattern):
    from cleaner.io import list_sources

    _tricky_tree(tmp_path)
    listed = [(s.path, s.relative) for s in list_sources(tmp_path, pattern)]
    assert listed == _listed_the_old_way(tmp_path, pattern)
    if pattern == "*.txt":
        names = [str(relative) for _, relative in listed]
        # "a" sorts before "a-b.txt" as a path part; links to nothing are kept (to fail loudly).
        assert names[:4] == ["Z.txt", "a/sub/s.txt", "a/z.txt", "a-b.txt"]
        assert "dangling.txt" in names and "loop.txt" in names and "link.txt" in names
        assert not any(n.startswith(".") or "/." in n or n.startswith("linkdir") for n in names)


def test_a_folder_is_walked_as_it_is_cleaned(tmp_path, monkeypatch):
    """The first file comes before the rest of the tree is read: memory stays flat."""
    from cleaner import io

    for n in range(3):
        for k in range(3):
            (tmp_path / f"d{n}" / f"{k}.txt").parent.mkdir(exist_ok=True)
            (tmp_path / f"d{n}" / f"{k}.txt").write_text("x", encoding="utf-8")
    scanned = []
    real = os.scandir

    def scandir(path):
        scanned.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(io.os, "scandir", scandir)
    files = io.list_sources(tmp_path, "*.txt")
    assert next(files).relative == Path("d0/0.txt")
    assert scanned == [tmp_path.name, "d0"]
    assert [str(s.relative) for s in files][-1] == "d2/2.txt"
    assert scanned == [tmp_path.name, "d0", "d1", "d2"]

"""Kills and filesystem faults: each gets a clear message and nothing is lost or half-written."""

from __future__ import annotations

import contextlib
import ctypes
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.io import LOCK_NAME, SYNCED_NAME, synced_until

from .conftest import EXAMPLES

BODIES = [
    t
    for t in (p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*/input.txt")))
    if not Cleaner().clean(t).empty
]
CLEANER = [sys.executable, "-m", "cleaner"]
RUN = [*CLEANER, "run"]


def corpus(folder: Path, n: int, repeat: int = 3) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        sub = folder / f"part{i % 3}"
        sub.mkdir(exist_ok=True)
        text = BODIES[i % len(BODIES)].replace("the", f"the{i}", 1) * repeat
        (sub / f"{i:05}.txt").write_text(text, encoding="utf-8")
    return folder


def tree(folder: Path) -> dict[Path, bytes]:
    """Every file's bytes but the sync record's (a time, see io.SyncPoints)."""
    return {
        p.relative_to(folder): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != SYNCED_NAME
    }


def outputs(folder: Path) -> list[Path]:
    """The cleaned documents (not the run's hidden state file)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def leftovers(folder: Path) -> list[Path]:
    """Temporary and lock files: none may outlive a finished run."""
    return [p for p in folder.rglob(".*") if p.name.endswith(".tmp") or "cleaner-lock" in p.name]


def run(*args: str, preexec=None, timeout: float = 300) -> subprocess.CompletedProcess:
    return cli("run", *args, preexec=preexec, timeout=timeout)


def cli(*args: str, preexec=None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLEANER, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec,
    )


def write_jsonl(path: Path, texts: list[str]) -> None:
    import json

    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))


# --- kills ------------------------------------------------------------------------


def kill_at_random_moments(cmd: list[str], written, total: int, kills: int, seed: int) -> int:
    """SIGKILL the run (the main process only, as `kill -9 PID` does) several times.

    Each kill lands once ``written()`` passes a random share of ``total`` (and a
    random few milliseconds more), so every rerun, which skips what is already
    done, is still killed midway.
    """
    rng = random.Random(seed)
    targets = sorted(rng.uniform(0.05, 0.9) * total for _ in range(kills))
    killed = 0
    for target in targets:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and written() < target and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.05))
        if proc.poll() is None:
            proc.kill()
            killed += 1
        proc.wait(timeout=60)
    return killed


def count_files(folder: Path):
    def written() -> int:
        if not folder.exists():
            return 0
        return sum(len(os.listdir(sub)) for sub in folder.iterdir() if sub.is_dir())

    return written


def no_orphans(pattern: str, limit: float = 30.0) -> bool:
    """Worker processes die with their killed parent (they must not write on alone)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        if pattern not in ps:
            return True
        time.sleep(0.1)
    return False


def test_sigkill_at_random_moments_then_a_rerun_is_byte_identical(tmp_path):
    src = corpus(tmp_path / "in", 2500)
    reference, out = tmp_path / "reference", tmp_path / "killed"
    assert run(str(src), str(reference), "-j", "2", "-q").returncode == 0
    cmd = [*CLEANER, "run", str(src), str(out), "-j", "2", "-q"]
    killed = kill_at_random_moments(cmd, count_files(out), 2500, kills=4, seed=8)
    assert killed == 4, "the runs finished before they could be killed"
    assert no_orphans(str(out)), "workers outlived the killed run"
    partial = tree(out)
    ref = tree(reference)
    # Whatever sits at an output's name is whole: never half a file.
    assert all(ref[k] == v for k, v in partial.items() if not k.name.startswith("."))
    res = run(str(src), str(out), "-j", "2", "-q")
    assert res.returncode == 0, res.stderr
    assert tree(out) == ref
    assert leftovers(out) == []
    # The finished run's sync point covers every output: the next run skips them all.
    synced = synced_until(out)
    assert all(p.stat().st_mtime_ns <= synced for p in outputs(out))


def test_a_killed_jsonl_run_never_looks_complete_and_a_rerun_is_identical(tmp_path):
    texts = [BODIES[i % len(BODIES)] * 3 for i in range(2500)]
    src = tmp_path / "in.jsonl"
    write_jsonl(src, texts)
    reference, out = tmp_path / "reference.jsonl", tmp_path / "out" / "clean.jsonl"
    assert run(str(src), str(reference), "-j", "2", "-q").returncode == 0
    cmd = [*CLEANER, "run", str(src), str(out), "-j", "2", "-q"]
    # A JSONL output is one file: kill once the worker pool has cleaned a share.
    temporary = out.parent
    killed = kill_at_random_moments(cmd, jsonl_progress(temporary), 2500, kills=3, seed=3)
    assert killed == 3
    assert not out.exists(), "a killed JSONL output must not appear at its name"
    res = run(str(src), str(out), "-j", "2", "-q")
    assert res.returncode == 0, res.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert leftovers(out.parent) == []


def test_a_killed_parquet_run_never_looks_complete_and_a_rerun_is_identical(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pip install 'cleaner[parquet]'")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = [BODIES[i % len(BODIES)] * 3 for i in range(3000)]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"n": list(range(len(texts))), "text": texts}), src, row_group_size=100)
    reference, out = tmp_path / "reference.parquet", tmp_path / "out" / "clean.parquet"
    assert run(str(src), str(reference), "-j", "2", "-q").returncode == 0
    cmd = [*CLEANER, "run", str(src), str(out), "-j", "2", "-q"]
    size = reference.stat().st_size

    def written() -> int:  # bytes in the hidden temporary output so far
        if not out.parent.exists():
            return 0
        return sum(p.stat().st_size for p in out.parent.glob(".*.tmp"))

    # Row groups land whole: aim below the end, so that no kill waits for the footer.
    killed = kill_at_random_moments(cmd, written, int(size * 0.7), kills=3, seed=5)
    assert killed == 3, "the runs finished before they could be killed"
    assert not out.exists(), "a killed Parquet output must not appear at its name"
    res = run(str(src), str(out), "-j", "2", "-q")
    assert res.returncode == 0, res.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert leftovers(out.parent) == []


def _dies_on_a_marked_batch(batch: list[int], cleaner=None) -> list[int]:
    """A batch function whose worker is killed (as the OOM killer would) by item 13."""
    import signal

    if 13 in batch:
        os.kill(os.getpid(), signal.SIGKILL)
    return batch


def test_a_worker_killed_mid_run_stops_the_run_instead_of_hanging_it():
    """The pool would replace the worker and wait forever for its batch."""
    from cleaner.batch import Runner, WorkerLost

    got = []
    started = time.monotonic()
    lost = pytest.raises(WorkerLost, match=r"killed by SIGKILL .*not done")
    with lost, Runner(Cleaner(), 2) as r:
        got.extend(r.map(_dies_on_a_marked_batch, range(100), size=4))
    assert got == list(range(12)), "results before the lost batch still come, in order"
    assert time.monotonic() - started < 30


IDLE_KILL = """
import os, signal, sys, threading, time
from pathlib import Path
from cleaner import Cleaner
from cleaner.batch import Runner, WorkerLost

busy = Path(sys.argv[1])

def work(batch, cleaner=None):
    if 0 in batch:  # one worker is kept busy; the other runs out of work and waits
        busy.write_text(str(os.getpid()))
        time.sleep(3)
    return batch

def kill_the_idle_one(runner):
    while not busy.exists() or not busy.read_text():
        time.sleep(0.01)
    time.sleep(0.5)  # the other worker has taken its batch and now waits for more
    idle = next(pid for pid in runner._workers if pid != int(busy.read_text()))
    os.kill(idle, signal.SIGKILL)

started = time.monotonic()
try:
    with Runner(Cleaner(), 2) as runner:
        threading.Thread(target=kill_the_idle_one, args=(runner,), daemon=True).start()
        list(runner.map(work, range(8), size=4))
except WorkerLost as exc:
    print("lost:", exc, round(time.monotonic() - started, 1))
"""


def test_a_killed_idle_worker_does_not_hang_the_pools_teardown(tmp_path):
    """An idle worker dies holding the task pipe's lock: Pool.terminate() would wait forever."""
    res = subprocess.run(
        [sys.executable, "-c", IDLE_KILL, str(tmp_path / "busy")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("lost: worker process") and "SIGKILL" in res.stdout
    assert float(res.stdout.split()[-1]) < 15


def children(pid: int) -> list[int]:
    """Live child processes of ``pid``, forked by any of its threads, oldest first.

    ``/proc/PID/task/PID/children`` lists only the main thread's children; a
    pool that replaces a worker forks it from its handler thread.
    """
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone since the listing
        # "PID (comm) STATE PPID ...": comm may hold spaces and brackets.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return sorted(found)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_a_run_whose_worker_is_killed_says_so_keeps_what_is_done_and_a_rerun_finishes(tmp_path):
    src = corpus(tmp_path / "in", 2500)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert run(str(src), str(reference), "-j", "2", "-q").returncode == 0
    proc = subprocess.Popen(
        [*RUN, str(src), str(out), "-j", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while proc.poll() is None and count_files(out)() < 200 and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children(proc.pid)
    assert workers and proc.poll() is None, "the run ended before a worker could be killed"
    os.kill(workers[-1], 9)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()  # a run that hangs must not outlive the test
    assert proc.returncode == 1
    assert f"worker process {workers[-1]} was killed by SIGKILL" in err
    assert "finished outputs are kept; run again to finish" in err
    assert no_orphans(str(out))
    ref = tree(reference)
    assert all(ref[k] == v for k, v in tree(out).items() if not k.name.startswith("."))
    res = run(str(src), str(out), "-j", "2", "-q")
    assert res.returncode == 0, res.stderr
    assert tree(out) == ref
    assert leftovers(out) == []


def jsonl_progress(folder: Path):
    """Records written so far to the hidden temporary output (a line each)."""

    def written() -> int:
        if not folder.exists():
            return 0
        total = 0
        for path in folder.glob(".*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                total += path.read_bytes().count(b"\n")
        return total

    return written


# --- two runs, one output -----------------------------------------------------------

HOLD = """
import sys
from pathlib import Path
from cleaner.io import output_lock
with output_lock(Path(sys.argv[1]), folder=True):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_two_runs_on_one_output_folder_the_second_is_refused(tmp_path):
    src = corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        res = run(str(src), str(out))
        assert res.returncode == 2
        assert f"error: {out}: another cleaner run (pid {holder.pid}) is writing" in res.stderr
        assert [p.name for p in out.iterdir()] == [LOCK_NAME], "the refused run wrote nothing"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    res = run(str(src), str(out))
    assert res.returncode == 0, res.stderr
    assert len(outputs(out)) == 5 and leftovers(out) == []


MISS_ONE_SIGTERM = """
import signal, sys, time
from pathlib import Path
from cleaner import Cleaner
from cleaner import batch

def stubborn(items, cleaner=None):
    # As if the pool's SIGTERM landed just before the worker blocked on the
    # task queue: the first one is lost; only a second one stops it.
    def lost(signum, frame):
        signal.signal(signal.SIGTERM, batch._exit_on_sigterm)
    signal.signal(signal.SIGTERM, lost)
    Path(sys.argv[1], str(items[0])).touch()
    time.sleep(3)  # then back to the task queue, whose lock the pool holds
    return items

try:
    with batch.Runner(Cleaner(), 2) as runner:
        pool = runner._start()
        for k in range(4):
            pool.apply_async(stubborn, ([k],))
        while len(list(Path(sys.argv[1]).iterdir())) < 2:
            time.sleep(0.05)
        raise KeyboardInterrupt
except KeyboardInterrupt:
    print("stopped", flush=True)
"""


def test_an_interrupted_pool_stops_even_when_a_worker_misses_the_first_sigterm(tmp_path):
    res = subprocess.run(
        [sys.executable, "-c", MISS_ONE_SIGTERM, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,  # without the repeated SIGTERM this hangs for good
    )
    assert res.stdout == "stopped\n", res.stderr


def test_a_run_sweeps_the_temporary_files_a_killed_run_left(tmp_path):
    src = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    (out / "part0").mkdir(parents=True)
    stale = out / "part0" / ".00000.txt.k3j_9xq2.tmp"
    stale.write_text("half a docu")
    mine = out / "part0" / ".notes.tmp"  # not one of ours: left alone
    mine.write_text("keep")
    res = run(str(src), str(out))
    assert res.returncode == 0, res.stderr
    assert "removed 1 temporary files left by an interrupted run" in res.stderr
    assert not stale.exists() and mine.exists()


# --- filesystem faults ----------------------------------------------------------------

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def as_unprivileged() -> None:
    """In the child: make file permissions bind, even for root (drop the DAC capabilities)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop capabilities")


def permissions_bind(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    res = subprocess.run(
        ["touch", str(probe / "x")], preexec_fn=as_unprivileged, capture_output=True
    )
    probe.chmod(0o755)
    return res.returncode != 0


def test_a_read_only_output_folder_is_refused_cleanly(tmp_path):
    if not permissions_bind(tmp_path):
        pytest.skip("this machine cannot make permissions bind for the test")
    src = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        res = run(str(src), str(out), preexec=as_unprivileged)
    finally:
        out.chmod(0o755)
    assert res.returncode == 2
    assert f"error: {out / LOCK_NAME}: Permission denied" in res.stderr
    assert "Traceback" not in res.stderr
    assert list(out.iterdir()) == []


def test_a_read_only_subfolder_fails_its_documents_and_the_rest_go_on(tmp_path):
    if not permissions_bind(tmp_path):
        pytest.skip("this machine cannot make permissions bind for the test")
    src = corpus(tmp_path / "in", 9)
    out = tmp_path / "out"
    (out / "part1").mkdir(parents=True)
    (out / "part1").chmod(0o555)
    try:
        res = run(str(src), str(out), "-j", "2", preexec=as_unprivileged)
    finally:
        (out / "part1").chmod(0o755)
    assert res.returncode == 1
    assert res.stderr.count("cannot write: Permission denied") == 3
    assert f"{out / 'part1' / '00001.txt'}: cannot write" in res.stderr
    assert sorted(p.parent.name for p in out.rglob("*.txt")) == ["part0"] * 3 + ["part2"] * 3
    assert leftovers(out) == []


def test_a_file_made_unreadable_after_listing_is_named_and_the_rest_go_on(tmp_path):
    if not permissions_bind(tmp_path):
        pytest.skip("this machine cannot make permissions bind for the test")
    src = corpus(tmp_path / "in", 6)
    locked = src / "part2" / "00002.txt"
    locked.chmod(0)
    res = run(str(src), str(tmp_path / "out"), preexec=as_unprivileged)
    assert res.returncode == 1
    assert f"error: {locked}: cannot read: Permission denied" in res.stderr
    assert len(outputs(tmp_path / "out")) == 5


@contextlib.contextmanager
def unlistable_part(tmp_path: Path):
    """Six documents in three folders, the second of which cannot be listed: (src, that folder)."""
    if not permissions_bind(tmp_path):
        pytest.skip("this machine cannot make permissions bind for the test")
    src = corpus(tmp_path / "in", 6)
    locked = src / "part1"
    locked.chmod(0)
    try:
        yield src, locked
    finally:
        locked.chmod(0o755)


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_go_on(tmp_path):
    """pathlib's glob skipped it silently: its files would have gone missing unannounced."""
    report = tmp_path / "report.json"
    with unlistable_part(tmp_path) as (src, locked):
        res = run(str(src), str(tmp_path / "out"), "--report", str(report), preexec=as_unprivileged)
    assert res.returncode == 1
    assert f"error: {locked}: cannot list: Permission denied" in res.stderr
    assert len(outputs(tmp_path / "out")) == 4  # part0 and part2, two files each
    import json

    entries = json.loads(report.read_text(encoding="utf-8"))["documents"]
    assert {"source": str(locked), "status": "failed"}.items() <= entries[-1].items()


def test_learn_names_a_folder_it_cannot_list_and_learns_from_the_rest(tmp_path):
    pack = tmp_path / "learned.yaml"
    with unlistable_part(tmp_path) as (src, locked):
        res = cli("learn", str(src), "-o", str(pack), preexec=as_unprivileged)
    assert res.returncode == 1
    assert f"{locked}: cannot list: Permission denied" in res.stderr
    assert "from 4 documents" in res.stderr  # part0 and part2
    assert pack.is_file()


def limit_file_size(limit: int):
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def test_a_full_disk_fails_the_documents_that_do_not_fit_and_leaves_no_partial_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    small, large = "A short body paragraph.\n", "A long body paragraph of the article.\n" * 200
    for i in range(6):
        (src / f"{i}.txt").write_text(large if i % 2 else small, encoding="utf-8")
    out = tmp_path / "out"
    res = run(str(src), str(out), preexec=limit_file_size(2000))
    assert res.returncode == 1
    assert res.stderr.count("cannot write: File too large") == 3
    assert [p.name for p in outputs(out)] == ["0.txt", "2.txt", "4.txt"]
    assert all(p.read_text() == Cleaner().clean(small).text for p in outputs(out))
    assert leftovers(out) == []


def test_a_full_disk_under_jsonl_output_leaves_nothing_at_the_output_name(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, ["A long body paragraph of the article.\n" * 50] * 20)
    out = tmp_path / "out" / "clean.jsonl"
    res = run(str(src), str(out), preexec=limit_file_size(4000))
    assert res.returncode != 0
    assert "File too large" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists() and leftovers(out.parent) == []


def test_a_truncated_gzip_input_is_named_with_its_line_and_leaves_no_output(tmp_path):
    import gzip
    import json

    data = "".join(json.dumps({"text": b}) + "\n" for b in BODIES * 20).encode()
    packed = gzip.compress(data)
    src = tmp_path / "in.jsonl.gz"
    src.write_bytes(packed[: len(packed) // 2])
    out = tmp_path / "out.jsonl"
    res = run(str(src), str(out))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"error: {src}:" in res.stderr and ": cannot read: Compressed file ended" in res.stderr
    assert f"nothing was written to {out}" in res.stderr
    assert not out.exists() and leftovers(tmp_path) == []


def test_a_file_output_sweeps_only_its_own_temporary_files(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, BODIES[:3])
    out = tmp_path / "out" / "clean.jsonl"
    out.parent.mkdir()
    mine = out.parent / ".clean.jsonl.k3j_9xq2.tmp"
    other = out.parent / ".clean.jsonl.x.k3j_9xq2.tmp"  # the output "clean.jsonl.x"'s
    mine.write_text("half")
    other.write_text("half")
    res = run(str(src), str(out))
    assert res.returncode == 0, res.stderr
    assert not mine.exists() and other.exists() and out.exists()


def test_a_folder_another_worker_makes_while_a_file_is_opened_is_no_error(tmp_path, monkeypatch):
    # Two workers write the first files of a new subfolder: one's open fails because
    # the folder is missing, and by the time it looks, the other has made it. The
    # write must go on (it failed the document "cannot write: No such file or
    # directory" once, in CI).
    import cleaner.io as cio

    target = tmp_path / "out" / "part0" / "00000.txt"
    real_open = os.open
    calls = []

    def open_after_the_other_worker(path, flags, mode=0o777):
        if not calls:
            calls.append(path)
            target.parent.mkdir(parents=True)  # the other worker, just now
            raise FileNotFoundError(2, "No such file or directory", path)
        return real_open(path, flags, mode)

    monkeypatch.setattr(cio.os, "open", open_after_the_other_worker)
    with cio.atomic_output(target) as out:
        out.write("text\n")
    assert target.read_text(encoding="utf-8") == "text\n" and len(calls) == 1

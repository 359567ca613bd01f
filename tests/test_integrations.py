"""Adapters run inside real engines, 2 workers each, and match Cleaner.clean record by record."""

from __future__ import annotations

import json
import sys

import pytest

from cleaner import Cleaner

from .conftest import EXAMPLES

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*/input.txt"))]
N = 300


def records():
    """N records; every tenth is all furniture and comes out empty."""
    out = []
    for i in range(N):
        text = TEXTS[i % len(TEXTS)] + f"\nRecord number {i} ends here.\n"
        if i % 10 == 0:
            text = "Advertisement\nShare this article\n"
        out.append({"id": str(i), "text": text})
    return out


# A low guard limit, so that some records are flagged and the flag columns are checked.
GUARDED = Cleaner(max_removed=0.2)


def test_some_records_are_flagged():
    assert 0 < sum(GUARDED.clean(r["text"]).flag is not None for r in records()) < N


def test_datatrove_local_executor_two_tasks(tmp_path):
    pytest.importorskip("datatrove", reason="pip install 'cleaner[datatrove]'")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerFormatter

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    recs = records()
    for part in range(2):
        with open(src / f"part{part}.jsonl", "w", encoding="utf-8") as f:
            for r in recs[part::2]:
                f.write(json.dumps(r) + "\n")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(src)),
            CleanerFormatter(GUARDED, keep_removed=True),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    got = {}
    for path in out.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            assert doc["id"] not in got, "a document was written twice"
            got[doc["id"]] = doc
    expected = {r["id"]: GUARDED.clean(r["text"]) for r in recs}
    assert set(got) == {i for i, res in expected.items() if not res.empty}
    for doc_id, doc in got.items():
        result = expected[doc_id]
        assert doc["text"] == result.text
        assert [d["rule"] for d in doc["metadata"]["cleaner_removed"]] == [
            r.rule for r in result.removals
        ]
        assert doc["metadata"].get("cleaner_flag") == result.flag
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "cleaner" in s["name"])
    assert _count(step["stats"]["total"]) == N
    empties = sum(res.empty for res in expected.values())
    assert _count(step["stats"]["empty"]) == empties == N // 10
    faq = sum(res.by_rule().get("faq-block", 0) for res in expected.values())
    assert _count(step["stats"]["removed/faq-block"]) == faq > 0
    flagged = sum(res.flag is not None for res in expected.values())
    assert _count(step["stats"]["flagged"]) == flagged > 0


def _count(stat) -> int:
    """datatrove keeps a plain count, or a dict with its total once values vary."""
    return stat["total"] if isinstance(stat, dict) else stat


def assert_rows_match(rows, recs):
    """Every record comes back once, cleaned exactly as Cleaner.clean cleans it."""
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in recs)
    expected = {r["id"]: GUARDED.clean(r["text"]) for r in recs}
    for row in rows:
        result = expected[row["id"]]
        assert row["text"] == result.text
        assert row["cleaner_empty"] == result.empty
        assert row["cleaner_flag"] == result.flag
        assert [d["rule"] for d in row["removed"]] == [x.rule for x in result.removals]


def test_ray_data_map_batches_two_cpus():
    ray = pytest.importorskip("ray", reason="pip install 'cleaner[ray]'")
    from cleaner.integrations.ray import CleanBatch

    recs = records()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        ds = ray.data.from_items(recs, override_num_blocks=6)
        for batch_format in ("pandas", "numpy"):
            rows = ds.map_batches(
                CleanBatch,
                fn_constructor_kwargs={"cleaner": GUARDED, "removed_column": "removed"},
                batch_format=batch_format,
                batch_size=32,
                concurrency=2,
            ).take_all()
            assert_rows_match(rows, recs)
    finally:
        ray.shutdown()


def test_spark_map_in_arrow_local_two_cores(tmp_path, monkeypatch):
    pytest.importorskip("pyspark", reason="pip install 'cleaner[spark]'")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (java is not on PATH)")
    from pyspark.sql import SparkSession

    from cleaner.integrations.spark import clean_dataframe

    recs = records()
    # Workers start "python3" from PATH unless told: with a venv that is not
    # activated, that Python has no cleaner (or no pyarrow) at all. PySpark reads
    # PYSPARK_PYTHON when the context starts (spark.pyspark.python is not enough).
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("cleaner-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        src = tmp_path / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        df = spark.read.json(str(src)).repartition(4)
        rows = clean_dataframe(df, removed_column="removed", cleaner=GUARDED).collect()
    finally:
        spark.stop()
    assert_rows_match(rows, recs)


def test_hugging_face_datasets_map_two_processes(tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets", reason="pip install 'cleaner[datasets]'")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from cleaner.integrations.datasets import CleanExamples

    recs = records()
    ds = datasets.Dataset.from_list(recs)
    clean = ds.map(
        CleanExamples(GUARDED, removed_column="removed"),
        batched=True,
        batch_size=32,
        num_proc=2,
    )
    assert clean.num_rows == N
    assert_rows_match(list(clean), recs)
    # Rows keep their order, and a null text stays null.
    assert [r["id"] for r in clean] == [r["id"] for r in recs]
    nulls = datasets.Dataset.from_dict({"id": ["a", "b"], "text": [None, TEXTS[0]]})
    out = nulls.map(CleanExamples(GUARDED), batched=True)
    assert out["text"] == [None, GUARDED.clean(TEXTS[0]).text]

"""Record formats in `cleaner run`: Parquet in and out, Common Crawl WET in (cleaner.formats)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.formats import FormatUnavailable, reader_for, writer_for
from cleaner.formats.base import need

from .conftest import EXAMPLES

pa = pytest.importorskip("pyarrow", reason="pip install 'cleaner[parquet]'")
pq = pytest.importorskip("pyarrow.parquet", reason="pip install 'cleaner[parquet]'")

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*/input.txt"))]
CLEANER = Cleaner()
EMPTY = next(i for i, t in enumerate(TEXTS) if CLEANER.clean(t).empty)


def run(*args: str):
    return CliRunner().invoke(main, ["run", *map(str, args)])


def shard(path, compression="zstd", row_group_size=7, texts=TEXTS):
    """A Parquet shard as a dataset has it: the text and columns of other types."""
    n = len(texts)
    table = pa.table(
        {
            "id": pa.array(range(n), type=pa.int64()),
            "text": pa.array(texts, type=pa.string()),
            "score": pa.array([i / 10 for i in range(n)], type=pa.float32()),
            "ts": pa.array([1_700_000_000_000 + i for i in range(n)], type=pa.timestamp("ms")),
            "tags": pa.array([["a", str(i)] for i in range(n)], type=pa.list_(pa.string())),
        }
    )
    pq.write_table(table, path, compression=compression, row_group_size=row_group_size)
    return table


@pytest.mark.parametrize("codec", ["zstd", "snappy"])
def test_parquet_keeps_every_column_its_type_the_codec_and_the_row_groups(tmp_path, codec):
    src, out = tmp_path / "shard.parquet", tmp_path / "clean.parquet"
    table = shard(src, codec)
    before = src.read_bytes()
    res = run(src, out, "--keep-removed")
    assert res.exit_code == 0, res.output
    assert src.read_bytes() == before, "the input is never modified"
    got = pq.ParquetFile(out)
    assert got.schema_arrow.names == [*table.schema.names, "removed"]
    for field in table.schema:
        assert got.schema_arrow.field(field.name).type == field.type
    meta, meta_in = got.metadata, pq.ParquetFile(src).metadata
    assert meta.row_group(0).column(0).compression == codec.upper()
    assert [meta.row_group(g).num_rows for g in range(meta.num_row_groups)] == [
        meta_in.row_group(g).num_rows for g in range(meta_in.num_row_groups)
    ]
    cleaned = got.read()
    for column in ("id", "score", "ts", "tags"):
        assert cleaned.column(column).equals(table.column(column)), column
    for text, out_text, removed in zip(
        TEXTS,
        cleaned.column("text").to_pylist(),
        cleaned.column("removed").to_pylist(),
        strict=True,
    ):
        result = CLEANER.clean(text)
        assert out_text == result.text
        assert [r["rule"] for r in removed] == [r.rule for r in result.removals]
    # A row with no body stays, as "", and is reported; it is not a failure.
    assert cleaned.column("text")[EMPTY].as_py() == ""
    assert f"warning: {src}:{EMPTY + 1}: empty" in res.output


def test_parquet_output_is_the_same_for_one_and_two_workers_and_reruns_skip(tmp_path):
    src = tmp_path / "shard.parquet"
    shard(src, row_group_size=5, texts=TEXTS * 12)
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    assert run(src, one, "-j", "1").exit_code == 0
    assert run(src, two, "-j", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    res = run(src, two, "-j", "2", "--summary")
    assert res.exit_code == 0 and "1 up to date" in res.output


def test_a_hugging_face_data_folder_is_cleaned_into_a_mirror(tmp_path):
    data = tmp_path / "dataset" / "data"
    data.mkdir(parents=True)
    shard(data / "train-00000-of-00002.parquet", texts=TEXTS[:10])
    shard(data / "train-00001-of-00002.parquet", texts=TEXTS[10:])
    (data / "README.md").write_text("not a shard", encoding="utf-8")
    res = run(tmp_path / "dataset", tmp_path / "clean")
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in (tmp_path / "clean" / "data").iterdir())
    assert names == ["train-00000-of-00002.parquet", "train-00001-of-00002.parquet"]
    rows = sum(pq.read_metadata(p).num_rows for p in (tmp_path / "clean" / "data").iterdir())
    assert rows == len(TEXTS)


def test_bad_parquet_is_named_and_the_rest_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shard(src / "good.parquet", texts=TEXTS[:3])
    (src / "corrupt.parquet").write_bytes(b"PAR1 this is not parquet")
    pq.write_table(pa.table({"body": ["x"]}), src / "no-text.parquet")
    pq.write_table(pa.table({"text": [1, 2]}), src / "numbers.parquet")
    res = run(src, tmp_path / "out")
    assert res.exit_code == 1
    assert f"{src / 'corrupt.parquet'}: not a readable Parquet file" in res.output
    assert f"{src / 'no-text.parquet'}: no column 'text' (columns: body)" in res.output
    assert f"{src / 'numbers.parquet'}: column 'text' is int64, not a string" in res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        "good.parquet"
    ], "a source that fails leaves nothing at its name"


def test_null_texts_stay_null_and_a_text_field_can_be_chosen(tmp_path):
    src, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    pq.write_table(pa.table({"body": [TEXTS[0], None], "n": [1, 2]}), src)
    res = run(src, out, "--text-field", "body")
    assert res.exit_code == 0, res.output
    assert f"{src}:2: no text (null)" in res.output
    assert pq.read_table(out).column("body").to_pylist() == [CLEANER.clean(TEXTS[0]).text, None]


def test_parquet_to_stdout_is_jsonl(tmp_path):
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": TEXTS[:2], "n": [1, 2]}), src)
    res = run(src, "-")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows == [{"text": CLEANER.clean(t).text, "n": i} for i, t in enumerate(TEXTS[:2], 1)]


def test_formats_are_found_by_name_and_a_missing_library_says_what_to_install():
    from pathlib import Path

    assert reader_for(Path("x.parquet")).__name__ == "ParquetReader"
    assert reader_for(Path("CC-MAIN-1.warc.wet.gz")).__name__ == "WetReader"
    assert reader_for(Path("x.txt")) is None and reader_for(Path("x.jsonl")) is None
    assert writer_for(Path("o.jsonl.gz")).__name__ == "JsonlWriter"
    assert writer_for(Path("o.parquet")).__name__ == "ParquetWriter"
    with pytest.raises(FormatUnavailable, match=r"pip install 'cleaner\[wet\]'"):
        need("not_a_module_anywhere", "wet")


# --- WET ----------------------------------------------------------------------------


def wet_file(path, texts=TEXTS, compress=True):
    """A WET file written with FastWARC's own writer: one conversion record per page."""
    warc = pytest.importorskip("fastwarc.warc", reason="pip install 'cleaner[wet]'")
    stream_io = pytest.importorskip("fastwarc.stream_io")
    ids = []
    opener = stream_io.GzipWriter if compress else open
    with opener(str(path)) if compress else open(path, "wb") as out:
        for i, text in enumerate(texts):
            record = warc.WarcRecord()
            record.init_headers(record_type=warc.WarcRecordType.conversion)
            record.headers["WARC-Target-URI"] = f"https://example.com/page/{i}"
            record.headers["WARC-Date"] = "2024-02-21T10:00:00Z"
            if i % 2 == 0:
                record.headers["WARC-Identified-Content-Language"] = "eng"
            record.headers["Content-Type"] = "text/plain"
            record.set_bytes_content(text.encode("utf-8"))
            record.write(out)
            ids.append(record.record_id)
    return ids


def test_wet_to_jsonl_gz_has_one_record_per_page(tmp_path):
    src, out = tmp_path / "CC-MAIN-x.warc.wet.gz", tmp_path / "clean.jsonl.gz"
    ids = wet_file(src)
    res = run(src, out)
    assert res.exit_code == 0, res.output
    import gzip

    rows = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert [r["id"] for r in rows] == ids
    assert rows[0] == {
        "id": ids[0],
        "url": "https://example.com/page/0",
        "date": "2024-02-21T10:00:00Z",
        "lang": "eng",
        "text": CLEANER.clean(TEXTS[0]).text,
    }
    assert rows[1]["lang"] is None
    assert [r["text"] for r in rows] == [CLEANER.clean(t).text for t in TEXTS]


def test_wet_to_parquet_and_in_a_folder(tmp_path):
    src = tmp_path / "crawl"
    src.mkdir()
    wet_file(src / "CC-MAIN-a.warc.wet.gz", TEXTS[:4])
    res = run(src / "CC-MAIN-a.warc.wet.gz", tmp_path / "a.parquet")
    assert res.exit_code == 0, res.output
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.schema.names == ["id", "url", "date", "lang", "text"]
    assert table.num_rows == 4
    res = run(src, tmp_path / "out")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "CC-MAIN-a.jsonl.gz").is_file()


def test_a_truncated_or_foreign_wet_file_is_named_and_nothing_is_written(tmp_path):
    good = tmp_path / "good.warc.wet.gz"
    wet_file(good, TEXTS * 3)
    data = good.read_bytes()
    cut = tmp_path / "cut.warc.wet.gz"
    cut.write_bytes(data[: len(data) // 2])
    res = run(cut, tmp_path / "cut.jsonl.gz")
    assert res.exit_code == 1
    assert f"{cut}: record " in res.output and "cannot read" in res.output
    assert not (tmp_path / "cut.jsonl.gz").exists()
    foreign = tmp_path / "notes.warc.wet"
    foreign.write_text("just some notes\n", encoding="utf-8")
    res = run(foreign, tmp_path / "notes.jsonl")
    assert res.exit_code == 1 and f"{foreign}: record 1: cannot read" in res.output
    assert not (tmp_path / "notes.jsonl").exists()


def test_a_record_format_on_stdin_is_a_usage_error():
    res = CliRunner().invoke(main, ["run", "-", "-", "--format", "parquet"], input=b"PAR1")
    assert res.exit_code == 2
    assert "--format parquet reads a file, not stdin" in res.output

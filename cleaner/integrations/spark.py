"""Clean a column of a Spark DataFrame with ``mapInArrow``.

    from pyspark.sql import SparkSession
    from cleaner.integrations.spark import clean_dataframe

    spark = SparkSession.builder.getOrCreate()
    df = spark.read.parquet("crawl/")                     # or spark.read.json("crawl.jsonl")
    clean = clean_dataframe(df, text_column="text", removed_column="removed")
    clean.write.parquet("clean/")

The Cleaner is built on the driver and shipped to the executors with the
function (it pickles as data: no pack files are needed there). Every other
column passes through unchanged; rows are never dropped: a row whose text has
no body left gets ``""`` and ``True`` in the ``empty_column``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from ..batch import removal_dict
from ..engine import Cleaner

REMOVAL = StructType(
    [
        StructField("rule", StringType()),
        StructField("what", StringType()),
        StructField("line", IntegerType()),
        StructField("text", StringType()),
    ]
)
_ARROW_REMOVAL = pa.list_(
    pa.struct(
        [("rule", pa.string()), ("what", pa.string()), ("line", pa.int32()), ("text", pa.string())]
    )
)


def clean_dataframe(
    df: DataFrame,
    text_column: str = "text",
    removed_column: str | None = "cleaner_removed",
    empty_column: str | None = "cleaner_empty",
    cleaner: Cleaner | None = None,
    flag_column: str | None = "cleaner_flag",
    packs: Sequence[str | Path] | None = None,
    disable: Iterable[str] = (),
) -> DataFrame:
    """``df`` with ``text_column`` cleaned, plus the removals, an empty flag and the guard's flag.

    ``flag_column`` (a string, null when not flagged) says why the over-removal
    guard flagged a row.
    """
    cleaner = cleaner if cleaner is not None else Cleaner(packs, disable)
    fields = list(df.schema.fields)
    if removed_column:
        fields.append(StructField(removed_column, ArrayType(REMOVAL)))
    if empty_column:
        fields.append(StructField(empty_column, BooleanType()))
    if flag_column:
        fields.append(StructField(flag_column, StringType()))
    schema = StructType(fields)

    def clean_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            table = pa.Table.from_batches([batch])
            results = [cleaner.clean(t or "") for t in table.column(text_column).to_pylist()]
            index = table.schema.get_field_index(text_column)
            table = table.set_column(
                index, text_column, pa.array([r.text for r in results], pa.string())
            )
            if removed_column:
                removed = [[removal_dict(x) for x in r.removals] for r in results]
                table = table.append_column(removed_column, pa.array(removed, _ARROW_REMOVAL))
            if empty_column:
                table = table.append_column(empty_column, pa.array([r.empty for r in results]))
            if flag_column:
                flags = pa.array([r.flag for r in results], pa.string())
                table = table.append_column(flag_column, flags)
            yield from table.to_batches()

    return df.mapInArrow(clean_batches, schema)

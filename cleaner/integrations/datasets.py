"""Clean a column of a Hugging Face ``datasets.Dataset`` with ``Dataset.map``.

    from datasets import load_dataset
    from cleaner.integrations.datasets import CleanExamples

    ds = load_dataset("parquet", data_files="data/*.parquet", split="train")
    clean = ds.map(CleanExamples(removed_column="removed"), batched=True, num_proc=4)
    clean.to_parquet("clean.parquet")

A ``CleanExamples`` is a plain callable on a batch (a dict of column lists) and
pickles with its Cleaner as data, so ``num_proc`` worker processes need no pack
files. ``datasets`` fingerprints the function for its cache: the same packs
give the same fingerprint, and a changed pack a new one. Rows are never
dropped: a row whose text has no body left gets ``""`` and ``True`` in
``empty_column``; a null text stays null. This module does not import
``datasets``: the callable works on any dict of lists.
"""

from __future__ import annotations

from typing import Any

from . import ColumnCleaner


class CleanExamples(ColumnCleaner):
    """Cleans ``text_column`` of a batch; adds the removals, an empty flag and the guard's flag.

    Use with ``batched=True`` (any ``batch_size``). Takes a built ``cleaner``, or
    ``packs`` and ``disable``; pass ``None`` for a column you do not want added.
    """

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        texts, removed, empty, flags = self.clean_texts(batch[self.text_column])
        out = dict(batch)
        out[self.text_column] = texts
        self.add_columns(out, removed, empty, flags)
        return out

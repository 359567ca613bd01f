"""Clean a column of a Ray Dataset with ``map_batches``.

    import ray
    from cleaner.integrations.ray import CleanBatch

    ds = ray.data.read_json("crawl/")                     # rows with a "text" column
    clean = ds.map_batches(CleanBatch(removed_column="removed"), batch_format="pandas")
    clean.write_parquet("clean/")

A ``CleanBatch`` instance is a plain callable: Ray ships it (and its Cleaner,
which pickles as data) to stateless tasks. To build one Cleaner per actor
instead, pass the class with ``fn_constructor_kwargs`` and a ``concurrency``
below the cluster's CPU count, so reading tasks keep a CPU (on 2 CPUs,
2 actors would hold both and the read would wait forever)::

    ds.map_batches(CleanBatch, fn_constructor_kwargs={"text_column": "body"},
                   batch_format="pandas", concurrency=6)

Batches may be pandas DataFrames or dicts of numpy arrays
(``batch_format="pandas"`` or ``"numpy"``). Rows are never dropped: a row whose
text has no body left gets ``""`` and ``True`` in the ``empty_column``.
"""

from __future__ import annotations

from typing import Any

from . import ColumnCleaner


class CleanBatch(ColumnCleaner):
    """Cleans ``text_column`` of each batch; adds the removals, an empty flag and the guard's flag.

    ``flag_column`` holds why the over-removal guard flagged a row (None when it did not).
    """

    def __call__(self, batch: Any) -> Any:
        texts, removed, empty, flags = self.clean_texts(list(batch[self.text_column]))
        if hasattr(batch, "assign"):  # pandas
            batch = batch.copy()
            batch[self.text_column] = texts
        else:  # dict of numpy arrays
            import numpy as np

            batch = dict(batch)
            batch[self.text_column] = np.array(texts, dtype=object)
            lists = np.empty(len(removed), dtype=object)  # one Python list per row
            for i, row in enumerate(removed):
                lists[i] = row
            removed = lists
            empty = np.array(empty, dtype=bool)
            flags = np.array(flags, dtype=object)
        self.add_columns(batch, removed, empty, flags)
        return batch

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

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..batch import removal_dict
from ..engine import Cleaner


class CleanBatch:
    """Cleans ``text_column`` of each batch; adds the removals, an empty flag and the guard's flag.

    ``flag_column`` holds why the over-removal guard flagged a row (None when it did not).
    """

    def __init__(
        self,
        cleaner: Cleaner | None = None,
        packs: Sequence[str | Path] | None = None,
        disable: Iterable[str] = (),
        text_column: str = "text",
        removed_column: str | None = "cleaner_removed",
        empty_column: str | None = "cleaner_empty",
        flag_column: str | None = "cleaner_flag",
    ):
        self.cleaner = cleaner if cleaner is not None else Cleaner(packs, disable)
        self.text_column = text_column
        self.removed_column = removed_column
        self.empty_column = empty_column
        self.flag_column = flag_column

    def __call__(self, batch: Any) -> Any:
        results = [self.cleaner.clean(text) for text in list(batch[self.text_column])]
        texts = [r.text for r in results]
        removed = [[removal_dict(x) for x in r.removals] for r in results]
        empty = [r.empty for r in results]
        flags = [r.flag for r in results]
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
        if self.removed_column:
            batch[self.removed_column] = removed
        if self.empty_column:
            batch[self.empty_column] = empty
        if self.flag_column:
            batch[self.flag_column] = flags
        return batch

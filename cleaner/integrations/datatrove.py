"""A datatrove pipeline step that cleans ``doc.text`` with a :class:`~cleaner.Cleaner`.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerFormatter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("crawl/"),
            CleanerFormatter(keep_removed=True),
            JsonlWriter("clean/"),
        ],
        tasks=8,
    ).run()

It works with datatrove's executors unchanged (local, Slurm, Ray): the step
pickles with its Cleaner. Per-rule removal counts go to datatrove's own stats
(``removed/<rule-id>``), next to ``total`` and ``empty``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from ..batch import removal_dict
from ..engine import Cleaner


class CleanerFormatter(BaseFormatter):
    """Clean each document's text; count removals per rule in the step's stats.

    ``cleaner``: a built Cleaner (default: ``Cleaner(packs, disable)``).
    ``keep_removed``: store the removals (rule, what, line, text) in
    ``doc.metadata[metadata_key]``. ``drop_empty``: leave out documents with
    no body left (counted as ``empty``); with False they pass on with ``""``.
    A document the over-removal guard flags is counted as ``flagged`` and gets
    the reason in ``doc.metadata["cleaner_flag"]``; a rule that runs out of
    time is counted as ``timed_out/<rule-id>``.
    """

    name = "🧹 cleaner"

    def __init__(
        self,
        cleaner: Cleaner | None = None,
        packs: Sequence[str | Path] | None = None,
        disable: Iterable[str] = (),
        keep_removed: bool = False,
        metadata_key: str = "cleaner_removed",
        drop_empty: bool = True,
    ):
        super().__init__()
        self.cleaner = cleaner if cleaner is not None else Cleaner(packs, disable)
        self.keep_removed = keep_removed
        self.metadata_key = metadata_key
        self.drop_empty = drop_empty

    def format(self, text: str) -> str:
        return self.cleaner.clean(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = self.cleaner.clean(doc.text)
            doc.text = result.text
            for rule, count in result.by_rule().items():
                self.stat_update(f"removed/{rule}", value=count)
            if self.keep_removed:
                doc.metadata[self.metadata_key] = [removal_dict(r) for r in result.removals]
            if result.flag:
                self.stat_update("flagged")
                doc.metadata["cleaner_flag"] = result.flag
            for rule in result.timeouts:
                self.stat_update(f"timed_out/{rule}")
            if result.empty:
                self.stat_update("empty")
                if self.drop_empty:
                    continue
            yield doc

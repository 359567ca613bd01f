"""Adapters that run a :class:`~cleaner.Cleaner` inside other engines.

Each lives in its own module and imports its engine only there, so the core
install stays light: ``pip install 'cleaner[datatrove]'`` and so on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..batch import removal_dict
from ..engine import Cleaner


class ColumnCleaner:
    """What the batch adapters share: the Cleaner, the text column, the columns they add.

    ``removed_column`` (the removals as ``{rule, what, line, text}``),
    ``empty_column`` (no body left) and ``flag_column`` (why the over-removal
    guard flagged the row, or None); pass ``None`` to leave one out.
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

    def clean_texts(self, texts: Iterable[Any]) -> tuple[list, list, list, list]:
        """Cleaned texts, removals, empty flags and guard flags; a None text stays None."""
        out: list = []
        removed: list = []
        empty: list = []
        flags: list = []
        for text in texts:
            if text is None:
                out.append(None)
                removed.append([])
                empty.append(True)
                flags.append(None)
                continue
            result = self.cleaner.clean(text)
            out.append(result.text)
            removed.append([removal_dict(r) for r in result.removals])
            empty.append(result.empty)
            flags.append(result.flag)
        return out, removed, empty, flags

    def add_columns(self, batch: Any, removed: Any, empty: Any, flags: Any) -> None:
        """Set the columns asked for (``removed_column`` ...) on ``batch``, a dict or DataFrame."""
        for column, values in (
            (self.removed_column, removed),
            (self.empty_column, empty),
            (self.flag_column, flags),
        ):
            if column:
                batch[column] = values

"""Rule kinds, one module each. :data:`KINDS` maps a pack's ``kind:`` to its class."""

from .._fields import pickle_by_fields
from .base import Conditions, Rule, Sample, View, count_words
from .block import BlockRule
from .caption import CaptionRule
from .drop import DropRule
from .edges import EdgesRule
from .lines import LinesRule, line_key
from .questions import QuestionsRule
from .strip import StripRule

KINDS: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (
        DropRule,
        StripRule,
        BlockRule,
        CaptionRule,
        LinesRule,
        EdgesRule,
        QuestionsRule,
    )
}
pickle_by_fields(*KINDS.values())

__all__ = [
    "KINDS",
    "BlockRule",
    "CaptionRule",
    "Conditions",
    "DropRule",
    "EdgesRule",
    "LinesRule",
    "QuestionsRule",
    "Rule",
    "Sample",
    "StripRule",
    "View",
    "count_words",
    "line_key",
]

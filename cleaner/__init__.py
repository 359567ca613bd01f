"""cleaner: strip web boilerplate from extracted article text with YAML rule packs.

The public API::

    from cleaner import Cleaner, RuleError
    result = Cleaner().clean(text)      # default packs
    result.text                          # the clean body (POLICY.md)
    result.removals                      # [Removal(rule, text, line, ...), ...]
"""

from .engine import Cleaner
from .errors import Problem, RuleError
from .loader import builtin_packs
from .result import Removal, ReplayError, Result

__version__ = "0.1.0"


def build() -> str:
    """Which build of the core runs: ``"compiled with mypyc"`` or ``"pure Python"``.

    ``pip install .`` compiles the hot modules with mypyc when it can (see the
    README's Speed section); the two builds give byte-identical output.
    """
    from ._fields import compiled
    from .kinds import base

    return "compiled with mypyc" if compiled(base.count_words) else "pure Python"


__all__ = [
    "Cleaner",
    "Problem",
    "Removal",
    "ReplayError",
    "Result",
    "RuleError",
    "__version__",
    "build",
    "builtin_packs",
]

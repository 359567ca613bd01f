"""Pickling and fast construction of the frozen dataclasses the compiled build compiles.

mypyc makes a dataclass a native class, which pickles without its fields unless
told how. :func:`pickle_by_fields` registers such classes with :mod:`copyreg`,
so each pickles as ``(cls, its field values)``, in the pure build too, and both
builds pickle alike. Registration is by exact class: a rule kind is registered
with the others in :mod:`cleaner.kinds`.
"""

from __future__ import annotations

import copyreg
import types
from dataclasses import fields

#: ``object.__setattr__``: how a frozen dataclass's own ``__init__`` sets its
#: fields in the pure build (the class's ``__setattr__`` refuses).
set_field = object.__setattr__


def compiled(function: object) -> bool:
    """Whether ``function`` was compiled (by mypyc): pass one of the calling
    module's own functions to learn whether that module runs compiled.

    The hot frozen dataclasses (:class:`~cleaner.document.Paragraph`,
    :class:`~cleaner.result.Removal`) write their own ``__init__``: mypyc leaves
    the ``__init__`` that ``dataclasses`` writes for a frozen class interpreted
    (some 450 ns for three fields), while in a compiled ``__init__`` a plain
    ``self.field = value`` is a direct store (about 50 ns). The pure build must
    go through :data:`set_field` instead, as ``dataclasses`` does: the two
    branches of those ``__init__`` methods ask this, once per module.
    """
    return not isinstance(function, types.FunctionType)


def _by_fields(obj: object) -> tuple:
    return (type(obj), tuple(getattr(obj, f.name) for f in fields(obj)))  # type: ignore[arg-type]


def pickle_by_fields(*classes: type) -> None:
    """Pickle instances of each frozen dataclass in ``classes`` by its fields, in order."""
    for cls in classes:
        copyreg.pickle(cls, _by_fields)

"""Pickling of the frozen dataclasses that the compiled build compiles.

mypyc makes a dataclass a native class, which pickles without its fields unless
told how. :func:`pickle_by_fields` registers such classes with :mod:`copyreg`,
so each pickles as ``(cls, its field values)``, in the pure build too, and both
builds pickle alike. Registration is by exact class: a rule kind is registered
with the others in :mod:`cleaner.kinds`.
"""

from __future__ import annotations

import copyreg
from dataclasses import fields


def _by_fields(obj: object) -> tuple:
    return (type(obj), tuple(getattr(obj, f.name) for f in fields(obj)))  # type: ignore[arg-type]


def pickle_by_fields(*classes: type) -> None:
    """Pickle instances of each frozen dataclass in ``classes`` by its fields, in order."""
    for cls in classes:
        copyreg.pickle(cls, _by_fields)

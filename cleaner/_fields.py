"""Pickling of the frozen dataclasses that the compiled build compiles.

mypyc makes a dataclass a native class, which pickles without its fields unless
told how; each such class pickles as ``(type(self), fields_of(self))``, in the
pure build too, so both builds pickle alike.
"""

from __future__ import annotations

from dataclasses import fields


def fields_of(obj: object) -> tuple:
    """A dataclass instance's field values, in order: what its ``__init__`` takes."""
    return tuple(getattr(obj, f.name) for f in fields(obj))  # type: ignore[arg-type]

"""Adapters that run a :class:`~cleaner.Cleaner` inside other engines.

Each lives in its own module and imports its engine only there, so the core
install stays light: ``pip install 'cleaner[datatrove]'`` and so on.
"""

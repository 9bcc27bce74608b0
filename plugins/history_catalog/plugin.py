"""Signal wiring of the history catalog: one generator."""

from __future__ import annotations

from pelican import signals

from .generator import HistoryCatalogGenerator


def get_generators(pelican):
    return HistoryCatalogGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)

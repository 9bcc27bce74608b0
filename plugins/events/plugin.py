"""Signal wiring of the events plugin: one generator."""

from __future__ import annotations

from pelican import signals

from .generator import EventsGenerator


def get_generators(pelican):
    return EventsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)

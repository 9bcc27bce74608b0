"""Signal wiring of the bulletin archive: one generator."""

from __future__ import annotations

from pelican import signals

from .generator import BulletinGenerator


def get_generators(pelican):
    return BulletinGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)

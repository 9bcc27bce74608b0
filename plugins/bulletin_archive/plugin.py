"""Signal wiring of the bulletin archive: its content types and one generator."""

from __future__ import annotations

from pelican import signals

from ward_content.registry import content_types

from .generator import BulletinGenerator
from .schema import KIND


def provide_kinds(sender):
    return (KIND,)


def get_generators(pelican):
    return BulletinGenerator


def register() -> None:
    content_types.connect(provide_kinds)
    signals.get_generators.connect(get_generators)

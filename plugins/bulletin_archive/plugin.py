"""Signal wiring of the bulletin archive: its content types and one generator."""

from __future__ import annotations

from pelican import signals

from ward_content.config import settings_models
from ward_content.registry import content_types

from .generator import BulletinGenerator
from .schema import KIND
from .settings import BulletinSettings


def provide_kinds(sender):
    return (KIND,)


def get_generators(pelican):
    return BulletinGenerator


def provide_settings(sender):
    return BulletinSettings


def register() -> None:
    settings_models.connect(provide_settings)
    content_types.connect(provide_kinds)
    signals.get_generators.connect(get_generators)

"""Signal wiring of the history catalog: its content types and one generator."""

from __future__ import annotations

from pelican import signals

from ward_content.config import settings_models
from ward_content.registry import content_types

from .generator import HistoryCatalogGenerator
from .schema import KIND
from .settings import HistorySettings


def provide_kinds(sender):
    return (KIND,)


def get_generators(pelican):
    return HistoryCatalogGenerator


def provide_settings(sender):
    return HistorySettings


def register() -> None:
    settings_models.connect(provide_settings)
    content_types.connect(provide_kinds)
    signals.get_generators.connect(get_generators)

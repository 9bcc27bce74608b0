"""Signal wiring of the events plugin: its content types and one generator."""

from __future__ import annotations

from pelican import signals

from ward_content.config import settings_models
from ward_content.registry import content_types

from .campaign_schema import KIND as CAMPAIGN_KIND
from .event_schema import KIND as EVENT_KIND
from .generator import EventsGenerator
from .settings import EventsSettings


def provide_kinds(sender):
    return (EVENT_KIND, CAMPAIGN_KIND)


def get_generators(pelican):
    return EventsGenerator


def provide_settings(sender):
    return EventsSettings


def register() -> None:
    settings_models.connect(provide_settings)
    content_types.connect(provide_kinds)
    signals.get_generators.connect(get_generators)

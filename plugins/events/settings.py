"""EVENTS_* settings: one typed model, validated once per build with every plugin's settings."""

from __future__ import annotations

from typing import ClassVar

from ward_content.config import PluginSettings, PositiveInt, RelativePath, read


class EventsSettings(PluginSettings):
    """Where the feeds go and how much the home page shows."""

    prefix: ClassVar[str] = "EVENTS_"

    home_count: PositiveInt = 5
    ics_path: RelativePath = "events/events.ics"
    feed_path: RelativePath = "feeds/events.atom.xml"
    feed_max_items: PositiveInt = 30
    # The CSV's name and its code and name columns come from ward_content.opendata (WARD_OPENDATA_*).


def provide_settings(sender) -> type[EventsSettings]:
    return EventsSettings


def read_settings(settings: dict) -> EventsSettings:
    """Validated once per build (the build's copy), or here for tools that run no build."""
    return read(settings, EventsSettings)

"""EVENTS_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ward_content.errors import ConfigurationError


@dataclass(frozen=True)
class EventsSettings:
    """Where the feeds go and how much the home page shows."""

    home_count: int = 5
    ics_path: str = "events/events.ics"
    feed_path: str = "feeds/events.atom.xml"
    feed_max_items: int = 30
    # The CSV's name and its code and name columns come from ward_content.opendata (WARD_OPENDATA_*).


def read_settings(settings: dict) -> EventsSettings:
    """Validate every EVENTS_* value before any work; a wrong value is a developer's error."""
    values = {}
    for name in ("home_count", "feed_max_items"):
        key = f"EVENTS_{name.upper()}"
        if key in settings:
            value = settings[key]
            if not isinstance(value, int) or value < 1:
                raise ConfigurationError(f"{key}: expected a positive integer, received {value!r}")
            values[name] = value
    for name in ("ics_path", "feed_path"):
        key = f"EVENTS_{name.upper()}"
        if key in settings:
            value = settings[key]
            if not isinstance(value, str) or not value or value.startswith("/"):
                raise ConfigurationError(f"{key}: expected a non-empty relative string, received {value!r}")
            values[name] = value
    return EventsSettings(**values)

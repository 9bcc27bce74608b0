"""HISTORY_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ward_content.errors import ConfigurationError


@dataclass(frozen=True)
class HistorySettings:
    """Where the catalog's files go, the open-data identity, the walking pace and the map tiles."""

    # Open-data file names, codes and names come from ward_content.opendata (WARD_OPENDATA_*).
    # The Japanese convention for walking times (不動産の表示に関する公正競争規約: 80 m per minute).
    walk_metres_per_minute: int = 80
    nearest_count: int = 3
    latest_articles: int = 5
    tile_url: str = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"
    tile_attribution: str = "地理院タイル"
    tile_attribution_url: str = "https://maps.gsi.go.jp/development/ichiran.html"


def read_settings(settings: dict) -> HistorySettings:
    """Validate every HISTORY_* value before any work; a wrong value is a developer's error."""
    defaults = HistorySettings()
    values = {}
    for name in ("walk_metres_per_minute", "nearest_count", "latest_articles"):
        value = settings.get(f"HISTORY_{name.upper()}", getattr(defaults, name))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigurationError(f"HISTORY_{name.upper()}: expected a positive integer, received {value!r}")
        values[name] = value
    tile_url = str(settings.get("HISTORY_TILE_URL", defaults.tile_url))
    if not all(part in tile_url for part in ("{z}", "{x}", "{y}")):
        raise ConfigurationError(f"HISTORY_TILE_URL: expected a URL with {{z}}, {{x}} and {{y}}, received {tile_url!r}")
    return HistorySettings(
        tile_url=tile_url,
        tile_attribution=str(settings.get("HISTORY_TILE_ATTRIBUTION", defaults.tile_attribution)),
        tile_attribution_url=str(settings.get("HISTORY_TILE_ATTRIBUTION_URL", defaults.tile_attribution_url)),
        **values,
    )

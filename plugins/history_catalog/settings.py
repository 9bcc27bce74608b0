"""HISTORY_* settings: one typed model, validated once per build with every plugin's settings."""

from __future__ import annotations

from typing import ClassVar

from pydantic import field_validator

from ward_content.config import PluginSettings, PositiveInt, read


class HistorySettings(PluginSettings):
    """The walking pace, how many nearby sites and articles, and the map tiles."""

    prefix: ClassVar[str] = "HISTORY_"

    # Open-data file names, codes and names come from ward_content.opendata (WARD_OPENDATA_*).
    # The Japanese convention for walking times (不動産の表示に関する公正競争規約: 80 m per minute).
    walk_metres_per_minute: PositiveInt = 80
    nearest_count: PositiveInt = 3
    latest_articles: PositiveInt = 5
    tile_url: str = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"
    tile_attribution: str = "地理院タイル"
    tile_attribution_url: str = "https://maps.gsi.go.jp/development/ichiran.html"

    @field_validator("tile_url", mode="before")
    @classmethod
    def _tiles(cls, value):
        if not isinstance(value, str) or not all(part in value for part in ("{z}", "{x}", "{y}")):
            raise ValueError("expected a URL with {z}, {x} and {y}")
        return value


def provide_settings(sender) -> type[HistorySettings]:
    return HistorySettings


def read_settings(settings: dict) -> HistorySettings:
    """Validated once per build (the build's copy), or here for tools that run no build."""
    return read(settings, HistorySettings)

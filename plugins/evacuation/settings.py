"""EVACUATION_* settings: one typed model, validated with every plugin's settings when a build or check starts."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator

from ward_content.config import PluginSettings, read


class EvacuationSettings(PluginSettings):
    """Where the CSV files are, the ward's bounding box, the pages' and downloads' paths, the map tiles."""

    prefix: ClassVar[str] = "EVACUATION_"

    space_file: str = "data/evacuation_space.csv"  # 指定緊急避難場所一覧
    shelter_file: str = "data/evacuation_shelter.csv"  # 指定避難所一覧
    # (south, west, north, east) around 横浜市金沢区 with a small margin; a point outside is a typo.
    bounds: tuple[float, float, float, float] = (35.30, 139.57, 35.39, 139.68)
    max_bytes: int = Field(1_000_000, gt=0)
    max_rows: int = Field(2_000, gt=0)
    url: str = "bousai/hinan/"
    space_csv_path: str = "opendata/141003_evacuation_space.csv"
    shelter_csv_path: str = "opendata/141003_evacuation_shelter.csv"
    geojson_path: str = "opendata/141003_evacuation.geojson"
    nearest_count: int = Field(3, gt=0)
    walk_metres_per_minute: int = Field(80, gt=0)
    gsi_zoom: int = Field(17, gt=0, le=18)
    tile_url: str = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"
    tile_attribution: str = "地理院タイル"
    tile_attribution_url: str = "https://maps.gsi.go.jp/development/ichiran.html"

    @field_validator("space_file", "shelter_file", "url", "space_csv_path", "shelter_csv_path", "geojson_path")
    @classmethod
    def _relative(cls, value: str) -> str:
        if value.startswith("/") or ".." in value.split("/"):
            raise ValueError("expected a relative path inside the content or output folder")
        return value

    @field_validator("bounds")
    @classmethod
    def _box(cls, value: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        south, west, north, east = value
        if not (south < north and west < east):
            raise ValueError("expected (south, west, north, east) with south < north and west < east")
        return value

    @field_validator("tile_url")
    @classmethod
    def _tiles(cls, value: str) -> str:
        if not all(part in value for part in ("{z}", "{x}", "{y}")):
            raise ValueError("expected a URL with {z}, {x} and {y}")
        return value


def read_settings(settings: dict) -> EvacuationSettings:
    """The build's validated copy, or validated here for tools that run no build."""
    return read(settings, EvacuationSettings)

"""EVACUATION_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ward_content.errors import ConfigurationError


@dataclass(frozen=True)
class EvacuationSettings:
    """Where the CSV files are, the ward's bounding box, the pages' and downloads' paths, the map tiles."""

    space_file: str = "data/evacuation_space.csv"  # 指定緊急避難場所一覧
    shelter_file: str = "data/evacuation_shelter.csv"  # 指定避難所一覧
    # (south, west, north, east) around 横浜市金沢区 with a small margin; a point outside is a typo.
    bounds: tuple[float, float, float, float] = (35.30, 139.57, 35.39, 139.68)
    max_bytes: int = 1_000_000
    max_rows: int = 2_000
    url: str = "bousai/hinan/"
    space_csv_path: str = "opendata/141003_evacuation_space.csv"
    shelter_csv_path: str = "opendata/141003_evacuation_shelter.csv"
    geojson_path: str = "opendata/141003_evacuation.geojson"
    nearest_count: int = 3
    walk_metres_per_minute: int = 80
    gsi_zoom: int = 17
    tile_url: str = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png"
    tile_attribution: str = "地理院タイル"
    tile_attribution_url: str = "https://maps.gsi.go.jp/development/ichiran.html"


def read_settings(settings: dict) -> EvacuationSettings:
    """Validate every EVACUATION_* value before any work; a wrong value is a developer's error."""
    defaults = EvacuationSettings()
    values = {}
    for name in ("space_file", "shelter_file", "url", "space_csv_path", "shelter_csv_path", "geojson_path"):
        value = str(settings.get(f"EVACUATION_{name.upper()}", getattr(defaults, name)))
        if value.startswith("/") or ".." in value.split("/"):
            raise ConfigurationError(f"EVACUATION_{name.upper()}: expected a relative path, received {value!r}")
        values[name] = value
    for name in ("max_bytes", "max_rows", "nearest_count", "walk_metres_per_minute", "gsi_zoom"):
        value = settings.get(f"EVACUATION_{name.upper()}", getattr(defaults, name))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigurationError(f"EVACUATION_{name.upper()}: expected a positive integer, received {value!r}")
        values[name] = value
    bounds = tuple(settings.get("EVACUATION_BOUNDS", defaults.bounds))
    if len(bounds) != 4 or not (bounds[0] < bounds[2] and bounds[1] < bounds[3]):
        raise ConfigurationError(f"EVACUATION_BOUNDS: expected (south, west, north, east), received {bounds!r}")
    values["bounds"] = tuple(float(b) for b in bounds)
    return EvacuationSettings(**values)

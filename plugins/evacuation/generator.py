"""Reads content/data/*.csv; writes /bousai/hinan/ (by kind and 町名), a page per filter and per place, open data."""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from pathlib import Path

from ward_content.folder_generator import WardFolderGenerator
from ward_content.settings import read_settings as read_ward_settings

from .columns import DISASTERS, KINDS, SHELTER_COLUMNS, SPACE_COLUMNS
from .model import Place, nearest
from .opendata import places_csv, places_geojson
from .rows import read_all
from .settings import read_settings

SECTION = "bousai"
NO_TOWN = "町名要確認"


def by_kind(places: list[Place]) -> list[tuple[str, str, str, list[Place]]]:
    """(key, label, explanation, places) for every kind, empty kinds included so the list says so."""
    return [(key, label, text, [p for p in places if p.kind == key]) for key, label, text in KINDS]


def by_town(places: list[Place]) -> list[tuple[str, list[Place]]]:
    """Towns in Japanese sort order; places with no known town last."""
    groups: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        for town in place.towns or (NO_TOWN,):
            groups[town].append(place)
    towns = sorted(t for t in groups if t != NO_TOWN)
    ordered = [(t, groups[t]) for t in towns]
    if NO_TOWN in groups:
        ordered.append((NO_TOWN, groups[NO_TOWN]))
    return ordered


class EvacuationGenerator(WardFolderGenerator):
    """Every row problem goes to ward_errors (the build fails once with all of them); never raises."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.evacuation = read_settings(self.settings)
        self.ward = read_ward_settings(self.settings)
        self.places: list[Place] = []
        self.files: dict[str, bytes] = {}

    @property
    def public_url(self) -> str:
        return (self.settings.get("WARD_PUBLIC_URL") or self.settings["SITEURL"]).rstrip("/")

    def generate_context(self) -> None:
        settings = self.evacuation
        # Row problems are reported by the content set (plugin.CHECK); bad rows are simply not places.
        self.places, _ = read_all(Path(self.settings["PATH"]).resolve(), settings)
        shelters = [p for p in self.places if p.source == "shelter"]
        spaces = [p for p in self.places if p.source == "space"]
        self.files = {
            settings.shelter_csv_path: places_csv(shelters, SHELTER_COLUMNS, self.public_url, settings.url),
            settings.space_csv_path: places_csv(spaces, SPACE_COLUMNS, self.public_url, settings.url),
            settings.geojson_path: places_geojson(self.places, self.public_url, settings.url),
        }
        # Templates of other plugins (a history site, an event) ask for the nearest places by coordinates.
        self.context["ward_evacuation_near"] = partial(
            nearest, tuple(self.places), count=settings.nearest_count, metres_per_minute=settings.walk_metres_per_minute
        )
        self.context["ward_evacuation_url"] = settings.url
        downloads = self.context.setdefault("ward_opendata", [])
        for path, title, description in (
            (
                settings.shelter_csv_path,
                "金沢区の指定避難所（地域防災拠点）一覧",
                "自治体標準オープンデータセット「指定避難所一覧」の項目順です。",
            ),
            (
                settings.space_csv_path,
                "金沢区の指定緊急避難場所一覧",
                "自治体標準オープンデータセット「指定緊急避難場所一覧」の項目順です。",
            ),
        ):
            downloads.append(
                {
                    "title": title,
                    "url": path,
                    "format": "CSV",
                    "description": description
                    + "文字コードは UTF-8（BOM 付き）です。区の一覧で確かめられていない値は空欄です。",
                    "size": len(self.files[path]),
                    "updated": self.ward.build_date,
                }
            )
        downloads.append(
            {
                "title": "金沢区の避難場所の位置",
                "url": settings.geojson_path,
                "format": "GeoJSON",
                "description": "位置が確かめられた避難場所の点データ（世界測地系の緯度・経度）です。",
                "size": len(self.files[settings.geojson_path]),
                "updated": self.ward.build_date,
            }
        )

    def generate_output(self, writer) -> None:
        base = self.evacuation.url
        section = self.ward.section(SECTION)
        common = {"section": section, "evacuation": self.evacuation, "disasters": DISASTERS, "all_places": self.places}
        self.write_page(
            writer,
            "evacuation/index",
            f"{base}index.html",
            kinds=by_kind(self.places),
            towns=by_town(self.places),
            current=None,
            **common,
        )
        for key, label, _ in DISASTERS:
            matching = [p for p in self.places if key in p.disaster_keys]
            self.write_page(
                writer,
                "evacuation/filter",
                f"{base}{key}/index.html",
                kinds=by_kind(matching),
                current=key,
                current_label=label,
                count=len(matching),
                **common,
            )
        for place in self.places:
            self.write_page(writer, "evacuation/place", f"{base}{place.id}/index.html", place=place, **common)
        for rel, data in sorted(self.files.items()):
            self.write_bytes(rel, data)

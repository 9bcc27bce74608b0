"""Evacuation places as pages need them: kinds, disaster types, towns, distances."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ward_content.maps import MapLink, map_link

from .columns import DISASTERS, KINDS, OTHER_DISASTERS, SHELTER_COLUMNS, SPACE_COLUMNS, STORM_COLUMNS
from .settings import EvacuationSettings

EARTH_RADIUS_M = 6_371_000
WARD_PREFIX = re.compile(r"^(神奈川県)?(横浜市)?(金沢区)?")
# 「泥亀1〜2丁目」「六浦一〜四丁目」「谷津町の一部」「大川1-4番（一部）」 → the town's name.
_TOWN_TAIL = (
    re.compile(r"[一二三四五六七八九十]+(?:[〜～・、][一二三四五六七八九十]+)*丁目.*$"),
    re.compile(r"[0-9０-９].*$"),
    re.compile(r"[（(].*$"),
    re.compile(r"(の一部|一部|ほか|など)$"),
)
_LIST_SPLIT = re.compile(r"[、,，;；/／]")


@dataclass(frozen=True)
class Source:
    """One of the two CSV files: which standard it follows and how its places are named."""

    key: str  # "space" or "shelter"; the prefix of the places' URLs
    rel_path: str  # content-relative
    columns: tuple[str, ...]
    label: str


def sources(settings: EvacuationSettings) -> tuple[Source, Source]:
    return (
        Source("shelter", settings.shelter_file, SHELTER_COLUMNS, "指定避難所一覧"),
        Source("space", settings.space_file, SPACE_COLUMNS, "指定緊急避難場所一覧"),
    )


@dataclass(frozen=True)
class Nearby:
    place: Place
    metres: float
    minutes: int

    @property
    def distance_label(self) -> str:
        if self.metres < 1000:
            return f"約{round(self.metres, -1):.0f}m"
        return f"約{self.metres / 1000:.1f}km"


@dataclass(frozen=True)
class Place:
    """One row that passed every check; values are the CSV's, empty where not known (要確認)."""

    source: str
    number: int
    row: tuple[tuple[str, str], ...] = field(repr=False)
    line: int = 0

    def get(self, column: str) -> str:
        return dict(self.row).get(column, "")

    @property
    def id(self) -> str:
        return f"{self.source}-{self.number}"

    @property
    def name(self) -> str:
        return self.get("名称")

    @property
    def kana(self) -> str:
        return self.get("名称_カナ")

    @property
    def address(self) -> str:
        return self.get("住所")

    @property
    def coordinates(self) -> tuple[float, float] | None:
        lat, lon = self.get("緯度"), self.get("経度")
        return (float(lat), float(lon)) if lat and lon else None

    @property
    def capacity(self) -> int | None:
        value = self.get("想定収容人数").replace(",", "")
        return int(value) if value else None

    @property
    def disaster_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _, column in DISASTERS if self.get(column) == "1")

    @property
    def disasters(self) -> tuple[str, ...]:
        """Labels of every type the place is for, filterable ones first."""
        main = tuple(label for _, label, column in DISASTERS if self.get(column) == "1")
        return main + tuple(label for label, column in OTHER_DISASTERS if self.get(column) == "1")

    @property
    def kind(self) -> str:
        """地域防災拠点 are the designated shelters; among the emergency places, fire first, then storms."""
        if self.source == "shelter":
            return "kyoten"
        if self.get("災害種別_大規模な火事") == "1":
            return "koiki"
        if any(self.get(column) == "1" for column in STORM_COLUMNS):
            return "fusuigai"
        return "other"

    @property
    def kind_label(self) -> str:
        return next(label for key, label, _ in KINDS if key == self.kind)

    @property
    def towns(self) -> tuple[str, ...]:
        """町名 from the address and from 対象となる町会・自治会, in the order written."""
        found = []
        if self.address:
            found.append(town_of(WARD_PREFIX.sub("", self.address)))
        found += [town_of(part) for part in _LIST_SPLIT.split(self.get("対象となる町会・自治会"))]
        return tuple(dict.fromkeys(t for t in found if t))

    @property
    def map_link(self) -> MapLink | None:
        """The site's one map link (ward_content.maps): 地理院地図 at the coordinates, else an address search."""
        coords = self.coordinates or (None, None)
        return map_link(self.name, self.address or None, *coords)


def town_of(text: str) -> str:
    """「泥亀1〜2丁目」→「泥亀」; an empty string when nothing is left."""
    previous = None
    text = text.strip()
    while text != previous:  # 「金沢町の一部ほか」 needs two passes
        previous = text
        for pattern in _TOWN_TAIL:
            text = pattern.sub("", text).strip()
    return text


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def nearest(places: Sequence[Place], point: Iterable[float] | None, count: int, metres_per_minute: int) -> list[Nearby]:
    """The `count` places closest to a point (a history site, an event venue); none without coordinates."""
    if not point:
        return []
    point = tuple(point)
    found = sorted(
        ((distance_m(point, p.coordinates), p.id, p) for p in places if p.coordinates is not None),
        key=lambda item: (item[0], item[1]),
    )
    return [Nearby(p, metres, max(1, math.ceil(metres / metres_per_minute))) for metres, _, p in found[:count]]

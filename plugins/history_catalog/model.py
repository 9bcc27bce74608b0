"""The catalog as plain data: sites, the orders and facets they are listed in, and distances."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ward_content.maps import MapLink, map_link

from .schema import CoordinatesOrigin, Designation, Era, SourceKind

UNCONFIRMED = "要確認"
EARTH_RADIUS_M = 6_371_008.8
_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
GOJUON_ROWS = (
    ("あ行", "あいうえお"),
    ("か行", "かきくけこ"),
    ("さ行", "さしすせそ"),
    ("た行", "たちつてと"),
    ("な行", "なにぬねの"),
    ("は行", "はひふへほ"),
    ("ま行", "まみむめも"),
    ("や行", "やゆよ"),
    ("ら行", "らりるれろ"),
    ("わ行", "わをん"),
)


@dataclass(frozen=True)
class Nearby:
    """Another site within reach, with the straight-line distance and the walk at the set pace."""

    site: Site
    metres: float
    minutes: int

    @property
    def distance_label(self) -> str:
        """約350m, 約1.2km; very close points (the same building) read すぐ近く."""
        if self.metres < 50:
            return "すぐ近く"
        if self.metres < 1000:
            return f"約{round(self.metres, -1):.0f}m"
        return f"約{self.metres / 1000:.1f}km"


@dataclass(frozen=True)
class Site:
    """A published site as templates and open data need it; unconfirmed values are never exposed as fact."""

    doc: object  # ward_content Document
    description_html: str
    description_text: str
    nearest: tuple[Nearby, ...] = ()
    related: tuple[Site, ...] = ()

    @property
    def meta(self):
        return self.doc.meta

    @property
    def slug(self) -> str:
        return self.doc.slug

    @property
    def url(self) -> str:
        return self.doc.url

    @property
    def name(self) -> str:
        return self.meta.name

    def unconfirmed(self, field_name: str) -> bool:
        """True when staff marked this field as not yet confirmed."""
        return field_name in self.meta.unconfirmed

    def shown(self, field_name: str):
        """The value of a field, or None when it is unconfirmed (templates then show 要確認)."""
        return None if self.unconfirmed(field_name) else getattr(self.meta, field_name)

    @property
    def reading(self) -> str | None:
        return self.shown("reading")

    @property
    def name_en(self) -> str | None:
        return self.shown("name_en")

    @property
    def designation(self) -> Designation | None:
        return self.shown("designation")

    @property
    def designation_label(self) -> str:
        return self.designation.value if self.designation else UNCONFIRMED

    @property
    def designation_note(self) -> str | None:
        return None if self.designation is None else self.shown("designation_note")

    @property
    def designated_on(self):
        """The designation date, only when the designation itself is confirmed."""
        return None if self.designation is None else self.meta.designated_on

    @property
    def era(self) -> Era | None:
        return self.shown("era")

    @property
    def era_label(self) -> str:
        """鎌倉時代, 鎌倉時代〜南北朝時代, or 要確認."""
        if self.era is None:
            return UNCONFIRMED
        end = self.meta.era_end
        return f"{self.era.value}〜{end.value}" if end and end != self.era else self.era.value

    @property
    def era_note(self) -> str | None:
        return self.shown("era_note")

    @property
    def address(self) -> str:
        return UNCONFIRMED if self.unconfirmed("address") else self.meta.address

    @property
    def area(self) -> str:
        """The first 町名 of the address, for the area facet: 金沢区野島町・乙舳町 → 野島町, 金沢区瀬戸18-14 → 瀬戸."""
        if self.unconfirmed("address"):
            return UNCONFIRMED
        town = re.split(r"[・、（(字0-9０-９]", self.meta.address.removeprefix("金沢区"), maxsplit=1)[0]
        return town or UNCONFIRMED

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """(latitude, longitude) when given and confirmed; otherwise no pin and no distances."""
        if self.meta.latitude is None or self.unconfirmed("coordinates"):
            return None
        return (self.meta.latitude, self.meta.longitude)

    @property
    def map_link(self) -> MapLink | None:
        """地理院地図 at confirmed coordinates, else a search for the confirmed address, else none."""
        address = None if self.unconfirmed("address") else "横浜市" + self.meta.address
        coords = self.coordinates or (None, None)
        return map_link(self.name, address, *coords)

    @property
    def access(self) -> tuple[str, ...] | None:
        """「金沢文庫駅から徒歩12分（称名寺参道沿い）」 lines, or None when unconfirmed."""
        if self.unconfirmed("access"):
            return None
        return tuple(access_label(a) for a in self.meta.access)

    @property
    def image(self):
        return self.meta.images[0] if self.meta.images else None

    @property
    def sources(self) -> tuple:
        """As staff ordered them (public sources first; the check refuses a reference before them)."""
        return tuple(self.meta.sources)

    @property
    def being_confirmed(self) -> bool:
        """Every source is a reference: the page says the information is still being confirmed."""
        return all(s.kind is SourceKind.reference for s in self.meta.sources)

    @property
    def coordinates_source(self):
        """The source the shown coordinates were read from (the check requires one with coordinates)."""
        if self.coordinates is None:
            return None
        return next((s for s in self.meta.sources if s.coordinates), None)

    @property
    def coordinates_from_encyclopedia(self) -> bool:
        return self.coordinates is not None and self.meta.coordinates_from is CoordinatesOrigin.encyclopedia

    @property
    def designation_history(self) -> tuple:
        """Steps of the designation history, only when the designation itself is confirmed."""
        return () if self.designation is None else tuple(self.meta.designation_history)

    @property
    def open_questions(self) -> tuple[str, ...]:
        """Doubts staff recorded (conflicting sources, claims no public record confirms)."""
        return tuple(self.meta.open_questions)

    @property
    def sort_reading(self) -> str:
        return gojuon_key(self.meta.reading)

    @property
    def era_key(self) -> tuple:
        """Oldest first; unconfirmed eras last; then by reading."""
        return (self.era.order if self.era else len(Era), self.sort_reading, self.slug)


def access_label(access) -> str:
    """One access line in the usual Japanese form."""
    text = access.station
    if access.walk_minutes is not None:
        about = "約" if access.approximate else ""
        span = (
            f"{access.walk_minutes}〜{access.walk_minutes_max}" if access.walk_minutes_max else f"{access.walk_minutes}"
        )
        text += f"から徒歩{about}{span}分"
    if access.note:
        text += f"（{access.note}）"
    return text


def step_label(step) -> str:
    """「2016年8月17日 国宝に指定」 or 「1995年 県の重要文化財に指定」."""
    when = f"{step.date.year}年{step.date.month}月{step.date.day}日" if step.date else f"{step.year}年"
    return f"{when} {step.event}"


def gojuon_key(reading: str) -> str:
    """Sort key in 五十音 order: katakana as hiragana, voiced and small kana as their plain forms."""
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in reading)
    plain = "".join(c for c in unicodedata.normalize("NFD", hiragana) if c not in "\u3099\u309a")
    return unicodedata.normalize("NFC", plain).translate(_SMALL_KANA)


def gojuon_row(reading: str) -> str:
    """あ行, か行…: the row of the first kana; その他 otherwise."""
    first = gojuon_key(reading)[:1]
    return next((name for name, kana in GOJUON_ROWS if first and first in kana), "その他")


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres (haversine), ample for walking distances."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def walking_minutes(metres: float, metres_per_minute: int) -> int:
    """Rounded up, at least one minute, as Japanese guides count."""
    return max(1, math.ceil(metres / metres_per_minute))


def nearest(site: Site, sites: Iterable[Site], count: int, metres_per_minute: int) -> tuple[Nearby, ...]:
    """The `count` closest other sites with coordinates; none for a site without coordinates."""
    if site.coordinates is None:
        return ()
    found = [
        (distance_m(site.coordinates, other.coordinates), other.slug, other)
        for other in sites
        if other.slug != site.slug and other.coordinates is not None
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(
        Nearby(other, metres, walking_minutes(metres, metres_per_minute)) for metres, _, other in found[:count]
    )


@dataclass(frozen=True)
class Group:
    """One heading of a facet page with its sites."""

    key: str  # ASCII id for anchors
    label: str
    sites: tuple[Site, ...]


@dataclass(frozen=True)
class Catalog:
    """Every published site with its orders and facets."""

    by_era: tuple[Site, ...]
    by_reading: tuple[Site, ...]
    era_groups: tuple[Group, ...]
    designation_groups: tuple[Group, ...]
    area_groups: tuple[Group, ...]
    reading_groups: tuple[Group, ...]

    @property
    def mapped(self) -> tuple[Site, ...]:
        """Sites with confirmed coordinates, in era order."""
        return tuple(s for s in self.by_era if s.coordinates is not None)

    @property
    def unmapped(self) -> tuple[Site, ...]:
        return tuple(s for s in self.by_era if s.coordinates is None)

    def featured(self, ordinal: int) -> Site | None:
        """The site staff marked `featured` (first in era order); otherwise one chosen by the build date."""
        marked = [s for s in self.by_era if s.meta.featured]
        if marked:
            return marked[0]
        return self.by_era[ordinal % len(self.by_era)] if self.by_era else None


def _groups(sites: Sequence[Site], key_of, order: Sequence[tuple[str, str]]) -> tuple[Group, ...]:
    """Group sites by (key, label) in the given order; empty groups are left out."""
    result = []
    keys = [key_of(site) for site in sites]  # once a site, not once a site and group (a reading's row is 30 µs)
    for key, label in order:
        members = tuple(site for site, site_key in zip(sites, keys, strict=True) if site_key == key)
        if members:
            result.append(Group(key, label, members))
    return tuple(result)


def make_catalog(sites: Sequence[Site]) -> Catalog:
    """Sort and group once; every site appears in exactly one group of each facet."""
    by_era = tuple(sorted(sites, key=lambda s: s.era_key))
    by_reading = tuple(sorted(sites, key=lambda s: (s.sort_reading, s.slug)))
    unconfirmed = [("unconfirmed", UNCONFIRMED)]
    era_groups = _groups(
        by_era,
        lambda s: s.era.name if s.era else "unconfirmed",
        [(e.name, e.value) for e in Era] + unconfirmed,
    )
    designation_groups = _groups(
        by_reading,
        lambda s: s.designation.name if s.designation else "unconfirmed",
        [(d.name, d.value) for d in Designation] + unconfirmed,
    )
    areas: dict[str, int] = {}
    for s in by_reading:
        areas[s.area] = areas.get(s.area, 0) + 1
    # Most sites first, then by name, so the list is stable; ids are positions, as 町名 have no ASCII form.
    area_order = sorted(areas, key=lambda a: (a == UNCONFIRMED, -areas[a], a))
    area_ids = {a: f"area-{i + 1}" for i, a in enumerate(area_order)}
    area_groups = _groups(by_reading, lambda s: area_ids[s.area], [(area_ids[a], a) for a in area_order])
    row_ids = {name: f"row-{i + 1}" for i, (name, _) in enumerate(GOJUON_ROWS)} | {"その他": "row-other"}
    reading_groups = _groups(
        by_reading, lambda s: row_ids[gojuon_row(s.meta.reading)], [(i, name) for name, i in row_ids.items()]
    )
    return Catalog(by_era, by_reading, era_groups, designation_groups, area_groups, reading_groups)

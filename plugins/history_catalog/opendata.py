"""Machine-readable forms of the catalog: 文化財一覧 CSV, GeoJSON and schema.org JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import geojson
import jaconv

from ward_content.csv_cells import safe_row
from ward_content.opendata import Address, Publisher

from .model import UNCONFIRMED, Site

# 自治体標準オープンデータセット 文化財一覧 (first edition), in this exact order.
CSV_COLUMNS = (
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "名称",
    "名称_カナ",
    "名称_通称",
    "名称_英語",
    "文化財分類",
    "種類",
    "場所名称",
    "住所",
    "方書",
    "緯度",
    "経度",
    "電話番号",
    "内線番号",
    "員数（数）",
    "員数（単位）",
    "法人番号",
    "所有者等",
    "文化財指定日",
    "利用可能曜日",
    "開始時間",
    "終了時間",
    "利用可能日時特記事項",
    "画像",
    "画像_ライセンス",
    "概要",
    "概要_英語",
    "説明",
    "説明_英語",
    "URL",
    "備考",
)
# The standard's 種類; our categories map onto it, anything else is その他.
_KIND = (("建造物", "建造物"), ("美術工芸品", "美術工芸品"))
# Staff-facing field names as the CSV's columns call them, for 備考's list of unconfirmed values.
_COLUMN_OF = {
    "reading": "名称_カナ",
    "name_en": "名称_英語",
    "designation": "文化財分類",
    "designation_note": "文化財分類（指定対象）",
    "era": "時代",
    "era_note": "時代（補足）",
    "address": "住所",
    "coordinates": "緯度・経度",
    "access": "交通",
}


# Columns the standard's 文化財一覧 requires (../shared/reference/standards.md).
REQUIRED = ("名称", "名称_カナ", "文化財分類")


@dataclass(frozen=True)
class SiteRecord:
    """The published facts of one site in open-data terms: the CSV row, the GeoJSON feature and the
    JSON-LD are all written from it, so they cannot disagree. Unconfirmed values are None."""

    slug: str
    name: str
    name_kana: str | None
    name_en: str | None
    name_common: str | None
    designation: str | None
    kind: str
    era: str | None
    address: Address  # street "" when the address is unconfirmed (still in the ward)
    address_confirmed: bool
    latitude: float | None
    longitude: float | None
    designated_on: str | None
    hours: str | None
    image_url: str | None
    description: str
    url: str
    remarks: str
    unconfirmed: tuple[str, ...]
    open_questions: tuple[str, ...]
    designation_history: tuple[str, ...]
    coordinates_from: str | None  # 「百科事典」 when the coordinates are not from a public record
    coordinates_source: str | None
    coordinates_source_url: str | None


def _kind(site: Site) -> str:
    values = {c.value for c in site.meta.category}
    return next((label for category, label in _KIND if category in values), "その他")


def _step(step) -> str:
    when = step.date.isoformat() if step.date else f"{step.year}年"
    return f"{when} {step.event}" + (f"（{UNCONFIRMED}）" if step.unconfirmed else "")


def _remarks(site: Site, blanks: list[str]) -> str:
    parts = []
    if site.designation_note:
        parts.append(f"指定対象: {site.designation_note}")
    if site.designation_history:
        parts.append("指定の経過: " + "、".join(_step(s) for s in site.designation_history))
    era = site.era_label + (f"（{site.era_note}）" if site.era_note else "")
    parts.append(f"時代: {era}")
    if site.meta.address_note and not site.unconfirmed("address"):
        parts.append(f"所在地補足: {site.meta.address_note}")
    if site.coordinates_from_encyclopedia:
        parts.append(f"緯度・経度: 百科事典の値で公的資料では未確認（出典: {_named(site.coordinates_source)}）")
    if site.meta.unconfirmed:
        parts.append(UNCONFIRMED + ": " + "、".join(_COLUMN_OF[f] for f in site.meta.unconfirmed))
    parts += [f"{UNCONFIRMED}: {question}" for question in site.open_questions]
    if blanks:
        parts.append("空欄の理由: " + "、".join(f"{column}（未登録）" for column in blanks))
    return "／".join(parts)


def _named(source) -> str:
    return f"{source.title} {source.url}" if source.url else source.title


def site_record(
    site: Site, public_url: str, publisher: Publisher, photo_path: Callable[[str], str] = str
) -> SiteRecord:
    """The record of one site; an empty required column is named in 備考 (要確認, or 未登録).

    `photo_path` gives the published file of a content photo (originals are not published).
    """
    coords = site.coordinates
    image = site.image
    kana = jaconv.hira2kata(site.reading) if site.reading else None
    designation = site.designation.value if site.designation else None
    explained = {_COLUMN_OF[f] for f in site.meta.unconfirmed}
    values = {"名称": site.name, "名称_カナ": kana, "文化財分類": designation}
    blanks = [column for column in REQUIRED if not values[column] and column not in explained]
    confirmed = not site.unconfirmed("address")
    return SiteRecord(
        slug=site.slug,
        name=site.name,
        name_kana=kana,
        name_en=site.name_en,
        name_common=site.meta.name_common,
        designation=designation,
        kind=_kind(site),
        era=site.era_label if site.era else None,
        address=publisher.address(site.meta.address if confirmed else publisher.ward),
        address_confirmed=confirmed,
        latitude=coords[0] if coords else None,
        longitude=coords[1] if coords else None,
        designated_on=site.designated_on.isoformat() if site.designated_on else None,
        hours=site.meta.hours,
        image_url=f"{public_url}/{photo_path(image.src)}" if image else None,
        description=site.description_text,
        url=f"{public_url}/{site.url}",
        remarks=_remarks(site, blanks),
        unconfirmed=tuple(site.meta.unconfirmed),
        open_questions=tuple(site.open_questions),
        designation_history=tuple(_step(step) for step in site.designation_history),
        coordinates_from=site.meta.coordinates_from.value if site.meta.coordinates_from else None,
        coordinates_source=site.coordinates_source.title if site.coordinates_source else None,
        coordinates_source_url=site.coordinates_source.url if site.coordinates_source else None,
    )


def csv_row(number: int, record: SiteRecord, publisher: Publisher) -> dict[str, str]:
    """One 文化財一覧 row; code and names both the publisher's (横浜市), the ward in 住所."""
    row = dict.fromkeys(CSV_COLUMNS, "")
    row |= {
        "都道府県コード又は市区町村コード": publisher.code,
        "NO": str(number),
        "都道府県名": publisher.prefecture,
        "市区町村名": publisher.municipality,
        "名称": record.name,
        "名称_カナ": record.name_kana or "",
        "名称_通称": record.name_common or "",
        "名称_英語": record.name_en or "",
        "文化財分類": record.designation or "",
        "種類": record.kind,
        "住所": record.address.full if record.address_confirmed else "",
        "緯度": "" if record.latitude is None else f"{record.latitude}",
        "経度": "" if record.longitude is None else f"{record.longitude}",
        "文化財指定日": record.designated_on or "",
        "利用可能日時特記事項": record.hours or "",
        "画像": record.image_url or "",
        "概要": record.description,
        "URL": record.url,
        "備考": record.remarks,
    }
    return row


def catalog_csv(records: Sequence[SiteRecord], publisher: Publisher) -> bytes:
    """UTF-8 with BOM (Excel opens it correctly), CRLF line ends as RFC 4180 asks."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for number, record in enumerate(records, start=1):
        writer.writerow(safe_row(csv_row(number, record, publisher)))
    return buffer.getvalue().encode("utf-8-sig")


def catalog_geojson(records: Sequence[SiteRecord], publisher: Publisher) -> bytes:
    """A FeatureCollection of Points ([longitude, latitude]) for the sites with confirmed coordinates."""
    features = []
    for record in records:
        if record.latitude is None or record.longitude is None:
            continue
        properties = {
            "name": record.name,
            "name_kana": record.name_kana,
            "name_en": record.name_en,
            "name_common": record.name_common,
            "designation": record.designation,
            "era": record.era,
            "address": record.address.full if record.address_confirmed else None,
            "lg_code": publisher.location_code,
            "url": record.url,
            "image": record.image_url,
            "unconfirmed": list(record.unconfirmed),
            "open_questions": list(record.open_questions),
            "designation_history": list(record.designation_history),
            "coordinates_from": record.coordinates_from,
            "coordinates_source": record.coordinates_source,
            "coordinates_source_url": record.coordinates_source_url,
        }
        point = geojson.Point((record.longitude, record.latitude))
        features.append(geojson.Feature(id=record.slug, geometry=point, properties=properties))
    collection = geojson.FeatureCollection(features)
    return (geojson.dumps(collection, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def site_jsonld(record: SiteRecord) -> str:
    """schema.org JSON-LD, safe inside <script> (no '<' can close the element)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": ["LandmarksOrHistoricalBuildings", "TouristAttraction"],
        "name": record.name,
        "description": record.description,
        "url": record.url,
        "address": record.address.jsonld(),
    }
    if record.name_en:
        data["alternateName"] = record.name_en
    if record.latitude is not None and record.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": record.latitude, "longitude": record.longitude}
    if record.image_url:
        data["image"] = record.image_url
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")

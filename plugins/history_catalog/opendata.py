"""Machine-readable forms of the catalog: 文化財一覧 CSV, GeoJSON and schema.org JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import geojson
import jaconv

from .model import UNCONFIRMED, Site
from .settings import HistorySettings

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


def _kind(site: Site) -> str:
    values = {c.value for c in site.meta.category}
    return next((label for category, label in _KIND if category in values), "その他")


def _step(step) -> str:
    when = step.date.isoformat() if step.date else f"{step.year}年"
    return f"{when} {step.event}" + (f"（{UNCONFIRMED}）" if step.unconfirmed else "")


def _remarks(site: Site) -> str:
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
    return "／".join(parts)


def _named(source) -> str:
    return f"{source.title} {source.url}" if source.url else source.title


def csv_row(number: int, site: Site, public_url: str, settings: HistorySettings) -> dict[str, str]:
    """One 文化財一覧 row; unconfirmed values are left empty and named in 備考."""
    coords = site.coordinates
    image = site.image
    row = dict.fromkeys(CSV_COLUMNS, "")
    row |= {
        "都道府県コード又は市区町村コード": settings.publisher_code,
        "NO": str(number),
        "都道府県名": settings.prefecture,
        "市区町村名": settings.municipality,
        "名称": site.name,
        "名称_カナ": jaconv.hira2kata(site.reading) if site.reading else "",
        "名称_通称": site.meta.name_common or "",
        "名称_英語": site.name_en or "",
        "文化財分類": site.designation.value if site.designation else "",
        "種類": _kind(site),
        "住所": "" if site.unconfirmed("address") else settings.prefecture + "横浜市" + site.meta.address,
        "緯度": f"{coords[0]}" if coords else "",
        "経度": f"{coords[1]}" if coords else "",
        "文化財指定日": site.designated_on.isoformat() if site.designated_on else "",
        "利用可能日時特記事項": site.meta.hours or "",
        "画像": f"{public_url}/{image.src}" if image else "",
        "概要": site.description_text,
        "URL": f"{public_url}/{site.url}",
        "備考": _remarks(site),
    }
    return row


def catalog_csv(sites: Sequence[Site], public_url: str, settings: HistorySettings) -> bytes:
    """UTF-8 with BOM (Excel opens it correctly), CRLF line ends as RFC 4180 asks."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for number, site in enumerate(sites, start=1):
        writer.writerow(csv_row(number, site, public_url, settings))
    return buffer.getvalue().encode("utf-8-sig")


def catalog_geojson(sites: Sequence[Site], public_url: str, settings: HistorySettings) -> bytes:
    """A FeatureCollection of Points ([longitude, latitude]) for the sites with confirmed coordinates."""
    features = []
    for site in sites:
        if site.coordinates is None:
            continue
        lat, lon = site.coordinates
        properties = {
            "name": site.name,
            "name_kana": jaconv.hira2kata(site.reading) if site.reading else None,
            "name_en": site.name_en,
            "name_common": site.meta.name_common,
            "designation": site.designation.value if site.designation else None,
            "era": site.era_label if site.era else None,
            "address": site.address if not site.unconfirmed("address") else None,
            "lg_code": settings.location_code,
            "url": f"{public_url}/{site.url}",
            "unconfirmed": list(site.meta.unconfirmed),
            "open_questions": list(site.open_questions),
            "designation_history": [_step(s) for s in site.designation_history],
            "coordinates_from": site.meta.coordinates_from.value if site.meta.coordinates_from else None,
            "coordinates_source": site.coordinates_source.title if site.coordinates_source else None,
            "coordinates_source_url": site.coordinates_source.url if site.coordinates_source else None,
        }
        features.append(geojson.Feature(id=site.slug, geometry=geojson.Point((lon, lat)), properties=properties))
    collection = geojson.FeatureCollection(features)
    return (geojson.dumps(collection, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def site_jsonld(site: Site, public_url: str, settings: HistorySettings) -> str:
    """schema.org JSON-LD, safe inside <script> (no '<' can close the element)."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": ["LandmarksOrHistoricalBuildings", "TouristAttraction"],
        "name": site.name,
        "description": site.description_text,
        "url": f"{public_url}/{site.url}",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "JP",
            "addressRegion": settings.prefecture,
            "addressLocality": "横浜市" + ("" if site.unconfirmed("address") else site.meta.address),
        },
    }
    if site.name_en:
        data["alternateName"] = site.name_en
    if site.coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": site.coordinates[0], "longitude": site.coordinates[1]}
    if site.image:
        data["image"] = f"{public_url}/{site.image.src}"
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")

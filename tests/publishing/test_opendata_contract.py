"""Open data as importers read it (csv, json, geojson): one naming scheme, code and name columns that
agree, every empty required cell explained in 備考, and the same facts in CSV, GeoJSON and JSON-LD.
Also what every page carries for machines and browsers: table captions, our favicon and touch icon."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import geojson
import pytest
import yaml
from conftest import build_site, soup
from PIL import Image
from publishing_site import photo

# Tiny builds without the publishing checks (no Java): in the fast tier, unlike most of tests/publishing/.
pytestmark = pytest.mark.build

REQUIRED = {
    "event": ("イベント名", "イベント名_カナ", "開始日", "終了日", "開始時間", "終了時間", "説明", "場所名称", "住所"),
    "cultural_property": ("名称", "名称_カナ", "文化財分類"),
}


def front(data: dict, body: str = "本文です。") -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + f"---\n{body}\n"


def event(title: str, start: str, **fields) -> str:
    venue = fields.pop("venue", {"name": "海の公園", "address": "横浜市金沢区海の公園"})
    return front(
        {"title": title, "announced": "2026-10-01", "section": "festival", "start": start, "venue": venue, **fields}
    )


def site(name: str, reading: str, **fields) -> str:
    data = {
        "name": name,
        "reading": reading,
        "designation": "国指定史跡",
        "category": ["寺社"],
        "era": "鎌倉時代",
        "address": "金沢区金沢町",
        "sources": [
            {
                "kind": "公式・行政",
                "title": "横浜市「テストの史跡」",
                "url": "https://example.jp/source.html",
                "coordinates": True,
            }
        ],
        "coordinates_from": "公的資料",
        **fields,
    }
    return front(data, "説明の文です。")


FILES = {
    "images/events/hanabi.jpg": photo(),
    "images/history/tera.jpg": photo(),
    "events/hanabi.md": event(
        "花火大会",
        "2026-12-05 19:00",
        end="2026-12-05 20:00",
        title_kana="ハナビタイカイ",
        summary="海の公園の花火です。",
        image={"src": "images/events/hanabi.jpg", "alt": "夜空の花火"},
        venue={
            "name": "区役所前広場",
            "address": "横浜市金沢区泥亀2-9-1",
            "postal_code": "236-0021",
            "latitude": 35.3375,
            "longitude": 139.6242,
        },
    ),
    "events/all-day.md": event("年末の展示", "2026-12-28", end="2027-01-03"),
    "events/open-end.md": event("朝の体操", "2026-12-10 07:00", summary="ラジオ体操です。"),
    "history/sites/tera.md": site(
        "起点寺",
        "きてんでら",
        latitude=35.34,
        longitude=139.63,
        images=[{"src": "images/history/tera.jpg", "alt": "本堂"}],
    ),
    "history/sites/unsure.md": site(
        "南の門", "みなみのもん", latitude=35.33, longitude=139.63, unconfirmed=["designation"]
    ),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("opendata"), files=FILES)


def rows(output, name: str) -> list[dict[str, str]]:
    raw = (output / "opendata" / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def jsonld(output, url_path: str) -> dict:
    return json.loads(soup(output, f"{url_path}index.html").select_one('script[type="application/ld+json"]').string)


def test_every_open_data_file_follows_one_naming_scheme_and_is_offered(output):
    files = sorted(p.name for p in (output / "opendata").iterdir() if p.is_file() and p.name != "index.html")
    assert {"141003_cultural_property.csv", "141003_cultural_property.geojson", "141003_event.csv"} <= set(files)
    assert all(re.fullmatch(r"141003_[a-z_]+\.(csv|geojson)", name) for name in files)
    offered = {
        a["href"].rsplit("/", 1)[-1] for a in soup(output, "opendata/index.html").select("a.ward-opendata__link")
    }
    assert offered == set(files)


@pytest.mark.parametrize("dataset", ["event", "cultural_property"])
def test_code_and_name_columns_agree_and_addresses_are_full(output, dataset):
    records = rows(output, f"141003_{dataset}.csv")
    assert records
    for record in records:
        # 141003 is 神奈川県横浜市: the code and both names speak of the same body, the publisher.
        assert (record["都道府県コード又は市区町村コード"], record["都道府県名"], record["市区町村名"]) == (
            "141003",
            "神奈川県",
            "横浜市",
        )
        if record["住所"]:
            assert record["住所"].startswith("神奈川県横浜市金沢区")


@pytest.mark.parametrize("dataset", ["event", "cultural_property"])
def test_every_empty_required_cell_is_explained_in_remarks(output, dataset):
    records = rows(output, f"141003_{dataset}.csv")
    empty = 0
    for record in records:
        for column in REQUIRED[dataset]:
            if not record[column]:
                empty += 1
                assert column in record["備考"], (record[REQUIRED[dataset][0]], column, record["備考"])
    assert empty  # the fixture has such cells: an all-day event, an unconfirmed designation


def test_event_remarks_say_why_times_are_empty(output):
    by_name = {r["イベント名"]: r for r in rows(output, "141003_event.csv")}
    assert by_name["年末の展示"]["備考"] == (
        "空欄の理由: イベント名_カナ（読み未登録）、開始時間（終日の催し）、終了時間（終日の催し）、説明（URL のページを参照）"
    )
    assert (by_name["朝の体操"]["開始時間"], by_name["朝の体操"]["終了時間"]) == ("07:00", "")
    assert "終了時間（終了時刻の定めなし）" in by_name["朝の体操"]["備考"]
    assert by_name["花火大会"]["備考"] == ""


def test_event_jsonld_says_what_the_csv_row_says(output):
    row = next(r for r in rows(output, "141003_event.csv") if r["イベント名"] == "花火大会")
    data = jsonld(output, "events/hanabi/")
    address = data["location"]["address"]
    assert address == {
        "@type": "PostalAddress",
        "addressCountry": "JP",
        "addressRegion": "神奈川県",
        "addressLocality": "横浜市金沢区",
        "streetAddress": "泥亀2-9-1",
        "postalCode": "236-0021",
    }
    assert address["addressRegion"] + address["addressLocality"] + address["streetAddress"] == row["住所"]
    geo = data["location"]["geo"]
    assert (str(geo["latitude"]), str(geo["longitude"])) == (row["緯度"], row["経度"])
    assert data["url"] == row["URL"] and data["name"] == row["イベント名"]
    assert data["image"].endswith("/images/events/hanabi-jpg-64w.jpg")  # the published copy, not the original
    assert (output / data["image"].split("/", 3)[3]).is_file()
    shown = soup(output, "events/hanabi/index.html").select_one(".ward-event__photo img")
    assert (shown["src"].rsplit("/", 2)[-2:], shown["alt"]) == (["events", "hanabi-jpg-64w.jpg"], "夜空の花火")
    plain = jsonld(output, "events/all-day/")
    assert "image" not in plain and "geo" not in plain["location"]
    assert "postalCode" not in plain["location"]["address"]


def test_history_csv_geojson_and_jsonld_agree(output):
    row = next(r for r in rows(output, "141003_cultural_property.csv") if r["名称"] == "起点寺")
    collection = geojson.loads((output / "opendata/141003_cultural_property.geojson").read_text(encoding="utf-8"))
    assert collection.is_valid
    feature = next(f for f in collection["features"] if f["id"] == "tera")
    data = jsonld(output, "history/tera/")
    longitude, latitude = feature["geometry"]["coordinates"]
    assert (str(latitude), str(longitude)) == (row["緯度"], row["経度"])
    assert (data["geo"]["latitude"], data["geo"]["longitude"]) == (latitude, longitude)
    address = data["address"]
    assert address["addressRegion"] + address["addressLocality"] + address["streetAddress"] == row["住所"]
    assert feature["properties"]["address"] == row["住所"]
    assert data["url"] == row["URL"] == feature["properties"]["url"]
    assert data["image"] == row["画像"] == feature["properties"]["image"]
    assert feature["properties"]["lg_code"] == "141089"


def test_every_data_table_has_a_caption(output):
    tables = 0
    for page in sorted(output.rglob("*.html")):
        for table in soup(output, page.relative_to(output).as_posix()).select("table"):
            tables += 1
            caption = table.find("caption")
            assert caption is not None and caption.get_text(strip=True), page
            assert table.contents and table.find(True) is caption  # first child, as HTML requires
    assert tables >= 3  # two history fact tables and an events calendar
    facts = soup(output, "history/tera/index.html").select_one("table.ward-history-facts caption")
    assert facts.get_text() == "起点寺の基本情報"


def test_every_page_has_our_favicon_and_touch_icon(output):
    for page in sorted(output.rglob("*.html")):
        rel = page.relative_to(output)
        head = soup(output, rel.as_posix()).head
        if rel.as_posix() == "emergency/index.html":
            # The light emergency page loads no image at all, and asks for no /favicon.ico either.
            assert [link["href"] for link in head.select("link[rel~=icon]")] == ["data:,"]
            continue
        icons = {
            link["rel"][0] + ":" + link["href"].rsplit("/", 1)[-1]
            for link in head.select("link[rel~=icon], link[rel=apple-touch-icon]")
        }
        assert icons == {"icon:favicon.ico", "icon:favicon.svg", "apple-touch-icon:apple-touch-icon.png"}, rel
        for link in head.select("link[rel~=icon], link[rel=apple-touch-icon]"):
            # 404.html links absolutely (it is served at any depth); the others relatively.
            href = link["href"].removeprefix("http://localhost:8000/")
            target = output / href if href != link["href"] else page.parent / href
            assert target.resolve().is_file(), (rel, link["href"])
    with Image.open(output / "theme/icons/apple-touch-icon.png") as touch:
        assert (touch.format, touch.size) == ("PNG", (180, 180))
    with Image.open(output / "theme/icons/favicon.ico") as ico:
        assert ico.format == "ICO" and {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
    svg = ET.parse(output / "theme/icons/favicon.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 64 64"

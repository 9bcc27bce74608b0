"""Open data: the 文化財一覧 CSV (exact header, BOM, round trip), the GeoJSON (validates), the /opendata/ page."""

import csv
import io
import textwrap

import geojson
import pytest
from conftest import ROOT, build_site, soup
from history_catalog.opendata import CSV_COLUMNS
from history_fixtures import PLUGINS, small_catalog

CSV = "opendata/141003_cultural_property.csv"
GEOJSON = "opendata/141003_cultural_property.geojson"
# The first edition's column order, as listed in ../shared/reference/standards.md.
STANDARD_HEADER = (
    "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,名称_通称,名称_英語,文化財分類,種類,"
    "場所名称,住所,方書,緯度,経度,電話番号,内線番号,員数（数）,員数（単位）,法人番号,所有者等,文化財指定日,"
    "利用可能曜日,開始時間,終了時間,利用可能日時特記事項,画像,画像_ライセンス,概要,概要_英語,説明,説明_英語,URL,備考"
)


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("opendata"), files=small_catalog(), PLUGINS=PLUGINS)


def _rows(output):
    raw = (output / CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_header_is_the_standard_order_exactly(output):
    _, rows = _rows(output)
    assert ",".join(rows[0]) == STANDARD_HEADER
    assert tuple(rows[0]) == CSV_COLUMNS


def test_csv_round_trips_and_has_one_row_per_site(output):
    raw, rows = _rows(output)
    assert len(rows) == 1 + 6
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    assert again.getvalue().encode("utf-8-sig") == raw
    records = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [r["NO"] for r in records] == ["1", "2", "3", "4", "5", "6"]
    # The city publishes (a ward is no local public body): code and name agree on 横浜市; the ward is in 住所.
    assert {r["都道府県コード又は市区町村コード"] for r in records} == {"141003"}
    assert {r["市区町村名"] for r in records} == {"横浜市"}


def test_csv_values_and_unconfirmed_left_empty(output):
    raw, _ = _rows(output)
    records = {r["名称"]: r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))}
    origin = records["起点寺"]
    assert origin["名称_カナ"] == "キテンデラ"
    assert origin["文化財分類"] == "国指定史跡"
    assert (origin["緯度"], origin["経度"]) == ("35.34", "139.63")
    assert origin["住所"] == "神奈川県横浜市金沢区金沢町"
    assert origin["文化財指定日"] == "1922-10-12"
    assert origin["URL"].endswith("/history/origin/")
    south = records["南の門"]
    assert south["文化財分類"] == ""
    assert south["文化財指定日"] == ""  # the date of an unconfirmed designation is not published either
    assert "要確認: 文化財分類、時代" in south["備考"]
    assert records["場所不明の社"]["緯度"] == ""


def test_geojson_is_a_valid_feature_collection_of_points(output):
    data = geojson.loads((output / GEOJSON).read_text(encoding="utf-8"))
    assert isinstance(data, geojson.FeatureCollection)
    assert data.is_valid, data.errors()
    assert sorted(f["id"] for f in data["features"]) == ["east", "north", "origin", "south", "west"]
    origin = next(f for f in data["features"] if f["id"] == "origin")
    assert origin["geometry"]["type"] == "Point"
    assert origin["geometry"]["coordinates"] == [139.63, 35.34]  # longitude first
    south = next(f for f in data["features"] if f["id"] == "south")
    assert south["properties"]["designation"] is None and south["properties"]["era"] is None
    assert {f["properties"]["lg_code"] for f in data["features"]} == {"141089"}


def test_opendata_page_lists_downloads_with_licence_and_date(output):
    page = soup(output, "opendata/index.html")
    assert "CC BY 4.0" in page.select_one(".ward-opendata-terms").get_text()
    assert page.select_one(".ward-opendata-terms time")["datetime"] == "2026-11-28"
    # Another plugin loaded earlier in this process (events) may add its own downloads too.
    links = [a["href"] for a in page.select(".ward-opendata__link") if "cultural_property" in a["href"]]
    assert links == [f"../{CSV}", f"../{GEOJSON}"]
    assert "（CSV：" in page.select_one(".ward-opendata__link").get_text()


def test_other_plugins_add_their_downloads(tmp_path):
    plugin = tmp_path / "extra_plugins" / "extra_download"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        textwrap.dedent(
            """
            from pelican import signals
            from pelican.generators import Generator


            class ExtraGenerator(Generator):
                def generate_context(self):
                    self.context.setdefault("ward_opendata", []).append(
                        {"title": "イベント一覧", "url": "opendata/141003_event.csv", "format": "CSV", "description": "区のイベント"}
                    )

                def generate_output(self, writer):
                    pass


            def get_generators(pelican):
                return ExtraGenerator


            def register():
                signals.get_generators.connect(get_generators)
            """
        ),
        encoding="utf-8",
    )
    output = build_site(
        tmp_path,
        files=small_catalog(),
        PLUGINS=["ward_content", "extra_download", "history_catalog"],
        PLUGIN_PATHS=[str(ROOT / "plugins"), str(plugin.parent)],
    )
    page = soup(output, "opendata/index.html")
    items = {li.select_one(".ward-opendata__title").get_text(): li for li in page.select(".ward-opendata__item")}
    assert {"金沢区の史跡・文化財一覧（文化財一覧形式）", "金沢区の史跡・文化財の位置", "イベント一覧"} <= set(items)
    events = items["イベント一覧"]
    assert events.select_one(".ward-opendata__link")["href"] == "../opendata/141003_event.csv"
    assert events.select_one("p").get_text() == "区のイベント"


def test_same_input_same_bytes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = build_site(tmp_path / "a", files=small_catalog(), PLUGINS=PLUGINS)
    second = build_site(tmp_path / "b", files=small_catalog(), PLUGINS=PLUGINS)
    for rel in (CSV, GEOJSON, "history/index.html", "history/origin/index.html"):
        assert (first / rel).read_bytes() == (second / rel).read_bytes()

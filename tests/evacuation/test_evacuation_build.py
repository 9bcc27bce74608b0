"""Evacuation pages, filters and open data from a real build of small CSV files, checked with real parsers."""

import csv
import io
import json

import pytest
from conftest import build_site, soup
from evacuation.columns import SHELTER_COLUMNS, SPACE_COLUMNS
from evacuation_fixtures import files


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("evacuation"), files=files())


def _names(page, selector="main .ward-evacuation-list a") -> list[str]:
    return [a.get_text() for a in page.select(selector)]


def test_list_page_groups_every_place_by_kind(output):
    page = soup(output, "bousai/hinan/index.html")
    assert page.h1.get_text() == "避難場所の一覧"
    assert "この一覧はまだ完全ではありません" in page.select_one(".ward-evacuation-notice").get_text()
    kinds = {
        section.h3.get_text(): _names(section, ".ward-evacuation-list a")
        for section in page.select('section[aria-labelledby^="kind-"]')
    }
    assert kinds == {
        "地域防災拠点（2か所）": ["テスト第一小学校", "テスト第二中学校"],
        "風水害時の避難場所（1か所）": ["テスト地区センター"],
        "広域避難場所（1か所）": ["テスト公園一帯"],
    }


def test_list_page_groups_places_by_town_unknown_last(output):
    page = soup(output, "bousai/hinan/index.html")
    towns = [(s.h3.get_text(), _names(s, "a")) for s in page.select('section[aria-labelledby^="town-"]')]
    as_dict = dict(towns)
    assert as_dict["泥亀"] == ["テスト第一小学校"]
    assert as_dict["大川"] == ["テスト第一小学校"]
    assert as_dict["六浦"] == ["テスト地区センター"]
    assert as_dict["釜利谷東"] == ["テスト公園一帯"]
    assert towns[-1] == ("町名要確認", ["テスト第二中学校"])


@pytest.mark.parametrize(
    ("key", "label", "expected"),
    [
        ("jishin", "地震", ["テスト第一小学校", "テスト第二中学校", "テスト公園一帯"]),
        ("kozui", "洪水", ["テスト地区センター"]),
        ("dosha", "土砂災害", ["テスト地区センター"]),
        ("takashio", "高潮", ["テスト地区センター"]),
        ("tsunami", "津波", []),
        ("kasai", "大規模な火事", ["テスト公園一帯"]),
    ],
)
def test_each_disaster_filter_is_a_static_page(output, key, label, expected):
    page = soup(output, f"bousai/hinan/{key}/index.html")
    assert page.h1.get_text() == f"{label}のときの避難場所"
    assert page.select_one('.ward-evacuation-nav [aria-current="page"]').get_text() == label
    assert _names(page) == expected
    assert page.select_one(".ward-evacuation-count").get_text() == f"{len(expected)}か所"
    assert page.find("script", src=True) is None or "history-map" not in str(page.find_all("script"))


def test_filter_links_from_the_list_page(output):
    links = soup(output, "bousai/hinan/index.html").select(".ward-evacuation-nav a")
    assert [a["href"] for a in links] == [
        f"../../bousai/hinan/{k}/" for k in ("jishin", "kozui", "dosha", "takashio", "tsunami", "kasai")
    ]


def test_place_page_with_coordinates_has_the_consent_first_map(output):
    page = soup(output, "bousai/hinan/shelter-1/index.html")
    assert page.h1.get_text() == "テスト第一小学校"
    assert page.select_one('[data-field="kind"]').get_text() == "地域防災拠点"
    assert page.select_one('[data-field="address"]').get_text() == "横浜市金沢区泥亀2-9-1"
    assert page.select_one('[data-field="disasters"]').get_text() == "地震"
    assert page.select_one('[data-field="capacity"]').get_text() == "1,200人"
    box = page.select_one("[data-ward-map]")
    assert box.select_one("button.ward-map__button").has_attr("hidden")
    point = box.select_one(".ward-map__point")
    assert (point["data-lat"], point["data-lon"]) == ("35.3378", "139.6243")
    assert point.select_one('a[href="https://maps.gsi.go.jp/#17/35.3378/139.6243/"]') is not None
    assert page.find("script", src=lambda s: s and s.endswith("js/history-map.js")) is not None
    near = [a.get_text() for a in page.select('section[aria-labelledby="place-nearby"] a')]
    assert near == ["テスト地区センター"]


def test_place_page_without_sourced_values_says_to_confirm(output):
    page = soup(output, "bousai/hinan/shelter-2/index.html")
    assert page.select_one('[data-field="address"]').get_text() == "要確認"
    assert page.select_one('[data-field="capacity"]').get_text() == "要確認"
    assert page.select_one("[data-ward-map]") is None
    assert "位置は要確認です" in page.select_one(".ward-evacuation-place__nomap").get_text()


def test_csv_are_republished_in_the_standard_columns_with_bom(output):
    for rel, columns, names in (
        ("opendata/141003_evacuation_shelter.csv", SHELTER_COLUMNS, ["テスト第一小学校", "テスト第二中学校"]),
        ("opendata/141003_evacuation_space.csv", SPACE_COLUMNS, ["テスト地区センター", "テスト公園一帯"]),
    ):
        data = (output / rel).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert tuple(rows[0]) == columns
        records = [dict(zip(columns, row, strict=True)) for row in rows[1:]]
        assert [r["名称"] for r in records] == names
        assert records[0]["URL"].startswith("http://localhost:8000/bousai/hinan/")


def test_geojson_has_only_sourced_points(output):
    data = json.loads((output / "opendata/141003_evacuation.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in data["features"]}
    assert sorted(by_id) == ["shelter-1", "space-1"]
    assert by_id["shelter-1"]["geometry"] == {"type": "Point", "coordinates": [139.6243, 35.3378]}
    assert by_id["space-1"]["properties"]["disasters"] == ["洪水", "土砂災害", "高潮"]
    assert by_id["space-1"]["properties"]["kind"] == "風水害時の避難場所"


def test_opendata_page_lists_the_downloads(output):
    page = soup(output, "opendata/index.html")
    links = {a["href"].rsplit("/", 1)[-1] for a in page.select(".ward-opendata__link")}
    assert {"141003_evacuation_shelter.csv", "141003_evacuation_space.csv", "141003_evacuation.geojson"} <= links


def test_history_site_and_event_venue_list_the_nearest_places(tmp_path):
    from event_fixtures import event_text
    from history_fixtures import site_text

    content = {
        **files(),
        "history/sites/origin.md": site_text("起点寺", "きてんでら", latitude=35.338, longitude=139.625),
        "events/matsuri.md": event_text(
            "まつり",
            venue={"name": "六浦の広場", "address": "横浜市金沢区六浦1-2", "latitude": 35.3401, "longitude": 139.6301},
        ),
    }
    output = build_site(tmp_path, files=content)
    site = soup(output, "history/origin/index.html").select_one('section[aria-labelledby="nearest-evacuation"]')
    assert [a.get_text() for a in site.select("a")] == ["テスト第一小学校", "テスト地区センター"]
    assert "徒歩約" in site.li.get_text()
    event = soup(output, "events/matsuri/index.html").select_one('section[aria-labelledby="nearest-evacuation"]')
    assert [a.get_text() for a in event.select("a")] == ["テスト地区センター", "テスト第一小学校"]


def test_bousai_section_page_links_the_list(output):
    link = soup(output, "bousai/index.html").select_one('section[aria-labelledby="section-evacuation"] a')
    assert link["href"] == "../bousai/hinan/"
    assert soup(output, "news/index.html").select_one('section[aria-labelledby="section-evacuation"]') is None

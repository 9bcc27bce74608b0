"""A tiny catalog built for real: every page exists, facets add up, nearby sites are in order, unconfirmed values never show as fact."""

import re

import pytest
from conftest import build_site, soup
from history_fixtures import FOLDER, PLUGINS, site_text, small_catalog

SITES = ("origin", "east", "west", "north", "south", "nowhere")


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("history"), files=small_catalog(), PLUGINS=PLUGINS)


def _names(page, selector=".ward-history-card__name a"):
    return [a.get_text(strip=True) for a in page.select(selector)]


def test_every_site_has_a_page_with_facts_and_sources(output):
    for slug in SITES:
        page = soup(output, f"history/{slug}/index.html")
        assert len(page.select("h1")) == 1
        assert page.select_one(".ward-history-facts")
        first = "https://blog.example/" if slug == "nowhere" else "https://example.jp/source.html"
        assert page.select_one(".ward-history-sources a")["href"] == first
        assert page.select_one("link[rel=canonical]")["href"].endswith(f"/history/{slug}/")


def test_landing_page_has_intro_articles_and_cards_in_era_order(output):
    page = soup(output, "history/index.html")
    assert page.select_one("h1").get_text() == "歴史"
    assert "称名寺や金沢文庫" in page.select_one(".ward-lead").get_text()
    assert [a.get_text() for a in page.select(".ward-list__title a")] == ["金沢の歴史講座"]
    # 縄文 (east), 鎌倉 (origin), 室町 (nowhere), 江戸 (west), 明治 (north), then the unconfirmed era (south).
    # BeautifulSoup leaves ruby text (rt, rp) out of get_text().
    assert _names(page) == ["東の塚", "起点寺", "場所不明の社", "西の館", "北の碑", "南の門"]
    assert page.select_one(".ward-nav__link[aria-current]").get_text() == "歴史"


def test_cards_have_ruby_reading_badge_and_era(output):
    card = soup(output, "history/index.html").select_one(".ward-history-card:has(a[href$='history/origin/'])")
    assert card.select_one("ruby rt").get_text() == "きてんでら"
    assert card.select_one(".ward-history-badge").get_text() == "国指定史跡"
    assert card.select_one(".ward-history-card__era").get_text() == "鎌倉時代"
    assert card.select_one("img") is None  # no photo: no stand-in picture


def test_gojuon_page_orders_by_reading(output):
    page = soup(output, "history/gojuon/index.html")
    assert [rt.string for rt in page.select(".ward-history-card__name rt")] == [
        "きたのひ",
        "きてんでら",
        "にしのやかた",
        "ばしょふめいのやしろ",
        "ひがしのつか",
        "みなみのもん",
    ]
    assert [h.get_text() for h in page.select("main h2")] == [
        "か行（2件）",
        "な行（1件）",
        "は行（2件）",
        "ま行（1件）",
    ]


@pytest.mark.parametrize("facet", ["designation", "era", "area"])
def test_facet_counts_add_up(output, facet):
    page = soup(output, f"history/{facet}/index.html")
    counts = [int(re.sub(r"\D", "", c.get_text())) for c in page.select(".ward-history-counts__count")]
    assert sum(counts) == len(SITES) == int(page.select_one(".ward-history-counts__total").get_text())
    for item in page.select(".ward-history-counts__item"):
        group = page.select_one(f"section[aria-labelledby='{item['data-key']}']")
        assert len(group.select(".ward-history-card")) == int(
            re.sub(r"\D", "", item.select_one(".ward-history-counts__count").get_text())
        )


def test_facet_groups(output):
    designation = soup(output, "history/designation/index.html")
    assert [li.get_text(" ", strip=True) for li in designation.select(".ward-history-counts__item")] == [
        "国宝 1件",
        "国指定史跡 1件",
        "市指定史跡 1件",
        "市登録地域有形文化財 1件",
        "未指定 1件",
        "要確認 1件",
    ]
    area = soup(output, "history/area/index.html")
    assert [li.get_text(" ", strip=True) for li in area.select(".ward-history-counts__item")] == [
        "瀬戸 2件",
        "金沢町 2件",
        "六浦 1件",
        "野島町 1件",
    ]


def test_nearest_three_in_order_with_walking_minutes(output):
    page = soup(output, "history/origin/index.html")
    items = page.select(".ward-history-nearby__item")
    assert [i.a.get_text() for i in items] == [
        "東の塚",
        "西の館",
        "北の碑",
    ]  # 272 m, 363 m, 556 m; south (1.1 km) is 4th
    assert [i.select_one(".ward-history-nearby__distance").get_text() for i in items] == [
        "約270m・徒歩約4分",
        "約360m・徒歩約5分",
        "約560m・徒歩約7分",
    ]
    east = soup(output, "history/east/index.html")
    assert [i.a.get_text() for i in east.select(".ward-history-nearby__item")] == ["起点寺", "北の碑", "西の館"]


def test_site_without_coordinates_has_no_pin_no_distances_and_a_map_search_link(output):
    page = soup(output, "history/nowhere/index.html")
    assert page.select_one("[data-ward-map]") is None
    assert page.select_one(".ward-history-nearby") is None
    assert "金沢区六浦" in page.select_one(".ward-history-site__nomap").get_text()
    assert "query=" in page.select_one("#site-map ~ p a")["href"]
    assert "geo" not in page.select_one("script[type='application/ld+json']").get_text()
    for slug in ("origin", "east", "west", "north"):
        near = [i.a.get_text() for i in soup(output, f"history/{slug}/index.html").select(".ward-history-nearby__item")]
        assert "場所不明の社" not in near
    map_page = soup(output, "history/map/index.html")
    assert len(map_page.select(".ward-map__point")) == 5
    assert "場所不明の社" in map_page.select_one("#map-unmapped ~ ul").get_text()


def test_unconfirmed_values_read_youkakunin_and_never_as_fact(output):
    page = soup(output, "history/south/index.html")
    assert page.select_one("td[data-field=designation]").get_text() == "要確認"
    assert page.select_one("td[data-field=era]").get_text() == "要確認"
    assert page.select_one(".ward-history-badge").get_text() == "要確認"
    main = page.select_one("main").get_text()
    assert "県指定史跡" not in main and "平安時代" not in main
    assert page.select_one("td[data-field=designated_on]") is None and "2000" not in main


def test_designation_date_in_the_fact_table(output):
    cell = soup(output, "history/origin/index.html").select_one("td[data-field=designated_on]")
    assert cell.get_text() == "1922年10月12日（大正11年10月12日）"
    assert cell.select_one("time")["datetime"] == "1922-10-12"
    assert soup(output, "history/east/index.html").select_one("td[data-field=designated_on]") is None


def test_site_page_map_without_javascript_links_to_gsi(output):
    page = soup(output, "history/origin/index.html")
    box = page.select_one("[data-ward-map]")
    assert box.select_one(".ward-map__button").has_attr("hidden")
    assert box.select_one(".ward-map__button").get_text() == "地図を表示"
    assert box.select_one("a[href^='https://maps.gsi.go.jp/']")["href"] == "https://maps.gsi.go.jp/#17/35.34/139.63/"
    assert box.select_one(".ward-map__point").get_text(" ", strip=True).startswith("金沢区金沢町")
    # Nothing from another host in the page as written: no external script, stylesheet or image.
    for tag in page.select("script[src], link[rel=stylesheet], img"):
        assert not (tag.get("src") or tag.get("href")).startswith("http")


def test_related_sites_and_json_ld(output):
    import json

    page = soup(output, "history/origin/index.html")
    assert [a.get_text() for a in page.select("#site-related ~ ul a")] == ["東の塚"]
    data = json.loads(page.select_one("script[type='application/ld+json']").get_text())
    assert data["@type"] == ["LandmarksOrHistoricalBuildings", "TouristAttraction"]
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 35.34, "longitude": 139.63}
    assert data["address"]["addressLocality"] == "横浜市金沢区"
    assert (data["address"]["addressRegion"], data["address"]["streetAddress"]) == ("神奈川県", "金沢町")
    assert data["name"] == "起点寺"


def test_home_page_features_the_marked_site(output):
    block = soup(output, "index.html").select_one(".ward-home__history")
    assert block.select_one("h2").get_text() == "金沢の史跡・文化財"
    assert block.select_one(".ward-history-card__name a")["href"].endswith("history/origin/")


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "#446688").save(buffer, "PNG")
    return buffer.getvalue()


def test_photo_shown_with_its_alt_text(tmp_path):
    files = {
        f"{FOLDER}/photo.md": site_text(images=[{"src": "images/history/photo.png", "alt": "本堂の正面"}]),
        "images/history/photo.png": _png(),
    }
    output = build_site(tmp_path, files=files, PLUGINS=PLUGINS)
    img = soup(output, "history/photo/index.html").select_one(".ward-history-site__figure img")
    assert img["alt"] == "本堂の正面"
    assert img["src"].endswith("images/history/photo.png")


def test_draft_site_is_not_published(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(), f"{FOLDER}/b.md": site_text("下書き寺", "したがきでら", status="draft")}
    output = build_site(tmp_path, files=files, PLUGINS=PLUGINS)
    assert (output / "history/a/index.html").exists()
    assert not (output / "history/b").exists()


def test_map_page_without_any_coordinates_has_no_map_button(tmp_path):
    output = build_site(tmp_path, files={f"{FOLDER}/a.md": site_text()}, PLUGINS=PLUGINS)
    page = soup(output, "history/map/index.html")
    assert page.select_one("[data-ward-map]") is None
    assert "位置が確かめられた史跡はまだありません。" in page.select_one("#map-mapped").parent.get_text()
    assert [a.get_text() for a in page.select("#map-unmapped ~ ul a")] == ["テスト寺"]

"""Emergency mode: a real build with and without content/emergency.md, asserted on parsed output."""

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import build_site, soup
from emergency_fixtures import BASE, NOTICE, with_notice

from ward_content.errors import ContentErrors

# One page of every kind the tiny site has: home, section, article, page, plugin pages, 404.
PAGES = (
    "index.html",
    "news/index.html",
    "news/oshirase/index.html",
    "about/index.html",
    "history/index.html",
    "events/index.html",
    "bulletins/index.html",
    "opendata/index.html",
    "search/index.html",
    "404.html",
)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def on(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("on"), files=with_notice())


@pytest.fixture(scope="module")
def off(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("off"), files=BASE)


def test_banner_is_on_every_page_kind_first_after_the_skip_link(on):
    for rel in PAGES:
        body = soup(on, rel).body
        children = [tag for tag in body.find_all(recursive=False)]
        assert children[0]["class"] == ["ward-skip"], rel
        banner = children[1]
        assert banner.name == "section" and "ward-emergency" in banner["class"], rel
        # Before the header and its navigation: first in reading order.
        assert children[2].name == "header", rel
        heading = banner.find(id=banner["aria-labelledby"])
        assert heading.name == "h2"
        assert heading.get_text() == "【緊急】区内の地域防災拠点を開設しました"
        assert banner.get("role") is None  # a region with a heading, not an alert read out on every load
        assert banner["data-level"] == "urgent"
        assert banner.select_one("time")["datetime"] == "2026-11-28T06:10:00+09:00"
        assert "6:10" in banner.select_one(".ward-emergency__date").get_text()
        assert banner.select_one("a.ward-emergency__button")["href"].endswith("emergency/")


def test_no_banner_without_the_file(off):
    for rel in PAGES:
        assert soup(off, rel).select(".ward-emergency") == [], rel
    page = soup(off, "emergency/index.html")
    assert "現在、発表中の緊急情報はありません" in page.get_text()
    assert not (off / "feeds/emergency.atom.xml").exists()
    assert soup(off, "index.html").select(".ward-home-emergency") == []


def test_emergency_page_is_light_text_only_and_inline(on):
    data = (on / "emergency/index.html").read_bytes()
    assert len(data) < 30_000
    page = soup(on, "emergency/index.html")
    assert page.find_all("img") == []
    assert page.find_all("script") == []
    assert page.select('link[rel="stylesheet"]') == []
    assert page.find("style") is not None
    assert page.h1.get_text() == "【緊急】区内の地域防災拠点を開設しました"
    assert "飲料水と食料は最小限です" in page.get_text()
    assert page.html["lang"] == "ja"
    assert page.select_one('a[href$="bousai/hinan/"]') is not None
    assert "045-788-7706" in page.get_text()


def test_home_page_links_the_notice_first(on):
    home = soup(on, "index.html")
    first_block = home.select_one(".ward-home").find("section")
    assert first_block["aria-labelledby"] == "home-emergency"
    assert first_block.a["href"].endswith("emergency/")


def test_json_ld_special_announcement_on_the_home_page(on):
    script = soup(on, "index.html").select_one('.ward-home-emergency script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "SpecialAnnouncement"
    assert data["name"] == "【緊急】区内の地域防災拠点を開設しました"
    assert data["datePosted"] == "2026-11-28T06:10:00+09:00"
    assert data["url"] == "http://localhost:8000/emergency/"
    assert data["spatialCoverage"]["name"] == "横浜市金沢区"
    assert "expires" not in data


def test_site_feed_carries_the_notice_first_and_its_own_feed(on, off):
    entries = ET.parse(on / "feeds/all.atom.xml").getroot().findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}title").text == "【緊急】区内の地域防災拠点を開設しました"
    assert entries[0].find(f"{ATOM}link").get("href") == "http://localhost:8000/emergency/"
    assert len(entries) == 2
    own = ET.parse(on / "feeds/emergency.atom.xml").getroot().findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in own] == ["【緊急】区内の地域防災拠点を開設しました"]
    titles = [
        e.find(f"{ATOM}title").text for e in ET.parse(off / "feeds/all.atom.xml").getroot().findall(f"{ATOM}entry")
    ]
    assert titles == ["お知らせの記事"]


def test_expired_notice_disappears_on_the_next_build(tmp_path):
    expired = NOTICE.replace("issued: 2026-11-28 06:10\n", "issued: 2026-11-26 06:10\nexpires: 2026-11-27 18:00\n")
    output = build_site(tmp_path, files=with_notice(expired))
    assert soup(output, "index.html").select(".ward-emergency") == []
    assert "現在、発表中の緊急情報はありません" in soup(output, "emergency/index.html").get_text()


def test_notice_before_its_expiry_is_shown_with_it(tmp_path):
    later = NOTICE.replace("issued: 2026-11-28 06:10\n", "issued: 2026-11-28 06:10\nexpires: 2026-11-28 18:00\n")
    output = build_site(tmp_path, files=with_notice(later), EMERGENCY_NOW="2026-11-28 17:59")
    assert soup(output, "news/index.html").select_one(".ward-emergency") is not None
    data = json.loads(soup(output, "index.html").select_one('script[type="application/ld+json"]').string)
    assert data["expires"] == "2026-11-28T18:00:00+09:00"


@pytest.mark.parametrize(
    ("level", "key"),
    [("警戒", "warning"), ("お知らせ", "notice")],
)
def test_levels_mark_the_banner(tmp_path, level, key):
    output = build_site(tmp_path, files=with_notice(NOTICE.replace("level: 緊急", f"level: {level}")))
    banner = soup(output, "index.html").select_one(".ward-emergency")
    assert banner["data-level"] == key
    assert banner.h2.get_text().startswith(f"【{level}】")


def _errors(tmp_path, files) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        build_site(tmp_path, files=files)
    return [error.format() for error in caught.value.errors]


def test_unknown_level_is_a_located_error(tmp_path):
    lines = _errors(tmp_path, with_notice(NOTICE.replace("level: 緊急", "level: 注意")))
    assert lines == [
        "content/emergency.md:2: level: 「注意」は使えません。次のどれかを書いてください: 緊急, 警戒, お知らせ (value not allowed)"
    ]


def test_issued_without_a_time_is_a_located_error(tmp_path):
    lines = _errors(tmp_path, with_notice(NOTICE.replace("issued: 2026-11-28 06:10", "issued: 2026-11-28")))
    assert lines == ["content/emergency.md:4: issued: 時刻も書いてください（例: 2026-11-28 10:30） (time missing)"]


def test_too_long_title_is_a_located_error(tmp_path):
    lines = _errors(tmp_path, with_notice(NOTICE.replace("title: 区内の", "title: " + "あ" * 30)))
    assert len(lines) == 1
    assert lines[0].startswith("content/emergency.md:3: title: 43文字あります。30文字以内にしてください")


def test_image_in_the_notice_is_a_located_error(tmp_path):
    import io

    from PIL import Image

    photo = io.BytesIO()
    Image.new("RGB", (8, 8)).save(photo, "PNG")
    # A photo of the site itself (one on another host is refused for every page: image from another site).
    files = {**with_notice(NOTICE + "\n![地図](images/map.png)\n"), "images/map.png": photo.getvalue()}
    lines = _errors(tmp_path, files)
    assert lines == [
        "content/emergency.md:12: 本文: 緊急情報のページには画像を載せられません（回線が混んでいても開ける軽いページにするため）。"
        "文章で書いてください (image in the emergency notice)"
    ]


def test_expiry_before_issue_is_an_error(tmp_path):
    text = NOTICE.replace("issued: 2026-11-28 06:10\n", "issued: 2026-11-28 06:10\nexpires: 2026-11-28 06:00\n")
    lines = _errors(tmp_path, with_notice(text))
    assert (
        len(lines) == 1
        and ": expires: 掲載終了日時（2026-11-28 06:00）が発表日時（2026-11-28 06:10）と同じか前です" in lines[0]
    )
    assert lines[0].endswith("(expires before issued)")


def test_other_file_at_the_top_of_content_is_an_error(tmp_path):
    lines = _errors(tmp_path, {**BASE, "notice.md": NOTICE})
    assert lines == [
        "content/notice.md:1: content/ の直下に置けるのは emergency.md だけです。名前を emergency.md にするか、"
        "記事のフォルダに移してください (only emergency.md may sit at the top of content/)"
    ]


def test_a_page_at_the_notice_url_is_an_error(tmp_path):
    lines = _errors(tmp_path, {**BASE, "pages/emergency.md": "---\ntitle: 緊急時の案内\norder: 2\n---\n本文\n"})
    assert len(lines) == 1
    assert lines[0].startswith("content/pages/emergency.md:1: slug: URL /emergency/ は緊急情報のページが使います")

"""The source review applied to the 25 sample sites: official source first, every correction on the page and in
the open data (parsed with csv and json), open questions 要確認, encyclopaedia coordinates marked.

The committed expectation (reviewed_sources.json) makes this run in CI without ../shared; where the reference
data is beside the repository, the expectation is checked against it too."""

import csv
import io
import json
import shutil
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, build_site, check_tree, soup
from history_fixtures import FOLDER, PLUGINS, SHARED_DATA, reviewed_sources

SITES = ROOT / "content" / FOLDER
REFERENCE_CSV = SHARED_DATA / "kanazawa-history-sources.csv"
CSV = "opendata/141003_cultural_property.csv"
GEOJSON = "opendata/141003_cultural_property.geojson"
# Levels 1-4 of the review's notes: national registers, city/ward, prefecture, the site's operator.
OFFICIAL_HOSTS = (
    "city.yokohama.lg.jp",
    "pref.kanagawa.jp",
    "nii.ac.jp",
    "bunka.go.jp",
    "setojinja.or.jp",
    "hama-midorinokyokai.or.jp",
    "kanagawa-jinja.or.jp",
)
ONLY_REFERENCES = {"kinryuin", "nojima-entaigo", "nojima-kaizuka", "nojima-koen", "susaki-jinja"}
REVIEW = reviewed_sources()


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    files = {f"{FOLDER}/{path.name}": path.read_text(encoding="utf-8") for path in sorted(SITES.glob("*.md"))}
    return build_site(tmp_path_factory.mktemp("reviewed"), files=files, PLUGINS=PLUGINS)


@pytest.fixture(scope="module")
def rows(output):
    raw = (output / CSV).read_bytes().decode("utf-8-sig")
    return {row["URL"].rstrip("/").rsplit("/", 1)[1]: row for row in csv.DictReader(io.StringIO(raw, newline=""))}


@pytest.fixture(scope="module")
def features(output):
    data = json.loads((output / GEOJSON).read_text(encoding="utf-8"))
    return {feature["id"]: feature for feature in data["features"]}


def _sources(page) -> list[tuple[str, str | None]]:
    return [
        (li.select_one(".ward-history-source__kind").get_text(), li.a["href"] if li.a else None)
        for li in page.select(".ward-history-sources li")
    ]


def test_the_expectation_covers_every_site_file():
    assert sorted(REVIEW) == sorted(path.stem for path in SITES.glob("*.md"))
    assert sum(1 for e in REVIEW.values() if e["official_source"]) == 19


@pytest.mark.parametrize("slug", sorted(REVIEW))
def test_official_source_first_and_references_last(output, slug):
    sources = _sources(soup(output, f"history/{slug}/index.html"))
    official = REVIEW[slug]["official_source"]
    if official:
        assert sources[0][1] == official
        assert not sources[0][0].startswith("参考")
    kinds = [kind.startswith("参考") for kind, _ in sources]
    assert kinds == sorted(kinds), sources  # no public source after a reference


def test_only_sites_citing_only_references_show_the_notice_and_warn(output, tmp_path):
    noticed = {
        slug for slug in REVIEW if soup(output, f"history/{slug}/index.html").select(".ward-history-site__confirming")
    }
    assert noticed == ONLY_REFERENCES
    shutil.copytree(SITES, tmp_path / "content" / FOLDER)
    result = check_tree(tmp_path / "content")
    assert result.errors == ()
    assert [(w.path, w.code) for w in result.warnings] == [
        (f"content/{FOLDER}/{slug}.md", "only reference sources") for slug in sorted(ONLY_REFERENCES)
    ]


def test_pins_only_with_coordinates_all_marked_as_from_an_encyclopedia(output, features):
    mapped = {slug for slug, e in REVIEW.items() if e["coordinates"]}
    assert set(features) == mapped
    for slug in mapped:
        lon, lat = features[slug]["geometry"]["coordinates"]
        assert (lat, lon) == pytest.approx(REVIEW[slug]["coordinates"], abs=1e-6)
        properties = features[slug]["properties"]
        assert properties["coordinates_from"] == "百科事典"
        assert "ウィキペディア" in properties["coordinates_source"]
        assert urlsplit(properties["coordinates_source_url"]).hostname.endswith("wikipedia.org")
        page = soup(output, f"history/{slug}/index.html")
        assert properties["coordinates_source"] in page.select_one("[data-field=coordinates_from]").get_text()
        sources = page.select(".ward-history-sources li")
        assert any("緯度・経度の出典" in li.get_text() for li in sources)
    for slug in sorted(set(REVIEW) - mapped):
        assert soup(output, f"history/{slug}/index.html").select_one("[data-ward-map]") is None


def _fact(page, field: str) -> str:
    return page.select_one(f"[data-field={field}]").get_text(" ", strip=True)


def test_shogyo_era_and_designation_history(output, rows, features):
    page = soup(output, "history/shomyoji-shogyo/index.html")
    assert _fact(page, "era") == "平安時代〜明治時代（中心は鎌倉時代〜南北朝時代）"
    assert _fact(page, "designation_history") == "2006年6月9日 国の重要文化財に指定 2016年8月17日 国宝に指定"
    assert _fact(page, "designated_on").startswith("2016年8月17日")
    assert _sources(page)[0] == ("データベース", "http://bunka3.nii.ac.jp/heritages/detail/390121")
    assert "時代（平安〜明治）" in page.select_one(".ward-history-sources li").get_text()
    row = rows["shomyoji-shogyo"]
    assert row["文化財分類"] == "国宝" and row["文化財指定日"] == "2016-08-17"
    assert row["住所"] == "神奈川県横浜市金沢区金沢町142"
    remarks = row["備考"].split("／")
    assert "指定の経過: 2006-06-09 国の重要文化財に指定、2016-08-17 国宝に指定" in remarks
    assert "時代: 平安時代〜明治時代（中心は鎌倉時代〜南北朝時代）" in remarks
    properties = features["shomyoji-shogyo"]["properties"]
    assert properties["era"] == "平安時代〜明治時代"
    assert properties["designation_history"] == ["2006-06-09 国の重要文化財に指定", "2016-08-17 国宝に指定"]


def test_jogyoji_reading_and_official_name(output, rows):
    page = soup(output, "history/jogyoji-higashi-iseki/index.html")
    assert page.h1.get_text() == "上行寺東やぐら群遺跡"  # BeautifulSoup leaves the ruby text out
    assert _fact(page, "name_common") == "上行寺東遺跡"
    facts = {tr.th.get_text(): tr.td.get_text() for tr in page.select(".ward-history-facts tr")}
    assert facts["読み"] == "じょうぎょうじひがしやぐらぐんいせき"
    row = rows["jogyoji-higashi-iseki"]
    assert (row["名称"], row["名称_カナ"], row["名称_通称"]) == (
        "上行寺東やぐら群遺跡",
        "ジョウギョウジヒガシヤグラグンイセキ",
        "上行寺東遺跡",
    )
    assert "名称_カナ" not in row["備考"]  # no longer 要確認
    assert "見学" in row["備考"]  # the reported closure is an open question


def test_seto_jinja_masks_national_from_2000_prefectural_from_1995(output, rows, features):
    page = soup(output, "history/seto-jinja/index.html")
    assert page.select_one("[data-field=designated_on] time")["datetime"] == "2000-12-04"
    assert _fact(page, "designation_history") == (
        "1995年 舞楽面2面が神奈川県の重要文化財に指定 2000年12月4日 舞楽面2面が国の重要文化財に指定"
    )
    row = rows["seto-jinja"]
    assert (row["文化財分類"], row["文化財指定日"]) == ("国指定重要文化財", "2000-12-04")
    assert "1995年 舞楽面2面が神奈川県の重要文化財に指定" in row["備考"]
    assert (
        features["seto-jinja"]["properties"]["designation_history"][-1] == "2000-12-04 舞楽面2面が国の重要文化財に指定"
    )


def test_gyokudo_garden_meisho_from_2016_11_04(output, rows, features):
    page = soup(output, "history/kawai-gyokudo-bettei/index.html")
    assert page.select_one("[data-field=designated_on] time")["datetime"] == "2016-11-04"
    assert "2016年11月4日 庭園が市指定名勝に指定" in _fact(page, "designation_history")
    assert (rows["kawai-gyokudo-bettei"]["文化財分類"], rows["kawai-gyokudo-bettei"]["文化財指定日"]) == (
        "市指定名勝",
        "2016-11-04",
    )
    assert (
        "2016-11-04 庭園が市指定名勝に指定" in features["kawai-gyokudo-bettei"]["properties"]["designation_history"][1]
    )


def test_asaina_added_date_stays_unconfirmed(output, rows):
    page = soup(output, "history/asaina-kiridoshi/index.html")
    steps = page.select("[data-field=designation_history] li")
    assert "要確認" in steps[1].get_text() and "要確認" not in steps[0].get_text()
    assert "2007年7月26日" in _fact(page, "open_questions")
    assert "2008年7月28日" not in page.select_one(".ward-article__body").get_text()  # not stated as fact
    remarks = rows["asaina-kiridoshi"]["備考"]
    assert "2008-07-28 横浜市域（40,792㎡）を追加指定（要確認）" in remarks
    assert "要確認: 横浜市域の追加指定の日付" in remarks
    assert rows["asaina-kiridoshi"]["住所"] == "神奈川県横浜市金沢区朝比奈町字峠坂1番地"


@pytest.mark.parametrize(
    ("slug", "column", "question"),
    [
        ("biwajima-jinja", "文化財分類", "横浜市登録地域史跡"),
        ("kinryuin", "文化財分類", "九覧亭跡・飛石"),
        ("keisanji", "文化財分類", "十一面観音菩薩半跏像"),
        ("nojima-kaizuka", "文化財分類", "市指定史跡"),
        ("shomyoji-kondo", "文化財分類", "神奈川県の重要文化財"),
        ("kenpo-soso-no-hi", None, "「40m」と「約100m」"),
    ],
)
def test_open_questions_are_unconfirmed_on_the_page_and_named_in_the_remarks(output, rows, slug, column, question):
    page = soup(output, f"history/{slug}/index.html")
    assert question in _fact(page, "open_questions")
    row = rows[slug]
    assert any(part.startswith("要確認: ") and question in part for part in row["備考"].split("／"))
    if column:
        assert row[column] == ""  # an unconfirmed designation is not published as fact
        assert column in row["備考"]
        assert "要確認" in _fact(page, "designation")


def test_other_corrections_addresses_and_rebuild_year(output, rows):
    addresses = {
        "shomyoji": "金沢町212番地1ほか",
        "kanazawa-bunko": "金沢町142",
        "seto-jinja": "瀬戸18-14",
        "kyu-entsuji-kyakuden": "瀬戸20-3",
        "ito-hirobumi-bettei": "野島町24",
        "nojima-koen": "野島町24",
        "tomioka-hachimangu": "富岡東4-5-41",
        "kawai-gyokudo-bettei": "富岡東5-19-22",
        "ryugeji": "洲崎町9-31",
        "kinryuin": "瀬戸10-12",
        "keisanji": "富岡東4-1-8",
        "susaki-jinja": "洲崎町9-28",
        "nokendo-ato": "能見台森5-37-12",
    }
    for slug, address in addresses.items():
        assert rows[slug]["住所"] == f"神奈川県横浜市金沢区{address}", slug
        facts = {tr.th.get_text(): tr.td.get_text() for tr in soup(output, f"history/{slug}/index.html").select("tr")}
        assert facts["所在地"].startswith(f"金沢区{address}"), slug
    susaki = soup(output, "history/susaki-jinja/index.html").get_text()
    assert "天保9年（1838）" in susaki and "1839" not in susaki
    # The area facet still groups by 町名, not by lot number.
    area = soup(output, "history/area/index.html")
    assert "瀬戸18-14" not in [h.get_text() for h in area.select("main h2")]


@pytest.mark.skipif(not REFERENCE_CSV.exists(), reason="the shared reference data is not beside the repository")
def test_the_expectation_follows_the_reference_data():
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as handle:
        reference = {row["name"]: row for row in csv.DictReader(handle)}
    by_name = {e["reference_name"]: e for e in REVIEW.values()}
    assert sorted(by_name) == sorted(reference)
    for name, row in reference.items():
        expected = by_name[name]
        official = urlsplit(row["primary_source_url"]).hostname.endswith(OFFICIAL_HOSTS)
        assert expected["official_source"] == (row["primary_source_url"] if official else None), name
        if row["latitude"]:
            assert expected["coordinates"] == pytest.approx([float(row["latitude"]), float(row["longitude"])], abs=1e-6)
        else:
            assert expected["coordinates"] is None, name

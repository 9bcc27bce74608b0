"""Sources as data: each states its kind (validated, located errors), the page shows it, a site citing only
references carries a notice and makes `invoke check` and the build warn without failing."""

import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT, build_site, check_tree, soup, write_files
from history_fixtures import ENCYCLOPEDIA, FOLDER, OFFICIAL, PLUGINS, REFERENCE, site_text

from ward_content.errors import WardBuildError

KINDS = "公式・行政, 所有者・管理者, データベース, 参考"
ONLY_REFERENCES = (
    "sources: 警告: 出典が「参考」だけです。横浜市・金沢区・神奈川県の資料、文化庁などのデータベース、所有者・管理者の資料で"
    "確かめ、その出典を先頭に加えてください（それまでページには「確認中」のお知らせが出ます） (only reference sources)"
)


def _errors(tmp_path, files) -> list[str]:
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files=files, PLUGINS=PLUGINS)
    return [error.format() for error in caught.value.errors]


def test_unknown_source_kind_lists_the_allowed_kinds(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(sources=[{"kind": "公式", "title": "横浜市のページ"}])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:10: sources.0.kind: 「公式」は使えません。次のどれかを書いてください: {KINDS} (value not allowed)"
    ]


def test_missing_source_kind_is_located(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(sources=[{"title": "横浜市のページ"}])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:10: sources.0.kind: 必須の項目です。sources.0.kind: を書いてください (missing required field)"
    ]


def test_a_reference_must_say_what_it_is(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(sources=[OFFICIAL, {"kind": "参考", "title": "ブログ"}])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:13: sources.1: 「参考」の出典には label: でどんな資料かを書いてください"
        "（例: 個人サイト、観光協会、地域紙、百科事典）。ページでは「参考（個人サイト）」と出ます (reference without label)"
    ]


def test_a_source_url_is_a_web_address(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(sources=[{**OFFICIAL, "url": "www.city.yokohama.lg.jp/（区のページ）"}])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:12: sources.0.url: 「www.city.yokohama.lg.jp/（区のページ）」: url には http:// か https:// "
        "で始まるアドレスだけを書いてください。説明は title: や about: に書きます (not a web address)"
    ]


def test_an_official_source_after_a_reference_is_refused(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(sources=[REFERENCE, OFFICIAL])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:14: sources.1.kind: 「公式・行政」の出典が「参考」の出典より後にあります。"
        "公的な出典を先に書いてください（sources の 2 件目を 1 件目より前に移します） (official source after a reference)"
    ]


def test_coordinates_name_their_origin_and_source(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(latitude=35.34, longitude=139.63, sources=[OFFICIAL])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:9: sources: 緯度・経度の出典がありません。座標を読んだ資料を sources に加え、"
        "coordinates: true を付けてください (coordinates source missing)",
        f"content/{FOLDER}/a.md:13: coordinates_from: 緯度・経度をどこで読んだかが書かれていません。coordinates_from: に "
        "公的資料 か 百科事典 を書いてください (coordinates origin missing)",
    ]


def test_a_coordinates_source_without_coordinates(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(sources=[OFFICIAL, ENCYCLOPEDIA])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:17: sources.1.coordinates: 緯度・経度が書かれていないのに、座標の出典（coordinates: true）が"
        "あります。緯度・経度を書くか、coordinates: true を消してください (coordinates source without coordinates)"
    ]


def test_a_coordinates_origin_without_coordinates(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(coordinates_from="百科事典")}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:13: coordinates_from: 緯度・経度が書かれていないのに coordinates_from: があります。"
        "緯度・経度を書くか、この行を消してください (coordinates origin without coordinates)"
    ]


def test_a_designation_step_needs_a_date_or_a_year(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(designation_history=[{"event": "国宝に指定"}])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:14: designation_history.0: 指定の経過には date:（日付）か year:（年だけ分かるとき）の"
        "どちらか一つを書いてください (step needs a date or a year)"
    ]


def _sites() -> dict[str, str]:
    return {
        f"{FOLDER}/official.md": site_text(
            "公の寺",
            "おおやけのてら",
            latitude=35.34,
            longitude=139.63,
            designation_history=[
                {"year": 1995, "event": "県の重要文化財に指定"},
                {"date": "2000-12-04", "event": "国の重要文化財に指定"},
            ],
            open_questions=["追加指定の日付が資料どうしで異なる"],
        ),
        f"{FOLDER}/weak.md": site_text("噂の塚", "うわさのつか", sources=[REFERENCE]),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sources")
    capture = io.StringIO()
    original, sys.stderr = sys.stderr, capture
    try:
        output = build_site(tmp, files=_sites(), PLUGINS=PLUGINS)
    finally:
        sys.stderr = original
    return output, capture.getvalue()


def test_the_page_shows_the_kind_beside_each_source(built):
    output, _ = built
    items = soup(output, "history/official/index.html").select(".ward-history-sources li")
    assert [li.select_one(".ward-history-source__kind").get_text() for li in items] == [
        "公式・行政",
        "参考（百科事典）",
    ]
    assert [li.a["href"] for li in items] == [OFFICIAL["url"], ENCYCLOPEDIA["url"]]
    assert [li.a.get_text() for li in items] == [OFFICIAL["title"], ENCYCLOPEDIA["title"]]
    assert items[1].select_one(".ward-history-source__about").get_text() == "（緯度・経度の出典）"


def test_a_site_with_only_references_shows_the_notice(built):
    output, _ = built
    weak = soup(output, "history/weak/index.html")
    assert weak.select_one(".ward-history-site__confirming").get_text() == (
        "このページの内容は、公的な資料による確認を進めています。出典はいずれも参考資料です。"
    )
    assert weak.select_one(".ward-history-source__kind").get_text() == "参考（個人サイト）"
    assert soup(output, "history/official/index.html").select_one(".ward-history-site__confirming") is None


def test_designation_history_and_open_questions_on_the_page(built):
    output, _ = built
    page = soup(output, "history/official/index.html")
    steps = [li.get_text(" ", strip=True) for li in page.select("[data-field=designation_history] li")]
    assert steps == ["1995年 県の重要文化財に指定", "2000年12月4日 国の重要文化財に指定"]
    assert page.select_one("[data-field=designation_history] time")["datetime"] == "2000-12-04"
    assert [li.get_text(" ", strip=True) for li in page.select("[data-field=open_questions] li")] == [
        "要確認 追加指定の日付が資料どうしで異なる"
    ]


def test_encyclopedia_coordinates_are_marked_on_the_page_and_in_the_open_data(built):
    output, _ = built
    page = soup(output, "history/official/index.html")
    assert page.select_one("[data-ward-map]") is not None  # kept on the map
    assert page.select_one("[data-field=coordinates_from]").get_text() == (
        "地図の位置は百科事典に載っている値で、公的な資料ではまだ確かめていません。目安としてご覧ください"
        f"（出典: {ENCYCLOPEDIA['title']}）。"
    )
    data = json.loads((output / "opendata/141003_cultural_property.geojson").read_text(encoding="utf-8"))
    (feature,) = data["features"]
    assert feature["properties"]["coordinates_from"] == "百科事典"
    assert feature["properties"]["coordinates_source"] == ENCYCLOPEDIA["title"]
    assert feature["properties"]["coordinates_source_url"] == ENCYCLOPEDIA["url"]
    assert feature["properties"]["designation_history"] == [
        "1995年 県の重要文化財に指定",
        "2000-12-04 国の重要文化財に指定",
    ]
    assert feature["properties"]["open_questions"] == ["追加指定の日付が資料どうしで異なる"]
    raw = (output / "opendata/141003_cultural_property.csv").read_bytes().decode("utf-8-sig")
    rows = {r["名称"]: r for r in csv.DictReader(io.StringIO(raw, newline=""))}
    remarks = rows["公の寺"]["備考"].split("／")
    assert "指定の経過: 1995年 県の重要文化財に指定、2000-12-04 国の重要文化財に指定" in remarks
    assert (
        f"緯度・経度: 百科事典の値で公的資料では未確認（出典: {ENCYCLOPEDIA['title']} {ENCYCLOPEDIA['url']}）"
        in remarks
    )
    assert "要確認: 追加指定の日付が資料どうしで異なる" in remarks


def test_the_build_prints_the_warning_and_succeeds(built):
    output, stderr = built
    assert (output / "history/weak/index.html").is_file()
    assert stderr.splitlines() == [f"content/{FOLDER}/weak.md:9: {ONLY_REFERENCES}"]


def test_invoke_check_prints_the_warning_and_exits_0(tmp_path):
    write_files(tmp_path / "content", _sites())
    result = check_tree(tmp_path / "content")
    assert (result.errors, [w.code for w in result.warnings]) == ((), ["only reference sources"])
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(tmp_path / "content")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        f"content/{FOLDER}/weak.md:9: {ONLY_REFERENCES}",
        "問題はありません（2 ファイル、警告 1 件）",
    ]


def test_invoke_check_github_format_annotates_a_warning(tmp_path):
    write_files(tmp_path / "content", {f"{FOLDER}/weak.md": site_text(sources=[REFERENCE])})
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--format", "github", "--content", str(tmp_path / "content")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith(f"::warning file=content/{FOLDER}/weak.md,line=9::sources: 出典が")


@pytest.mark.parametrize(
    "code",
    [
        "not a web address",
        "reference without label",
        "official source after a reference",
        "coordinates origin missing",
        "coordinates source missing",
        "coordinates source without coordinates",
        "coordinates origin without coordinates",
        "step needs a date or a year",
        "only reference sources",
    ],
)
def test_staff_guide_explains_each_source_message(code):
    guide = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert f"| `{code}` |" in guide

"""Every bad-data case is one located message naming file, line and field; the build stops with exit code 2."""

import subprocess
import sys

import pytest
from conftest import ROOT, build_site, check_tree, write_files
from history_fixtures import FOLDER, PLUGINS, site_text

from ward_content.errors import ConfigurationError, WardBuildError

DESIGNATIONS = (
    "国宝, 国指定重要文化財, 国指定史跡, 国指定名勝, 国指定天然記念物, 国登録有形文化財, 県指定重要文化財, 県指定史跡, "
    "県指定名勝, 県指定無形民俗文化財, 市指定有形文化財, 市指定史跡, 市指定名勝, 市指定無形民俗文化財, 市登録地域有形文化財, "
    "市登録地域史跡, 未指定"
)
ERAS = (
    "縄文時代, 弥生時代, 古墳時代, 飛鳥時代, 奈良時代, 平安時代, 鎌倉時代, 南北朝時代, 室町時代, 安土桃山時代, 江戸時代, "
    "明治時代, 大正時代, 昭和時代"
)


def _errors(tmp_path, files, **overrides) -> list[str]:
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files=files, PLUGINS=PLUGINS, **overrides)
    assert caught.value.exitcode == 2
    assert not (tmp_path / "output" / "history").exists()  # nothing is written
    return [error.format() for error in caught.value.errors]


def test_unknown_designation_lists_the_allowed_values(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(designation="国の史跡")}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:4: designation: 「国の史跡」は使えません。次のどれかを書いてください: {DESIGNATIONS} (value not allowed)"
    ]


def test_unknown_era_lists_the_allowed_values(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(era="鎌倉")}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:7: era: 「鎌倉」は使えません。次のどれかを書いてください: {ERAS} (value not allowed)"
    ]


def test_coordinates_outside_the_ward(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(latitude=139.63, longitude=35.34)}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:18: latitude: 座標（緯度 139.63、経度 35.34）が金沢区の範囲の外です。緯度は 35.29〜35.4、"
        "経度は 139.57〜139.68 の間です。緯度と経度が入れ替わっていないか確かめてください (coordinates outside the ward)"
    ]


def test_only_one_coordinate(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(latitude=35.34)}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:13: longitude: 緯度（latitude）と経度（longitude）は両方書くか、両方とも書かないでください。"
        "longitude: を書き足すか、latitude: を消してください (only one coordinate)"
    ]


def test_related_site_that_does_not_exist(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(related=["nothere"])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:14: related.0: 関連する史跡「nothere」がありません。content/history/sites/ にある別の史跡のファイル名"
        "（.md を除く）を書いてください (related site not found)"
    ]


def test_missing_image(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(images=[{"src": "images/history/none.jpg", "alt": "本堂"}])}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:14: images.0.src: 画像「images/history/none.jpg」が見つかりません。"
        "content/images/history/none.jpg に置くか、src を直してください (image file missing)"
    ]


def test_reading_not_in_kana(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(reading="Shomyoji")}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:3: reading: 「Shomyoji」: 読みはひらがなで書いてください（例: しょうみょうじ）。"
        "漢字や英字は使えません (reading not kana)"
    ]


def test_address_outside_the_ward(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(address="鎌倉市十二所")}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:8: address: 「鎌倉市十二所」: 所在地は「金沢区」から町名まで書いてください（例: 金沢区金沢町） "
        "(address outside the ward)"
    ]


def test_unknown_unconfirmed_field(tmp_path):
    errors = _errors(tmp_path, {f"{FOLDER}/a.md": site_text(unconfirmed=["name"])})
    assert errors == [
        f"content/{FOLDER}/a.md:14: unconfirmed.0: 「name」は使えません。次のどれかを書いてください: reading, name_en, "
        "designation, designation_note, era, era_note, address, coordinates, access (value not allowed)"
    ]


def test_designation_date_on_an_undesignated_site(tmp_path):
    files = {f"{FOLDER}/a.md": site_text(designation="未指定", designated_on="1990-01-01")}
    assert _errors(tmp_path, files) == [
        f"content/{FOLDER}/a.md:13: designated_on: 「未指定」の史跡に指定日（designated_on）が書かれています。"
        "指定されているなら designation: に指定の区分を書き、そうでなければ designated_on: を消してください "
        "(designation date without designation)"
    ]


def test_slug_taken_by_a_catalog_page(tmp_path):
    errors = _errors(tmp_path, {f"{FOLDER}/map.md": site_text()})
    assert errors == [
        f"content/{FOLDER}/map.md:1: slug: 「map」は史跡一覧のページが使う名前です。ファイル名か slug を変えてください"
        "（使えない名前: area, designation, era, gojuon, index, map, sites） (reserved slug)"
    ]


def test_history_article_taking_a_catalog_url(tmp_path):
    files = {
        f"{FOLDER}/a.md": site_text(),
        "history/map.md": "---\ntitle: 地図の話\ndate: 2026-10-01\n---\n本文です。\n",
    }
    assert _errors(tmp_path, files) == [
        "content/history/map.md:1: slug: URL /history/map/ は史跡・文化財の一覧のページが使います。"
        "ファイル名か slug を変えてください（history/ の下で使えない名前: area, designation, era, gojuon, index, map, "
        "sites） (reserved slug)"
    ]


def test_every_problem_at_once(tmp_path):
    files = {
        f"{FOLDER}/a.md": site_text(designation="国の史跡", era="鎌倉"),
        f"{FOLDER}/b.md": site_text(related=["nothere"], latitude=36.0, longitude=139.63),
    }
    codes = sorted(e.rsplit(" (", 1)[1].rstrip(")") for e in _errors(tmp_path, files))
    assert codes == ["coordinates outside the ward", "related site not found", "value not allowed", "value not allowed"]


def test_invoke_check_reports_the_same_and_exits_1(tmp_path):
    write_files(tmp_path / "content", {f"{FOLDER}/a.md": site_text(related=["nothere"])})
    assert [e.code for e in check_tree(tmp_path / "content").errors] == ["related site not found"]
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(tmp_path / "content")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 1
    assert "(related site not found)" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (
            "WARD_OPENDATA_CODE",
            "14100",
            "WARD_OPENDATA_CODE: expected a 6-digit 全国地方公共団体コード, received '14100'",
        ),
        (
            "WARD_OPENDATA_LOCATION_CODE",
            "14108",
            "WARD_OPENDATA_LOCATION_CODE: expected a 6-digit 全国地方公共団体コード, received '14108'",
        ),
        ("HISTORY_NEAREST_COUNT", 0, "HISTORY_NEAREST_COUNT: expected a positive integer, received 0"),
        (
            "HISTORY_TILE_URL",
            "https://x/{z}",
            "HISTORY_TILE_URL: expected a URL with {z}, {x} and {y}, received 'https://x/{z}'",
        ),
    ],
)
def test_wrong_settings_are_developer_errors(tmp_path, setting, value, message):
    with pytest.raises(ConfigurationError) as caught:
        build_site(tmp_path, files={f"{FOLDER}/a.md": site_text()}, PLUGINS=PLUGINS, **{setting: value})
    # WARD_* settings are validated with every plugin's at once, under one heading line.
    assert str(caught.value).splitlines()[-1] == message

"""Broken CSV rows: each a located error (file, row, column, Japanese) from the build and from `invoke check`."""

import pytest
from conftest import build_site, write_files
from evacuation.columns import SPACE_COLUMNS
from evacuation_fixtures import LOC, SHELTER, SPACE, csv_text, files, shelters, spaces

from tools.site_build import check_content
from ward_content.errors import ContentErrors

BROKEN_SHELTERS = shelters(
    {"NO": "3", "名称": "", **LOC, "災害種別_地震": "1"},
    {"NO": "4", "名称": "遠すぎる学校", **LOC, "緯度": "35.6812", "経度": "139.7671", "災害種別_地震": "1"},
    {"NO": "5", "名称": "丸を書いた学校", **LOC, "災害種別_地震": "○"},
    {"NO": "1", "名称": "番号が重なった学校", **LOC, "災害種別_地震": "1"},
    {"NO": "6", "名称": "種別のない学校", **LOC},
    {"NO": "7", "名称": "人数の学校", **LOC, "災害種別_地震": "1", "想定収容人数": "約500人"},
)
EXPECTED = [
    "content/data/evacuation_shelter.csv:4: 名称: 4行目「名称」: 名称が空欄です。施設や場所の名前を書いてください (missing name)",
    "content/data/evacuation_shelter.csv:5: 経度: 5行目「経度」: 「139.7671」は金沢区の外です（区内は東経139.57〜139.68度）。"
    "緯度と経度を取り違えていないか確かめてください (coordinate outside the ward)",
    "content/data/evacuation_shelter.csv:5: 緯度: 5行目「緯度」: 「35.6812」は金沢区の外です（区内は北緯35.3〜35.39度）。"
    "緯度と経度を取り違えていないか確かめてください (coordinate outside the ward)",
    "content/data/evacuation_shelter.csv:6: 災害種別_地震: 6行目「災害種別_地震」: 「○」は使えません。"
    "対象なら半角の 1、対象でなければ空欄にしてください (unknown disaster type flag)",
    "content/data/evacuation_shelter.csv:7: NO: 7行目「NO」: NO「1」は2行目と同じです。重ならない番号にしてください (duplicate id)",
    "content/data/evacuation_shelter.csv:8: 災害種別_地震: 8行目「災害種別_地震」: どの災害の避難先か分かりません。"
    "災害種別_… の列のどれかに 1 を書いてください (no disaster type)",
    "content/data/evacuation_shelter.csv:9: 想定収容人数: 9行目「想定収容人数」: 「約500人」: "
    "人数を半角の整数で書いてください（分からなければ空欄） (invalid capacity)",
]


def _build_errors(tmp_path, content) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        build_site(tmp_path, files=content)
    return [error.format() for error in caught.value.errors]


def test_every_broken_row_is_located_by_row_and_column_in_the_build(tmp_path):
    assert _build_errors(tmp_path, files(shelter_rows=BROKEN_SHELTERS)) == EXPECTED


def test_invoke_check_reports_the_same_rows(tmp_path):
    # check_content is what `invoke check` runs: the configured plugins' types and data checks.
    content = write_files(tmp_path / "content", files(shelter_rows=BROKEN_SHELTERS))
    assert [error.format() for error in check_content(content).errors] == EXPECTED


@pytest.mark.parametrize("character", ["\x0b", "\u202e"])
def test_a_control_character_in_a_cell_is_located_as_in_a_page(tmp_path, character):
    rows = shelters({"NO": "3", "名称": f"金沢{character}小学校", **LOC, "災害種別_地震": "1"})
    content = write_files(tmp_path / "content", files(shelter_rows=rows))
    [error] = check_content(content).errors
    assert (error.path, error.line, error.field, error.code) == (
        "content/data/evacuation_shelter.csv",
        4,
        "名称",
        "control character",
    )
    assert f"（U+{ord(character):04X}）が入っています" in error.message


def test_a_wrong_header_names_the_first_wrong_column(tmp_path):
    columns = list(SPACE_COLUMNS)
    columns[1], columns[2] = columns[2], columns[1]
    content = {**files(), SPACE: csv_text(columns, spaces())}
    assert _build_errors(tmp_path, content) == [
        "content/data/evacuation_space.csv:1: 名称: 1行目「名称」: 2列目は「名称」のはずが「名称_カナ」です。"
        "指定緊急避難場所一覧の項目順にしてください (csv header)"
    ]


def test_a_row_with_missing_cells_is_located(tmp_path):
    text = csv_text(SPACE_COLUMNS, spaces()) + "3,短い行,,\r\n".encode()
    assert _build_errors(tmp_path, {**files(), SPACE: text}) == [
        "content/data/evacuation_space.csv:4: 4行目: 項目の数が 4 です。見出しと同じ 26 項目にしてください (wrong number of cells)"
    ]


def test_a_file_saved_by_excel_in_shift_jis_is_read(tmp_path):
    text = csv_text(SPACE_COLUMNS, spaces()).decode("utf-8-sig").encode("cp932")
    output = build_site(tmp_path, files={**files(), SPACE: text})
    assert (output / "bousai/hinan/space-2/index.html").is_file()


def test_a_too_large_file_is_refused(tmp_path):
    content = {**files(), SHELTER: csv_text(SPACE_COLUMNS, [])}
    with pytest.raises(ContentErrors):
        build_site(tmp_path, files=content, EVACUATION_MAX_BYTES=10)

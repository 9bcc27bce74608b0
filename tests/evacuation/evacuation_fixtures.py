"""Small evacuation CSV files in the standard's columns, built with the csv module."""

from __future__ import annotations

import csv
import io

from evacuation.columns import SHELTER_COLUMNS, SPACE_COLUMNS

LOC = {"市区町村コード": "141089", "都道府県名": "神奈川県", "市区町村名": "横浜市金沢区"}
SHELTER = "data/evacuation_shelter.csv"
SPACE = "data/evacuation_space.csv"


def csv_text(columns, rows: list[dict[str, str]]) -> bytes:
    """UTF-8 with BOM, as staff save it from a spreadsheet."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    return buffer.getvalue().encode("utf-8-sig")


def shelters(*extra: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"NO": "1", "名称": "テスト第一小学校", **LOC, "住所": "横浜市金沢区泥亀2-9-1", "緯度": "35.3378", "経度": "139.6243",
         "災害種別_地震": "1", "想定収容人数": "1200", "対象となる町会・自治会": "泥亀1〜2丁目、大川"},
        {"NO": "2", "名称": "テスト第二中学校", **LOC, "災害種別_地震": "1", "備考": "要確認：住所、緯度・経度"},
        *extra,
    ]  # fmt: skip


def spaces(*extra: dict[str, str]) -> list[dict[str, str]]:
    return [
        {"NO": "1", "名称": "テスト地区センター", **LOC, "住所": "横浜市金沢区六浦1-1", "緯度": "35.3400", "経度": "139.6300",
         "災害種別_洪水": "1", "災害種別_崖崩れ、土石流及び地滑り": "1", "災害種別_高潮": "1"},
        {"NO": "2", "名称": "テスト公園一帯", **LOC, "災害種別_大規模な火事": "1", "災害種別_地震": "1",
         "対象となる町会・自治会": "瀬戸、釜利谷東一丁目"},
        *extra,
    ]  # fmt: skip


def files(shelter_rows=None, space_rows=None) -> dict[str, bytes]:
    return {
        SHELTER: csv_text(SHELTER_COLUMNS, shelters() if shelter_rows is None else shelter_rows),
        SPACE: csv_text(SPACE_COLUMNS, spaces() if space_rows is None else space_rows),
    }

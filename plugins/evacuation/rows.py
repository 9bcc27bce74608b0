"""Reading the evacuation CSV files: every row checked, every problem located by file, row and column."""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

from ward_content.bounds import control_message, first_control
from ward_content.errors import ContentError

from .columns import FLAG_COLUMNS, KINDS
from .model import Place, Source, sources
from .settings import EvacuationSettings


def shown(content_root: Path, rel_path: str) -> str:
    return f"{content_root.name}/{rel_path}"


def _error(path: str, row: int, column: str, message: str, code: str) -> ContentError:
    where = f"{row}行目「{column}」: " if column else f"{row}行目: "
    return ContentError(path, row, column, where + message, code)


def read_source(
    content_root: Path, source: Source, settings: EvacuationSettings
) -> tuple[list[Place], list[ContentError]]:
    """Every valid row of one file and every located problem; a missing file has no places and no error."""
    path = content_root / source.rel_path
    if not path.is_file():
        return [], []
    name = shown(content_root, source.rel_path)
    data = path.read_bytes()
    if len(data) > settings.max_bytes:
        return [], [
            _error(
                name,
                1,
                "",
                f"ファイルが大きすぎます（{len(data):,}バイト、上限 {settings.max_bytes:,}バイト）",
                "csv too large",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Excel's 「CSV」 on Japanese Windows saves Shift_JIS (cp932).
            text = data.decode("cp932")
        except UnicodeDecodeError:
            return [], [
                _error(
                    name, 1, "", "文字コードが読めません。UTF-8（BOM 付き）の CSV で保存してください", "csv encoding"
                )
            ]
    return parse_rows(name, text, source, settings)


def _records(reader, name: str, errors: list[ContentError]):
    """The reader's records; a cell the csv module refuses (longer than its 131,072-character bound) ends the file."""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            errors.append(
                _error(
                    name,
                    reader.line_num,
                    "",
                    '項目が長すぎて読めません（1項目 131,072 文字まで）。引用符（"）の閉じ忘れがないか確かめてください',
                    "csv cell too long",
                )
            )
            return
        yield cells


def parse_rows(
    name: str, text: str, source: Source, settings: EvacuationSettings
) -> tuple[list[Place], list[ContentError]]:
    """The rows of one CSV text; the row number is the spreadsheet's (the header is row 1)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    refused: list[ContentError] = []
    header = next(_records(reader, name, refused), None)
    if refused:
        return [], refused
    if header is None:
        return [], [
            _error(name, 1, "", f"見出しの行がありません。{source.label}の項目名を1行目に書いてください", "csv empty")
        ]
    header = [h.strip() for h in header]
    if tuple(header) != source.columns:
        return [], [_header_error(name, header, source)]
    places: list[Place] = []
    errors: list[ContentError] = []
    first_row_of: dict[int, int] = {}
    for row_number, cells in enumerate(_records(reader, name, errors), start=2):
        if row_number - 1 > settings.max_rows:
            errors.append(
                _error(name, row_number, "", f"行が多すぎます（上限 {settings.max_rows:,}行）", "csv too many rows")
            )
            break
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(source.columns):
            errors.append(
                _error(
                    name,
                    row_number,
                    "",
                    f"項目の数が {len(cells)} です。見出しと同じ {len(source.columns)} 項目にしてください",
                    "wrong number of cells",
                )
            )
            continue
        row = {column: cell.strip() for column, cell in zip(source.columns, cells, strict=True)}
        problems = check_row(name, row_number, row, settings)
        number = row["NO"]
        if is_count(number) and int(number) in first_row_of:
            problems.append(
                _error(
                    name,
                    row_number,
                    "NO",
                    f"NO「{number}」は{first_row_of[int(number)]}行目と同じです。重ならない番号にしてください",
                    "duplicate id",
                )
            )
        elif is_count(number):
            first_row_of[int(number)] = row_number
        if problems:
            errors.extend(problems)
            continue
        places.append(Place(source.key, int(number), tuple(row.items()), row_number))
    return places, errors


def _header_error(name: str, header: list[str], source: Source) -> ContentError:
    for index, expected in enumerate(source.columns):
        got = header[index] if index < len(header) else ""
        if got != expected:
            found = f"「{got}」" if got else "空欄"
            return _error(
                name,
                1,
                expected,
                f"{index + 1}列目は「{expected}」のはずが{found}です。{source.label}の項目順にしてください",
                "csv header",
            )
    extra = header[len(source.columns)]
    return _error(name, 1, extra, f"「{extra}」は{source.label}にない項目です。列を消してください", "csv header")


# str.isdigit() also takes ², ３ and thousands of digits, which int() refuses: only ASCII digits, bounded.
_COUNT = re.compile(r"[0-9]{1,9}")


def is_count(text: str) -> bool:
    """A whole number int() reads: ASCII digits, at most 9 of them."""
    return _COUNT.fullmatch(text) is not None


def check_row(name: str, row_number: int, row: dict[str, str], settings: EvacuationSettings) -> list[ContentError]:
    """Every problem of one row: control characters, the id, the name, the coordinates, the disaster
    flags, the capacity."""
    errors = []
    # The same characters a Markdown page may not hold (a vertical tab breaks the page and its feed; a
    # direction override makes a shelter's name read as another), in any cell.
    for column, value in row.items():
        character = first_control(value)
        if character is not None:
            errors.append(_error(name, row_number, column, control_message(character), "control character"))
    if not (is_count(row["NO"]) and int(row["NO"]) > 0):
        errors.append(
            _error(name, row_number, "NO", f"「{row['NO']}」: 1以上の半角の整数で書いてください", "invalid id")
        )
    if not row["名称"]:
        errors.append(
            _error(name, row_number, "名称", "名称が空欄です。施設や場所の名前を書いてください", "missing name")
        )
    elif len(row["名称"]) > 100:
        errors.append(_error(name, row_number, "名称", "名称は100文字以内にしてください", "name too long"))
    errors += _check_coordinates(name, row_number, row, settings)
    for column in FLAG_COLUMNS:
        if row[column] not in ("", "1"):
            errors.append(
                _error(
                    name,
                    row_number,
                    column,
                    f"「{row[column]}」は使えません。対象なら半角の 1、対象でなければ空欄にしてください",
                    "unknown disaster type flag",
                )
            )
    if all(row[column] == "" for column in FLAG_COLUMNS):
        errors.append(
            _error(
                name,
                row_number,
                "災害種別_地震",
                "どの災害の避難先か分かりません。災害種別_… の列のどれかに 1 を書いてください",
                "no disaster type",
            )
        )
    capacity = row["想定収容人数"].replace(",", "")
    if capacity and not is_count(capacity):
        errors.append(
            _error(
                name,
                row_number,
                "想定収容人数",
                f"「{row['想定収容人数']}」: 人数を半角の整数で書いてください（分からなければ空欄）",
                "invalid capacity",
            )
        )
    url = row["URL"]
    if url and not url.startswith(("https://", "http://")):
        errors.append(
            _error(name, row_number, "URL", f"「{url}」: https:// で始まるアドレスを書いてください", "invalid url")
        )
    return errors


def _check_coordinates(
    name: str, row_number: int, row: dict[str, str], settings: EvacuationSettings
) -> list[ContentError]:
    lat_text, lon_text = row["緯度"], row["経度"]
    if not lat_text and not lon_text:
        return []
    errors = []
    values = {}
    for column, text in (("緯度", lat_text), ("経度", lon_text)):
        if not text:
            other = "経度" if column == "緯度" else "緯度"
            errors.append(
                _error(
                    name,
                    row_number,
                    column,
                    f"{other}だけでは位置になりません。{column}も書くか、両方とも空欄にしてください",
                    "half a coordinate",
                )
            )
            continue
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):  # not a number, or inf/nan
            errors.append(
                _error(
                    name,
                    row_number,
                    column,
                    f"「{text}」: 10進数の度で書いてください（例: 35.3378）",
                    "invalid coordinate",
                )
            )
            continue
        values[column] = value
    south, west, north, east = settings.bounds
    if "緯度" in values and not south <= values["緯度"] <= north:
        errors.append(
            _error(
                name,
                row_number,
                "緯度",
                f"「{lat_text}」は金沢区の外です（区内は北緯{south}〜{north}度）。緯度と経度を取り違えていないか確かめてください",
                "coordinate outside the ward",
            )
        )
    if "経度" in values and not west <= values["経度"] <= east:
        errors.append(
            _error(
                name,
                row_number,
                "経度",
                f"「{lon_text}」は金沢区の外です（区内は東経{west}〜{east}度）。緯度と経度を取り違えていないか確かめてください",
                "coordinate outside the ward",
            )
        )
    return errors


def read_all(content_root: Path, settings: EvacuationSettings) -> tuple[list[Place], list[ContentError]]:
    """Both files: places in kind, then file, then NO order."""
    places: list[Place] = []
    errors: list[ContentError] = []
    for source in sources(settings):
        found, problems = read_source(content_root, source, settings)
        places += found
        errors += problems
    order = {key: index for index, (key, _, _) in enumerate(KINDS)}
    places.sort(key=lambda p: (order[p.kind], p.source, p.number))
    return places, errors

"""The events CSV in the column order of 自治体標準オープンデータセット「イベント一覧」, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ward_content.csv_cells import safe_row
from ward_content.opendata import Publisher

from .record import EventRecord

COLUMNS = (
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "イベント名",
    "イベント名_カナ",
    "イベント名_英語",
    "開始日",
    "終了日",
    "開始時間",
    "終了時間",
    "開始日時特記事項",
    "説明",
    "料金(基本)",
    "料金(詳細)",
    "連絡先名称",
    "連絡先電話番号",
    "連絡先内線番号",
    "主催者",
    "場所名称",
    "住所",
    "方書",
    "緯度",
    "経度",
    "アクセス方法",
    "駐車場情報",
    "定員",
    "参加申込終了日",
    "参加申込終了時間",
    "参加申込方法",
    "URL",
    "備考",
)


def row(number: int, record: EventRecord, publisher: Publisher) -> dict[str, str]:
    """One event as one row; code and names both the publisher's (横浜市), the ward in 住所."""
    address = record.address
    return {
        "都道府県コード又は市区町村コード": publisher.code,
        "NO": str(number),
        "都道府県名": publisher.prefecture,
        "市区町村名": publisher.municipality,
        "イベント名": record.name,
        "イベント名_カナ": record.name_kana,
        "イベント名_英語": "",
        "開始日": record.start_date,
        "終了日": record.end_date,
        "開始時間": record.start_time,
        "終了時間": record.end_time,
        "開始日時特記事項": record.date_notes,
        "説明": record.description,
        "料金(基本)": ("無料" if record.fee == "無料" else "有料") if record.fee else "",
        "料金(詳細)": record.fee,
        "連絡先名称": record.contact_name,
        "連絡先電話番号": record.contact_phone,
        "連絡先内線番号": "",
        "主催者": record.organizer,
        "場所名称": record.venue_name,
        "住所": address.full,
        "方書": "",
        "緯度": "" if record.latitude is None else str(record.latitude),
        "経度": "" if record.longitude is None else str(record.longitude),
        "アクセス方法": record.access,
        "駐車場情報": "",
        "定員": record.capacity,
        "参加申込終了日": record.deadline_date,
        "参加申込終了時間": record.deadline_time,
        "参加申込方法": record.method,
        "URL": record.url,
        "備考": record.remarks,
    }


def events_csv(records: Sequence[EventRecord], publisher: Publisher) -> bytes:
    """Events in date order, CRLF line ends (RFC 4180), a BOM so Excel reads UTF-8."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for number, record in enumerate(records, start=1):
        writer.writerow(safe_row(row(number, record, publisher)))
    return out.getvalue().encode("utf-8-sig")

"""The events CSV in the column order of 自治体標準オープンデータセット「イベント一覧」, UTF-8 with BOM."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime

from ward_content.csv_cells import safe_row

from .model import Event, day_of
from .settings import EventsSettings

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


def _time(value) -> str:
    return f"{value:%H:%M}" if isinstance(value, datetime) else ""


def _notes(event: Event) -> str:
    notes = []
    if event.status == "中止":
        notes.append("中止")
    if event.original_start is not None:
        notes.append(f"延期（当初 {day_of(event.original_start).isoformat()}）")
    if event.meta.recurrence:
        notes.append(event.recurrence_label)
    return "。".join(notes)


def row(number: int, event: Event, settings: EventsSettings, public_url: str) -> dict[str, str]:
    """One event as one row; a regular class spans its first to last day, with the pattern noted."""
    meta = event.meta
    venue = meta.venue
    registration = meta.registration
    deadline = registration.deadline if registration else None
    fee = meta.fee or ""
    remarks = []
    if meta.backup_date:
        remarks.append(f"雨天順延（予備日 {meta.backup_date.isoformat()}）")
    return {
        "都道府県コード又は市区町村コード": settings.publisher_code,
        "NO": str(number),
        "都道府県名": settings.prefecture,
        "市区町村名": settings.municipality,
        "イベント名": meta.title,
        "イベント名_カナ": meta.title_kana or "",
        "イベント名_英語": "",
        "開始日": day_of(event.start).isoformat(),
        "終了日": event.last_day.isoformat(),
        "開始時間": _time(event.start),
        "終了時間": _time(event.end),
        "開始日時特記事項": _notes(event),
        "説明": meta.summary or "",
        "料金(基本)": ("無料" if fee == "無料" else "有料") if fee else "",
        "料金(詳細)": fee,
        "連絡先名称": meta.contact.department if meta.contact else "",
        "連絡先電話番号": (meta.contact.phone or "") if meta.contact else "",
        "連絡先内線番号": "",
        "主催者": meta.organizer or "",
        "場所名称": venue.name,
        "住所": venue.address,
        "方書": "",
        "緯度": "" if venue.latitude is None else str(venue.latitude),
        "経度": "" if venue.longitude is None else str(venue.longitude),
        "アクセス方法": venue.access or "",
        "駐車場情報": "",
        "定員": meta.capacity or "",
        "参加申込終了日": day_of(deadline).isoformat() if deadline else "",
        "参加申込終了時間": _time(deadline),
        "参加申込方法": (registration.method or "") if registration else "",
        "URL": f"{public_url.rstrip('/')}/{event.url}",
        "備考": "。".join(remarks),
    }


def events_csv(events: Sequence[Event], settings: EventsSettings, public_url: str) -> bytes:
    """Events in date order, CRLF line ends (RFC 4180), a BOM so Excel reads UTF-8."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for number, event in enumerate(events, start=1):
        writer.writerow(safe_row(row(number, event, settings, public_url)))
    return out.getvalue().encode("utf-8-sig")

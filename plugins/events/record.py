"""One open-data record per event: the CSV row and the JSON-LD are both written from it, so the two
never disagree (address, coordinates, image, URL), and every empty required cell says why in 備考."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ward_content.opendata import Address, Publisher

from .model import Event, day_of

# Columns the standard's イベント一覧 requires (../shared/reference/standards.md).
REQUIRED = ("イベント名", "イベント名_カナ", "開始日", "終了日", "開始時間", "終了時間", "説明", "場所名称", "住所")


def _time(value) -> str:
    return f"{value:%H:%M}" if isinstance(value, datetime) else ""


@dataclass(frozen=True)
class EventRecord:
    """The published facts of one event, in open-data terms."""

    name: str
    name_kana: str
    start_date: str
    end_date: str
    start_time: str
    end_time: str
    date_notes: str
    description: str
    fee: str
    contact_name: str
    contact_phone: str
    organizer: str
    venue_name: str
    address: Address
    latitude: float | None
    longitude: float | None
    access: str
    capacity: str
    deadline_date: str
    deadline_time: str
    method: str
    url: str
    image_url: str | None
    blanks: tuple[tuple[str, str], ...]  # (required column left empty, why)
    notes: tuple[str, ...]

    @property
    def remarks(self) -> str:
        """備考: the event's notes, then the reason for each empty required column."""
        parts = list(self.notes)
        if self.blanks:
            parts.append("空欄の理由: " + "、".join(f"{column}（{why}）" for column, why in self.blanks))
        return "。".join(parts)


def _times(event: Event) -> tuple[str, str, list[tuple[str, str]]]:
    """開始時間 and 終了時間, and why either is empty: an all-day event, or no time set."""
    start, end = event.start, event.end
    all_day = not isinstance(start, datetime) and not isinstance(end, datetime)
    start_time = _time(start)
    end_time = _time(end) if isinstance(end, datetime) and end != start else ""
    blanks = []
    if not start_time:
        blanks.append(("開始時間", "終日の催し" if all_day else "開始時刻の定めなし"))
    if not end_time:
        blanks.append(("終了時間", "終日の催し" if all_day else "終了時刻の定めなし"))
    return start_time, end_time, blanks


def _date_notes(event: Event) -> str:
    notes = []
    if event.status == "中止":
        notes.append("中止")
    if event.original_start is not None:
        notes.append(f"延期（当初 {day_of(event.original_start).isoformat()}）")
    if event.meta.recurrence:
        notes.append(event.recurrence_label)
    return "。".join(notes)


def event_record(
    event: Event, publisher: Publisher, public_url: str, photo_path: Callable[[str], str] = str
) -> EventRecord:
    """The record of one event; a regular class spans its first to last day, with the pattern noted.

    `photo_path` gives the published file of a content photo (originals are not published).
    """
    meta = event.meta
    venue = meta.venue
    base = public_url.rstrip("/")
    registration = meta.registration
    deadline = registration.deadline if registration else None
    start_time, end_time, blanks = _times(event)
    if not meta.title_kana:
        blanks.insert(0, ("イベント名_カナ", "読み未登録"))
    if not meta.summary:
        blanks.append(("説明", "URL のページを参照"))
    notes = (f"雨天順延（予備日 {meta.backup_date.isoformat()}）",) if meta.backup_date else ()
    # Keep the standard's column order for the reasons.
    blanks.sort(key=lambda blank: REQUIRED.index(blank[0]))
    return EventRecord(
        name=meta.title,
        name_kana=meta.title_kana or "",
        start_date=day_of(event.start).isoformat(),
        end_date=event.last_day.isoformat(),
        start_time=start_time,
        end_time=end_time,
        date_notes=_date_notes(event),
        description=meta.summary or "",
        fee=meta.fee or "",
        contact_name=meta.contact.department if meta.contact else "",
        contact_phone=(meta.contact.phone or "") if meta.contact else "",
        organizer=meta.organizer or "",
        venue_name=venue.name,
        address=publisher.address(venue.address, venue.postal_code),
        latitude=venue.latitude,
        longitude=venue.longitude if venue.latitude is not None else None,
        access=venue.access or "",
        capacity=meta.capacity or "",
        deadline_date=day_of(deadline).isoformat() if deadline else "",
        deadline_time=_time(deadline),
        method=(registration.method or "") if registration else "",
        url=f"{base}/{event.url}",
        image_url=f"{base}/{photo_path(meta.image.src)}" if meta.image else None,
        blanks=tuple(blanks),
        notes=notes,
    )

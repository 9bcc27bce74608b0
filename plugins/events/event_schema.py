"""Events: one Markdown file per event (まつり, 史跡めぐり, 読書, 子育て, 健康教室...), in content/events/.

Checks between fields (end before start, a deadline after the event, 延期 without a new date) and the
link to a campaign are made by `check_events`, so they are located at the field that is wrong and run
both in `invoke check` and in the build.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field

from ward_content.errors import ContentError
from ward_content.files import is_file
from ward_content.kinds import Kind
from ward_content.schemas.base import (
    Contact,
    Image,
    JpDate,
    JpDateTime,
    Slug,
    Text,
    WardModel,
    content_error,
    file_name_reference,
)

if TYPE_CHECKING:
    from ward_content.document import Document

STATUSES = ("予定", "中止", "延期")
# Filter pages of /events/: the key is the URL, the value the label residents read.
EVENT_SECTIONS = {
    "festival": "まつり",
    "history": "歴史",
    "reading": "読書",
    "kosodate": "子育て",
    "health": "健康",
    "bousai": "防災",
    "eco": "環境",
}
# A weekly class for several years; more is a typo in `until` (the build would write a calendar month for each).
MAX_OCCURRENCES = 400
# One event lasts at most a year; a longer effort is a campaign (content/campaigns/), which has no calendar months.
MAX_EVENT_DAYS = 366
# URLs the events plugin writes under events/ itself; an event with one of these slugs would clash.
RESERVED_SLUGS = frozenset({"past", "calendar", "section"})


def _event_status(value: str) -> str:
    if value not in STATUSES:
        raise content_error(
            "unknown event status",
            f"event_status「{value}」は使えません。次のどれかを書いてください: {', '.join(STATUSES)}",
        )
    return value


def _status(value: str) -> str:
    """`status` means the same for every kind (published or draft); 中止/延期 have a field of their own."""
    if value in STATUSES:
        raise content_error(
            "event state in status",
            f"「{value}」は status ではなく event_status に書きます（event_status: {value}）。"
            "status は published（公開）か draft（下書き）です",
        )
    if value not in ("published", "draft"):
        raise content_error(
            "value not allowed", f"「{value}」は使えません。次のどれかを書いてください: published, draft"
        )
    return value


def _section(value: str) -> str:
    if value not in EVENT_SECTIONS:
        allowed = ", ".join(f"{k}（{v}）" for k, v in EVENT_SECTIONS.items())
        raise content_error(
            "unknown event section", f"section「{value}」は使えません。次のどれかを書いてください: {allowed}"
        )
    return value


def _postal_code(value: str) -> str:
    if not re.fullmatch(r"\d{3}-\d{4}", value):
        raise content_error(
            "invalid postal code",
            f"郵便番号「{value}」は 236-0021 のように、数字3けた・ハイフン・数字4けたで書いてください",
        )
    return value


CampaignName = file_name_reference("unknown campaign", "キャンペーン", "content/campaigns/", "happy-teeth")


class Venue(WardModel):
    """Where the event is held."""

    name: Text = Field(description="会場名", examples=["海の公園"])
    address: Text = Field(description="住所（町名まで。例: 横浜市金沢区海の公園）", examples=["横浜市金沢区海の公園"])
    postal_code: Annotated[str, AfterValidator(_postal_code)] | None = Field(
        None, description="郵便番号（確かめたときだけ。例: 236-0021）", examples=["236-0021"]
    )
    latitude: float | None = Field(
        None, ge=-90, le=90, description="緯度（地図のリンクに使います）", examples=[35.34391]
    )
    longitude: float | None = Field(
        None, ge=-180, le=180, description="経度（地図のリンクに使います）", examples=[139.62875]
    )
    access: Text | None = Field(None, description="交通案内", examples=["シーサイドライン野島公園駅から徒歩5分"])


class Registration(WardModel):
    """Whether and how to apply."""

    required: bool = Field(description="申込みが必要なら true、不要なら false", examples=[True])
    deadline: JpDateTime | None = Field(None, description="申込締切（日付、または日付と時刻）", examples=["2026-08-01"])
    method: Text | None = Field(None, description="申込方法", examples=["電話またはファクスで金沢区役所へ（先着順）"])


class Recurrence(WardModel):
    """A regular class: repeated every week, or every month on the same weekday (第2水曜日...)."""

    frequency: Literal["weekly", "monthly"] = Field(
        description="weekly（毎週同じ曜日）または monthly（毎月、同じ週の同じ曜日。例: 第2水曜日）", examples=["weekly"]
    )
    until: JpDate = Field(description="最後の回の日付（この日まで繰り返します）", examples=["2027-03-31"])


class EventMeta(WardModel):
    """Front matter of one event."""

    title: Text = Field(description="イベント名", examples=["金沢まつり花火大会"])
    title_kana: Text | None = Field(
        None,
        description="イベント名の読み（カタカナ。オープンデータに使います）",
        examples=["カナザワマツリハナビタイカイ"],
    )
    slug: Slug | None = Field(
        None, description="URL に使う英数字名。省略するとファイル名になります", examples=["hanabi-2026"]
    )
    announced: JpDate = Field(
        description="掲載日（このイベントをサイトで初めて知らせた日。フィードの公開日になります）",
        examples=["2026-07-01"],
    )
    modified: JpDate | None = Field(
        None,
        description="更新日（日時・会場・中止・延期など、参加する人に関わる内容を直した日）",
        examples=["2026-08-10"],
    )
    sequence: int = Field(
        0,
        ge=0,
        le=999,
        description="変更回数（日時・会場・中止・延期を変えるたびに1つ増やします。カレンダーアプリが更新に気付くために使います）",
        examples=[1],
    )
    section: Annotated[str, AfterValidator(_section)] = Field(
        description="分類: " + ", ".join(f"{k}（{v}）" for k, v in EVENT_SECTIONS.items()),
        examples=["festival"],
        json_schema_extra={"cms": {"choices": EVENT_SECTIONS}},
    )
    start: JpDateTime = Field(description="始まり（日付、または日付と時刻。日本時間）", examples=["2026-08-22 19:00"])
    end: JpDateTime | None = Field(
        None, description="終わり（日付、または日付と時刻）。省略すると始まりと同じ日", examples=["2026-08-22 20:00"]
    )
    venue: Venue = Field(
        description="会場（name: 会場名、address: 住所、latitude/longitude: 緯度・経度は任意）",
        examples=[{"name": "海の公園", "address": "横浜市金沢区海の公園"}],
    )
    image: Image | None = Field(
        None,
        description="写真（src: content/ からの場所、alt: 写真の説明）",
        examples=[{"src": "images/events/hanabi.jpg", "alt": "海の公園の夜空に上がる花火"}],
    )
    summary: Text | None = Field(
        None,
        description="一覧とオープンデータに出す説明（120字程度）",
        examples=["海の公園で開く金沢の夏の風物詩です。"],
    )
    event_status: Annotated[str, AfterValidator(_event_status)] = Field(
        "予定",
        description="予定、中止、延期 のどれか。延期なら new_date に新しい日程を書きます",
        examples=["予定"],
        json_schema_extra={"cms": {"choices": {s: s for s in STATUSES}}},
    )
    new_date: JpDateTime | None = Field(
        None, description="延期後の始まり（event_status が 延期 のとき）", examples=["2026-09-05 19:00"]
    )
    backup_date: JpDate | None = Field(None, description="雨天順延のときの予備日", examples=["2026-08-23"])
    fee: Text | None = Field(None, description="参加費（例: 無料、500円）", examples=["無料"])
    capacity: Text | None = Field(None, description="定員（例: 先着30人）", examples=["先着30人"])
    audience: Text | None = Field(None, description="対象（例: 区内在住の65歳以上の方）", examples=["どなたでも"])
    bring: Text | None = Field(None, description="持ち物", examples=["筆記用具、飲み物"])
    registration: Registration | None = Field(
        None,
        description="申込み（required: 要・不要、deadline: 締切、method: 方法）。省略すると申込不要",
        examples=[{"required": True, "deadline": "2026-08-01", "method": "電話で金沢区役所へ"}],
    )
    organizer: Text | None = Field(None, description="主催", examples=["金沢まつり実行委員会"])
    contact: Contact | None = Field(None, description="お問合せ先", examples=[{"department": "金沢区総務部区政推進課"}])
    recurrence: Recurrence | None = Field(
        None,
        description="定期的な教室の繰り返し（frequency: weekly または monthly、until: 最後の日）",
        examples=[{"frequency": "monthly", "until": "2027-03-31"}],
    )
    campaign: CampaignName | None = Field(
        None,
        description="この催しが属するキャンペーン（content/campaigns/ のファイル名）",
        examples=["happy-teeth"],
        json_schema_extra={"cms": {"relation": "campaign"}},
    )
    status: Annotated[str, AfterValidator(_status)] = Field(
        "published",
        description="published（公開）または draft（下書き、公開しない）",
        examples=["draft"],
        json_schema_extra={"cms": {"choices": {"published": "published", "draft": "draft"}}},
    )


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _later(a: date | datetime, b: date | datetime) -> bool:
    """a after b; a bare date is compared by its day."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a > b
    return _day(a) > _day(b)


def _shown(value: date | datetime) -> str:
    """As staff wrote it: 2026-08-22 or 2026-08-22 19:00."""
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, datetime) else value.isoformat()


def event_problems(doc: Document) -> list[ContentError]:
    """Checks between fields of one event."""
    meta = doc.meta
    errors = []
    if meta.end is not None and _later(meta.start, meta.end):
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("end"),
                "end",
                f"終わり（{_shown(meta.end)}）が始まり（{_shown(meta.start)}）より前です。end は start と同じか後にしてください",
                "end before start",
            )
        )
    deadline = meta.registration.deadline if meta.registration else None
    if deadline is not None and _later(deadline, meta.start):
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("registration.deadline"),
                "registration.deadline",
                f"申込締切（{_shown(deadline)}）がイベントの始まり（{_shown(meta.start)}）より後です。締切は開催日より前にしてください",
                "registration deadline after the event",
            )
        )
    if meta.event_status == "延期" and meta.new_date is None:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("event_status"),
                "new_date",
                "event_status が 延期 のときは、延期後の日程を new_date に書いてください（例: new_date: 2026-09-05 19:00）。"
                "日程が決まっていなければ event_status: 中止 にして本文で説明してください",
                "postponed without a new date",
            )
        )
    if meta.new_date is not None and meta.event_status != "延期":
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("new_date"),
                "new_date",
                f"new_date は延期したときだけ書きます。延期したなら event_status: 延期 と書き、"
                f"延期していなければ new_date の行を消してください（今の event_status は {meta.event_status}）",
                "new date but not postponed",
            )
        )
    if meta.backup_date is not None and meta.backup_date <= _day(meta.end or meta.start):
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("backup_date"),
                "backup_date",
                f"予備日（{meta.backup_date}）がイベントの日（{_day(meta.end or meta.start)}）より後ではありません。"
                "backup_date には雨天で順延するときの、開催日より後の日付を書いてください",
                "backup date not after the event",
            )
        )
    if meta.recurrence is not None and meta.recurrence.until < _day(meta.start):
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("recurrence.until"),
                "recurrence.until",
                f"繰り返しの終わり（{meta.recurrence.until}）が始まり（{_day(meta.start)}）より前です。until を直してください",
                "recurrence ends before start",
            )
        )
    errors += _length_problems(doc)
    errors += _change_problems(doc)
    if meta.image is not None:
        path = PurePosixPath(meta.image.src)
        if path.is_absolute() or ".." in path.parts or not is_file(doc.root / path):
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("image.src"),
                    "image.src",
                    f"画像「{meta.image.src}」が見つかりません。content/{meta.image.src} に置くか、src を直してください",
                    "image file missing",
                )
            )
    if doc.slug in RESERVED_SLUGS:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("slug") if "slug" in doc.front.lines else 1,
                "slug",
                f"「{doc.slug}」は一覧のページに使う名前なので使えません。ファイル名か slug を変えてください",
                "reserved event slug",
            )
        )
    return errors


def _occurrence_count(start: date, frequency: str, until: date) -> int:
    """How many times a series meets (monthly: on the start's nth weekday, months without one skipped)."""
    if until < start:
        return 0
    if frequency == "weekly":
        return (until - start).days // 7 + 1
    nth = (start.day - 1) // 7 + 1
    count = 0
    year, month = start.year, start.month
    while (year, month) <= (until.year, until.month):
        first = date(year, month, 1)
        day = 1 + (start.weekday() - first.weekday()) % 7 + 7 * (nth - 1)
        if day <= calendar.monthrange(year, month)[1] and start <= date(year, month, day) <= until:
            count += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return count


def _length_problems(doc: Document) -> list[ContentError]:
    """Bounds on one event's days: each would otherwise become calendar pages (a typo of 2062 for 2026)."""
    meta = doc.meta
    errors = []
    first, last = _day(meta.start), _day(meta.end or meta.start)
    if (last - first).days >= MAX_EVENT_DAYS:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("end"),
                "end",
                f"始まり（{first}）から終わり（{last}）まで {(last - first).days + 1} 日あります。"
                f"イベントは {MAX_EVENT_DAYS} 日までです。end を確かめてください。"
                "1年を超える取組は content/campaigns/ にキャンペーンとして書いてください",
                "event too long",
            )
        )
    if meta.recurrence is not None:
        count = _occurrence_count(first, meta.recurrence.frequency, meta.recurrence.until)
        if count > MAX_OCCURRENCES:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("recurrence.until"),
                    "recurrence.until",
                    f"繰り返しが {count} 回になります（{MAX_OCCURRENCES} 回まで）。until の年を確かめてください",
                    "too many occurrences",
                )
            )
    return errors


def _change_problems(doc: Document) -> list[ContentError]:
    """A change residents rely on (中止, 延期, a new time) needs its date and a higher change count."""
    meta = doc.meta
    errors = []
    if meta.modified is not None and meta.modified < meta.announced:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("modified"),
                "modified",
                f"更新日（{meta.modified}）が掲載日（{meta.announced}）より前です。modified は announced と同じか後の日付にしてください",
                "modified before announced",
            )
        )
    if meta.event_status != "予定" and meta.sequence < 1:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("event_status"),
                "sequence",
                f"event_status が {meta.event_status} のときは、変更回数 sequence を 1 以上にしてください（例: sequence: 1）。"
                "カレンダーに登録した人の予定が更新されるために必要です",
                "changed event without a sequence",
            )
        )
    if meta.sequence > 0 and meta.modified is None:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("sequence"),
                "modified",
                "変更回数 sequence を増やしたときは、変更した日を modified に書いてください（例: modified: 2026-11-10）",
                "sequence without a modified date",
            )
        )
    return errors


def check_events(documents: Sequence[Document], everything: Sequence[Document] = ()) -> list[ContentError]:
    """Field-to-field checks of every event, and every named campaign is among the loaded files."""
    errors = [problem for doc in documents for problem in event_problems(doc)]
    named = [doc for doc in documents if doc.meta.campaign]
    if named:
        known = {doc.slug for doc in everything if doc.kind.name == "campaign"}
        listed = "、".join(sorted(known)) or "（まだありません）"
        for doc in named:
            if doc.meta.campaign not in known:
                errors.append(
                    ContentError(
                        doc.shown,
                        doc.line_of("campaign"),
                        "campaign",
                        f"キャンペーン「{doc.meta.campaign}」がありません。content/campaigns/ にあるファイル名"
                        f"（.md を除く）を書いてください: {listed}",
                        "unknown campaign",
                    )
                )
    return errors


def event_urls(documents: Sequence[Document]) -> list[str]:
    """The events plugin's other pages and files: filters, calendar months, each event's .ics."""
    urls = [f"events/section/{key}/" for key in EVENT_SECTIONS]
    urls.append("campaigns/")
    for doc in documents:
        urls.append(f"{doc.url}event.ics")
        first, last = _day(doc.meta.start), _day(doc.meta.end or doc.meta.start)
        if doc.meta.recurrence is not None:
            last = max(last, doc.meta.recurrence.until)
        month = date(first.year, first.month, 1)
        while month <= last:
            urls.append(f"events/calendar/{month:%Y-%m}/")
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return urls


KIND = Kind(
    name="event",
    label="イベント・教室",
    folders=("events",),
    schema=EventMeta,
    url="{folder}/{slug}/",
    collection_check=check_events,
    reserved_urls=("events/", *(f"events/{slug}/" for slug in sorted(RESERVED_SLUGS))),
    reserved_label="イベントの一覧",
    site_urls=event_urls,
)

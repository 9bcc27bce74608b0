"""Events and campaigns as residents see them: occurrences, upcoming/past, campaign status, labels."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from ward_content.dates import format_date, format_time
from ward_content.document import Document
from ward_content.maps import MapLink, map_link

from .event_schema import EVENT_SECTIONS, MAX_OCCURRENCES


def day_of(value: date | datetime) -> date:
    """The calendar day of a date or an aware datetime (already in Asia/Tokyo)."""
    return value.date() if isinstance(value, datetime) else value


def span_label(start: date | datetime, end: date | datetime) -> str:
    """2026年8月22日（土）19:00〜20:00, 2026年8月22日（土）, or 8月1日（土）〜8月3日（月） spans."""
    same_day = day_of(start) == day_of(end)
    if isinstance(start, datetime):
        head = f"{format_date(start)}{format_time(start)}"
        if isinstance(end, datetime):
            if same_day:
                return f"{head}〜{format_time(end)}" if end != start else head
            return f"{head}〜{format_date(end)}{format_time(end)}"
        return head if same_day else f"{head}〜{format_date(end)}"
    if same_day:
        return format_date(start)
    tail = f"{format_date(end)}{format_time(end)}" if isinstance(end, datetime) else format_date(end)
    return f"{format_date(start)}〜{tail}"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    first = date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
    return date(year, month, day) if day <= monthrange(year, month)[1] else None


def recurrence_days(start: date, frequency: str, until: date) -> list[date]:
    """Every day of a weekly series, or of a monthly one on the same nth weekday (第2水曜日); months without it are skipped."""
    days: list[date] = []
    if frequency == "weekly":
        day = start
        while day <= until and len(days) < MAX_OCCURRENCES:
            days.append(day)
            day += timedelta(days=7)
        return days
    nth = (start.day - 1) // 7 + 1
    year, month = start.year, start.month
    while date(year, month, 1) <= until and len(days) < MAX_OCCURRENCES:
        day = _nth_weekday(year, month, start.weekday(), nth)
        if day is not None and start <= day <= until:
            days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def recurrence_label(start: date, frequency: str, until: date) -> str:
    """毎週水曜日（2027年3月31日（水）まで） / 毎月第2水曜日（…まで）."""
    weekday = "月火水木金土日"[start.weekday()]
    every = f"毎週{weekday}曜日" if frequency == "weekly" else f"毎月第{(start.day - 1) // 7 + 1}{weekday}曜日"
    return f"{every}（{format_date(until)}まで）"


def _shift(value: date | datetime, to_day: date) -> date | datetime:
    if isinstance(value, datetime):
        return value.replace(year=to_day.year, month=to_day.month, day=to_day.day)
    return to_day


@dataclass(frozen=True)
class Occurrence:
    """One date on which an event takes place."""

    event: Event
    start: date | datetime
    end: date | datetime

    @property
    def first_day(self) -> date:
        return day_of(self.start)

    @property
    def last_day(self) -> date:
        return day_of(self.end)

    @property
    def label(self) -> str:
        return span_label(self.start, self.end)

    def is_running(self, today: date) -> bool:
        """Under way on the build date (today's one-day events included)."""
        return self.first_day <= today <= self.last_day

    def sort_key(self) -> tuple:
        return (
            self.first_day,
            self.start.strftime("%H:%M") if isinstance(self.start, datetime) else "",
            self.event.slug,
        )


@dataclass(frozen=True)
class Event:
    """A published event with its effective dates (the new date when 延期)."""

    doc: Document
    body_html: str
    url: str
    slug: str
    start: date | datetime
    end: date | datetime
    original_start: date | datetime | None  # the date it was moved from, when 延期
    occurrences: tuple[Occurrence, ...] = field(default=(), compare=False, repr=False)

    @property
    def meta(self):
        return self.doc.meta

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def status(self) -> str:
        return self.meta.event_status

    @property
    def section_label(self) -> str:
        return EVENT_SECTIONS[self.meta.section]

    @property
    def label(self) -> str:
        return span_label(self.start, self.end)

    @property
    def recurrence_label(self) -> str:
        rec = self.meta.recurrence
        return recurrence_label(day_of(self.start), rec.frequency, rec.until) if rec else ""

    @property
    def last_day(self) -> date:
        return self.occurrences[-1].last_day

    @property
    def ics_url(self) -> str:
        return f"{self.url}event.ics"

    @property
    def map_link(self) -> MapLink | None:
        """The site's one map link (ward_content.maps) for the venue."""
        venue = self.meta.venue
        return map_link(venue.name, venue.address, venue.latitude, venue.longitude)


def make_event(doc: Document, body_html: str = "") -> Event:
    """An event with its occurrences expanded; a postponed event takes place on its new date."""
    meta = doc.meta
    end = meta.end or meta.start
    start, original = meta.start, None
    if meta.event_status == "延期" and meta.new_date is not None:
        original = meta.start
        start = meta.new_date
        same_kind = isinstance(start, datetime) == isinstance(meta.start, datetime)
        end = start + (end - meta.start) if same_kind else start
    first_length = day_of(end) - day_of(start)
    days = (
        recurrence_days(day_of(start), meta.recurrence.frequency, meta.recurrence.until)
        if meta.recurrence
        else [day_of(start)]
    )
    event = Event(doc, body_html, doc.url, doc.slug, start, end, original)
    occurrences = tuple(Occurrence(event, _shift(start, d), _shift(end, d + first_length)) for d in days)
    object.__setattr__(event, "occurrences", occurrences)
    return event


def is_upcoming(occurrence: Occurrence, today: date) -> bool:
    """Today's events stay upcoming until the day is over."""
    return occurrence.last_day >= today


@dataclass(frozen=True)
class Month:
    """A month of occurrences, for the landing page and the calendar."""

    year: int
    month: int
    occurrences: tuple[Occurrence, ...]

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"


def by_month(occurrences) -> tuple[Month, ...]:
    """Occurrences grouped by the month they start in, in date order."""
    groups: dict[tuple[int, int], list[Occurrence]] = {}
    for occ in sorted(occurrences, key=Occurrence.sort_key):
        groups.setdefault((occ.first_day.year, occ.first_day.month), []).append(occ)
    return tuple(Month(y, m, tuple(o)) for (y, m), o in sorted(groups.items()))


@dataclass(frozen=True)
class Campaign:
    """A campaign and the events that name it."""

    doc: Document
    body_html: str
    url: str
    slug: str
    events: tuple[Event, ...]

    @property
    def meta(self):
        return self.doc.meta

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def period_label(self) -> str:
        return span_label(self.meta.start, self.meta.end)

    @property
    def occurrences(self) -> tuple[Occurrence, ...]:
        return tuple(sorted((o for e in self.events for o in e.occurrences), key=Occurrence.sort_key))

    def upcoming(self, today: date) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if is_upcoming(o, today))

    def past(self, today: date) -> tuple[Occurrence, ...]:
        """Newest first."""
        return tuple(reversed([o for o in self.occurrences if not is_upcoming(o, today)]))

    def status(self, today: date) -> str:
        """予定 before the period, 実施中 during it, 終了 after it."""
        if today < self.meta.start:
            return "予定"
        return "終了" if today > self.meta.end else "実施中"


@dataclass(frozen=True)
class Programme:
    """Everything the templates and feeds need, for one build date.

    Its lists are found once and kept (it never changes): every event page's menu asks for each
    section's upcoming occurrences, which sorted all the occurrences again seven times a page.
    """

    today: date
    events: tuple[Event, ...]
    campaigns: tuple[Campaign, ...]

    @cached_property
    def occurrences(self) -> tuple[Occurrence, ...]:
        return tuple(sorted((o for e in self.events for o in e.occurrences), key=Occurrence.sort_key))

    @cached_property
    def upcoming(self) -> tuple[Occurrence, ...]:
        return tuple(o for o in self.occurrences if is_upcoming(o, self.today))

    @cached_property
    def past(self) -> tuple[Occurrence, ...]:
        """Newest first: a resident looking back starts from the last one."""
        return tuple(reversed([o for o in self.occurrences if not is_upcoming(o, self.today)]))

    @cached_property
    def running(self) -> tuple[Occurrence, ...]:
        """Occurrences under way on the build date."""
        return tuple(o for o in self.occurrences if o.is_running(self.today))

    def running_campaigns(self) -> tuple[Campaign, ...]:
        return tuple(c for c in self.campaigns if c.status(self.today) == "実施中")

    def sections(self) -> tuple[tuple[str, str, tuple[Occurrence, ...]], ...]:
        """(key, label, upcoming occurrences) for each section that has an event at all."""
        return self._sections

    @cached_property
    def _sections(self) -> tuple[tuple[str, str, tuple[Occurrence, ...]], ...]:
        used = {e.meta.section for e in self.events}
        return tuple(
            (key, label, tuple(o for o in self.upcoming if o.event.meta.section == key))
            for key, label in EVENT_SECTIONS.items()
            if key in used
        )


def make_programme(today: date, events, campaign_docs_html) -> Programme:
    """Events sorted by date; each campaign with its events."""
    events = tuple(sorted(events, key=lambda e: e.occurrences[0].sort_key()))
    campaigns = tuple(
        Campaign(doc, html, doc.url, doc.slug, tuple(e for e in events if e.meta.campaign == doc.slug))
        for doc, html in sorted(campaign_docs_html, key=lambda pair: (pair[0].meta.start, pair[0].slug))
    )
    return Programme(today, events, campaigns)

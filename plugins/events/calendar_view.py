"""Month calendars as data for an accessible table: weeks from Sunday, days outside the month empty."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .model import Occurrence

WEEKDAY_HEADERS = (
    ("日", "日曜日"),
    ("月", "月曜日"),
    ("火", "火曜日"),
    ("水", "水曜日"),
    ("木", "木曜日"),
    ("金", "金曜日"),
    ("土", "土曜日"),
)


@dataclass(frozen=True)
class Day:
    """One cell: a day of the month with the occurrences on it, or None for padding."""

    day: date | None
    occurrences: tuple[Occurrence, ...] = ()


@dataclass(frozen=True)
class MonthCalendar:
    """One month page: its weeks and its neighbours (None at the ends of the range)."""

    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]
    previous: tuple[int, int] | None
    next: tuple[int, int] | None

    @property
    def key(self) -> str:
        return month_key(self.year, self.month)

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def count(self) -> int:
        return len({id(o) for week in self.weeks for d in week for o in d.occurrences})


def month_key(year: int, month: int) -> str:
    """2026-08, the calendar page's folder."""
    return f"{year}-{month:02d}"


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every month from first to last, inclusive, across year ends."""
    months, current = [], first
    while current <= last:
        months.append(current)
        current = next_month(*current)
    return months


def month_calendar(year: int, month: int, occurrences, previous=None, following=None) -> MonthCalendar:
    """A Sunday-first grid; a multi-day event appears on each of its days within the month."""
    grid = calendar.Calendar(firstweekday=calendar.SUNDAY).monthdatescalendar(year, month)
    first, last = grid[0][0], grid[-1][-1]
    # Only the occurrences touching this month, with their days computed once (not per cell).
    spans = [(o.first_day, o.last_day, o) for o in occurrences]
    occurrences = [span for span in spans if span[0] <= last and span[1] >= first]
    weeks = []
    for week in grid:
        cells = []
        for day in week:
            if day.month != month:
                cells.append(Day(None))
                continue
            on_day = tuple(o for o in occurrences if o[0] <= day <= o[1])
            cells.append(Day(day, tuple(sorted((span[2] for span in on_day), key=Occurrence.sort_key))))
        weeks.append(tuple(cells))
    return MonthCalendar(year, month, tuple(weeks), previous, following)


def calendars(occurrences, today: date) -> tuple[MonthCalendar, ...]:
    """One page per month from the first event (or this month) to the last event (or this month)."""
    occurrences = tuple(occurrences)
    starts = [(o.first_day.year, o.first_day.month) for o in occurrences]
    ends = [(o.last_day.year, o.last_day.month) for o in occurrences]
    this_month = (today.year, today.month)
    months = month_range(min([*starts, this_month]), max([*ends, this_month]))
    pages = []
    for index, (year, month) in enumerate(months):
        previous = months[index - 1] if index > 0 else None
        following = months[index + 1] if index + 1 < len(months) else None
        pages.append(month_calendar(year, month, occurrences, previous, following))
    return tuple(pages)

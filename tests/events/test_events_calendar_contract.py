"""The calendar file as calendar programs read it (icalendar and vobject): RFC 5545 ends, change
counts and dates that make a re-import replace a moved or cancelled event, and UIDs without a host."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import vobject
from conftest import build_site
from event_fixtures import event_text
from icalendar import Calendar

IDENTITY = "tag:city.yokohama.lg.jp,2026:kanazawa/"
TOKYO_OFFSET = timedelta(hours=9)

FILES = {
    # (start, end) in every mix of date and date-time.
    "events/timed.md": event_text("時刻から時刻", start="2026-12-05 10:00", end="2026-12-05 12:00"),
    "events/timed-open.md": event_text("終わりのない時刻", start="2026-12-05 10:00"),
    "events/timed-to-day.md": event_text("三日間の展示", start="2026-12-04 10:00", end="2026-12-06"),
    "events/day-to-timed.md": event_text("日付から時刻", start="2026-12-04", end="2026-12-06 15:00"),
    "events/days.md": event_text("年末年始", start="2026-12-28", end="2027-01-03"),
    "events/day.md": event_text("一日", start="2026-12-10"),
    "events/moved.md": event_text(
        "延期した催し",
        start="2026-12-12 10:00",
        end="2026-12-12 11:00",
        event_status="延期",
        new_date="2026-12-19 10:00",
        sequence=2,
        modified="2026-11-25",
    ),
}
ENDS = {
    "timed": ("2026-12-05T10:00:00+09:00", "2026-12-05T12:00:00+09:00"),
    "timed-open": ("2026-12-05T10:00:00+09:00", None),
    # A timed start with a date-only end lasts to the end of that day, not zero time.
    "timed-to-day": ("2026-12-04T10:00:00+09:00", "2026-12-07T00:00:00+09:00"),
    # A date-only start covers whole days: DTEND is a date too (same value type as DTSTART).
    "day-to-timed": ("2026-12-04", "2026-12-07"),
    "days": ("2026-12-28", "2027-01-04"),
    "day": ("2026-12-10", "2026-12-11"),
    "moved": ("2026-12-19T10:00:00+09:00", "2026-12-19T11:00:00+09:00"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("calendar"), files=FILES)


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def by_slug(components, uid):
    return {uid(c).removeprefix(f"{IDENTITY}events/").rstrip("/"): c for c in components}


def test_every_date_and_time_mix_gets_the_right_end_in_icalendar(site):
    cal = Calendar.from_ical((site / "events/events.ics").read_bytes())
    events = by_slug(cal.walk("VEVENT"), lambda c: str(c["UID"]))
    got = {
        slug: (_iso(e.decoded("DTSTART")), _iso(e.decoded("DTEND")) if "DTEND" in e else None)
        for slug, e in events.items()
    }
    assert got == ENDS
    for e in events.values():
        assert type(e.decoded("DTSTART")) is type(e.decoded("DTEND", e.decoded("DTSTART")))


def test_vobject_reads_the_same_events(site):
    cal = vobject.readOne((site / "events/events.ics").read_text(encoding="utf-8"))
    events = by_slug(cal.vevent_list, lambda c: c.uid.value)
    assert set(events) == set(ENDS)
    for slug, (start, end) in ENDS.items():
        item = events[slug]
        assert item.dtstart.value.isoformat() == start
        assert (item.dtend.value.isoformat() if hasattr(item, "dtend") else None) == end


def test_a_moved_event_carries_its_change_count_and_dates(site):
    cal = Calendar.from_ical((site / "events/moved/event.ics").read_bytes())
    (moved,) = cal.walk("VEVENT")
    assert str(moved["UID"]) == f"{IDENTITY}events/moved/"
    assert moved.decoded("SEQUENCE") == 2
    changed = datetime(2026, 11, 25, tzinfo=UTC) - TOKYO_OFFSET
    assert moved.decoded("LAST-MODIFIED") == changed
    assert moved.decoded("DTSTAMP") == changed
    assert moved.decoded("CREATED") == datetime(2026, 10, 1, tzinfo=UTC) - TOKYO_OFFSET
    (plain,) = Calendar.from_ical((site / "events/day/event.ics").read_bytes()).walk("VEVENT")
    assert plain.decoded("SEQUENCE") == 0 and "LAST-MODIFIED" not in plain
    assert plain.decoded("DTSTAMP") == datetime(2026, 10, 1, tzinfo=UTC) - TOKYO_OFFSET
    assert date(2026, 12, 10) == plain.decoded("DTSTART")


def test_the_written_out_tokyo_timezone_is_icalendars_own_derivation():
    from events.ics import _tokyo
    from icalendar import Timezone

    assert _tokyo().to_ical() == Timezone.from_tzid("Asia/Tokyo").to_ical()

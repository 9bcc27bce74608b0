"""iCalendar files built with `icalendar`: the whole programme and one file per event (RFC 5545).

Nothing here depends on the build date: UID from WARD_IDENTITY, SEQUENCE from the front matter,
DTSTAMP/LAST-MODIFIED from `modified` (else `announced`), so a file changes only when an event does
and a calendar that re-imports it replaces its copy of a moved or cancelled event.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache

from icalendar import Calendar, Timezone, TimezoneStandard, vText
from icalendar import Event as VEvent

from ward_content.dates import TOKYO, to_datetime
from ward_content.identity import tag_uri

from .model import Event, day_of

PRODID = "-//Kanazawa Ward, Yokohama//ward site events//JA"
_STATUS = {"予定": "CONFIRMED", "延期": "CONFIRMED", "中止": "CANCELLED"}


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar types only the standard's properties: an X- one given a str is written raw, and a line
    # break in a title (title: "a\nb" in YAML) stopped the build. As TEXT it is escaped like SUMMARY.
    cal.add("x-wr-calname", vText(name))
    cal.add("x-wr-timezone", "Asia/Tokyo")
    return cal


def _utc(day: date) -> datetime:
    """Midnight in Tokyo of that day, in UTC (DTSTAMP, CREATED and LAST-MODIFIED must be UTC)."""
    return to_datetime(day).astimezone(UTC)


def _end(event: Event) -> date | datetime | None:
    """DTEND of the same value type as DTSTART; None for a timed start without an end (it ends when it starts).

    A date is an exclusive end: the day after the last day. A timed start with a date-only end
    lasts until the end of that day, and a date-only start with a timed end covers whole days.
    """
    start, end = event.start, event.end
    if isinstance(start, datetime):
        if isinstance(end, datetime):
            return end.astimezone(TOKYO) if end != start else None
        return to_datetime(day_of(end) + timedelta(days=1))
    return day_of(end) + timedelta(days=1)


def _vevent(event: Event, public_url: str, identity: str) -> VEvent:
    meta = event.meta
    item = VEvent()
    item.add("uid", tag_uri(identity, event.url))
    changed = meta.modified or meta.announced
    # Without a METHOD, DTSTAMP is when the event's information was last revised (RFC 5545 3.8.7.2).
    item.add("dtstamp", _utc(changed))
    item.add("created", _utc(meta.announced))
    if meta.modified:
        item.add("last-modified", _utc(meta.modified))
    item.add("sequence", meta.sequence)
    title = f"【中止】{event.title}" if event.status == "中止" else event.title
    item.add("summary", title)
    start = event.start
    item.add("dtstart", start.astimezone(TOKYO) if isinstance(start, datetime) else start)
    end = _end(event)
    if end is not None:
        item.add("dtend", end)
    if meta.recurrence:
        rule = {"freq": meta.recurrence.frequency.upper()}
        if meta.recurrence.frequency == "monthly":
            nth = (day_of(start).day - 1) // 7 + 1
            rule["byday"] = f"{nth}{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[day_of(start).weekday()]}"
        until = meta.recurrence.until
        # With a timed DTSTART, UNTIL must be UTC; the end of the last day in Tokyo.
        rule["until"] = (
            datetime(until.year, until.month, until.day, 23, 59, 59, tzinfo=TOKYO).astimezone(UTC)
            if isinstance(start, datetime)
            else until
        )
        item.add("rrule", rule)
    item.add("status", _STATUS[event.status])
    venue = meta.venue
    item.add("location", f"{venue.name}（{venue.address}）")
    if venue.latitude is not None and venue.longitude is not None:
        item.add("geo", (venue.latitude, venue.longitude))
    url = f"{public_url.rstrip('/')}/{event.url}"
    item.add("url", url)
    description = [meta.summary or "", f"詳しくは: {url}"]
    if event.status == "中止":
        description.insert(0, "このイベントは中止になりました。")
    item.add("description", "\n".join(line for line in description if line))
    return item


@cache
def _vtimezone(tzid: str) -> Timezone:
    # Deriving a VTIMEZONE from the tz database scans centuries of transitions (10 ms); it depends on
    # the tzid alone, so it is made once per process. Calendars only serialise it, never change it.
    return _tokyo() if tzid == TOKYO.key else Timezone.from_tzid(tzid)


def _tokyo() -> Timezone:
    """Asia/Tokyo's VTIMEZONE as icalendar derives it from the tz database (JST, +09:00 the whole
    year since 1951), written out: every calendar here takes it, and deriving it is 10 ms a build.
    tests/events/test_events_calendar_contract.py holds it to icalendar's own derivation, byte for byte."""
    zone = Timezone()
    zone.add("tzid", TOKYO.key)
    zone.add("comment", "This timezone only works from 1970-01-01 to 2038-01-01.")
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzname", "JST")
    standard.add("tzoffsetfrom", timedelta(hours=9))
    standard.add("tzoffsetto", timedelta(hours=9))
    zone.add_component(standard)
    return zone


def _written_vevent(event: Event, public_url: str, identity: str) -> tuple[bytes, frozenset[str]]:
    """The event's VEVENT as icalendar writes it, and the time zones it names; made once an event
    (kept with it): its own file and the calendar of every event take the same lines, and writing
    them is most of a calendar's cost (icalendar folds Japanese text a character at a time)."""
    written = event.__dict__.setdefault("_written_vevent", {})
    key = (public_url, identity)
    if key not in written:
        item = _vevent(event, public_url, identity)
        holder = Calendar()
        holder.add_component(item)
        written[key] = (item.to_ical(), frozenset(holder.get_missing_tzids()))
    return written[key]


def to_ics(events: Sequence[Event], public_url: str, identity: str, name: str = "金沢区のイベント") -> bytes:
    """A calendar of every event, with the Asia/Tokyo VTIMEZONE so it imports anywhere.

    The bytes icalendar writes for the calendar with its components (tests/events hold them equal):
    its own lines and time zones, then each event's lines, then its end.
    """
    cal = _calendar(name)
    vevents = [_written_vevent(event, public_url, identity) for event in sorted(events, key=lambda e: (e.url, e.slug))]
    for tzid in sorted(frozenset().union(*(tzids for _, tzids in vevents))):
        cal.add_component(_vtimezone(tzid))
    head, end = cal.to_ical().rsplit(b"END:VCALENDAR\r\n", 1)
    return head + b"".join(lines for lines, _ in vevents) + b"END:VCALENDAR\r\n" + end


def event_ics(event: Event, public_url: str, identity: str) -> bytes:
    """The 「カレンダーに追加」 file of one event."""
    return to_ics([event], public_url, identity, name=event.title)

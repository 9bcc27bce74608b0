"""schema.org Event JSON-LD for event pages, built with json."""

from __future__ import annotations

import json
from datetime import date, datetime

from .model import Event
from .record import EventRecord

_STATUS = {
    "予定": "https://schema.org/EventScheduled",
    "中止": "https://schema.org/EventCancelled",
    "延期": "https://schema.org/EventRescheduled",
}


def _iso(value: date | datetime) -> str:
    return value.isoformat()


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _schedule(event: Event) -> dict:
    """A regular class as a schema.org Schedule (weekly, or monthly on the nth weekday)."""
    rec = event.meta.recurrence
    first = event.occurrences[0]
    schedule = {
        "@type": "Schedule",
        "repeatFrequency": "P1W" if rec.frequency == "weekly" else "P1M",
        "byDay": f"https://schema.org/{_DAYS[first.first_day.weekday()]}",
        "startDate": first.first_day.isoformat(),
        "endDate": rec.until.isoformat(),
        "scheduleTimezone": "Asia/Tokyo",
    }
    if rec.frequency == "monthly":
        schedule["byMonthWeek"] = (first.first_day.day - 1) // 7 + 1
    if isinstance(first.start, datetime):
        schedule["startTime"] = f"{first.start:%H:%M}"
    if isinstance(first.end, datetime):
        schedule["endTime"] = f"{first.end:%H:%M}"
    return schedule


def event_jsonld(event: Event, record: EventRecord) -> dict:
    """The Event object search engines read, with the same address, place and URL as the CSV row."""
    meta = event.meta
    place = {"@type": "Place", "name": record.venue_name, "address": record.address.jsonld()}
    if record.latitude is not None and record.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": record.latitude, "longitude": record.longitude}
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": record.name,
        "startDate": _iso(event.start),
        "endDate": _iso(event.end),
        "eventStatus": _STATUS[event.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "url": record.url,
        "inLanguage": "ja",
    }
    if event.original_start is not None:
        data["previousStartDate"] = _iso(event.original_start)
    if meta.recurrence:
        data["eventSchedule"] = _schedule(event)
    if record.description:
        data["description"] = record.description
    if record.image_url:
        data["image"] = record.image_url
    if record.organizer:
        data["organizer"] = {"@type": "Organization", "name": record.organizer}
    if record.fee == "無料":
        data["isAccessibleForFree"] = True
    return data


def jsonld_script(data: dict) -> str:
    """JSON safe inside <script>: '<' escaped so no '</script>' can end it early."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")

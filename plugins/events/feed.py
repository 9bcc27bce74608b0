"""The Atom feed of events: entries dated by the event, the feed by the build date, never the clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ward_content.dates import to_datetime
from ward_content.feeds import FeedEntry, atom_bytes

from .model import Event


def atom_feed(events: Sequence[Event], public_url: str, feed_path: str, today: date) -> bytes | None:
    """Events in the given order; a 中止 or 延期 event says so in its title. None without events."""
    base = public_url.rstrip("/")
    updated = to_datetime(today)
    entries = [
        FeedEntry(
            title=f"{'' if event.status == '予定' else f'【{event.status}】'}{event.title}（{event.label}）",
            link=f"{base}/{event.url}",
            description=f"{event.label}　会場: {event.meta.venue.name}。{event.meta.summary or ''}",
            published=to_datetime(event.start),
            updated=updated,
        )
        for event in events
    ]
    return atom_bytes(
        "金沢区のイベント",
        f"{base}/events/",
        "横浜市金沢区で開かれるまつり・イベント・教室です。",
        f"{base}/{feed_path}",
        entries,
    )
